namespace StreamSql.Sql.Planner.Physical;

/// <summary>Which part of an aggregation an operator runs (Flink's local/global two-phase aggregation).</summary>
public enum AggregatePhase
{
    /// <summary>The whole aggregation: input rows in, results out (GroupAggregate, WindowAggregate).</summary>
    Single,
    /// <summary>Pre-aggregates each mini-batch (or window slice) per key before the shuffle, without state: input rows in,
    /// one row per key of partial accumulators out, laid out by <see cref="AccumulatorLayout"/>.</summary>
    Local,
    /// <summary>Merges the Local phase's partial accumulators into its state: accumulator rows in, results out.</summary>
    Global,
}
