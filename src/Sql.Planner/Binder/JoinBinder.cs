using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Binds a regular join (<c>a [INNER | LEFT | RIGHT | FULL] JOIN b ON ...</c>, <c>a CROSS JOIN b</c>, <c>FROM a, b</c>)
/// into a <see cref="LogicalJoin"/>. The ON condition is split as Flink's planner splits it: equalities between an
/// expression over the left side and one over the right become the join keys (both cast to a common type; a key that is
/// not a plain column is computed by a projection below the join and dropped above it), terms over one side only are
/// pushed into that side when the join type allows it, and the rest is the residual condition checked on joined rows.
/// A join without keys is refused by the planner, after WHERE equalities had their chance to become keys
/// (<see cref="Rules.PushFilterIntoJoin"/>).
/// </summary>
internal static class JoinBinder
{
    public static (LogicalNode Node, Scope Scope) Bind(JoinTableReference join, LogicalNode left, Scope leftScope, LogicalNode right, Scope rightScope)
    {
        if (join.Natural) throw Unsupported.Feature("NATURAL JOIN (write the equalities with ON)", join.Span);
        if (join.UsingColumns.Count > 0) throw Unsupported.Feature("JOIN ... USING (write the equalities with ON)", join.Span);
        var type = join.Kind switch
        {
            JoinKind.Left => JoinType.Left,
            JoinKind.Right => JoinType.Right,
            JoinKind.Full => JoinType.Full,
            _ => JoinType.Inner,
        };
        var schema = LogicalJoin.SchemaOf(left.Schema, right.Schema, type);
        int leftWidth = left.Schema.Count;

        // The scope sees each relation's own column names, with the joined row's types (nullable on a padded side).
        var scope = new Scope();
        foreach (var entry in leftScope.Entries) scope.Add(entry.Qualifier, Retyped(entry.Schema, schema, entry.Offset));
        foreach (var entry in rightScope.Entries) scope.Add(entry.Qualifier, Retyped(entry.Schema, schema, leftWidth + entry.Offset));

        ScalarExpr? condition = null;
        if (join.Condition is not null)
        {
            condition = new ExpressionBinder(scope, aggregateMisplaced: "Aggregate expression is illegal in JOIN ON").Bind(join.Condition);
            if (condition.Type.Kind is not (SqlTypeKind.Boolean or SqlTypeKind.Null))
                throw new SqlValidationException($"JOIN ON must be a condition (BOOLEAN), but is {condition.Type}", join.Condition.Span);
        }
        // An interval join keeps the time attributes of both inputs (as Flink's RelTimeIndicatorConverter keeps them for
        // it): its output rows are not late for the watermark it forwards.
        if (IntervalJoinBounds.Extract(condition, left.Schema, right.Schema) is { IsRowTime: true })
        {
            schema = LogicalJoin.SchemaOf(left.Schema, right.Schema, type, keepTimeAttributes: true);
            scope = new Scope();
            foreach (var entry in leftScope.Entries) scope.Add(entry.Qualifier, Retyped(entry.Schema, schema, entry.Offset));
            foreach (var entry in rightScope.Entries) scope.Add(entry.Qualifier, Retyped(entry.Schema, schema, leftWidth + entry.Offset));
            condition = new ExpressionBinder(scope, aggregateMisplaced: "Aggregate expression is illegal in JOIN ON").Bind(join.Condition!);
        }
        var node = Build(left, right, type, condition, schema, join.Span);
        return (node, scope);
    }

    private static RowSchema Retyped(RowSchema names, RowSchema joined, int offset) =>
        new(names.Fields.Select((f, i) => new Field(f.Name, joined[offset + i].Type)).ToList());

    /// <summary>The join of <paramref name="left"/> and <paramref name="right"/> on <paramref name="condition"/> (over the
    /// joined row <paramref name="schema"/>), its output exactly <paramref name="schema"/>.</summary>
    public static LogicalNode Build(LogicalNode left, LogicalNode right, JoinType type, ScalarExpr? condition, RowSchema schema, Parser.SourceSpan span)
    {
        int leftWidth = left.Schema.Count;
        var leftFilters = new List<ScalarExpr>();
        var rightFilters = new List<ScalarExpr>();
        var pairs = new List<(ScalarExpr Left, ScalarExpr Right)>();
        var residual = new List<ScalarExpr>();
        foreach (var term in condition is null ? [] : ExpressionRewriting.Conjuncts(condition))
        {
            var side = SideOf(term, leftWidth);
            if (side == Side.Left && type is JoinType.Inner or JoinType.Right or JoinType.Semi) leftFilters.Add(term);
            else if (side == Side.Right && type is JoinType.Inner or JoinType.Left or JoinType.Semi or JoinType.Anti)
                rightFilters.Add(ExpressionRewriting.Remap(term, i => i - leftWidth));
            else if (AsKeyPair(term, leftWidth) is { } pair) pairs.Add(pair);
            else residual.Add(term);
        }

        if (leftFilters.Count > 0) left = new LogicalFilter(left, ExpressionRewriting.And(leftFilters)!);
        if (rightFilters.Count > 0) right = new LogicalFilter(right, ExpressionRewriting.And(rightFilters)!);

        // Keys that are not plain columns of their side are computed by a projection appending them.
        var leftExtra = new List<ScalarExpr>();
        var rightExtra = new List<ScalarExpr>();
        var leftKeys = new List<int>();
        var rightKeys = new List<int>();
        foreach (var (l, r) in pairs)
        {
            var common = ExpressionRewriting.SameIgnoringNullability(l.Type, r.Type)
                ? l.Type.WithoutTimeAttribute()
                : BuiltInFunctions.LeastRestrictive([l.Type.WithoutTimeAttribute(), r.Type.WithoutTimeAttribute()]);
            if (common is null) { residual.Add(Equals(l, r)); continue; }
            leftKeys.Add(KeyColumn(ExpressionBinder.Coerce(l, common), left.Schema.Count, leftExtra));
            rightKeys.Add(KeyColumn(ExpressionBinder.Coerce(ExpressionRewriting.Remap(r, i => i - leftWidth), common), right.Schema.Count, rightExtra));
        }
        left = WithExtra(left, leftExtra);
        right = WithExtra(right, rightExtra);

        int leftShift = leftExtra.Count;
        var remapped = residual.Select(t => ExpressionRewriting.Remap(t, i => i < leftWidth ? i : i + leftShift)).ToList();
        var joinedSchema = leftExtra.Count + rightExtra.Count == 0 ? schema : LogicalJoin.SchemaOf(left.Schema, right.Schema, type,
            keepTimeAttributes: schema.Fields.Any(f => f.Type.IsTimeAttribute));
        LogicalNode node = new LogicalJoin(left, right, type, leftKeys, rightKeys, ExpressionRewriting.And(remapped), joinedSchema, span);
        if (ReferenceEquals(joinedSchema, schema)) return node;

        var projections = new List<ScalarExpr>(schema.Count);
        for (int i = 0; i < schema.Count; i++) projections.Add(new InputRef(i < leftWidth ? i : i + leftShift, joinedSchema[i < leftWidth ? i : i + leftShift].Type));
        return new LogicalProject(node, projections, schema);
    }

    private enum Side { None, Left, Right, Both }

    private static Side SideOf(ScalarExpr term, int leftWidth)
    {
        if (!ExpressionRewriting.IsDeterministic(term)) return Side.Both;
        var used = new SortedSet<int>();
        ExpressionRewriting.CollectInputs(term, used);
        if (used.Count == 0) return Side.None;
        if (used.Max < leftWidth) return Side.Left;
        if (used.Min >= leftWidth) return Side.Right;
        return Side.Both;
    }

    /// <summary><c>l = r</c> (either way round) with l over the left side only and r over the right side only, else null.</summary>
    internal static (ScalarExpr Left, ScalarExpr Right)? AsKeyPair(ScalarExpr term, int leftWidth)
    {
        if (term is not Call { Function: "=", Operands: [var a, var b] }) return null;
        var sa = SideOf(a, leftWidth);
        var sb = SideOf(b, leftWidth);
        if (sa == Side.Left && sb == Side.Right) return (a, b);
        if (sa == Side.Right && sb == Side.Left) return (b, a);
        return null;
    }

    private static ScalarExpr Equals(ScalarExpr l, ScalarExpr r) =>
        new Call("=", [l, r], SqlType.Boolean.WithNullable(l.Type.Nullable || r.Type.Nullable));

    private static int KeyColumn(ScalarExpr key, int width, List<ScalarExpr> extra)
    {
        if (key is InputRef r) return r.Index;
        extra.Add(key);
        return width + extra.Count - 1;
    }

    private static LogicalNode WithExtra(LogicalNode input, List<ScalarExpr> extra)
    {
        if (extra.Count == 0) return input;
        var projections = new List<ScalarExpr>();
        for (int i = 0; i < input.Schema.Count; i++) projections.Add(new InputRef(i, input.Schema[i].Type));
        projections.AddRange(extra);
        var names = input.Schema.Fields.Select(f => f.Name).Concat(extra.Select((_, k) => "$f" + (input.Schema.Count + k))).ToList();
        return LogicalProject.Create(input, projections, QueryBinder.Uniquify(names));
    }
}
