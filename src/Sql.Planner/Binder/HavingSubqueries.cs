using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// <c>IN</c>, <c>NOT IN</c>, <c>EXISTS</c> and <c>NOT EXISTS</c> conjuncts of an aggregate query's HAVING, as Calcite plans
/// them: a filter over the aggregation's rows that Flink's SubQueryRemoveRule turns into a semi (anti) join. The aggregation
/// computes the compared values as hidden columns of its select list (<c>HAVING SUM(v) IN (...)</c>), and the grouped
/// columns too, so a correlated subquery (<c>HAVING EXISTS (SELECT 1 FROM u WHERE u.k = t.k)</c>) reads them under their
/// table's name; the joins then filter the aggregated rows and the hidden columns are dropped.
/// </summary>
internal static class HavingSubqueries
{
    private const string Qualifier = "$having";

    /// <summary>Whether <paramref name="s"/>'s HAVING has subquery conditions for <see cref="Bind"/>.</summary>
    public static bool Present(SelectQuery s) => s.Having is not null && SubqueryBinder.Split(s.Having).Subqueries.Count > 0;

    /// <param name="bindAggregate">Binds an aggregate SELECT (its HAVING without subquery conditions) over the input.</param>
    public static LogicalNode Bind(SelectQuery s, Scope scope, Func<SelectQuery, LogicalNode> bindAggregate, SubqueryBinder subqueries)
    {
        var (plain, conditions) = SubqueryBinder.Split(s.Having!);
        var hidden = new List<SelectItem>();
        Expression Hide(Expression e)
        {
            var name = "$hv" + hidden.Count;
            hidden.Add(new SelectItem(e, new Identifier(name, e.Span), e.Span));
            return new ColumnReference([Qualifier, name], e.Span);
        }

        var rewritten = new List<(Expression Condition, bool Negated)>();
        foreach (var (condition, negated) in conditions)
        {
            rewritten.Add(condition switch
            {
                InSubqueryExpression { Operand: ConstructorExpression { Kind: "ROW", Items.Count: > 1 } row } i =>
                    (i with { Operand = row with { Items = row.Items.Select(Hide).ToList() } }, negated),
                InSubqueryExpression i => (i with { Operand = Hide(i.Operand) }, negated),
                _ => (condition, negated),
            });
        }

        // The grouped columns, by the relation they come from, for correlated subqueries.
        var grouped = new List<(string? Qualifier, Field Field)>();
        foreach (var e in s.GroupBy?.Expressions ?? [])
        {
            if (e is not ColumnReference c) continue;
            var (index, field) = scope.Resolve(c);
            var entry = scope.Entries.Last(x => x.Offset <= index);
            if (grouped.Any(g => g.Qualifier == entry.Qualifier && g.Field.Name == field.Name)) continue;
            grouped.Add((entry.Qualifier, field));
        }
        var byRelation = grouped.GroupBy(g => g.Qualifier).ToList();
        var groupItems = new List<SelectItem>();
        foreach (var relation in byRelation)
            foreach (var (qualifier, field) in relation)
            {
                Expression reference = new ColumnReference(qualifier is null ? [field.Name] : [qualifier, field.Name], s.Having!.Span);
                groupItems.Add(new SelectItem(reference, new Identifier("$hg" + groupItems.Count, s.Having!.Span), s.Having!.Span));
            }

        int visible = s.Items.Count;
        var node = bindAggregate(s with { Items = [.. s.Items, .. hidden, .. groupItems], Having = plain });

        var outer = new Scope();
        int valueColumns = visible + hidden.Count;
        var values = new RowSchema(node.Schema.Fields.Take(valueColumns).ToList());
        outer.Add(new Scope.Entry(Qualifier, values, 0) { Hidden = Enumerable.Range(0, valueColumns).ToHashSet() }, values);
        int at = valueColumns;
        foreach (var relation in byRelation)
        {
            var fields = relation.Select((g, i) => new Field(g.Field.Name, node.Schema[at + i].Type)).ToList();
            outer.Add(relation.Key, new RowSchema(fields));
            at += fields.Count;
        }

        foreach (var (condition, negated) in rewritten) node = subqueries.Bind(condition, negated, node, outer);

        var kept = Enumerable.Range(0, visible).Select(i => (ScalarExpr)new InputRef(i, node.Schema[i].Type)).ToList();
        return new LogicalProject(node, kept, new RowSchema(node.Schema.Fields.Take(visible).ToList()));
    }
}
