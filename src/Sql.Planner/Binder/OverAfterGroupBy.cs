using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// OVER calls in an aggregate SELECT (<c>SELECT k, SUM(COUNT(*)) OVER (PARTITION BY g ORDER BY k) FROM t GROUP BY g, k</c>,
/// <c>RANK() OVER (ORDER BY SUM(x) DESC)</c>), planned as Calcite plans them: the aggregation first, then the window over
/// its rows. The SELECT is split in two: an inner aggregate SELECT (same FROM, WHERE, GROUP BY, HAVING) whose items are
/// every aggregate-level expression the OVER calls and the rest of the select list read — arguments, PARTITION BY and
/// ORDER BY expressions, whole items without OVER — as hidden columns <c>$ov.$ovN</c>, and an outer select list over them
/// with the OVER calls, bound as any OVER (or rank) select list is.
/// </summary>
internal static class OverAfterGroupBy
{
    private const string Qualifier = "$ov";

    /// <summary>Whether <paramref name="s"/> aggregates and calls something with OVER in its select list.</summary>
    public static bool Present(SelectQuery s) =>
        AggregateBinder.IsAggregateQuery(s) && s.Items.Any(i => OverBinder.ContainsOver(i.Expression));

    /// <param name="bindAggregate">Binds an aggregate SELECT over the FROM/WHERE rows, as the aggregate query would be.</param>
    /// <param name="bindOver">Binds a select list with OVER calls over a node and the scope its columns are seen through.</param>
    public static LogicalNode Bind(SelectQuery s, Scope scope, Func<SelectQuery, LogicalNode> bindAggregate,
        Func<SelectQuery, LogicalNode, Scope, LogicalNode> bindOver)
    {
        var hidden = new List<SelectItem>();
        var byText = new Dictionary<string, ColumnReference>(StringComparer.Ordinal);

        Expression Hide(Expression e)
        {
            // Literals stay where they are: LAG's offset, NTILE's buckets and LISTAGG's separator must be literals.
            if (e is LiteralExpression or IntervalExpression or StarExpression) return e;
            string? key = Comparable(e) ? ExpressionSqlPrinter.Print(e) : null;
            if (key is not null && byText.TryGetValue(key, out var known)) return known with { Span = e.Span };
            var name = "$ov" + hidden.Count;
            hidden.Add(new SelectItem(e, new Identifier(name, e.Span), e.Span));
            var reference = new ColumnReference([Qualifier, name], e.Span);
            if (key is not null) byText[key] = reference;
            return reference;
        }

        Expression Rewrite(Expression e)
        {
            if (e is FunctionCall { Over: { } over } f)
            {
                return f with
                {
                    Arguments = f.Arguments.Select(Hide).ToList(),
                    Filter = f.Filter is null ? null : Hide(f.Filter),
                    Over = over with
                    {
                        PartitionBy = over.PartitionBy.Select(Hide).ToList(),
                        OrderBy = over.OrderBy.Select(o => o with { Expression = Hide(o.Expression) }).ToList(),
                    },
                };
            }
            return OverBinder.ContainsOver(e) ? ExpressionTrees.WithChildren(e, Rewrite) : Hide(e);
        }

        var outerItems = new List<SelectItem>(s.Items.Count);
        foreach (var item in s.Items)
        {
            if (item.Expression is StarExpression star)
                throw Unsupported.Feature("SELECT * in an aggregate query with OVER (name the columns)", star.Span);
            outerItems.Add(item with { Expression = Rewrite(item.Expression) });
        }
        var aggregated = bindAggregate(s with { Items = hidden, Windows = [] });

        // The outer items keep the names the select list gives them: a grouped column's own, else EXPR$n.
        for (int i = 0; i < outerItems.Count; i++)
        {
            if (outerItems[i].Alias is not null || outerItems[i].Expression is not ColumnReference) continue;
            string name = s.Items[i].Expression is ColumnReference c ? scope.OutputName(c) : $"EXPR${i}";
            outerItems[i] = outerItems[i] with { Alias = new Identifier(name, s.Items[i].Span) };
        }
        var outer = new SelectQuery(false, outerItems, null, null, null, null, [], s.Span);
        return bindOver(outer, aggregated, Scope.Of(Qualifier, aggregated.Schema));
    }

    /// <summary>Whether two expressions that print alike are the same (one hidden column for both): not so for what the
    /// printer leaves out (FILTER clauses, subqueries, named arguments).</summary>
    private static bool Comparable(Expression e)
    {
        if (e is InSubqueryExpression or ExistsExpression or ScalarSubqueryExpression or NamedArgument or DescriptorExpression
            or FunctionCall { Filter: not null } or FunctionCall { Over: not null } or FunctionCall { Nulls: not null })
            return false;
        foreach (var child in ExpressionTrees.Children(e))
            if (!Comparable(child)) return false;
        return true;
    }
}
