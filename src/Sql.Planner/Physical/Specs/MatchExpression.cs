using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>Where a <see cref="MatchSlot"/> of kind <see cref="MatchSlotKind.Value"/> reads its row: the n-th last or n-th
/// first row mapped to the variable (logical offsets), or n rows before the last one in the partition (PREV, physical).</summary>
public enum MatchNavigation { Last, First, Prev }

public enum MatchSlotKind
{
    /// <summary><see cref="MatchSlot.Expression"/> over one row chosen by <see cref="MatchSlot.Navigation"/>.</summary>
    Value,
    /// <summary><see cref="MatchSlot.Aggregate"/> over <see cref="MatchSlot.Expression"/> of every row mapped to the variable.</summary>
    Aggregate,
    /// <summary>MATCH_ROWTIME(): the rowtime of the match's last row.</summary>
    MatchRowtime,
    /// <summary>MATCH_PROCTIME(): the processing time the match is emitted at.</summary>
    MatchProctime,
    /// <summary>CLASSIFIER(): the variable the last row is mapped to.</summary>
    Classifier,
}

/// <summary>
/// One pattern-navigation value a DEFINE condition or a measure reads (Calcite's pattern field references, navigation
/// calls and aggregates over a variable). <see cref="Variable"/> indexes the match's variables; -1 is the universal
/// variable (all rows mapped so far). <see cref="Expression"/> is over the input row (null for the kinds that read no
/// column). In a DEFINE condition the row being classified counts as mapped to the variable being defined.
/// </summary>
public sealed record MatchSlot(
    MatchSlotKind Kind,
    int Variable,
    MatchNavigation Navigation,
    int Offset,
    ScalarExpr? Expression,
    AggregateFunctionKind? Aggregate,
    SqlType Type);

/// <summary>
/// A DEFINE condition or a measure: <see cref="Expression"/> over a row of <see cref="Slots"/> (InputRef i reads slot i).
/// <see cref="Text"/> is its EXPLAIN text.
/// </summary>
public sealed record MatchExpression(ScalarExpr Expression, IReadOnlyList<MatchSlot> Slots, string Text)
{
    /// <summary>The schema of the slot row the expression is compiled over.</summary>
    public RowSchema SlotSchema => new(Slots.Select((s, i) => new Field("$s" + i, s.Type)).ToList());
}
