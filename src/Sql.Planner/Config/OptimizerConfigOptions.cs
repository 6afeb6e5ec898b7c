namespace StreamSql.Sql.Planner.Config;

/// <summary>The <c>table.optimizer.*</c> options, with Flink's keys, defaults and meanings (its <c>OptimizerConfigOptions</c>).</summary>
public static class OptimizerConfigOptions
{
    public const string Auto = "AUTO";
    public const string OnePhase = "ONE_PHASE";
    public const string TwoPhase = "TWO_PHASE";

    public static readonly ConfigOption<string> AggPhaseStrategy = Options.Enum("table.optimizer.agg-phase-strategy", Auto,
        "How aggregations are split: ONE_PHASE aggregates after the shuffle only; TWO_PHASE pre-aggregates before the shuffle " +
        "(local/global) where the functions allow it; AUTO does what TWO_PHASE does. A GROUP BY aggregation splits only with " +
        "mini-batch enabled; a window aggregation on event time splits without it.",
        new[] { Auto, OnePhase, TwoPhase });

    public static IReadOnlyList<ConfigOption> All { get; } = new ConfigOption[] { AggPhaseStrategy };
}
