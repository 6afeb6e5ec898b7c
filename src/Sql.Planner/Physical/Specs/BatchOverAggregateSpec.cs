using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Batch mode's OVER aggregation (Flink's BatchPhysicalOverAggregate, see <see cref="Plan.PhysicalOverAggregate"/>): a
/// subtask holds every row of its bounded, insert-only input (hash-distributed by <paramref name="PartitionKeys"/>; in
/// memory, as batch jobs take no checkpoints) and at end of input sorts each partition by <paramref name="OrderKeys"/>
/// (arrival order on ties) and emits every row once with the values of <paramref name="Calls"/> over its frame
/// (<paramref name="Frame"/>) appended. Rows of equal keys are peers: a RANGE frame gives them the same values, and RANK
/// and DENSE_RANK the same rank. No order keys: every row of a partition is a peer of every other.
/// </summary>
public sealed record BatchOverAggregateSpec(
    IReadOnlyList<int> PartitionKeys,
    IReadOnlyList<RankOrderKey> OrderKeys,
    OverFrame Frame,
    IReadOnlyList<AggregateCall> Calls,
    string Description,
    RowSchema OutputSchema) : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly);
