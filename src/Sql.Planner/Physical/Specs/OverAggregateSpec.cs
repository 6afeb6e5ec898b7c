using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The runtime's OVER aggregation (see <see cref="Plan.PhysicalOverAggregate"/>): rows of an insert-only input,
/// hash-distributed by <paramref name="PartitionKeys"/>, each emitted once with the values of <paramref name="Calls"/> over
/// its frame (<paramref name="Frame"/>) appended. On event time (<paramref name="IsRowtime"/>) a row waits until the
/// watermark reaches its <paramref name="OrderColumn"/> and rows are then processed in time order (a row at or below the
/// watermark on arrival is late and dropped); on processing time rows are processed as they arrive. A RANGE frame gives
/// rows of equal time the same values. <paramref name="StateTtl"/> &gt; 0 forgets a partition not written for that long.
/// </summary>
public sealed record OverAggregateSpec(
    IReadOnlyList<int> PartitionKeys,
    int OrderColumn,
    bool IsRowtime,
    OverFrame Frame,
    IReadOnlyList<AggregateCall> Calls,
    TimeSpan StateTtl,
    string Description,
    RowSchema OutputSchema) : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly);
