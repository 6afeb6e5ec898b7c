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

    public static readonly ConfigOption<bool> DistinctAggSplitEnabled = Options.Bool("table.optimizer.distinct-agg.split.enabled", false,
        "Streaming mode: split a GROUP BY with DISTINCT aggregates (COUNT(DISTINCT col), SUM(DISTINCT col)) into two levels. The " +
        "first (PARTIAL) also groups by a bucket, MOD(HASH_CODE(distinct_key), bucket-num), so a skewed key's distinct values " +
        "spread over subtasks; the second (FINAL) merges the buckets. Applies when every call is COUNT, SUM, $SUM0, MIN or MAX " +
        "and the DISTINCT calls share one argument.");

    public static readonly ConfigOption<int> DistinctAggSplitBucketNum = Options.Int("table.optimizer.distinct-agg.split.bucket-num", 1024,
        "The number of buckets of table.optimizer.distinct-agg.split.enabled: the first level groups by " +
        "MOD(HASH_CODE(distinct_key), bucket-num) as well.");

    public static IReadOnlyList<ConfigOption> All { get; } = new ConfigOption[] { AggPhaseStrategy, DistinctAggSplitEnabled, DistinctAggSplitBucketNum };
}
