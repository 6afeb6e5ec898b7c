using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.Postgres;

/// <summary>The jdbc connector's options: Flink's JDBC SQL connector keys and defaults, plus StreamSql's own
/// <c>sink.delivery-guarantee</c> and <c>sink.progress-table</c> (Flink's SQL connector is at-least-once only).</summary>
public static class JdbcOptions
{
    public static readonly ConfigOption<string?> Url = Options.OptionalString("url",
        "The JDBC URL of the database: jdbc:postgresql://host[:port]/database[?param=value&...].");
    public static readonly ConfigOption<string?> TableName = Options.OptionalString("table-name",
        "The name of the table in the database, optionally schema-qualified ('public.orders').");
    public static readonly ConfigOption<string?> Driver = Options.OptionalString("driver",
        "The JDBC driver class (accepted for compatibility: PostgreSQL is always written through Npgsql).");
    public static readonly ConfigOption<string?> Username = Options.OptionalString("username",
        "The user name; 'username' and 'password' are set both or neither.");
    public static readonly ConfigOption<string?> Password = Options.OptionalString("password",
        "The password (never shown: SHOW CREATE TABLE, EXPLAIN, errors and the REST API mask it).");
    public static readonly ConfigOption<TimeSpan> ConnectionMaxRetryTimeout = Options.Duration("connection.max-retry-timeout",
        TimeSpan.FromSeconds(60), "How long opening a connection may take (the connect timeout).");
    public static readonly ConfigOption<int> BufferFlushMaxRows = Options.Int("sink.buffer-flush.max-rows", 100,
        "at-least-once: buffered rows that trigger a flush (0 turns the size trigger off).");
    public static readonly ConfigOption<TimeSpan> BufferFlushInterval = Options.Duration("sink.buffer-flush.interval", TimeSpan.FromSeconds(1),
        "at-least-once: the longest time rows stay buffered (0 turns the time trigger off).");
    public static readonly ConfigOption<int> MaxRetries = Options.Int("sink.max-retries", 3,
        "How often a failed write is retried (with a fresh connection and a growing pause) before the job fails.");
    public static readonly ConfigOption<int?> SinkParallelism = Print.PrintOptions.SinkParallelism;
    public static readonly ConfigOption<string> DeliveryGuarantee = Options.Enum("sink.delivery-guarantee", "at-least-once",
        "StreamSql's own: at-least-once (flush by size, interval and at every checkpoint) or exactly-once (a checkpoint's rows "
        + "written in one transaction with a progress row when the checkpoint completes).", new[] { "at-least-once", "exactly-once" });
    public static readonly ConfigOption<string> ProgressTable = Options.String("sink.progress-table", "streamsql_sink_progress",
        "StreamSql's own, exactly-once: the table (created when missing) that records, in each commit's transaction, which "
        + "checkpoint of which sink subtask was written.");

    public static readonly ConfigOption<string?> ScanPartitionColumn = Options.OptionalString("scan.partition.column",
        "Scan: the numeric column the table is read in partitions by (BETWEEN ranges spread over the source's subtasks); set with "
        + "scan.partition.num, scan.partition.lower-bound and scan.partition.upper-bound, which also filter the rows read (only rows whose column lies within the bounds).");
    public static readonly ConfigOption<int> ScanPartitionNum = Options.Int("scan.partition.num", 0,
        "Scan: the number of partitions (with scan.partition.column): [lower-bound, upper-bound] is cut into this many ranges as Flink cuts it, partition i read by subtask i mod parallelism.");
    public static readonly ConfigOption<long> ScanPartitionLowerBound = Options.Long("scan.partition.lower-bound", 0,
        "Scan: the smallest value of scan.partition.column read (with scan.partition.column).");
    public static readonly ConfigOption<long> ScanPartitionUpperBound = Options.Long("scan.partition.upper-bound", 0,
        "Scan: the largest value of scan.partition.column read (with scan.partition.column).");
    public static readonly ConfigOption<int> ScanFetchSize = Options.Int("scan.fetch-size", 0,
        "Scan: rows fetched from the database per round trip (0: 1024).");
    public static readonly ConfigOption<bool> ScanAutoCommit = Options.Bool("scan.auto-commit", true,
        "Scan: accepted for compatibility (each partition of the table is read in a read-only transaction of its own).");

    /// <summary>The scan.partition.* options, which are set all or none.</summary>
    public static IReadOnlyList<ConfigOption> ScanPartition { get; } = [ScanPartitionColumn, ScanPartitionNum, ScanPartitionLowerBound, ScanPartitionUpperBound];

    public static IReadOnlyList<ConfigOption> Required { get; } = new ConfigOption[] { Url, TableName };

    public static IReadOnlyList<ConfigOption> Optional { get; } = new ConfigOption[]
    {
        Driver, Username, Password, ConnectionMaxRetryTimeout, BufferFlushMaxRows, BufferFlushInterval, MaxRetries, SinkParallelism,
        DeliveryGuarantee, ProgressTable, ScanPartitionColumn, ScanPartitionNum, ScanPartitionLowerBound, ScanPartitionUpperBound, ScanFetchSize,
        ScanAutoCommit,
    };
}
