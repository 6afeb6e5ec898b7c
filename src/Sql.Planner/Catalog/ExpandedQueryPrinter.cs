using System.Text;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Binder;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>
/// A view's query as Flink stores and shows it (<c>CatalogView.getExpandedQuery</c>: Calcite's unparse of the validated
/// query): the table's name fully qualified and aliased (<c>FROM `default_catalog`.`default_database`.`orders` AS
/// `orders`</c>), <c>*</c> expanded, every column qualified by the table's alias, one clause per line. Only a SELECT block
/// over one table or view is expanded; for other queries (joins, subqueries, set operations) null is returned and the
/// query is shown as written.
/// </summary>
internal static class ExpandedQueryPrinter
{
    public static string? TryPrint(CatalogView view, TableCatalog catalog)
    {
        if (view.Query is not SelectQuery { From: NamedTableReference table } select
            || table.Hints.Count > 0 || table.SystemTimeAsOf is not null || table.ColumnAliases.Count > 0
            || select.Windows.Count > 0 || select.Hints.Count > 0 || select.GroupBy is { GroupingElements.Count: > 0 })
            return null;
        string key;
        using (catalog.ResolveIn(view.DefinedIn))
        {
            try { key = ObjectNames.Resolve(table.Name, catalog); }
            catch (SqlValidationException) { return null; }
        }
        var schema = catalog.FindTable(key)?.Schema ?? catalog.FindView(key)?.Schema;
        if (schema is null) return null;
        string alias = table.Alias?.Value ?? table.Name.Last;
        var columns = schema.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        bool unknown = false;
        string Column(ColumnReference c)
        {
            var parts = c.Parts.Count > 1 && c.Parts[0] == alias ? c.Parts.Skip(1).ToList() : c.Parts;
            if (parts.Count == 0 || !columns.Contains(parts[0])) unknown = true;
            return ExpressionSqlPrinter.Quote(alias) + "." + string.Join('.', parts.Select(ExpressionSqlPrinter.Quote));
        }
        string? Print(Expression e) => ExpressionSqlPrinter.TryPrint(e, Column);

        var items = new List<string>();
        foreach (var item in select.Items)
        {
            if (item.Expression is StarExpression star)
            {
                if (star.Qualifier is not null && star.Qualifier != alias) return null;
                items.AddRange(schema.Fields.Select(f => ExpressionSqlPrinter.Quote(alias) + "." + ExpressionSqlPrinter.Quote(f.Name)));
                continue;
            }
            if (Print(item.Expression) is not { } text) return null;
            items.Add(item.Alias is null ? text : text + " AS " + ExpressionSqlPrinter.Quote(item.Alias.Value));
        }
        var sb = new StringBuilder(select.Distinct ? "SELECT DISTINCT " : "SELECT ").AppendJoin(", ", items);
        sb.Append("\nFROM ").Append(ObjectNames.QuotedFullName(key)).Append(" AS ").Append(ExpressionSqlPrinter.Quote(alias));
        if (!Clause(sb, "WHERE", select.Where, Print)) return null;
        if (select.GroupBy is { } groupBy)
        {
            var keys = new List<string>();
            foreach (var k in groupBy.Expressions)
            {
                if (Print(k) is not { } text) return null;
                keys.Add(text);
            }
            sb.Append("\nGROUP BY ").AppendJoin(", ", keys);
        }
        if (!Clause(sb, "HAVING", select.Having, Print)) return null;
        return unknown ? null : sb.ToString();
    }

    private static bool Clause(StringBuilder sb, string keyword, Expression? condition, Func<Expression, string?> print)
    {
        if (condition is null) return true;
        if (print(condition) is not { } text) return false;
        sb.Append('\n').Append(keyword).Append(' ').Append(text);
        return true;
    }
}
