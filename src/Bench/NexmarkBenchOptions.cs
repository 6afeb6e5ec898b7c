namespace StreamSql.Bench;

/// <summary>Where a run's events come from.</summary>
public enum SourceMode
{
    /// <summary>The nexmark connector generates each event as the query reads it (the published setting).</summary>
    Generator,

    /// <summary>The events are generated into memory before the run and replayed (the engine's own cost alone).</summary>
    Memory,
}

/// <summary>What <c>streamsql bench nexmark</c> was asked to do.</summary>
public sealed record NexmarkBenchOptions
{
    /// <summary>Queries to run, in order (q0 … q22); all of them by default.</summary>
    public IReadOnlyList<string> Queries { get; init; } = StreamSql.Bench.Queries.NexmarkQueries.AllNames;

    /// <summary>Events of all kinds per run (Flink's events.num).</summary>
    public long Events { get; init; } = 10_000_000;

    /// <summary>Subtasks per operator (parallelism.default); DuckDB gets as many threads.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Exactly-once checkpoints this often; null turns checkpointing off.</summary>
    public TimeSpan? CheckpointInterval { get; init; } = TimeSpan.FromSeconds(10);

    public SourceMode Source { get; init; } = SourceMode.Generator;

    /// <summary>One JSON object per query instead of the table.</summary>
    public bool Json { get; init; }

    /// <summary>first-event.rate: the events' spacing in event time (Flink's suite: 10 M/s).</summary>
    public int EventRate { get; init; } = 10_000_000;

    /// <summary>The event time of event 0 (epoch milliseconds; fixed so every run sees the same stream).</summary>
    public string BaseTime { get; init; } = "2024-01-01 00:00:00";

    /// <summary>Where to write an SVG chart of the results, or null.</summary>
    public string? ChartPath { get; init; }

    /// <summary>A directory of query files to use instead of the built-in ones.</summary>
    public string? QueriesDirectory { get; init; }

    /// <summary>Timed engine runs per query; the one of median CPU time is reported (the machine may be shared).</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>A directory to write a CPU profile (<c>qN.nettrace</c>) of each query's timed run into, or null.</summary>
    public string? ProfileDirectory { get; init; }

    /// <summary>Skip the baselines (hand-written, Rx.NET) but still check against DuckDB.</summary>
    public bool NoBaselines { get; init; }
}
