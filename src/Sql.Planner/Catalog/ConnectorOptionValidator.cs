using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>Checks a table's <c>WITH</c> options against its connector's declared options, then asks the connector itself.
/// Errors point at the offending option's key (or the table name when no option is to blame).</summary>
internal sealed class ConnectorOptionValidator
{
    private readonly IConnectorCatalog _connectors;

    public ConnectorOptionValidator(IConnectorCatalog connectors) => _connectors = connectors;

    public IConnectorDescriptor FindConnector(IReadOnlyList<TableOption> options, SourceSpan tableSpan)
    {
        var connector = options.LastOrDefault(o => o.Key == "connector");
        if (connector is null)
            throw new SqlValidationException("Table options do not contain an option key 'connector' for discovering a connector.", tableSpan);
        return Find(connector.Value, connector.Span);
    }

    public IConnectorDescriptor Find(string identifier, SourceSpan span)
    {
        var descriptor = _connectors.Find(identifier);
        if (descriptor is not null) return descriptor;
        var available = _connectors.Identifiers.OrderBy(i => i, StringComparer.Ordinal).ToList();
        throw new SqlValidationException(
            $"Could not find any factory for identifier '{identifier}'{NameSuggestion.Hint(identifier, available)}. Available factory identifiers are: {string.Join(", ", available)}", span);
    }

    /// <summary>Validates every option of <paramref name="table"/>; <paramref name="written"/> gives spans of options as written.</summary>
    public void Validate(CatalogTable table, IConnectorDescriptor descriptor, IReadOnlyList<TableOption> written, SourceSpan tableSpan)
    {
        SourceSpan SpanOf(string key) => written.LastOrDefault(o => o.Key == key)?.KeySpan ?? tableSpan;
        var declared = descriptor.RequiredOptions.Concat(descriptor.OptionalOptions).ToList();
        foreach (var (key, value) in table.Options)
        {
            if (key == "connector") continue;
            var option = declared.FirstOrDefault(o => o.Matches(key));
            if (option is null)
            {
                if (descriptor.OptionPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal))) continue;
                var valid = declared.Select(o => o.Key).Concat(descriptor.OptionPrefixes.Select(p => p + "*")).Where(k => k != "connector").OrderBy(k => k, StringComparer.Ordinal).ToList();
                throw new SqlValidationException(
                    $"Unsupported option '{key}' for connector '{descriptor.Identifier}'{HintSentence(NameSuggestion.Hint(key, declared.Select(o => o.Key)))} Supported options: {string.Join(", ", valid)}", SpanOf(key));
            }
            if (option.Validate(value) is { } problem)
                throw new SqlValidationException($"Invalid value for option '{key}': {problem}", SpanOf(key));
        }
        foreach (var required in descriptor.RequiredOptions)
        {
            if (required.Key == "connector") continue;
            if (!table.Options.Keys.Any(required.Matches))
                throw new SqlValidationException($"Missing required option '{required.Key}' for connector '{descriptor.Identifier}' of table '{table.Name}'", tableSpan);
        }
        try
        {
            descriptor.Validate(table);
        }
        catch (ConnectorOptionException e)
        {
            throw new SqlValidationException(e.Message, e.OptionKey is null ? tableSpan : SpanOf(e.OptionKey));
        }
    }

    /// <summary>"; did you mean 'x'?" ends its own sentence; without a hint the sentence ends with a period.</summary>
    private static string HintSentence(string hint) => hint.Length == 0 ? "." : hint;
}
