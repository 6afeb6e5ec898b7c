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

    /// <summary>The scenario called <paramref name="name"/>, or null.</summary>
    public static SoakScenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    /// <summary>Where the scenario's kill moment rotation starts: 3 × its position in <see cref="All"/>, so that a short run
    /// of 3 kills per scenario covers every moment across the scenarios (and the statement set gets an end-of-input kill),
    /// and a replay of one scenario alone kills at the same moments as in the full run.</summary>
    public static int RotationOffset(SoakScenario scenario)
    {
        for (int i = 0; i < All.Count; i++)
            if (All[i].Name == scenario.Name) return 3 * i;
        return 0;
    }
}
