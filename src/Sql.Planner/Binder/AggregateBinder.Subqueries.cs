using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Subqueries used as values in the select list and HAVING of an aggregate query (<c>HAVING SUM(v) &gt; (SELECT AVG(v)
/// FROM s)</c>, <c>SELECT k, k IN (SELECT ...) AS f ... GROUP BY k</c>, <c>HAVING COUNT(*) &gt; 1 OR EXISTS (...)</c>):
/// their values are joined to the aggregation's rows as Calcite plans them (LEFT joins, see <see cref="SubqueryValueBinder"/>),
/// so the select list and HAVING read them as columns after the aggregate ones. An IN's operand is computed from the
/// aggregated row (a group key or an aggregate); a correlated subquery may read the grouped columns, under their table's
/// name, and nothing else of the aggregate query (after grouping only keys and aggregates are left to correlate with).
/// </summary>
internal sealed partial class AggregateBinder
{
    /// <summary>Column indexes standing for subquery values until the aggregation exists (then they follow its columns).</summary>
    private const int SubqueryPlaceholder = 1 << 25;

    private readonly List<Expression> _subqueries = new();

    /// <summary>Each IN subquery's operand, over the aggregation's row.</summary>
    private readonly Dictionary<Expression, ScalarExpr> _subqueryOperands = new(ReferenceEqualityComparer.Instance);

    private ScalarExpr SubqueryPlaceholderOf(Expression subquery)
    {
        if (_subqueryValues is null)
            throw Unsupported.Feature("subqueries here (they work in WHERE, in select lists and in HAVING)", subquery.Span);
        SqlType type;
        switch (subquery)
        {
            case ScalarSubqueryExpression s:
                type = _subqueryValues.TypeOf(s);
                break;
            case InSubqueryExpression i:
                if (i.Operand is ConstructorExpression { Kind: "ROW", Items.Count: > 1 })
                    throw Unsupported.Feature("a row (a, b) IN (SELECT ...) used as a value", i.Span);
                _subqueryOperands[i] = new ExpressionBinder(Scope.Empty, Intercept).Bind(i.Operand);
                type = SqlType.Boolean.WithNullable(true);
                break;
            default:
                type = SqlType.Boolean.AsNotNull();
                break;
        }
        _subqueries.Add(subquery);
        return new InputRef(SubqueryPlaceholder + _subqueries.Count - 1, type);
    }

    /// <summary>The aggregation's rows with the subqueries' values appended, and a rewrite of the placeholders into them.</summary>
    private (LogicalNode Node, Func<ScalarExpr, ScalarExpr> Place) JoinSubqueries(LogicalNode node, Func<ScalarExpr, ScalarExpr> placeProperties)
    {
        if (_subqueries.Count == 0) return (node, e => e);
        int width = node.Schema.Count;
        var scope = new Scope();
        scope.Add(new Scope.Entry(null, node.Schema, 0) { Hidden = Enumerable.Range(0, width).ToHashSet() }, node.Schema);
        node = WithGroupedColumns(node, scope);
        var operands = new Dictionary<Expression, ScalarExpr>(ReferenceEqualityComparer.Instance);
        foreach (var (subquery, operand) in _subqueryOperands) operands[subquery] = placeProperties(operand);
        LogicalNode joined;
        IReadOnlyDictionary<Expression, ScalarExpr> values;
        try
        {
            (joined, _, values) = _subqueryValues!.Bind(_subqueries, node, scope, operands);
        }
        catch (SqlValidationException ex) when (ex.Problem.Contains(" not found", StringComparison.Ordinal) && !ex.Problem.Contains("grouped columns", StringComparison.Ordinal))
        {
            throw new SqlValidationException(ex.Problem + " (a subquery of an aggregation's select list or HAVING sees only the outer query's grouped columns)", ex.Span);
        }
        return (joined, e => ExpressionRewriting.Transform(e, x =>
            x is InputRef { Index: >= SubqueryPlaceholder } r ? values[_subqueries[r.Index - SubqueryPlaceholder]] : x));
    }

    /// <summary>The aggregation's rows followed by copies of its grouped columns, one scope entry per relation they come
    /// from (under its name), so a correlated subquery reads <c>t.k</c> as the group key.</summary>
    private LogicalNode WithGroupedColumns(LogicalNode node, Scope scope)
    {
        var grouped = new List<(Scope.Entry Entry, Field Field, int Key)>();
        for (int key = 0; key < _keys.Count; key++)
        {
            if (_keys[key] is not InputRef { Index: var index }) continue;
            var entry = _scope.Entries.Last(x => x.Offset <= index);
            var field = entry.Schema[index - entry.Offset];
            if (entry.Qualifier is null || grouped.Any(g => ReferenceEquals(g.Entry, entry) && g.Field.Name == field.Name)) continue;
            grouped.Add((entry, field, key));
        }
        if (grouped.Count == 0) return node;
        var projections = node.Schema.Fields.Select((f, i) => (ScalarExpr)new InputRef(i, f.Type)).ToList();
        var names = node.Schema.Fields.Select(f => f.Name).ToList();
        foreach (var relation in grouped.GroupBy(g => g.Entry))
        {
            var fields = new List<Field>();
            foreach (var (_, field, key) in relation)
            {
                projections.Add(new InputRef(key, node.Schema[key].Type));
                names.Add(field.Name);
                fields.Add(new Field(field.Name, node.Schema[key].Type));
            }
            scope.Add(relation.Key.Qualifier, new RowSchema(fields));
        }
        return LogicalProject.Create(node, projections, QueryBinder.Uniquify(names));
    }
}
