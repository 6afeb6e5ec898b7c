using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Binds the subquery conditions of a WHERE clause as Flink's SubQueryRemoveRule plans them: each AND-ed
/// <c>x IN (SELECT y ...)</c> and <c>EXISTS (SELECT ... WHERE inner.k = outer.k)</c> becomes a semi join of the rows
/// so far with the subquery on <c>x = y</c> (and the subquery's WHERE, which may read the outer columns), each
/// <c>NOT IN</c> / <c>NOT EXISTS</c> an anti join. A correlated subquery is a plain <c>SELECT ... FROM ... [WHERE ...]</c>
/// whose FROM is bound alone and whose WHERE sees the outer columns too; any other subquery is bound on its own. A
/// subquery without an equality between the two sides is refused (a streaming join needs keys). <c>NOT IN</c> over
/// values that may be NULL adds <see cref="NullAwareAnti"/>'s anti joins for SQL's three-valued semantics.
/// </summary>
internal sealed class SubqueryBinder(Func<Query, LogicalNode> bindQuery, Func<TableReference, (LogicalNode Node, Scope Scope)> bindRelation)
{
    /// <summary>The conjuncts of <paramref name="where"/> that are not subquery conditions (AND-ed again, or null), and
    /// those that are, each with whether it is negated.</summary>
    public static (Expression? Plain, List<(Expression Subquery, bool Negated)> Subqueries) Split(Expression where)
    {
        var plain = new List<Expression>();
        var subqueries = new List<(Expression, bool)>();
        foreach (var term in Conjuncts(where))
        {
            switch (term)
            {
                case InSubqueryExpression s: subqueries.Add((s, s.Negated)); break;
                case ExistsExpression e: subqueries.Add((e, e.Negated)); break;
                case UnaryExpression { Operator: UnaryOperator.Not, Operand: InSubqueryExpression s }: subqueries.Add((s, !s.Negated)); break;
                case UnaryExpression { Operator: UnaryOperator.Not, Operand: ExistsExpression e }: subqueries.Add((e, !e.Negated)); break;
                default: plain.Add(term); break;
            }
        }
        // Without subqueries the condition stays as parsed (the parser keeps long AND chains shallow).
        if (subqueries.Count == 0) return (where, subqueries);
        return (plain.Count == 0 ? null : Balanced(plain, 0, plain.Count), subqueries);
    }

    /// <summary>The AND of terms [start, end) as a balanced tree, so thousands of terms stay a few levels deep.</summary>
    private static Expression Balanced(List<Expression> terms, int start, int end)
    {
        if (end - start == 1) return terms[start];
        int middle = start + (end - start) / 2;
        var left = Balanced(terms, start, middle);
        return new BinaryExpression(BinaryOperator.And, left, Balanced(terms, middle, end), left.Span);
    }

    private static IEnumerable<Expression> Conjuncts(Expression e)
    {
        if (e is BinaryExpression { Operator: BinaryOperator.And } and)
        {
            foreach (var t in Conjuncts(and.Left)) yield return t;
            foreach (var t in Conjuncts(and.Right)) yield return t;
        }
        else yield return e;
    }

    /// <summary>The rows of <paramref name="left"/> (seen through <paramref name="outer"/>) that satisfy the subquery
    /// condition: a semi join, or an anti join when <paramref name="negated"/>.</summary>
    public LogicalNode Bind(Expression condition, bool negated, LogicalNode left, Scope outer)
    {
        var type = negated ? JoinType.Anti : JoinType.Semi;
        var (query, operand, what) = condition switch
        {
            InSubqueryExpression s => (s.Subquery, s.Operand, negated ? "NOT IN" : "IN"),
            ExistsExpression e => (e.Subquery, (Expression?)null, negated ? "NOT EXISTS" : "EXISTS"),
            _ => throw new InvalidOperationException(condition.GetType().Name),
        };
        int leftWidth = left.Schema.Count;
        // (a, b) IN (SELECT x, y ...) compares column by column, as Calcite's row IN.
        var operands = operand is ConstructorExpression { Kind: "ROW", Items.Count: > 1 } row ? row.Items : operand is null ? [] : [operand];
        var outerBinder = new ExpressionBinder(outer, aggregateMisplaced: "Aggregate expression is illegal in WHERE clause");
        var values = operands.Select(outerBinder.Bind).ToList();

        LogicalNode right;
        var subqueryValues = new List<ScalarExpr>();
        var terms = new List<ScalarExpr>();
        // The subquery's WHERE terms (over the joined row), without IN's own equality.
        var correlation = new List<ScalarExpr>();
        if (query is SelectQuery { From: not null, GroupBy: null, Having: null, Distinct: false, Windows.Count: 0 } select
            && select.Hints.Count == 0 && !AggregateBinder.IsAggregateQuery(select)
            && (operand is null || select.Items.Count == values.Count && select.Items.All(i => i.Expression is not StarExpression))
            // Nested IN/EXISTS conditions AND-ed in its WHERE filter the subquery's own rows (semi/anti joins below); any
            // other subquery there (TPC-H q20's scalar one) makes it bound on its own below, as it must then be uncorrelated.
            && (select.Where is null || Split(select.Where).Plain is not { } plainTerms || SubqueryValueBinder.Find([plainTerms]).Count == 0))
        {
            // A plain SELECT: its WHERE (and select item) are part of the join condition, seeing the outer columns.
            (right, var inner) = bindRelation(select.From);
            var scope = new Scope();
            foreach (var entry in outer.Entries) scope.Add(entry with { Outer = true }, entry.Schema);
            foreach (var entry in inner.Entries) scope.Add(entry, entry.Schema);
            for (int v = 0; v < values.Count; v++)
            {
                var item = new ExpressionBinder(inner, aggregateMisplaced: "Aggregate expression is illegal here").Bind(select.Items[v].Expression);
                subqueryValues.Add(ExpressionRewriting.Remap(item, i => i + leftWidth));
                terms.Add(Equal(values[v], subqueryValues[v]));
            }
            var (whereTerms, nestedConditions) = select.Where is null ? (null, []) : Split(select.Where);
            // A nested IN/EXISTS reads the subquery's own columns: its rows are kept or dropped before the outer join.
            foreach (var (nested, nestedNegated) in nestedConditions) right = BindNested(nested, nestedNegated, right, inner);
            if (whereTerms is not null)
            {
                var where = new ExpressionBinder(scope, aggregateMisplaced: "Aggregate expression is illegal in WHERE clause").Bind(whereTerms);
                if (where.Type.Kind is not (SqlTypeKind.Boolean or SqlTypeKind.Null))
                    throw new SqlValidationException($"WHERE clause must be a condition (BOOLEAN), but is {where.Type}", select.Where!.Span);
                terms.Add(where);
                correlation.AddRange(ExpressionRewriting.Conjuncts(where));
            }
        }
        else
        {
            right = BindAlone(query);
            if (values.Count > 0)
            {
                if (right.Schema.Count != values.Count)
                    throw new SqlValidationException(
                        $"The subquery of {what} must return {(values.Count == 1 ? "one column" : $"{values.Count} columns, one per value compared")}, but returns {right.Schema.Count}", query.Span);
                for (int v = 0; v < values.Count; v++)
                {
                    subqueryValues.Add(new InputRef(leftWidth + v, right.Schema[v].Type));
                    terms.Add(Equal(values[v], subqueryValues[v]));
                }
            }
        }

        var node = JoinBinder.Build(left, right, type, ExpressionRewriting.And(terms), LogicalJoin.SchemaOf(left.Schema, right.Schema, type), condition.Span);
        // A window semi/anti join keeps the left side's time attributes (Flink does not materialize them for a window join).
        if (JoinBinder.IsWindowJoin(node))
            node = JoinBinder.Build(left, right, type, ExpressionRewriting.And(terms), LogicalJoin.SchemaOf(left.Schema, right.Schema, type, keepTimeAttributes: true), condition.Span);
        if (type == JoinType.Anti && (values.Any(v => v.Type.Nullable) || subqueryValues.Any(v => v.Type.Nullable)))
        {
            if (values.Count > 1)
                throw Unsupported.Feature(
                    "NOT IN over a row of values that may be NULL (each NULL makes the comparison of the whole row unknown); declare the columns NOT NULL, or write NOT EXISTS",
                    condition.Span);
            return NullAwareAnti.Bind(node, right, values[0], subqueryValues[0], correlation, condition.Span);
        }
        return node;
    }

    /// <summary>A subquery condition inside a correlated subquery, over that subquery's rows alone; one that reads the
    /// outermost row is refused as such rather than with the unknown column.</summary>
    private LogicalNode BindNested(Expression nested, bool negated, LogicalNode rows, Scope scope)
    {
        try
        {
            return Bind(nested, negated, rows, scope);
        }
        catch (SqlValidationException e) when (!e.Message.StartsWith("Not supported yet", StringComparison.Ordinal))
        {
            throw Unsupported.Feature($"a subquery inside a correlated subquery that reads the outer query's columns ({e.Message})", nested.Span);
        }
    }

    /// <summary>Binds a subquery on its own (uncorrelated); one whose WHERE holds subqueries and reads the outer row is
    /// refused as such rather than with the unknown outer column.</summary>
    private LogicalNode BindAlone(Query query)
    {
        try
        {
            return bindQuery(query);
        }
        catch (SqlValidationException e) when (query is SelectQuery { Where: { } where } && SubqueryValueBinder.Find([where]) is [var nested, ..]
            && !e.Message.StartsWith("Not supported yet", StringComparison.Ordinal))
        {
            throw Unsupported.Feature($"a subquery inside a correlated subquery's WHERE (bound alone, it fails: {e.Message})", nested.Span);
        }
    }

    private static ScalarExpr Equal(ScalarExpr l, ScalarExpr r) =>
        new Call("=", [l, r], SqlType.Boolean.WithNullable(l.Type.Nullable || r.Type.Nullable));
}
