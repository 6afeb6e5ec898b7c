using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// A regular streaming join (<see cref="Plan.PhysicalJoin"/>). Input 0 is the left side (<see cref="LeftSchema"/>),
/// input 1 the right; each arrives hash-distributed by its keys (<see cref="LeftKeys"/>, <see cref="RightKeys"/>: column
/// indexes of that side, pairwise of one type). Every row of each side is kept in keyed state with its multiplicity; a
/// row joins the other side's rows of its key for which <see cref="Condition"/> (over the joined row: left columns, then
/// right) is TRUE; a row with a NULL key matches nothing. Output as Flink's StreamingJoinOperator: an inner join emits
/// each joined row with its input row's kind; an outer join emits <c>+I</c> for an accumulating row and <c>-D</c> for a
/// retraction from a padded side (a retraction from the other side keeps its kind), padding a preserved row without a
/// match with NULLs and retracting that padded row when its first match arrives (and re-emitting it when its last match
/// goes). A side with an upsert key (<see cref="LeftUpsertKey"/>) is sent <c>+U</c> alone and replaces rows by that key. A semi or anti join outputs left rows only (<see cref="OutputSchema"/> is the left schema): see
/// SemiAntiJoinOperator. <see cref="StateTtl"/> &gt; 0 forgets a key of a side not written for that long.
/// </summary>
public sealed record JoinSpec(
    JoinType JoinType,
    IReadOnlyList<int> LeftKeys,
    IReadOnlyList<int> RightKeys,
    ScalarExpr? Condition,
    RowSchema LeftSchema,
    RowSchema RightSchema,
    TimeSpan StateTtl,
    string Description,
    RowSchema OutputSchema,
    ChangelogMode OutputChangelog) : OperatorSpec(Description, OutputSchema, OutputChangelog)
{
    /// <summary>The left input only inserts (its rows are never retracted: stored as a plain list per key).</summary>
    public bool LeftInsertOnly { get; init; }

    /// <summary>The right input only inserts.</summary>
    public bool RightInsertOnly { get; init; }

    /// <summary>When the left input sends updates as <c>+U</c> alone (no <c>-U</c>): the upsert key (left columns) by which a
    /// <c>+I</c>/<c>+U</c> replaces the stored row it updates and a <c>-D</c> finds the row it deletes, as Flink's join
    /// state keyed by a unique key. Null: rows are added and retracted by their values.</summary>
    public IReadOnlyList<int>? LeftUpsertKey { get; init; }

    /// <summary>As <see cref="LeftUpsertKey"/> for the right input (right columns).</summary>
    public IReadOnlyList<int>? RightUpsertKey { get; init; }

    /// <summary>Keys match as <c>IS NOT DISTINCT FROM</c>: a NULL key matches a NULL key (INTERSECT / EXCEPT; semi and
    /// anti joins only).</summary>
    public bool NullSafeKeys { get; init; }

    /// <summary>The retention of the left side's rows when a <c>STATE_TTL</c> hint names it (else <see cref="StateTtl"/>).</summary>
    public TimeSpan? LeftStateTtl { get; init; }

    /// <summary>The retention of the right side's rows when a <c>STATE_TTL</c> hint names it (else <see cref="StateTtl"/>).</summary>
    public TimeSpan? RightStateTtl { get; init; }

    /// <summary>Per output column, whether the next operator of the join's chain reads it (null: all are read). An unread
    /// column is emitted as an all-null placeholder instead of being gathered (q4's Calc keeps three of seven).</summary>
    public IReadOnlyList<bool>? ReadColumns { get; init; }

    /// <summary>The retention of side 0 (left) or 1 (right).</summary>
    public TimeSpan StateTtlOf(int side) => (side == 0 ? LeftStateTtl : RightStateTtl) ?? StateTtl;
}
