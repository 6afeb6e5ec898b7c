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
        "How long the state of a key (a group of an aggregation, the rows of a key on either side of a regular, semi or anti join, a partition of a Top-N (ORDER BY ... LIMIT too), " +
        "deduplication or OVER aggregation, the last row of a key in ChangelogNormalize, the rows of a key in the sink's upsert materializer) is kept after it was last updated; 0 keeps it forever. " +
        "State that expires is forgotten: a key seen again later starts from scratch.");

    public static readonly ConfigOption<bool> SourceCdcEventsDuplicate = Options.Bool("table.exec.source.cdc-events-duplicate", false,
        "Whether a CDC source (a changelog with full rows, e.g. 'debezium-json') may deliver an event more than once, as at-least-once " +
        "CDC pipelines do. When true and the table declares a PRIMARY KEY, a ChangelogNormalize keyed by it follows the source: it " +
        "keeps the last row per key in state and drops a duplicate change, so the downstream results stay correct.");

    public static readonly ConfigOption<int> AsyncLookupBufferCapacity = Options.Int("table.exec.async-lookup.buffer-capacity", 100,
        "The most input batches a lookup join subtask holds while their lookups are in flight, and the most lookup requests " +
        "it keeps in flight at once (each request fetches up to 1024 distinct keys with one query). Flink counts records; " +
        "here the unit is a batch (up to execution.batch.max-rows rows). A batch arriving when the subtask holds this many " +
        "waits for one to go out (back-pressure).");

    public static readonly ConfigOption<TimeSpan> AsyncLookupTimeout = Options.Duration("table.exec.async-lookup.timeout", TimeSpan.FromMinutes(3),
        "How long one lookup request may take, retries included, before the job fails.");

    public static readonly ConfigOption<string> AsyncLookupOutputMode = Options.Enum("table.exec.async-lookup.output-mode", "ORDERED",
        "ORDERED: a lookup join emits its batches in input order. ALLOW_UNORDERED: a batch goes out as soon as its lookups " +
        "are done, but never past a watermark that came before it; only for an insert-only input (an updating input is " +
        "always ORDERED, as in Flink).", new[] { "ORDERED", "ALLOW_UNORDERED" });

    public static readonly ConfigOption<string> SinkNotNullEnforcer = Options.Enum("table.exec.sink.not-null-enforcer", "ERROR",
        "What a sink does with a row holding NULL in a NOT NULL column (a primary key column is NOT NULL): ERROR fails the job " +
        "(the rows before it are written), DROP drops the row silently.", new[] { "ERROR", "DROP" });

    public static readonly ConfigOption<string> SinkTypeLengthEnforcer = Options.Enum("table.exec.sink.type-length-enforcer", "IGNORE",
        "What an INSERT does with a string longer than its VARCHAR(n) sink column: IGNORE writes it whole, TRIM_PAD trims it to n " +
        "(a CHAR(n) column's value is trimmed or padded to n either way). TRIM_PAD also fits values a source delivers longer than " +
        "their declared CHAR(n)/VARCHAR(n) type, and the columns of a SELECT's result (Flink's collect sink).", new[] { "IGNORE", "TRIM_PAD" });

    public static readonly ConfigOption<string> SinkRowtimeInserter = Options.Enum("table.exec.sink.rowtime-inserter", "ENABLED",
        "Whether an INSERT's rowtime attribute column becomes the event time of the rows the sink writes. ENABLED: a query " +
        "with more than one rowtime attribute column is refused (cast all but one to a regular TIMESTAMP); DISABLED: no " +
        "column is chosen and any number is written.", new[] { "ENABLED", "DISABLED" });

    public static readonly ConfigOption<string> SinkUpsertMaterialize = Options.Enum("table.exec.sink.upsert-materialize", "AUTO",
        "Whether a SinkUpsertMaterializer goes before a sink that takes upserts by its PRIMARY KEY (jdbc, upsert-kafka) and whose " +
        "input has updates or deletes. It keeps every live row of a sink key in state, so a retraction of one row does not " +
        "delete a key another row still holds, and the rows of a key coming from different subtasks meet in one keyed " +
        "operator. NONE: never. AUTO: when the planner cannot show that the input is unique by the sink key (no " +
        "upsert key of the input lies within the primary key). FORCE: always (also for an insert-only input).",
        new[] { "NONE", "AUTO", "FORCE" });

    public static readonly ConfigOption<bool> EmitEarlyFireEnabled = Options.Bool("table.exec.emit.early-fire.enabled", false,
        "Flink's experimental early firing of a group window (GROUP BY TUMBLE/HOP) before its end: the window emits its result " +
        "so far (+I, then -U/+U when it changed) and the final result when it closes, so the query produces updates. Refused " +
        "for SESSION group windows and for window TVF aggregations, as in Flink.");

    public static readonly ConfigOption<TimeSpan?> EmitEarlyFireDelay = Options.OptionalDuration("table.exec.emit.early-fire.delay",
        "The early-fire interval: 0 fires on every row, more fires the window's changed keys at that processing-time interval " +
        "(one timer per window, started by its first row after the last firing). Required when early fire is enabled.");

    public static readonly ConfigOption<bool> EmitLateFireEnabled = Options.Bool("table.exec.emit.late-fire.enabled", false,
        "Flink's experimental late firing of an event-time group window (GROUP BY TUMBLE/HOP): the window keeps its state until the " +
        "watermark passes its end by 'table.exec.emit.allow-lateness', and a row arriving in that time updates it (-U/+U), so " +
        "the query produces updates. Requires an allowed lateness; ignored for processing-time windows, as in Flink.");

    public static readonly ConfigOption<TimeSpan?> EmitLateFireDelay = Options.OptionalDuration("table.exec.emit.late-fire.delay",
        "The late-fire interval: 0 fires on every late row, more fires the window's changed keys at that processing-time interval. Required when late fire is " +
        "enabled and not greater than the allowed lateness.");

    public static readonly ConfigOption<TimeSpan?> EmitAllowLateness = Options.OptionalDuration("table.exec.emit.allow-lateness",
        "How late a row may be for a late firing of its group window (when unset, 'table.exec.state.ttl'); ignored unless " +
        "late fire is enabled, as in Flink.");

    public static IReadOnlyList<ConfigOption> All { get; } = new ConfigOption[]
    {
        MiniBatchEnabled, MiniBatchAllowLatency, MiniBatchSize, StateTtl, SourceCdcEventsDuplicate, AsyncLookupBufferCapacity, AsyncLookupTimeout,
        AsyncLookupOutputMode, SinkNotNullEnforcer, SinkTypeLengthEnforcer, SinkRowtimeInserter, SinkUpsertMaterialize,
        EmitEarlyFireEnabled, EmitEarlyFireDelay, EmitLateFireEnabled, EmitLateFireDelay, EmitAllowLateness,
    };
}
