using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// OVER calls in an aggregate SELECT (<c>SELECT k, SUM(COUNT(*)) OVER (PARTITION BY g ORDER BY k) FROM t GROUP BY g, k</c>,
/// <c>RANK() OVER (ORDER BY SUM(x) DESC)</c>), planned as Calcite plans them: the aggregation first, then the window over
/// its rows. The SELECT is split in two: an inner aggregate SELECT (same FROM, WHERE, GROUP BY, HAVING) whose items are
/// every aggregate-level expression the OVER calls and the rest of the select list read — arguments, PARTITION BY and
/// ORDER BY expressions, whole items without OVER — and an outer select list over its columns (seen as <c>$ov.$ovN</c>)
/// with the OVER calls, bound as any OVER (or rank) select list is. A whole item keeps its name in the aggregation, as
/// its aggregate call does (Calcite's AggConverter), and so does a column; the other columns are hidden ones, and their
/// aggregate calls are named <c>$fN</c>.
/// </summary>
internal static class OverAfterGroupBy
{
    private const string Qualifier = "$ov";
    private const string HiddenPrefix = "$ov";

    /// <summary>Whether <paramref name="s"/> aggregates and calls something with OVER in its select list.</summary>
    public static bool Present(SelectQuery s) =>
        AggregateBinder.IsAggregateQuery(s) && s.Items.Any(i => OverBinder.ContainsOver(i.Expression));

    /// <summary>Whether an item name is one of the hidden columns this split gives the aggregation.</summary>
    public static bool IsHiddenName(string name) => name.StartsWith(HiddenPrefix, StringComparison.Ordinal);

    /// <param name="bindAggregate">Binds an aggregate SELECT over the FROM/WHERE rows, as the aggregate query would be.</param>
    /// <param name="bindOver">Binds a select list with OVER calls over a node and the scope its columns are seen through.</param>
    public static LogicalNode Bind(SelectQuery s, Scope scope, Func<SelectQuery, LogicalNode> bindAggregate,
        Func<SelectQuery, LogicalNode, Scope, LogicalNode> bindOver)
    {
        var hidden = new List<Expression>();
        var hiddenNames = new List<string?>();
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);

        int HiddenIndex(Expression e)
        {
            string? key = Comparable(e) ? ExpressionSqlPrinter.Print(e) : null;
            if (key is not null && byText.TryGetValue(key, out int known)) return known;
            hidden.Add(e);
            hiddenNames.Add(null);
            if (key is not null) byText[key] = hidden.Count - 1;
            return hidden.Count - 1;
        }

        Expression Hide(Expression e) =>
            // Literals stay where they are: LAG's offset, NTILE's buckets and LISTAGG's separator must be literals.
            e is LiteralExpression or IntervalExpression or StarExpression ? e : new ColumnReference([Qualifier, HiddenPrefix + HiddenIndex(e)], e.Span);

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
        for (int i = 0; i < s.Items.Count; i++)
        {
            var item = s.Items[i];
            if (item.Expression is StarExpression star)
                throw Unsupported.Feature("SELECT * in an aggregate query with OVER (name the columns)", star.Span);
            string name = item.Alias?.Value ?? SelectItemName.Derive(item.Expression, scope, i);
            if (!OverBinder.ContainsOver(item.Expression))
            {
                int at = HiddenIndex(item.Expression);
                hiddenNames[at] ??= name;
                outerItems.Add(item with { Expression = new ColumnReference([Qualifier, HiddenPrefix + at], item.Expression.Span), Alias = new Identifier(name, item.Span) });
            }
            else
                outerItems.Add(item with { Expression = Rewrite(item.Expression) });
        }
        // A column read only by OVER calls keeps its name too; other expressions read only by them are hidden columns.
        var innerItems = hidden.Select((e, i) => new SelectItem(e,
            new Identifier(hiddenNames[i] ?? (e is ColumnReference c ? scope.OutputName(c) : HiddenPrefix + i), e.Span), e.Span)).ToList();
        var aggregated = bindAggregate(s with { Items = innerItems, Windows = [] });

        var outer = new SelectQuery(false, outerItems, null, null, null, null, [], s.Span);
        var seen = new RowSchema(aggregated.Schema.Fields.Select((f, i) => f with { Name = HiddenPrefix + i }).ToList());
        return bindOver(outer, aggregated, Scope.Of(Qualifier, seen));
    }

    /// <summary>Whether two expressions that print alike are the same (one column for both): not so for what the printer
    /// leaves out (FILTER clauses, null treatment, subqueries, named arguments).</summary>
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
