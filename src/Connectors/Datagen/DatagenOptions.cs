using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.Datagen;

/// <summary>The datagen connector's options, with Flink's keys and defaults.</summary>
public static class DatagenOptions
{
    public static readonly ConfigOption<long> RowsPerSecond = Options.Long("rows-per-second", 10000,
        "Rows per second the source emits in total (each subtask emits its share).");

    public static readonly ConfigOption<long?> NumberOfRows = new("number-of-rows", null,
        "Total rows to emit; the source is bounded when set, unbounded otherwise.",
        s => ConfigParsers.ParseLong(s), v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", hasDefault: false);

    public static readonly ConfigOption<int?> ScanParallelism = new("scan.parallelism", null,
        "Parallelism of the source (defaults to the job's).",
        s => ConfigParsers.ParseInt(s), v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", hasDefault: false);

    /// <summary>Per-field options: <c>fields.&lt;column&gt;.&lt;name&gt;</c>.</summary>
    public const string FieldsPrefix = "fields.";

    public const string Kind = "kind";
    public const string Min = "min";
    public const string Max = "max";
    public const string MaxPast = "max-past";
    public const string Length = "length";
    public const string VarLen = "var-len";
    public const string Start = "start";
    public const string End = "end";
    public const string NullRate = "null-rate";

    public static readonly IReadOnlyList<string> FieldOptionNames = new[] { Kind, Min, Max, MaxPast, Length, VarLen, Start, End, NullRate };

    public const int DefaultStringLength = 100;
}
