using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Connectors;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>Flink's dynamic table options: <c>t /*+ OPTIONS('k'='v') */</c> overrides the table's options for one
/// statement, on a table read (a query) or written (an INSERT target), and the result is validated again.</summary>
internal static class OptionsHint
{
    public static CatalogTable Apply(CatalogTable table, IReadOnlyList<TableHint> hints, IConnectorCatalog? connectors, SourceSpan nameSpan)
    {
        var options = new Dictionary<string, string>(table.Options, StringComparer.Ordinal);
        foreach (var hint in hints)
        {
            if (!string.Equals(hint.Name, "OPTIONS", StringComparison.OrdinalIgnoreCase))
                throw Unsupported.Feature($"table hint {hint.Name} (only OPTIONS is supported)", hint.Span);
            foreach (var (key, value) in hint.Options) options[key] = value;
        }
        var hinted = table with { Options = options };
        if (hinted.Connector is null) throw ConnectorOptionValidator.MissingConnector(nameSpan);
        if (connectors is not null)
        {
            var validator = new ConnectorOptionValidator(connectors);
            var span = hints[0].Span;
            validator.Validate(hinted, validator.Find(hinted.Connector ?? "", span), Array.Empty<TableOption>(), span);
        }
        return hinted;
    }
}
