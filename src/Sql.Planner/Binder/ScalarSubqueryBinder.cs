using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Scalar subqueries (<c>(SELECT MAX(x) FROM u)</c> used as a value) in WHERE and in a plain select list, as Calcite and
/// Flink plan them: a LEFT join of the rows with the subquery's one row, whose value (NULL when the subquery has no row)
/// becomes a column the expression reads. An uncorrelated subquery must return at most one row by its form (a global
/// aggregation, a SELECT without FROM, one-row VALUES, LIMIT 1; Flink checks other subqueries at run time with
/// SINGLE_VALUE, which is not built) and is joined on a constant key, so both sides meet on one subtask as in Flink's
/// singleton join. A correlated one, <c>(SELECT agg(...) FROM u WHERE u.k = t.k AND ...)</c>, is decorrelated as
/// Calcite does: the aggregation grouped by the subquery's sides of the equalities, joined on them; a bare COUNT becomes
/// 0 rather than NULL for a row without a group (Calcite's count-bug rule).
/// </summary>
internal sealed class ScalarSubqueryBinder(Func<Query, LogicalNode> bindQuery, Func<TableReference, (LogicalNode Node, Scope Scope)> bindRelation)
{
    /// <summary>The scalar subqueries in <paramref name="roots"/>, outside other subqueries, in order.</summary>
    public static List<ScalarSubqueryExpression> Find(IEnumerable<Expression> roots)
    {
        var found = new List<ScalarSubqueryExpression>();
        void Walk(Expression e)
        {
            if (e is ScalarSubqueryExpression s) { found.Add(s); return; }
            foreach (var child in ExpressionTrees.Children(e)) Walk(child);
        }
        foreach (var root in roots) Walk(root);
        return found;
    }

    /// <summary>Appends each subquery's value to the rows of <paramref name="input"/> as a column hidden from names and
    /// <c>*</c>; returns the new rows, their scope and the column each subquery is read from.</summary>
    public (LogicalNode Input, Scope Scope, IReadOnlyDictionary<Expression, ScalarExpr> Values) Bind(
        IReadOnlyList<ScalarSubqueryExpression> subqueries, LogicalNode input, Scope scope)
    {
        var values = new Dictionary<Expression, ScalarExpr>(ReferenceEqualityComparer.Instance);
        foreach (var subquery in subqueries)
        {
            input = BindOne(subquery, input, scope);
            int column = input.Schema.Count - 1;
            var field = new RowSchema([input.Schema[column]]);
            scope.Add(new Scope.Entry(null, field, 0) { Hidden = new HashSet<int> { 0 } }, field);
            scope = scope.Retyped(input.Schema);
            values[subquery] = new InputRef(column, input.Schema[column].Type);
        }
        return (input, scope, values);
    }

    /// <summary>The rows of <paramref name="input"/> with the subquery's value appended.</summary>
    private LogicalNode BindOne(ScalarSubqueryExpression subquery, LogicalNode input, Scope outer)
    {
        var query = subquery.Subquery;
        if (query is SelectQuery { From: not null, Where: not null, GroupBy: null, Having: null, Distinct: false, Windows.Count: 0 } select
            && select.Hints.Count == 0 && select.Items is [{ Expression: not StarExpression }] && AggregateBinder.IsAggregateQuery(select)
            && Correlated(select, input, outer) is { } correlated)
            return correlated;

        var right = bindQuery(query);
        if (right.Schema.Count != 1)
            throw new SqlValidationException($"A scalar subquery must return one column, but returns {right.Schema.Count}", query.Span);
        if (!AtMostOneRow(query))
            throw Unsupported.Feature(
                "a scalar subquery that may return more than one row (Flink checks it at run time with SINGLE_VALUE); " +
                "write it as a global aggregation (e.g. MAX(...)), add LIMIT 1, or correlate it by equalities with an aggregation", subquery.Span);
        int width = input.Schema.Count;
        var zero = new Literal(0L, SqlType.Int.AsNotNull());
        var leftColumns = Columns(input);
        var keyed = LogicalProject.Create(input, [.. leftColumns, zero], QueryBinder.Uniquify([.. input.Schema.Fields.Select(f => f.Name), "$sk"]));
        var marked = LogicalProject.Create(right, [new InputRef(0, right.Schema[0].Type), zero], QueryBinder.Uniquify([right.Schema[0].Name, "$sk"]));
        var join = new LogicalJoin(keyed, marked, JoinType.Left, [width], [1], null,
            LogicalJoin.SchemaOf(keyed.Schema, marked.Schema, JoinType.Left), subquery.Span);
        return Appended(join, width, new InputRef(width + 1, join.Schema[width + 1].Type));
    }

    /// <summary>
    /// <c>(SELECT agg FROM x WHERE inner = outer AND ... )</c>: the aggregation grouped by the inner sides of the
    /// equalities between the two queries, LEFT-joined on them; null when the WHERE does not read the outer query.
    /// </summary>
    private LogicalNode? Correlated(SelectQuery select, LogicalNode input, Scope outer)
    {
        var (right, inner) = bindRelation(select.From!);
        int leftWidth = input.Schema.Count;
        var scope = new Scope();
        foreach (var entry in outer.Entries) scope.Add(entry with { Outer = true }, entry.Schema);
        foreach (var entry in inner.Entries) scope.Add(entry, entry.Schema);
        var binder = new ExpressionBinder(scope, aggregateMisplaced: "Aggregate expression is illegal in WHERE clause");
        var innerTerms = new List<Expression>();
        var pairs = new List<(ScalarExpr Outer, Expression Inner)>();
        foreach (var term in Conjuncts(select.Where!))
        {
            var side = SideOf(binder.Bind(term), leftWidth);
            if (side != Side.Both && side != Side.Left) { innerTerms.Add(term); continue; }
            if (term is BinaryExpression { Operator: BinaryOperator.Equal } equal)
            {
                var (l, r) = (binder.Bind(equal.Left), binder.Bind(equal.Right));
                var (ls, rs) = (SideOf(l, leftWidth), SideOf(r, leftWidth));
                if (ls == Side.Left && rs == Side.Right) { pairs.Add((l, equal.Right)); continue; }
                if (ls == Side.Right && rs == Side.Left) { pairs.Add((r, equal.Left)); continue; }
            }
            throw Unsupported.Feature(
                "a scalar subquery correlated with the outer query other than by equalities between an outer and an inner expression", term.Span);
        }
        if (pairs.Count == 0) return null;

        var item = select.Items[0];
        bool bareCount = item.Expression is FunctionCall { Over: null, Filter: null } f && string.Equals(f.Name.Last, "COUNT", StringComparison.OrdinalIgnoreCase);
        if (!bareCount && ContainsCount(item.Expression))
            throw Unsupported.Feature(
                "a correlated scalar subquery whose value is computed from COUNT (a row without a group would read NULL, not the value of an empty COUNT)",
                item.Span);
        var keys = pairs.Select(p => p.Inner).ToList();
        var grouped = select with
        {
            Items = [item, .. keys.Select((k, i) => new SelectItem(k, new Identifier($"$k{i}", k.Span), k.Span))],
            Where = innerTerms.Count == 0 ? null : innerTerms.Aggregate((a, b) => new BinaryExpression(BinaryOperator.And, a, b, a.Span)),
            GroupBy = new GroupByClause(keys, [], select.Span),
        };
        var aggregated = bindQuery(grouped);
        var condition = ExpressionRewriting.And(pairs.Select((p, i) =>
            ExpressionBinder.MakeCall("=", [p.Outer, new InputRef(leftWidth + 1 + i, aggregated.Schema[1 + i].Type)], select.Span)).ToList());
        var join = JoinBinder.Build(input, aggregated, JoinType.Left, condition, LogicalJoin.SchemaOf(input.Schema, aggregated.Schema, JoinType.Left), select.Span);
        ScalarExpr value = new InputRef(leftWidth, join.Schema[leftWidth].Type);
        if (bareCount) value = ExpressionBinder.MakeCall("COALESCE", [value, new Literal(0L, SqlType.BigInt.AsNotNull())], item.Span);
        return Appended(join, leftWidth, value);
    }

    /// <summary>The first <paramref name="width"/> columns of <paramref name="join"/> and <paramref name="value"/>.</summary>
    private static LogicalNode Appended(LogicalNode join, int width, ScalarExpr value)
    {
        var projections = new List<ScalarExpr>();
        for (int i = 0; i < width; i++) projections.Add(new InputRef(i, join.Schema[i].Type));
        projections.Add(value);
        return LogicalProject.Create(join, projections, QueryBinder.Uniquify([.. join.Schema.Fields.Take(width).Select(f => f.Name), "$scalar"]));
    }

    private static List<ScalarExpr> Columns(LogicalNode node) =>
        node.Schema.Fields.Select((f, i) => (ScalarExpr)new InputRef(i, f.Type)).ToList();

    /// <summary>Whether the query returns at most one row by its form.</summary>
    private static bool AtMostOneRow(Query query) => query switch
    {
        SelectQuery s => s.From is null || s.GroupBy is null && AggregateBinder.IsAggregateQuery(s),
        OrderedQuery { Limit: LiteralExpression { Kind: LiteralKind.Integer, Text: "0" or "1" } } => true,
        OrderedQuery { Offset: null } o => AtMostOneRow(o.Body),
        ValuesQuery v => v.Rows.Count == 1,
        WithQuery w => AtMostOneRow(w.Body),
        _ => false,
    };

    private static bool ContainsCount(Expression e) =>
        e is FunctionCall f && string.Equals(f.Name.Last, "COUNT", StringComparison.OrdinalIgnoreCase)
        || ExpressionTrees.Children(e).Any(ContainsCount);

    private static IEnumerable<Expression> Conjuncts(Expression e)
    {
        if (e is BinaryExpression { Operator: BinaryOperator.And } and)
        {
            foreach (var t in Conjuncts(and.Left)) yield return t;
            foreach (var t in Conjuncts(and.Right)) yield return t;
        }
        else yield return e;
    }

    private enum Side { None, Left, Right, Both }

    private static Side SideOf(ScalarExpr e, int leftWidth)
    {
        var used = new SortedSet<int>();
        ExpressionRewriting.CollectInputs(e, used);
        if (used.Count == 0) return Side.None;
        if (used.Max < leftWidth) return Side.Left;
        return used.Min >= leftWidth ? Side.Right : Side.Both;
    }
}
