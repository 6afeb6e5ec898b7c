using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.Filesystem;

/// <summary>The filesystem connector's options and those of its csv and json formats, with Flink's keys and defaults.</summary>
public static class FilesystemOptions
{
    private static ConfigOption<string?> OptionalText(string key, string description) => Options.OptionalString(key, description);

    private static ConfigOption<char> Char(string key, char defaultValue, string description) =>
        new(key, defaultValue, description, ParseChar(key), c => c.ToString());

    private static Func<string, char> ParseChar(string key) => s =>
    {
        if (s == "\\t") return '\t';
        if (s.Length != 1) throw new FormatException($"'{s}' is not a single character");
        return s[0];
    };

    public static readonly ConfigOption<string?> Path = OptionalText("path", "File or directory to read or write.");
    public static readonly ConfigOption<string> Format = Options.Enum("format", "csv",
        "Format of the files: csv, json (JSON lines), or a change-data format read as a changelog (debezium-json, canal-json, maxwell-json; "
        + "debezium-json is written too).", new[] { "csv", "json", "debezium-json", "canal-json", "maxwell-json" });

    public static readonly ConfigOption<char> CsvFieldDelimiter = Char("csv.field-delimiter", ',', "Field delimiter character.");
    public static readonly ConfigOption<char> CsvQuoteCharacter = Char("csv.quote-character", '"', "Quote character enclosing field values.");
    public static readonly ConfigOption<bool> CsvDisableQuoteCharacter = Options.Bool("csv.disable-quote-character", false, "Disable quoting of values.");
    public static readonly ConfigOption<bool> CsvAllowComments = Options.Bool("csv.allow-comments", false, "Ignore lines starting with '#'.");
    public static readonly ConfigOption<bool> CsvIgnoreParseErrors = Options.Bool("csv.ignore-parse-errors", false, "Skip malformed records instead of failing.");
    public static readonly ConfigOption<string?> CsvNullLiteral = OptionalText("csv.null-literal", "String that stands for a null value.");
    public static readonly ConfigOption<char?> CsvEscapeCharacter = new("csv.escape-character", null, "Escape character (none by default).",
        s => ParseChar("csv.escape-character")(s), c => c?.ToString() ?? "", hasDefault: false);
    public static readonly ConfigOption<string> CsvArrayElementDelimiter = Options.String("csv.array-element-delimiter", ";", "Array element delimiter (accepted).");

    public static readonly ConfigOption<bool> JsonIgnoreParseErrors = Options.Bool("json.ignore-parse-errors", false, "Skip malformed records instead of failing.");
    public static readonly ConfigOption<bool> JsonFailOnMissingField = Options.Bool("json.fail-on-missing-field", false, "Fail when a field is missing (otherwise it is null).");
    public static readonly ConfigOption<string> JsonTimestampFormat = Options.Enum("json.timestamp-format.standard", "SQL",
        "Timestamp text: 'SQL' (2020-12-30 12:13:14.123) or 'ISO-8601' (2020-12-30T12:13:14.123).", new[] { "SQL", "ISO-8601" });
    public static readonly ConfigOption<string> JsonMapNullKeyMode = Options.Enum("json.map-null-key.mode", "FAIL", "Handling of null map keys (accepted).", new[] { "FAIL", "DROP", "LITERAL" });
    public static readonly ConfigOption<string> JsonMapNullKeyLiteral = Options.String("json.map-null-key.literal", "null", "Literal for null map keys (accepted).");
    public static readonly ConfigOption<bool> JsonEncodeDecimalAsPlainNumber = Options.Bool("json.encode.decimal-as-plain-number", false, "Write decimals without scientific notation.");

    public static readonly ConfigOption<long> RollingFileSize = new("sink.rolling-policy.file-size", 128L * 1024 * 1024,
        "Part file size at which a new part file is started.", s => Nexmark.NexmarkOptions.ParseBytes(s), v => v + " bytes");
    public static readonly ConfigOption<TimeSpan> RollingInterval = Options.Duration("sink.rolling-policy.rollover-interval", TimeSpan.FromMinutes(30),
        "Longest time a part file stays open before a new one is started.");
    public static readonly ConfigOption<TimeSpan> RollingCheckInterval = Options.Duration("sink.rolling-policy.check-interval", TimeSpan.FromMinutes(1),
        "How often the rollover interval is checked (accepted; checked on every write).");
    public static readonly ConfigOption<TimeSpan?> MonitorInterval = Options.OptionalDuration("source.monitor-interval",
        "When set, the source keeps watching the directory for new files at this interval (unbounded).");
    public static readonly ConfigOption<int?> SinkParallelism = Print.PrintOptions.SinkParallelism;
    public static readonly ConfigOption<string> PartitionDefaultName = Options.String("partition.default-name", "__DEFAULT_PARTITION__",
        "Partition name for null or empty partition values (accepted).");

    public static IReadOnlyList<ConfigOption> Optional { get; } =
    [
        CsvFieldDelimiter, CsvQuoteCharacter, CsvDisableQuoteCharacter, CsvAllowComments, CsvIgnoreParseErrors, CsvNullLiteral,
        CsvEscapeCharacter, CsvArrayElementDelimiter, JsonIgnoreParseErrors, JsonFailOnMissingField, JsonTimestampFormat, JsonMapNullKeyMode,
        JsonMapNullKeyLiteral, JsonEncodeDecimalAsPlainNumber, RollingFileSize, RollingInterval, RollingCheckInterval, MonitorInterval,
        SinkParallelism, PartitionDefaultName, .. ChangelogFormats.ChangelogFormatOptions.All,
    ];
}
