using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.ChangelogFormats;

/// <summary>
/// The options of the change-data formats <c>debezium-json</c>, <c>canal-json</c> and <c>maxwell-json</c>, with Flink's
/// keys and defaults (each also under its <c>value.</c>-prefixed key, which a kafka table with <c>'value.format'</c>
/// uses).
/// </summary>
public static class ChangelogFormatOptions
{
    public const string Debezium = "debezium-json";
    public const string Canal = "canal-json";
    public const string Maxwell = "maxwell-json";

    /// <summary>The change-data formats, read as <c>+I/-U/+U/-D</c> streams.</summary>
    public static IReadOnlyList<string> Formats { get; } = [Debezium, Canal, Maxwell];

    public static bool IsChangelogFormat(string? format) => format is Debezium or Canal or Maxwell;

    public static readonly ConfigOption<bool> DebeziumSchemaInclude = Options.Bool(Debezium + ".schema-include", false,
        "Whether each Debezium message holds its schema ('schema' and 'payload', Kafka Connect's JsonConverter with schemas.enable); "
        + "read only: an INSERT into a debezium-json table with it is refused, as in Flink.", "value." + Debezium + ".schema-include");
    public static readonly ConfigOption<bool> DebeziumIgnoreParseErrors = IgnoreParseErrors(Debezium);
    public static readonly ConfigOption<string> DebeziumTimestampFormat = TimestampFormat(Debezium);
    public static readonly ConfigOption<string> DebeziumMapNullKeyMode = MapNullKeyMode(Debezium);
    public static readonly ConfigOption<string> DebeziumMapNullKeyLiteral = MapNullKeyLiteral(Debezium);
    public static readonly ConfigOption<bool> DebeziumDecimalPlain = DecimalPlain(Debezium);

    public static readonly ConfigOption<bool> CanalIgnoreParseErrors = IgnoreParseErrors(Canal);
    public static readonly ConfigOption<string> CanalTimestampFormat = TimestampFormat(Canal);
    public static readonly ConfigOption<string> CanalMapNullKeyMode = MapNullKeyMode(Canal);
    public static readonly ConfigOption<string> CanalMapNullKeyLiteral = MapNullKeyLiteral(Canal);
    public static readonly ConfigOption<bool> CanalDecimalPlain = DecimalPlain(Canal);
    public static readonly ConfigOption<string?> CanalDatabaseInclude = DatabaseInclude(Canal);
    public static readonly ConfigOption<string?> CanalTableInclude = TableInclude(Canal);

    public static readonly ConfigOption<bool> MaxwellIgnoreParseErrors = IgnoreParseErrors(Maxwell);
    public static readonly ConfigOption<string> MaxwellTimestampFormat = TimestampFormat(Maxwell);
    public static readonly ConfigOption<string> MaxwellMapNullKeyMode = MapNullKeyMode(Maxwell);
    public static readonly ConfigOption<string> MaxwellMapNullKeyLiteral = MapNullKeyLiteral(Maxwell);
    public static readonly ConfigOption<bool> MaxwellDecimalPlain = DecimalPlain(Maxwell);
    public static readonly ConfigOption<string?> MaxwellDatabaseInclude = DatabaseInclude(Maxwell);
    public static readonly ConfigOption<string?> MaxwellTableInclude = TableInclude(Maxwell);

    /// <summary>Every option of the three formats.</summary>
    public static IReadOnlyList<ConfigOption> All { get; } =
    [
        DebeziumSchemaInclude, DebeziumIgnoreParseErrors, DebeziumTimestampFormat, DebeziumMapNullKeyMode, DebeziumMapNullKeyLiteral, DebeziumDecimalPlain,
        CanalIgnoreParseErrors, CanalTimestampFormat, CanalMapNullKeyMode, CanalMapNullKeyLiteral, CanalDecimalPlain, CanalDatabaseInclude, CanalTableInclude,
        MaxwellIgnoreParseErrors, MaxwellTimestampFormat, MaxwellMapNullKeyMode, MaxwellMapNullKeyLiteral, MaxwellDecimalPlain, MaxwellDatabaseInclude,
        MaxwellTableInclude,
    ];

    /// <summary>The parser of <paramref name="format"/> for rows of <paramref name="rowSchema"/> (columns by name), and
    /// whether malformed messages are skipped.</summary>
    internal static (IChangelogRecordParser Parser, bool IgnoreErrors) CreateParser(string format, Apache.Arrow.Schema rowSchema, Common.TableOptions options)
    {
        var rows = new Filesystem.JsonRecordParser(rowSchema, failOnMissing: false);
        return format switch
        {
            Debezium => (new DebeziumJsonParser(rows, options.Get(DebeziumSchemaInclude)), options.Get(DebeziumIgnoreParseErrors)),
            Canal => (new CanalJsonParser(rows, ChangeMessage.Filter(options.Get(CanalDatabaseInclude)), ChangeMessage.Filter(options.Get(CanalTableInclude))),
                options.Get(CanalIgnoreParseErrors)),
            Maxwell => (new MaxwellJsonParser(rows, ChangeMessage.Filter(options.Get(MaxwellDatabaseInclude)), ChangeMessage.Filter(options.Get(MaxwellTableInclude))),
                options.Get(MaxwellIgnoreParseErrors)),
            _ => throw new ArgumentException($"'{format}' is not a change-data format", nameof(format)),
        };
    }

    /// <summary>Checks the include filters are regular expressions (at CREATE TABLE).</summary>
    internal static void Validate(Common.TableOptions options)
    {
        foreach (var option in new[] { CanalDatabaseInclude, CanalTableInclude, MaxwellDatabaseInclude, MaxwellTableInclude })
        {
            try
            {
                ChangeMessage.Filter(options.Get(option));
            }
            catch (ArgumentException e)
            {
                throw options.Invalid(option.Key, "not a regular expression: " + e.Message);
            }
        }
    }

    /// <summary>Refuses what the encoder of <paramref name="format"/> cannot write, when the table is written: debezium-json with
    /// <c>schema-include</c>, which Flink's debezium-json encoding format refuses too (its messages never carry the schema).</summary>
    internal static void ValidateEncoding(Common.TableOptions options, string? format)
    {
        if (format == Debezium && options.Get(DebeziumSchemaInclude))
            throw new Sql.Planner.Connectors.ConnectorOptionException(DebeziumSchemaInclude.Key,
                $"Table '{options.TableName}' cannot be written: Debezium JSON serialization doesn't support '{DebeziumSchemaInclude.Key}' option been set "
                + "to true. The schema envelope is read only; write without it (the default) to produce messages Flink writes.");
    }

    private static ConfigOption<bool> IgnoreParseErrors(string format) => Options.Bool(format + ".ignore-parse-errors", false,
        "Skip (and count) a malformed message instead of failing the job.", "value." + format + ".ignore-parse-errors");

    private static ConfigOption<string> TimestampFormat(string format) => Options.Enum(format + ".timestamp-format.standard", "SQL",
        "Timestamp text: 'SQL' (2020-12-30 12:13:14.123) or 'ISO-8601' (2020-12-30T12:13:14.123); either is read.", ["SQL", "ISO-8601"],
        "value." + format + ".timestamp-format.standard");

    private static ConfigOption<string> MapNullKeyMode(string format) => Options.Enum(format + ".map-null-key.mode", "FAIL",
        "Handling of null map keys (accepted).", ["FAIL", "DROP", "LITERAL"], "value." + format + ".map-null-key.mode");

    private static ConfigOption<string> MapNullKeyLiteral(string format) => Options.String(format + ".map-null-key.literal", "null",
        "Literal for null map keys (accepted).", "value." + format + ".map-null-key.literal");

    private static ConfigOption<bool> DecimalPlain(string format) => Options.Bool(format + ".encode.decimal-as-plain-number", false,
        "Write decimals without scientific notation.", "value." + format + ".encode.decimal-as-plain-number");

    private static ConfigOption<string?> DatabaseInclude(string format) => Options.OptionalString(format + ".database.include",
        "Only read changes of databases whose name matches this regular expression (the whole name; all by default).",
        "value." + format + ".database.include");

    private static ConfigOption<string?> TableInclude(string format) => Options.OptionalString(format + ".table.include",
        "Only read changes of tables whose name matches this regular expression (the whole name; all by default).",
        "value." + format + ".table.include");
}
