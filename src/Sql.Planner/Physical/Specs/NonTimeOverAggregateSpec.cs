using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The runtime's OVER aggregation ordered by a column that is not a time attribute (Flink 2.1's
/// NonTimeRowsUnboundedPrecedingFunction / NonTimeRangeUnboundedPrecedingFunction; see
/// <see cref="Plan.PhysicalOverAggregate"/>): rows of any changelog, hash-distributed by <paramref name="PartitionKeys"/>,
/// kept per partition sorted by <paramref name="OrderColumn"/> (ascending, then arrival), each with the values of
/// <paramref name="Calls"/> over ROWS (<paramref name="IsRows"/>) or RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW. A
/// row added or removed emits itself (<c>+I</c>/<c>+U</c> as it came, <c>-D</c> when removed) and <c>-U</c>/<c>+U</c> for
/// the later rows whose values it changed; <paramref name="EmitUpdateBefore"/> false leaves the <c>-U</c> rows out.
/// </summary>
public sealed record NonTimeOverAggregateSpec(
    IReadOnlyList<int> PartitionKeys,
    int OrderColumn,
    bool IsRows,
    IReadOnlyList<AggregateCall> Calls,
    bool EmitUpdateBefore,
    TimeSpan StateTtl,
    string Description,
    RowSchema OutputSchema) : OperatorSpec(Description, OutputSchema, ChangelogMode.All);
