namespace StreamSql.Sql.Planner.Config;

/// <summary>The <c>table.exec.*</c> options of stateful operators, with Flink's keys, defaults and meanings (its
/// <c>ExecutionConfigOptions</c>).</summary>
public static class ExecutionConfigOptions
{
    public static readonly ConfigOption<bool> MiniBatchEnabled = Options.Bool("table.exec.mini-batch.enabled", false,
        "Whether aggregations buffer their input and process it in mini-batches: one change per key per batch instead of one per row, " +
        "fewer state accesses, more latency. Needs 'table.exec.mini-batch.allow-latency' and 'table.exec.mini-batch.size'.");

    public static readonly ConfigOption<TimeSpan> MiniBatchAllowLatency = Options.Duration("table.exec.mini-batch.allow-latency", TimeSpan.Zero,
        "The longest time input is buffered for a mini-batch; must be greater than zero when mini-batch is enabled.");

    public static readonly ConfigOption<long> MiniBatchSize = Options.Long("table.exec.mini-batch.size", -1,
        "The most rows buffered for a mini-batch; must be greater than zero when mini-batch is enabled.");

    public static readonly ConfigOption<TimeSpan> StateTtl = Options.Duration("table.exec.state.ttl", TimeSpan.Zero,
        "How long the state of a key (a group of an aggregation) is kept after it was last updated; 0 keeps it forever. " +
        "State that expires is forgotten: a key seen again later starts from scratch.");

    public static readonly ConfigOption<int> AsyncLookupBufferCapacity = Options.Int("table.exec.async-lookup.buffer-capacity", 100,
        "The most lookup requests a lookup join keeps in flight at once (each request fetches a batch of distinct keys); " +
        "when that many are waiting, the join waits for the oldest before it reads more input.");

    public static readonly ConfigOption<TimeSpan> AsyncLookupTimeout = Options.Duration("table.exec.async-lookup.timeout", TimeSpan.FromMinutes(3),
        "How long one lookup request may take, retries included, before the job fails.");

    public static readonly ConfigOption<string> AsyncLookupOutputMode = Options.Enum("table.exec.async-lookup.output-mode", "ORDERED",
        "ORDERED: a lookup join emits its results in input order. ALLOW_UNORDERED: an insert-only input's results may overtake " +
        "each other (a batch whose lookups finish first goes first); an updating input is always kept in order.",
        new[] { "ORDERED", "ALLOW_UNORDERED" });

    public static IReadOnlyList<ConfigOption> All { get; } = new ConfigOption[]
    {
        MiniBatchEnabled, MiniBatchAllowLatency, MiniBatchSize, StateTtl, AsyncLookupBufferCapacity, AsyncLookupTimeout, AsyncLookupOutputMode,
    };
}
