using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.Postgres;

/// <summary>The postgres-cdc connector's options, with Flink CDC's keys and meanings (<c>debezium.*</c> is accepted as a
/// prefix; <c>debezium.publication.name</c> names the publication).</summary>
public static class PostgresCdcOptions
{
    public static readonly ConfigOption<string?> Hostname = Options.OptionalString("hostname", "The PostgreSQL server's host name or address.");
    public static readonly ConfigOption<int> Port = Options.Int("port", 5432, "The PostgreSQL server's port.");
    public static readonly ConfigOption<string?> Username = Options.OptionalString("username",
        "The user to connect as; it needs the REPLICATION attribute (and the right to create a publication when none exists).");
    public static readonly ConfigOption<string?> Password = Options.OptionalString("password", "The user's password (never shown).");
    public static readonly ConfigOption<string?> DatabaseName = Options.OptionalString("database-name", "The database holding the table.");
    public static readonly ConfigOption<string?> SchemaName = Options.OptionalString("schema-name", "The schema of the table.");
    public static readonly ConfigOption<string?> TableName = Options.OptionalString("table-name", "The table whose changes are read.");
    public static readonly ConfigOption<string?> SlotName = Options.OptionalString("slot.name",
        "The logical replication slot the source reads through (created when missing); one slot per table and job.");
    public static readonly ConfigOption<string> DecodingPluginName = Options.Enum("decoding.plugin.name", "pgoutput",
        "The logical decoding plug-in; pgoutput (built into PostgreSQL 10+) is the one supported.", new[] { "pgoutput" });
    public static readonly ConfigOption<string> StartupMode = Options.Enum("scan.startup.mode", "initial",
        "initial: a consistent snapshot of the table, then its changes from that point; snapshot: the snapshot alone, then the " +
        "source ends (bounded; no slot is used); latest-offset: only changes from now on (from the slot's position when the slot " +
        "exists); committed-offset: changes from the slot's committed position (created when missing).",
        new[] { "initial", "snapshot", "latest-offset", "committed-offset" });
    public static readonly ConfigOption<string> ChangelogMode = Options.Enum("changelog-mode", "all",
        "all: updates and deletes with full before images (the table needs REPLICA IDENTITY FULL); upsert: +I/+U/-D by the " +
        "PRIMARY KEY, normalized downstream (works with the default replica identity).", new[] { "all", "upsert" });
    public static readonly ConfigOption<int?> ScanParallelism = new("scan.parallelism", null,
        "Subtasks of the source; one slot has one reader, so subtask 0 reads and the others stay idle.",
        s => ConfigParsers.ParseInt(s), v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", hasDefault: false);

    public static readonly ConfigOption<int> ChunkSize = Options.Int("scan.incremental.snapshot.chunk.size", 8096,
        "The rows of a snapshot chunk: the snapshot is read by one query per chunk of the key's range (a chunk by a chunk key " +
        "that is not unique ends after all rows of its last key value, so it may hold more).");
    public static readonly ConfigOption<string?> ChunkKeyColumn = Options.OptionalString("scan.incremental.snapshot.chunk.key-column",
        "The column the snapshot is chunked by: by default the primary key; with a primary key, one of its columns (the key then orders by " +
        "it first); without one, a NOT NULL column, which a snapshot cut short needs to continue.");
    public static readonly ConfigOption<int> FetchSize = Options.Int("scan.snapshot.fetch.size", 1024,
        "The rows fetched from the server per round trip while reading the snapshot.");

    // Flink CDC's tuning options, accepted so that its scripts run: the snapshot here is always incremental (read in key
    // chunks, resumable after the last key), and these tune parts of Flink CDC's design that have no counterpart here.
    public static readonly ConfigOption<bool> IncrementalSnapshotEnabled = Options.Bool("scan.incremental.snapshot.enabled", true,
        "Accepted for compatibility: the snapshot is always read in key chunks and resumable after a checkpoint.");
    public static readonly ConfigOption<bool> CloseIdleReader = Options.Bool("scan.incremental.close-idle-reader.enabled", false,
        "Accepted for compatibility (subtasks other than 0 stay idle).");
    public static readonly ConfigOption<bool> BackfillSkip = Options.Bool("scan.incremental.snapshot.backfill.skip", false,
        "Accepted for compatibility: snapshot and stream are joined exactly once without a backfill.");
    public static readonly ConfigOption<bool> UnboundedChunkFirst = Options.Bool("scan.incremental.snapshot.unbounded-chunk-first.enabled", false,
        "Accepted for compatibility.");
    public static readonly ConfigOption<int> LsnCommitDelay = Options.Int("scan.lsn-commit.checkpoints-num-delay", 3,
        "Accepted for compatibility: the slot is told a position once a checkpoint holding it completes.");
    public static readonly ConfigOption<bool> NewlyAddedTable = Options.Bool("scan.newly-added-table.enabled", false, "Accepted for compatibility.");
    public static readonly ConfigOption<bool> PartitionedTables = Options.Bool("scan.include-partitioned-tables.enabled", false, "Accepted for compatibility.");
    public static readonly ConfigOption<TimeSpan> HeartbeatInterval = Options.Duration("heartbeat.interval.ms", TimeSpan.FromSeconds(30),
        "Accepted for compatibility: the replication connection sends its own status updates.");
    public static readonly ConfigOption<TimeSpan> ConnectTimeout = Options.Duration("connect.timeout", TimeSpan.FromSeconds(30),
        "Accepted for compatibility.");
    public static readonly ConfigOption<int> ConnectMaxRetries = Options.Int("connect.max-retries", 3, "Accepted for compatibility.");
    public static readonly ConfigOption<int> ConnectionPoolSize = Options.Int("connection.pool.size", 20, "Accepted for compatibility.");
    public static readonly ConfigOption<int> ChunkMetaGroupSize = Options.Int("chunk-meta.group.size", 1000, "Accepted for compatibility.");
    public static readonly ConfigOption<string?> DistributionUpper = Options.OptionalString("chunk-key.even-distribution.factor.upper-bound",
        "Accepted for compatibility.");
    public static readonly ConfigOption<string?> DistributionLower = Options.OptionalString("chunk-key.even-distribution.factor.lower-bound",
        "Accepted for compatibility.");

    public static IReadOnlyList<ConfigOption> Required { get; } = [Hostname, Username, Password, DatabaseName, SchemaName, TableName, SlotName];

    public static IReadOnlyList<ConfigOption> Optional { get; } =
    [
        Port, DecodingPluginName, StartupMode, ChangelogMode, ScanParallelism, ChunkSize, ChunkKeyColumn, FetchSize, IncrementalSnapshotEnabled, CloseIdleReader,
        BackfillSkip, UnboundedChunkFirst, LsnCommitDelay, NewlyAddedTable, PartitionedTables, HeartbeatInterval, ConnectTimeout, ConnectMaxRetries,
        ConnectionPoolSize, ChunkMetaGroupSize, DistributionUpper, DistributionLower,
    ];
}
