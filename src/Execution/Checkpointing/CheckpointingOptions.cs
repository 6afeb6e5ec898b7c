using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.Checkpointing;

/// <summary>
/// Checkpointing, state backend and recovery settings, with Flink's keys (2.x key first, the 1.x key as a fallback where
/// Flink renamed it). docs/checkpoints.md lists them; <see cref="All"/> feeds SET validation.
/// </summary>
public static class CheckpointingOptions
{
    // Declared first: static initializers run in text order and the options below use these lists.
    public static IReadOnlyList<string> StorageTypes { get; } = new[] { "jobmanager", "filesystem", "jdbc" };

    public static IReadOnlyList<string> RetentionPolicies { get; } =
        new[] { "DELETE_ON_CANCELLATION", "RETAIN_ON_CANCELLATION", "NO_EXTERNALIZED_CHECKPOINTS" };

    public static readonly ConfigOption<TimeSpan?> Interval = Options.OptionalDuration("execution.checkpointing.interval",
        "Time between periodic checkpoints; checkpointing is off when unset.");

    public static readonly ConfigOption<string> Mode = Options.Enum("execution.checkpointing.mode", "EXACTLY_ONCE",
        "EXACTLY_ONCE aligns barriers of operators with several inputs; AT_LEAST_ONCE does not (lower latency, duplicates after a restore).",
        new[] { "EXACTLY_ONCE", "AT_LEAST_ONCE" });

    public static readonly ConfigOption<TimeSpan> Timeout = Options.Duration("execution.checkpointing.timeout", TimeSpan.FromMinutes(10),
        "A checkpoint that has not completed after this long is aborted.");

    public static readonly ConfigOption<TimeSpan> MinPause = Options.Duration("execution.checkpointing.min-pause", TimeSpan.Zero,
        "Minimal pause between the end of one checkpoint and the start of the next.");

    public static readonly ConfigOption<int> MaxConcurrentCheckpoints = Options.Int("execution.checkpointing.max-concurrent-checkpoints", 1,
        "How many checkpoints may be in progress at once.");

    public static readonly ConfigOption<int> TolerableFailedCheckpoints = Options.Int("execution.checkpointing.tolerable-failed-checkpoints", 0,
        "Consecutive checkpoint failures tolerated before the job fails.");

    public static readonly ConfigOption<string?> Storage = new("execution.checkpointing.storage", null,
        "Where checkpoints go: 'jobmanager' (in memory), 'filesystem' (the checkpoint directory) or 'jdbc' (PostgreSQL tables, StreamSql's own: see 'execution.checkpointing.jdbc.url'). Default: 'filesystem' when a checkpoint directory is set, otherwise 'jobmanager'.",
        s => ConfigParsers.ParseEnum(s, StorageTypes), s => s ?? "", new[] { "state.checkpoint-storage" }, StorageTypes, hasDefault: false);

    public static readonly ConfigOption<string?> CheckpointsDirectory = Options.OptionalString("execution.checkpointing.dir",
        "Directory of checkpoints: {dir}/{job}/chk-{n}/ with a _metadata file, plus {dir}/{job}/shared/ for incremental files.",
        "state.checkpoints.dir");

    public static readonly ConfigOption<string?> JdbcUrl = Options.OptionalString("execution.checkpointing.jdbc.url",
        "StreamSql's own, for 'jdbc' checkpoint storage: the database that keeps checkpoints (jdbc:postgresql://host[:port]/database).",
        "state.checkpoints.jdbc.url");

    public static readonly ConfigOption<string?> JdbcUsername = Options.OptionalString("execution.checkpointing.jdbc.username",
        "StreamSql's own, for 'jdbc' checkpoint storage: the database user.", "state.checkpoints.jdbc.username");

    public static readonly ConfigOption<string?> JdbcPassword = Options.OptionalString("execution.checkpointing.jdbc.password",
        "StreamSql's own, for 'jdbc' checkpoint storage: the database user's password (never shown).", "state.checkpoints.jdbc.password");

    public static readonly ConfigOption<string?> SavepointDirectory = Options.OptionalString("execution.checkpointing.savepoint-dir",
        "Default directory of savepoints (savepoint-{job id prefix}-{random}/, self-contained and relocatable).",
        "state.savepoints.dir");

    public static readonly ConfigOption<int> NumRetained = Options.Int("execution.checkpointing.num-retained", 1,
        "How many completed checkpoints are kept; older ones are deleted (with the shared files only they reference).",
        "state.checkpoints.num-retained");

    public static readonly ConfigOption<string> ExternalizedRetention = Options.Enum("execution.checkpointing.externalized-checkpoint-retention",
        "NO_EXTERNALIZED_CHECKPOINTS",
        "What happens to retained checkpoints when the job ends: DELETE_ON_CANCELLATION keeps them only when the job fails, RETAIN_ON_CANCELLATION also when it is cancelled, NO_EXTERNALIZED_CHECKPOINTS deletes them whenever the job terminates.",
        RetentionPolicies);

    public static readonly ConfigOption<string> StateBackend = new("state.backend.type", "hashmap",
        "Keyed state backend: 'hashmap' (in memory) or 'rocksdb' (on local disk: state larger than memory, incremental checkpoints). The Flink 1.x names 'jobmanager' and 'filesystem' mean 'hashmap'.",
        ParseStateBackend, s => s, new[] { "state.backend" }, new[] { "hashmap", "rocksdb" });

    public static readonly ConfigOption<bool> Incremental = Options.Bool("execution.checkpointing.incremental", false,
        "rocksdb only: checkpoints upload only the files that changed since the previous checkpoint.",
        "state.backend.incremental");

    public static readonly ConfigOption<string?> RocksDbLocalDirectory = Options.OptionalString("state.backend.rocksdb.localdir",
        "Local working directory of rocksdb state (default: a folder in the system temp directory). Each subtask works in " +
        "`{job}-{operator}-{subtask}-p{process id}-{guid}` and deletes it when it closes; the first rocksdb backend of a process " +
        "deletes those left by processes that no longer run (killed with SIGKILL).");

    public static readonly ConfigOption<long> RocksDbBlockCacheSize = new("state.backend.rocksdb.block.cache-size", 64L << 20,
        "rocksdb: size of the block cache every rocksdb backend of a job shares (reads of state on disk go through it; it holds the index and filter blocks too, partitioned, with only their top levels pinned), e.g. '64mb'. Flink sizes it from managed memory; here it is set directly.",
        ParseMemorySize, FormatMemorySize, Array.Empty<string>());

    public static readonly ConfigOption<int> RocksDbGroupCacheSize = Options.Int("state.backend.rocksdb.group-table.cache-size", 100_000,
        "rocksdb: how many groups each columnar group table (aggregations, windows) keeps in memory; beyond it the least recently used are dropped, those of them that changed written to RocksDB first in one write batch (the others stay in memory until evicted or a checkpoint writes them).");

    public static readonly ConfigOption<string?> RecoveryPath = Options.OptionalString("execution.state-recovery.path",
        "Savepoint or retained checkpoint (its directory or _metadata file) the next job is restored from.",
        "execution.savepoint.path");

    public static readonly ConfigOption<bool> IgnoreUnclaimedState = Options.Bool("execution.state-recovery.ignore-unclaimed-state", false,
        "Allow restoring from a savepoint with state of operators that no longer exist (that state is dropped).",
        "execution.savepoint.ignore-unclaimed-state");

    public static IReadOnlyList<string> RestartStrategies { get; } = new[] { "none", "fixed-delay", "exponential-delay", "failure-rate" };

    public static readonly ConfigOption<string?> RestartStrategy = new("restart-strategy.type", null,
        "What happens when a task fails: 'none' (the job fails), 'fixed-delay', 'exponential-delay' or 'failure-rate' (the job restarts from its latest completed checkpoint). Default: 'exponential-delay' when checkpointing is enabled, otherwise 'none'. 'off' and 'disable' mean 'none'.",
        ParseRestartStrategy, s => s ?? "", new[] { "restart-strategy" }, RestartStrategies, hasDefault: false);

    public static readonly ConfigOption<int> FixedDelayAttempts = Options.Int("restart-strategy.fixed-delay.attempts", 1,
        "fixed-delay: how many restarts are attempted before the job fails.");

    public static readonly ConfigOption<TimeSpan> FixedDelay = Options.Duration("restart-strategy.fixed-delay.delay", TimeSpan.FromSeconds(1),
        "fixed-delay: the pause before each restart.");

    public static readonly ConfigOption<TimeSpan> ExponentialInitialBackoff = Options.Duration("restart-strategy.exponential-delay.initial-backoff",
        TimeSpan.FromSeconds(1), "exponential-delay: the pause before the first restart.");

    public static readonly ConfigOption<TimeSpan> ExponentialMaxBackoff = Options.Duration("restart-strategy.exponential-delay.max-backoff",
        TimeSpan.FromMinutes(1), "exponential-delay: the longest pause between restarts.");

    public static readonly ConfigOption<double> ExponentialMultiplier = new("restart-strategy.exponential-delay.backoff-multiplier", 1.5,
        "exponential-delay: the pause grows by this factor after each restart.", ConfigParsers.ParseDouble,
        d => d.ToString(System.Globalization.CultureInfo.InvariantCulture), Array.Empty<string>());

    public static readonly ConfigOption<double> ExponentialJitter = new("restart-strategy.exponential-delay.jitter-factor", 0.1,
        "exponential-delay: each pause varies randomly by up to this fraction.", ConfigParsers.ParseDouble,
        d => d.ToString(System.Globalization.CultureInfo.InvariantCulture), Array.Empty<string>());

    public static readonly ConfigOption<TimeSpan> ExponentialResetThreshold = Options.Duration("restart-strategy.exponential-delay.reset-backoff-threshold",
        TimeSpan.FromHours(1), "exponential-delay: after running this long without failure the pause starts again from the initial backoff.");

    public static readonly ConfigOption<int> ExponentialAttempts = Options.Int("restart-strategy.exponential-delay.attempts-before-reset-backoff",
        int.MaxValue, "exponential-delay: how many restarts are attempted (counted since the last reset) before the job fails.");

    public static readonly ConfigOption<int> FailureRateMaxFailures = new("restart-strategy.failure-rate.max-failures-per-interval", 1,
        "failure-rate: how many restarts are allowed within one failure-rate-interval; one more failure within it fails the job.",
        ParsePositiveInt, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture), Array.Empty<string>());

    public static readonly ConfigOption<TimeSpan> FailureRateInterval = Options.Duration("restart-strategy.failure-rate.failure-rate-interval",
        TimeSpan.FromMinutes(1), "failure-rate: the time window the failures are counted in.");

    public static readonly ConfigOption<TimeSpan> FailureRateDelay = Options.Duration("restart-strategy.failure-rate.delay", TimeSpan.FromSeconds(1),
        "failure-rate: the pause before each restart.");

    private static int ParsePositiveInt(string text)
    {
        int value = ConfigParsers.ParseInt(text);
        return value >= 1 ? value : throw new FormatException($"'{text}' is not a positive number (at least 1 is needed)");
    }

    private static string ParseRestartStrategy(string text) => text.Trim().ToLowerInvariant() switch
    {
        "none" or "off" or "disable" => "none",
        "fixed-delay" or "fixeddelay" => "fixed-delay",
        "exponential-delay" or "exponentialdelay" => "exponential-delay",
        "failure-rate" or "failurerate" => "failure-rate",
        _ => throw new FormatException($"'{text}' is not a restart strategy (expected 'none', 'fixed-delay', 'exponential-delay' or 'failure-rate')"),
    };

    /// <summary>Flink's memory sizes: a number of bytes with an optional unit (b, kb, mb, gb, tb; k, m, g, t; case-insensitive).</summary>
    internal static long ParseMemorySize(string text)
    {
        var t = text.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        int end = 0;
        while (end < t.Length && char.IsAsciiDigit(t[end])) end++;
        if (end == 0) throw new FormatException($"'{text}' is not a memory size (e.g. '64mb')");
        long number = long.Parse(t[..end], System.Globalization.CultureInfo.InvariantCulture);
        long unit = t[end..] switch
        {
            "" or "b" or "bytes" => 1,
            "k" or "kb" or "kibibytes" => 1L << 10,
            "m" or "mb" or "mebibytes" => 1L << 20,
            "g" or "gb" or "gibibytes" => 1L << 30,
            "t" or "tb" or "tebibytes" => 1L << 40,
            _ => throw new FormatException($"'{text}' is not a memory size (units: b, kb, mb, gb, tb)"),
        };
        return checked(number * unit);
    }

    internal static string FormatMemorySize(long bytes) =>
        bytes % (1L << 30) == 0 ? $"{bytes >> 30}gb" : bytes % (1L << 20) == 0 ? $"{bytes >> 20}mb" : bytes % (1L << 10) == 0 ? $"{bytes >> 10}kb" : $"{bytes}b";

    private static string ParseStateBackend(string text) => text.Trim().ToLowerInvariant() switch
    {
        "hashmap" or "jobmanager" or "filesystem" => "hashmap",
        "rocksdb" => "rocksdb",
        _ => throw new FormatException($"'{text}' is not a state backend (expected 'hashmap' or 'rocksdb')"),
    };

    /// <summary>Every option declared here.</summary>
    public static IReadOnlyList<ConfigOption> All { get; } = new ConfigOption[]
    {
        Interval, Mode, Timeout, MinPause, MaxConcurrentCheckpoints, TolerableFailedCheckpoints, Storage, CheckpointsDirectory, JdbcUrl, JdbcUsername, JdbcPassword,
        SavepointDirectory, NumRetained, ExternalizedRetention, StateBackend, Incremental, RocksDbLocalDirectory, RocksDbBlockCacheSize,
        RocksDbGroupCacheSize, RecoveryPath,
        IgnoreUnclaimedState, RestartStrategy, FixedDelayAttempts, FixedDelay, ExponentialInitialBackoff, ExponentialMaxBackoff,
        ExponentialMultiplier, ExponentialJitter, ExponentialResetThreshold, ExponentialAttempts,
        FailureRateMaxFailures, FailureRateInterval, FailureRateDelay,
    };
}
