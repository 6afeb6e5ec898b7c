using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>Flink's dynamic table options: <c>t /*+ OPTIONS('k'='v') */</c> overrides the table's options for one
/// statement, on a table read (a query) or written (an INSERT target); the merged options are checked where the table is used.</summary>
internal static class OptionsHint
{
    /// <summary>The table with the hinted options; the statement that uses it checks them (for its role).</summary>
    public static CatalogTable Apply(CatalogTable table, IReadOnlyList<TableHint> hints)
    {
        var options = new Dictionary<string, string>(table.Options, StringComparer.Ordinal);
        foreach (var hint in hints)
        {
            if (!string.Equals(hint.Name, "OPTIONS", StringComparison.OrdinalIgnoreCase))
                throw Unsupported.Feature($"table hint {hint.Name} (only OPTIONS is supported)", hint.Span);
            foreach (var (key, value) in hint.Options) options[key] = value;
        }
        return table with { Options = options };
    }
}
