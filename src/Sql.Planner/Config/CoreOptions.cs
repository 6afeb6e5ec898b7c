namespace StreamSql.Sql.Planner.Config;

/// <summary>Settings the planner and runtime read, with Flink's keys (and both generations of a renamed key).</summary>
public static class CoreOptions
{
    public static readonly ConfigOption<int> DefaultParallelism = Options.Int("parallelism.default", 1,
        "Parallelism of operators that have no parallelism of their own.");

    public static readonly ConfigOption<int> MaxParallelism = Options.Int("pipeline.max-parallelism", 128,
        "Number of key groups: the upper bound of parallelism a job's keyed state can be rescaled to.");

    public static readonly ConfigOption<string?> PipelineName = Options.OptionalString("pipeline.name",
        "Name of the job submitted by the next INSERT or statement set.");

    public static readonly ConfigOption<string> LocalTimeZone = Options.String("table.local-time-zone", "default",
        "Session time zone for TIMESTAMP_LTZ conversions, CURRENT_TIMESTAMP and printing ('default' = the machine's zone, or a TZDB id such as 'Europe/Berlin', 'UTC', or a fixed offset such as 'GMT+08:00').");

    public static readonly ConfigOption<bool> DmlSync = Options.Bool("table.dml-sync", false,
        "When true, INSERT waits for its job to finish before the next statement runs.");

    public static readonly ConfigOption<string> RuntimeMode = Options.Enum("execution.runtime-mode", "streaming",
        "Execution mode. 'batch' (Flink's batch mode) needs bounded, insert-only tables and gives final rows only: aggregations and windows emit one +I row per group when their input ends (an insert-only result append-only sinks take), windows take any TIMESTAMP column and see every row, and the job takes no checkpoints (a killed batch job runs again from the start). 'automatic' (Flink's AUTOMATIC) runs a statement in batch mode when every table it reads is bounded and insert-only, in streaming mode otherwise.", new[] { "streaming", "batch", "automatic" });

    public static readonly ConfigOption<int> BatchMaxRows = Options.Int("execution.batch.max-rows", 4096,
        "Upper bound on the rows of one Arrow batch exchanged between operators.");

    public static readonly ConfigOption<TimeSpan> BatchLinger = Options.Duration("execution.batch.linger", TimeSpan.FromMilliseconds(100),
        "How long a partial batch may wait for more rows before it is sent on.");

    public static readonly ConfigOption<int> ChannelCapacity = Options.Int("execution.channel.capacity", 16,
        "Batches an exchange channel buffers before the sender waits (backpressure).");

    public static readonly ConfigOption<TimeSpan> AutoWatermarkInterval = Options.Duration("pipeline.auto-watermark-interval", TimeSpan.FromMilliseconds(200),
        "How often sources emit watermarks.");

    public static readonly ConfigOption<TimeSpan?> IdleTimeout = Options.OptionalDuration("table.exec.source.idle-timeout",
        "A source split (a Kafka partition) or source subtask with no data for this long is marked idle and does not hold back watermarks.");

    public static readonly ConfigOption<string> ResultMode = Options.Enum("sql-client.execution.result-mode", "tableau",
        "How the shell shows query results.", new[] { "table", "tableau", "changelog" });

    public static readonly ConfigOption<int> MaxTableResultRows = Options.Int("sql-client.execution.max-table-result.rows", 1_000_000,
        "Rows kept by the shell for a materialised result.");

    public static readonly ConfigOption<string> DisplayMaxColumnWidth = Options.String("sql-client.display.max-column-width", "30",
        "Widest column the tableau result shows before cutting values.", "table.display.max-column-width");

    /// <summary>Every option declared here, for SET validation and generated docs.</summary>
    public static IReadOnlyList<ConfigOption> All { get; } =
    [
        DefaultParallelism, MaxParallelism, PipelineName, LocalTimeZone, DmlSync, RuntimeMode, BatchMaxRows, BatchLinger,
        ChannelCapacity, AutoWatermarkInterval, IdleTimeout, ResultMode, MaxTableResultRows, DisplayMaxColumnWidth,
        .. ExecutionConfigOptions.All, .. OptimizerConfigOptions.All,
    ];
}
