using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// A window join (<see cref="Plan.PhysicalWindowJoin"/>). Input 0 is the left side, input 1 the right, both insert-only
/// and hash-distributed by their keys (<see cref="LeftKeys"/>, <see cref="RightKeys"/>; none: one subtask). Every row
/// carries its window: its end in column <see cref="LeftWindowEnd"/> / <see cref="RightWindowEnd"/> (both sides' windows
/// are of one spec, so equal ends are equal windows). Rows are kept per (key, window end); when the watermark reaches
/// <c>window_end - 1 ms</c> the window's rows of each key are joined: pairs whose keys are equal and not NULL and for which
/// <see cref="Condition"/> (over <see cref="JoinedSchema"/>: left columns, then right) is TRUE are emitted as <c>+I</c>;
/// LEFT/RIGHT/FULL joins emit each row of a preserved side that joined nothing once, padded with NULLs; a semi join
/// emits each left row with a match, an anti join each left row without one. The window's state is then dropped; a row of
/// a window already fired is late: dropped and counted.
/// </summary>
public sealed record WindowJoinSpec(
    JoinType JoinType,
    IReadOnlyList<int> LeftKeys,
    IReadOnlyList<int> RightKeys,
    ScalarExpr? Condition,
    int LeftWindowEnd,
    int RightWindowEnd,
    RowSchema LeftSchema,
    RowSchema RightSchema,
    RowSchema JoinedSchema,
    string Description,
    RowSchema OutputSchema) : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly)
{
    /// <summary>The session time zone of windows over a TIMESTAMP_LTZ (their ends are that zone's wall time; a window fires
    /// at its end's instant), else null.</summary>
    public string? AlignmentZone { get; init; }
}
