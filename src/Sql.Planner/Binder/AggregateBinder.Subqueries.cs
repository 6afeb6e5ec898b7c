using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Scalar subqueries in the select list and HAVING of an aggregate query (<c>HAVING SUM(v) &gt; (SELECT AVG(v) FROM s)</c>):
/// their values are joined to the aggregation's rows as Calcite plans them (a LEFT join with the subquery's one row), so
/// the select list and HAVING read them as columns after the aggregate ones. The subquery must not read the aggregate
/// query's columns: after grouping only keys and aggregates are left to correlate with.
/// </summary>
internal sealed partial class AggregateBinder
{
    /// <summary>Column indexes standing for subquery values until the aggregation exists (then they follow its columns).</summary>
    private const int SubqueryPlaceholder = 1 << 25;

    private readonly List<Expression> _subqueries = new();

    private ScalarExpr SubqueryPlaceholderOf(ScalarSubqueryExpression subquery)
    {
        if (_subqueryValues is null)
            throw Unsupported.Feature("scalar subqueries here (they work in WHERE, in select lists and in HAVING)", subquery.Span);
        _subqueries.Add(subquery);
        return new InputRef(SubqueryPlaceholder + _subqueries.Count - 1, _subqueryValues.TypeOf(subquery));
    }

    /// <summary>The aggregation's rows with the subqueries' values appended, and a rewrite of the placeholders into them.</summary>
    private (LogicalNode Node, Func<ScalarExpr, ScalarExpr> Place) JoinSubqueries(LogicalNode node)
    {
        if (_subqueries.Count == 0) return (node, e => e);
        var scope = new Scope();
        scope.Add(new Scope.Entry(null, node.Schema, 0) { Hidden = Enumerable.Range(0, node.Schema.Count).ToHashSet() }, node.Schema);
        var (joined, _, values) = _subqueryValues!.Bind(_subqueries, node, scope);
        return (joined, e => ExpressionRewriting.Transform(e, x =>
            x is InputRef { Index: >= SubqueryPlaceholder } r ? values[_subqueries[r.Index - SubqueryPlaceholder]] : x));
    }
}
