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

    /// <summary>The connector the options name, or null when they name none: Flink's catalog keeps such a table, and
    /// only a query that reads or writes it fails (<see cref="MissingConnector"/>).</summary>
    public IConnectorDescriptor? FindConnector(IReadOnlyList<TableOption> options)
    {
        var connector = options.LastOrDefault(o => o.Key == "connector");
        return connector is null ? null : Find(connector.Value, connector.Span);
    }

    /// <summary>Flink's FactoryUtil error for reading or writing a table whose options name no connector.</summary>
    public static SqlValidationException MissingConnector(SourceSpan tableReference) =>
        new("Table options do not contain an option key 'connector' for discovering a connector.", tableReference);

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
            var option = declared.FirstOrDefault(o => o.Matches(key)) ?? WatermarkTableOptions.Find(key);
            if (option is null)
            {
                if (descriptor.OptionPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal))) continue;
                var valid = declared.Select(o => o.Key).Concat(descriptor.OptionPrefixes.Select(p => p + "*")).Where(k => k != "connector").OrderBy(k => k, StringComparer.Ordinal).ToList();
                // Flink's FactoryUtil wording, one unsupported option at a time (the one the caret is under).
                string hint = NameSuggestion.Hint(key, declared.Select(o => o.Key));
                throw new SqlValidationException(
                    $"Unsupported options found for '{descriptor.Identifier}'.\n\nUnsupported options:\n\n{key}" +
                    (hint.Length == 0 ? "" : $" ({hint.TrimStart(';', ' ')})") +
                    $"\n\nSupported options:\n\n{string.Join(", ", valid)}", SpanOf(key));
            }
            if (option.Validate(value) is { } problem)
            {
                // A format name is a factory identifier in Flink: say it as Flink's factory discovery does.
                if ((key == "format" || key.EndsWith(".format", StringComparison.Ordinal)) && option.AllowedValues.Count > 0)
                {
                    var formats = option.AllowedValues.OrderBy(f => f, StringComparer.Ordinal).ToList();
                    string hint = NameSuggestion.Hint(value, formats);
                    throw new SqlValidationException(
                        $"Could not find any factory for identifier '{value}' of option '{key}'{(hint.Length == 0 ? "." : hint)} " +
                        $"Available format factory identifiers are: {string.Join(", ", formats)}", SpanOf(key));
                }
                throw new SqlValidationException($"Invalid value for option '{key}': {problem}", SpanOf(key));
            }
        }
        if (WatermarkTableOptions.AlignmentProblem(table.Options, descriptor.Identifier) is { } alignment)
            throw new SqlValidationException(alignment, SpanOf(WatermarkTableOptions.AlignmentGroup.Key));
        var missing = descriptor.RequiredOptions.Where(r => r.Key != "connector" && !table.Options.Keys.Any(r.Matches)).Select(r => r.Key).ToList();
        if (missing.Count > 0)
            throw new SqlValidationException(
                $"One or more required options are missing for connector '{descriptor.Identifier}' of table '{table.Name}'.\n\n" +
                $"Missing required options are:\n\n{string.Join("\n", missing)}", tableSpan);
        try
        {
            descriptor.Validate(table);
        }
        catch (ConnectorOptionException e)
        {
            throw new SqlValidationException(e.Message, e.OptionKey is null ? tableSpan : SpanOf(e.OptionKey));
        }
    }

}
