using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// An event-time temporal join (<see cref="Plan.PhysicalTemporalJoin"/>). Input 0 is the left side, input 1
/// the versioned right side (inserts, <c>+U</c> and <c>-D</c>; <c>-U</c> rows are ignored), both hash-distributed by their
/// keys. A left row at time <c>l</c> (column <see cref="LeftTimeIndex"/>) is kept until the watermark (the minimum of both
/// inputs') reaches <c>l</c>; it then joins the right row of its key whose time (column <see cref="RightTimeIndex"/>) is
/// the latest at or before <c>l</c> (of equal times, the last to arrive) if that row is not a deletion and
/// <see cref="Condition"/> (over the joined row) is TRUE; a LEFT join pads it with NULLs otherwise. A left row with a
/// NULL key or time matches nothing. Right versions older than the latest one at or before the watermark are dropped.
/// The output has the left side's changes (<see cref="OperatorSpec"/>'s changelog): over an updating left side every row,
/// <c>-U</c> and <c>-D</c> included, joins so and goes out with its kind, the rows one watermark releases in the order of
/// their times (equal times in arrival order). The watermark is forwarded as it arrives (after the rows it released).
/// </summary>
public sealed record TemporalJoinSpec(
    JoinType JoinType,
    IReadOnlyList<int> LeftKeys,
    IReadOnlyList<int> RightKeys,
    ScalarExpr? Condition,
    int LeftTimeIndex,
    int RightTimeIndex,
    RowSchema LeftSchema,
    RowSchema RightSchema,
    string Description,
    RowSchema OutputSchema,
    ChangelogMode OutputChangelog) : OperatorSpec(Description, OutputSchema, OutputChangelog);
