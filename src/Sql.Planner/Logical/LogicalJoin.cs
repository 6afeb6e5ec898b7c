using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>The kinds of regular join (Flink's <c>FlinkJoinType</c>): the joins SQL writes, and the semi and anti joins
/// that <c>IN</c> / <c>EXISTS</c> (<c>NOT IN</c> / <c>NOT EXISTS</c>) subqueries become, which output the left row only.</summary>
public enum JoinType { Inner, Left, Right, Full, Semi, Anti }

/// <summary>
/// A regular (unbounded) join of two relations: rows of <see cref="Left"/> and <see cref="Right"/> whose key columns are
/// equal pair by pair (<see cref="LeftKeys"/>[i] = <see cref="RightKeys"/>[i], of one type; a NULL key never matches) and
/// for which <see cref="Condition"/> (over the joined row: the left columns, then the right ones) holds; outer joins pad
/// the rows of their preserved side that match nothing with NULLs. The joined row's columns keep their input order, time
/// attributes become plain timestamps (a regular join keeps no rowtime; an interval join keeps them), the padded side's columns are nullable, and names
/// are made unique as Calcite makes them. <see cref="Span"/> is where the join is written (for errors of the planner).
/// </summary>
public sealed record LogicalJoin(
    LogicalNode Left,
    LogicalNode Right,
    JoinType JoinType,
    IReadOnlyList<int> LeftKeys,
    IReadOnlyList<int> RightKeys,
    ScalarExpr? Condition,
    RowSchema Schema,
    Parser.SourceSpan Span) : LogicalNode(Schema)
{
    /// <summary>Keys match as <c>IS NOT DISTINCT FROM</c> (NULL equals NULL): INTERSECT / EXCEPT, planned as semi / anti joins.</summary>
    public bool NullSafeKeys { get; init; }

    /// <summary>The idle-state retention of each side's rows from a <c>STATE_TTL</c> hint (null: <c>table.exec.state.ttl</c>).</summary>
    public TimeSpan? LeftStateTtl { get; init; }

    /// <inheritdoc cref="LeftStateTtl"/>
    public TimeSpan? RightStateTtl { get; init; }

    public override IReadOnlyList<LogicalNode> Inputs => [Left, Right];

    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Left = inputs[0], Right = inputs[1] };

    /// <summary>Whether the join outputs only its left rows (semi and anti joins).</summary>
    public static bool IsSemiOrAnti(JoinType type) => type is JoinType.Semi or JoinType.Anti;

    /// <summary>The row <see cref="Condition"/> reads: the left columns, then the right ones (for a semi or anti join
    /// wider than its output, <see cref="Schema"/>).</summary>
    public RowSchema JoinedSchema => IsSemiOrAnti(JoinType) ? SchemaOf(Left.Schema, Right.Schema, JoinType.Inner) : Schema;

    /// <summary>Whether the join pads left rows without a match (LEFT and FULL), i.e. the right columns may be NULL.</summary>
    public static bool PadsRight(JoinType type) => type is JoinType.Left or JoinType.Full;

    /// <summary>Whether the join pads right rows without a match (RIGHT and FULL), i.e. the left columns may be NULL.</summary>
    public static bool PadsLeft(JoinType type) => type is JoinType.Right or JoinType.Full;

    /// <summary>The joined row of <paramref name="left"/> and <paramref name="right"/> (a semi or anti join: the left row);
    /// time attributes become plain timestamps unless <paramref name="keepTimeAttributes"/> (an interval or window join).</summary>
    public static RowSchema SchemaOf(RowSchema left, RowSchema right, JoinType type, bool keepTimeAttributes = false)
    {
        if (IsSemiOrAnti(type)) return new RowSchema(left.Fields.Select(f => new Field(f.Name, keepTimeAttributes ? f.Type : f.Type.WithoutTimeAttribute())).ToList());
        var types = new List<SqlType>(left.Count + right.Count);
        var names = new List<string>(left.Count + right.Count);
        foreach (var f in left.Fields)
        {
            var t = keepTimeAttributes ? f.Type : f.Type.WithoutTimeAttribute();
            types.Add(PadsLeft(type) ? t.WithNullable(true) : t);
            names.Add(f.Name);
        }
        foreach (var f in right.Fields)
        {
            var t = keepTimeAttributes ? f.Type : f.Type.WithoutTimeAttribute();
            types.Add(PadsRight(type) ? t.WithNullable(true) : t);
            names.Add(f.Name);
        }
        var unique = Binder.QueryBinder.Uniquify(names);
        return new RowSchema(unique.Select((n, i) => new Field(n, types[i])).ToList());
    }
}
