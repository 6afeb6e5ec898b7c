using StreamSql.Soak.Pipelines;

namespace StreamSql.Soak.Scenarios;

/// <summary>The soak's variants, in the order a run cycles through them.</summary>
public static class SoakScenarios
{
    // Declared before All: static fields are initialized in textual order.

    /// <summary>A single INSERT's input: about a second of input per planned kill, plus 1.5 s.</summary>
    private static readonly PipelineSpec LongSequence = new DatagenSequenceSpec(RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600);

    /// <summary>The bounded member of a statement set: it ends early in a round while the other member goes on.</summary>
    private static readonly PipelineSpec ShortSequence = new DatagenSequenceSpec(RowsPerSecond: 1_000, BaseRows: 2_500, RowsPerKill: 0);

    private static readonly PipelineSpec MonitoredCsv = new MonitoredCsvSpec(LinesPerFile: 400, FileInterval: TimeSpan.FromMilliseconds(200));

    /// <summary>Kafka to Kafka, exactly-once, on the mock cluster the soak hosts.</summary>
    private static readonly PipelineSpec KafkaExactlyOnce = new KafkaExactlyOnceSpec(Partitions: 6, BaseRows: 30_000, RowsPerKill: 25_000);

    /// <summary>The stateful queries, each over its own sequence: windows, joins and OVER rows in keyed state.</summary>
    private static readonly PipelineSpec[] StatefulQueries =
    [
        new StatefulSequenceSpec(StatefulSequenceQuery.TumbleWindow, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
        new StatefulSequenceSpec(StatefulSequenceQuery.IntervalJoin, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
        new StatefulSequenceSpec(StatefulSequenceQuery.RegularJoin, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
        new StatefulSequenceSpec(StatefulSequenceQuery.OverRows, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
    ];

    /// <summary>The updating queries, each over its own sequence into its own exactly-once upsert-kafka topic: a GROUP BY, a
    /// Top-N and a deduplication, whose committed output is the topic's last row per key.</summary>
    private static readonly PipelineSpec[] UpsertQueries =
    [
        new UpsertKafkaSpec(UpsertSequenceQuery.GroupBy, Partitions: 3, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
        new UpsertKafkaSpec(UpsertSequenceQuery.TopN, Partitions: 3, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
        new UpsertKafkaSpec(UpsertSequenceQuery.Dedup, Partitions: 3, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
    ];

    /// <summary>The window table functions beyond TUMBLE: SESSION, CUMULATE, window Top-N, window dedup, a window join.</summary>
    private static readonly PipelineSpec[] WindowQueries =
    [
        new StatefulSequenceSpec(WindowSequenceQueries.Session, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
        new StatefulSequenceSpec(WindowSequenceQueries.Cumulate, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
        new StatefulSequenceSpec(WindowSequenceQueries.TopN, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
        new StatefulSequenceSpec(WindowSequenceQueries.Dedup, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
        new StatefulSequenceSpec(WindowSequenceQueries.Join, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
    ];

    /// <summary>An event-time temporal join against a versioned view, a lookup join against a filesystem table,
    /// MATCH_RECOGNIZE.</summary>
    private static readonly PipelineSpec[] JoinAndMatchQueries =
    [
        new StatefulSequenceSpec(JoinSequenceQueries.Temporal, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
        new StatefulSequenceSpec(JoinSequenceQueries.Lookup, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
        new StatefulSequenceSpec(JoinSequenceQueries.Match, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
    ];

    /// <summary>A temporal join against a versioned view (an updating deduplication): only at parallelism 1 are its versions
    /// the same whatever the pace of the source's subtasks (<see cref="JoinSequenceQueries.TemporalView"/>).</summary>
    private static readonly PipelineSpec[] TemporalView =
    [
        new StatefulSequenceSpec(JoinSequenceQueries.TemporalView, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
    ];

    private static readonly PipelineSpec[] PartitionedFiles =
    [
        new PartitionedFileSpec("parquet", RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
        new PartitionedFileSpec("json", RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600) { RollingFileSize = "1KB" },
    ];

    /// <summary>Hourly partitions committed by the partition-time trigger, json and parquet.</summary>
    private static readonly PipelineSpec[] HourlyPartitionedFiles =
    [
        new PartitionedFileSpec("json", RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600) { PartitionTime = true },
        new PartitionedFileSpec("parquet", RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600) { PartitionTime = true },
    ];

    private static readonly PipelineSpec[] DistinctCount =
    [
        new UpsertKafkaSpec(UpsertSequenceQuery.DistinctCount, Partitions: 3, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
    ];

    /// <summary>The distinct count with its distinct aggregation split in two levels: the second level takes a first-level
    /// row's retraction and its new value apart (maybe in different mini-batches), so a key's count may step back between
    /// committed updates, as in Flink; only the final table is judged.</summary>
    private static readonly PipelineSpec[] SplitDistinctCount =
    [
        new UpsertKafkaSpec(UpsertSequenceQuery.DistinctCount with { IncreasingColumn = null }, Partitions: 3, RowsPerSecond: 2_000, BaseRows: 3_000, RowsPerKill: 1_600),
    ];

    /// <summary>Mini-batches and the two-phase (local/global) GROUP BY.</summary>
    private static readonly KeyValuePair<string, string>[] MiniBatchTwoPhase =
    [
        new("table.exec.mini-batch.enabled", "true"),
        new("table.exec.mini-batch.allow-latency", "200ms"),
        new("table.exec.mini-batch.size", "500"),
        new("table.optimizer.agg-phase-strategy", "TWO_PHASE"),
    ];

    /// <summary>The same with the distinct aggregation split in two levels (a bucket of the distinct value below the key).</summary>
    private static readonly KeyValuePair<string, string>[] MiniBatchTwoPhaseSplitDistinct =
    [
        .. MiniBatchTwoPhase,
        new("table.optimizer.distinct-agg.split.enabled", "true"),
        new("table.optimizer.distinct-agg.split.bucket-num", "8"),
    ];

    public static IReadOnlyList<SoakScenario> All { get; } =
    [
        new("datagen-p1-hashmap", [1], "hashmap", Incremental: false, [LongSequence]),
        new("datagen-p2-rocksdb-incremental", [2], "rocksdb", Incremental: true, [LongSequence]),
        new("datagen-rescale-2-3-1", [2, 3, 1], "hashmap", Incremental: false, [LongSequence]),
        new("csv-monitored-p2-rocksdb-incremental", [2], "rocksdb", Incremental: true, [MonitoredCsv]),
        // Before the statement set: with the rotation offsets below, its 3 kills of a short run include in-sink-commit.
        new("kafka-exactly-once-rescale-2-3-1", [2, 3, 1], "hashmap", Incremental: false, [KafkaExactlyOnce]),
        new("statement-set-bounded-unbounded", [2], "hashmap", Incremental: false, [ShortSequence, MonitoredCsv]),
        new("stateful-rescale-2-1-rocksdb-incremental", [2, 1], "rocksdb", Incremental: true, StatefulQueries),
        new("upsert-kafka-rescale-2-1", [2, 1], "rocksdb", Incremental: true, UpsertQueries),
    ];

    /// <summary>Scenarios a run has only when named (<c>--scenario</c>), so the default run keeps its length: more stateful
    /// operators and sinks, each on both backends.</summary>
    public static IReadOnlyList<SoakScenario> OptIn { get; } =
    [
        new("windows-rescale-2-3-1-hashmap", [2, 3, 1], "hashmap", Incremental: false, WindowQueries),
        new("windows-rescale-2-1-rocksdb-incremental", [2, 1], "rocksdb", Incremental: true, WindowQueries),
        new("temporal-lookup-match-rescale-2-3-1-hashmap", [2, 3, 1], "hashmap", Incremental: false, JoinAndMatchQueries),
        new("temporal-lookup-match-rescale-2-1-rocksdb-incremental", [2, 1], "rocksdb", Incremental: true, JoinAndMatchQueries),
        new("temporal-versioned-view-p1-hashmap", [1], "hashmap", Incremental: false, TemporalView),
        new("temporal-versioned-view-p1-rocksdb-incremental", [1], "rocksdb", Incremental: true, TemporalView),
        new("partitioned-files-p2-hashmap", [2], "hashmap", Incremental: false, PartitionedFiles),
        new("partitioned-files-rescale-2-1-rocksdb-incremental", [2, 1], "rocksdb", Incremental: true, PartitionedFiles),
        new("partition-time-commit-rescale-2-1-hashmap", [2, 1], "hashmap", Incremental: false, HourlyPartitionedFiles)
        {
            Settings = [new("table.local-time-zone", "UTC")],
        },
        new("minibatch-distinct-rescale-2-3-1-hashmap", [2, 3, 1], "hashmap", Incremental: false, DistinctCount) { Settings = MiniBatchTwoPhase },
        new("minibatch-distinct-rescale-2-3-1-rocksdb-incremental", [2, 3, 1], "rocksdb", Incremental: true, DistinctCount) { Settings = MiniBatchTwoPhase },
        new("minibatch-split-distinct-rescale-2-3-1-rocksdb-incremental", [2, 3, 1], "rocksdb", Incremental: true, SplitDistinctCount)
        {
            Settings = MiniBatchTwoPhaseSplitDistinct,
        },
    ];

    /// <summary>The scenario called <paramref name="name"/> (of <see cref="All"/> or <see cref="OptIn"/>), or null.</summary>
    public static SoakScenario? Find(string name) => All.Concat(OptIn).FirstOrDefault(s => s.Name == name);

    /// <summary>Where the scenario's kill moment rotation starts: 3 × its position in <see cref="All"/> (then <see cref="OptIn"/>), so that a short run
    /// of 3 kills per scenario covers every moment across the scenarios (and the statement set gets an end-of-input kill),
    /// and a replay of one scenario alone kills at the same moments as in the full run.</summary>
    public static int RotationOffset(SoakScenario scenario)
    {
        var scenarios = All.Concat(OptIn).ToList();
        for (int i = 0; i < scenarios.Count; i++)
            if (scenarios[i].Name == scenario.Name) return 3 * i;
        return 0;
    }
}
