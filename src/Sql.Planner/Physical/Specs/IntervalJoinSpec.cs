using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// An event-time interval join (<see cref="Plan.PhysicalIntervalJoin"/>). Inputs as <see cref="JoinSpec"/>'s (0 left,
/// 1 right, hash-distributed by their keys), both insert-only. A left row at time <c>l</c> (column
/// <see cref="IntervalJoinBounds.LeftTimeIndex"/>) joins the right rows of its key at time <c>r</c> with
/// <c>r + LeftLower ≤ l ≤ r + LeftUpper</c> for which <see cref="Condition"/> (over the joined row, the bounds included) is
/// TRUE. A row is kept while rows of the other side can still match it (left: until the watermark reaches
/// <c>l - LeftLower</c>, right: <c>r + LeftUpper</c>); an outer side's row that matched nothing is then emitted padded
/// with NULLs. A row arriving after that point for itself joins what is still kept and is not stored (Flink's
/// RowTimeIntervalJoin). Output insert-only; the watermark forwarded is held back so no output row is late.
/// </summary>
public sealed record IntervalJoinSpec(
    JoinType JoinType,
    IReadOnlyList<int> LeftKeys,
    IReadOnlyList<int> RightKeys,
    ScalarExpr? Condition,
    IntervalJoinBounds Bounds,
    RowSchema LeftSchema,
    RowSchema RightSchema,
    string Description,
    RowSchema OutputSchema,
    ChangelogMode OutputChangelog) : OperatorSpec(Description, OutputSchema, OutputChangelog)
{
    /// <inheritdoc cref="JoinSpec.ReadColumns"/>
    public IReadOnlyList<bool>? ReadColumns { get; init; }
}
