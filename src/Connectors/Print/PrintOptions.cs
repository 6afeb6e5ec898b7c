using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.Print;

/// <summary>The print connector's options, with Flink's keys.</summary>
public static class PrintOptions
{
    public static readonly ConfigOption<string?> PrintIdentifier = Options.OptionalString("print-identifier",
        "Message prefix of each printed row: 'identifier> ' (or 'identifier:task> ' when the sink runs in parallel).");

    public static readonly ConfigOption<bool> StandardError = Options.Bool("standard-error", false,
        "Print to standard error instead of standard output.");

    public static readonly ConfigOption<int?> SinkParallelism = new("sink.parallelism", null,
        "Parallelism of the sink (defaults to that of its input).",
        s => ConfigParsers.ParseInt(s), v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", hasDefault: false);
}
