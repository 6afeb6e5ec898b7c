using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Binder;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>
/// A view's query as Flink stores it for SHOW CREATE VIEW: expanded by its validator, every column qualified by its
/// table and every table named in full (<c>SELECT `t`.`a`, `t`.`b` FROM `cat`.`db`.`t` AS `t`</c>). Only the plain shape
/// is expanded here (stars and column names over one table or view); for anything else the view keeps the text it was
/// created with.
/// </summary>
internal static class ViewQueryExpansion
{
    /// <summary>The expanded text, or null when the query is not of the plain shape.</summary>
    public static string? TryExpand(Query query, TableCatalog catalog)
    {
        if (query is not SelectQuery { Distinct: false, From: NamedTableReference from, Where: null, GroupBy: null, Having: null } select
            || select.Windows.Count > 0 || select.Hints.Count > 0
            || from.Hints.Count > 0 || from.SystemTimeAsOf is not null || from.ColumnAliases.Count > 0)
            return null;
        string name = ObjectNames.Resolve(from.Name, catalog);
        IReadOnlyList<string>? columns = catalog.FindTable(name) is { } table ? table.Columns.Select(c => c.Name).ToList()
            : catalog.FindView(name)?.Schema.Fields.Select(f => f.Name).ToList();
        if (columns is null) return null;
        string alias = from.Alias?.Value ?? from.Name.Last;
        string qualifier = ExpressionSqlPrinter.Quote(alias) + ".";
        var items = new List<string>();
        foreach (var item in select.Items)
        {
            switch (item.Expression)
            {
                case StarExpression star when item.Alias is null && (star.Qualifier is null || star.Qualifier == alias):
                    items.AddRange(columns.Select(c => qualifier + ExpressionSqlPrinter.Quote(c)));
                    break;
                case ColumnReference column when column.Parts.Count == 1 || (column.Parts.Count == 2 && column.Parts[0] == alias):
                    if (!columns.Contains(column.Parts[^1])) return null;
                    items.Add(qualifier + ExpressionSqlPrinter.Quote(column.Parts[^1])
                        + (item.Alias is { } a ? " AS " + ExpressionSqlPrinter.Quote(a.Value) : ""));
                    break;
                default:
                    return null;
            }
        }
        return $"SELECT {string.Join(", ", items)}\nFROM {ObjectNames.QuotedFullName(name)} AS {ExpressionSqlPrinter.Quote(alias)}";
    }
}
