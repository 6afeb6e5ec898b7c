using StreamSql.Sql.Parser;
using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>
/// Checks a table's <c>WITH</c> options when a statement reads or writes the table, as Flink's
/// <c>FactoryUtil.createDynamicTableSource</c> / <c>createDynamicTableSink</c> do: <c>CREATE TABLE</c> stores the options
/// unchecked, so a table without the options it needs can still serve as a <c>LIKE</c> template, be described, or be used in
/// the one role its options suit. The error names the table and its options, then the cause, and points at the reference.
/// </summary>
internal sealed class ConnectorOptionValidator
{
    private const string DynamicTableFactory = "org.apache.flink.table.factories.DynamicTableFactory";

    private readonly IConnectorCatalog _connectors;

    public ConnectorOptionValidator(IConnectorCatalog connectors) => _connectors = connectors;

    /// <summary>The connector of <paramref name="table"/> after checking its options for <paramref name="access"/>;
    /// throws Flink's "Unable to create a source for reading table ..." (or sink for writing) at <paramref name="reference"/>.</summary>
    public IConnectorDescriptor CheckUse(CatalogTable table, TableAccess access, SourceSpan reference)
    {
        var (descriptor, cause) = Check(table, access);
        if (cause is null) return descriptor!;
        string role = access == TableAccess.Write ? "a sink for writing" : "a source for reading";
        var options = table.Options
            .Select(o => $"'{Quoted(o.Key)}'='{Quoted(SensitiveOptions.Shown(o.Key, o.Value))}'")
            .OrderBy(o => o, StringComparer.Ordinal);
        throw new SqlValidationException(
            $"Unable to create {role} table '{ObjectNames.FullName(table.Name)}'.\n\nTable options are:\n\n{string.Join("\n", options)}\n\nCaused by: {cause}",
            reference);
    }

    /// <summary>Why a metadata column of key <paramref name="key"/> cannot be read by the connector, or null when it can.</summary>
    private static string? UnreadableMetadata(string table, string column, string key, IConnectorDescriptor descriptor)
    {
        if (descriptor.ReadableMetadata.ContainsKey(key)) return null;
        var keys = descriptor.ReadableMetadata.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        string available = keys.Count == 0 ? "it has no metadata" : "available metadata keys: " + string.Join(", ", keys);
        return $"Invalid metadata key '{key}' in column '{column}' of table '{table}': connector '{descriptor.Identifier}' cannot read it ({available}){NameSuggestion.Hint(key, keys)}";
    }

    private static string Quoted(string text) => text.Replace("'", "''");

    /// <summary>The connector and null, or the cause (Flink's wording) why the table cannot be used so.</summary>
    private (IConnectorDescriptor? Descriptor, string? Cause) Check(CatalogTable table, TableAccess access)
    {
        if (table.Connector is not { } identifier)
            return (null, "Table options do not contain an option key 'connector' for discovering a connector.");
        var descriptor = _connectors.Find(identifier);
        if (descriptor is null)
        {
            var available = _connectors.Identifiers.OrderBy(i => i, StringComparer.Ordinal).ToList();
            string hint = NameSuggestion.Hint(identifier, available);
            return (null, $"Cannot discover a connector using option: 'connector'='{Quoted(identifier)}'\n\nCaused by: " +
                $"Could not find any factory for identifier '{identifier}' that implements '{DynamicTableFactory}' in the classpath" +
                $"{(hint.Length == 0 ? "." : hint)}\n\nAvailable factory identifiers are:\n\n{string.Join("\n", available)}");
        }
        if ((access == TableAccess.Read && !descriptor.SupportsSource) || (access == TableAccess.Lookup && !descriptor.SupportsSource && !descriptor.SupportsLookup))
            return (descriptor, $"Connector '{identifier}' can only be used as a sink. It cannot be used as a source.");
        if (access == TableAccess.Write && !descriptor.SupportsSink)
            return (descriptor, $"Connector '{identifier}' can only be used as a source. It cannot be used as a sink.");
        if (OptionProblem(table, descriptor, access) is { } problem) return (descriptor, problem);
        // Flink's DynamicSourceUtils: the metadata columns' keys are the source's to know.
        if (access != TableAccess.Write)
            foreach (var column in table.Columns.OfType<MetadataColumn>())
                if (UnreadableMetadata(table.Name, column.Name, column.MetadataKey, descriptor) is { } unreadable) return (descriptor, unreadable);
        try
        {
            descriptor.Validate(table);
            if (access == TableAccess.Write) descriptor.ValidateSink(table);
            else descriptor.ValidateSource(table);
        }
        catch (ConnectorOptionException e)
        {
            return (descriptor, e.Message);
        }
        return (descriptor, null);
    }

    /// <summary>What Flink's TableFactoryHelper finds wrong, in its order and words (format discovery, missing required
    /// options, values that do not parse, unknown keys, watermark alignment); null when nothing is.</summary>
    private static string? OptionProblem(CatalogTable table, IConnectorDescriptor descriptor, TableAccess access)
    {
        var declared = descriptor.RequiredOptions.Concat(descriptor.OptionalOptions).ToList();
        var known = new List<(string Key, string Value, ConfigOption Option)>();
        var unsupported = new List<string>();
        foreach (var (key, value) in table.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (key == "connector") continue;
            if ((declared.FirstOrDefault(o => o.Matches(key)) ?? WatermarkTableOptions.Find(key)) is { } option)
                known.Add((key, value, option));
            else if (!descriptor.OptionPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
            {
                string hint = NameSuggestion.Hint(key, declared.Select(o => o.Key));
                unsupported.Add(key + (hint.Length == 0 ? "" : $" ({hint.TrimStart(';', ' ')})"));
            }
        }
        foreach (var (key, value, option) in known)
        {
            // A format name is a factory identifier in Flink, discovered before anything else is checked.
            if (!(key == "format" || key.EndsWith(".format", StringComparison.Ordinal)) || option.AllowedValues.Count == 0 || option.Validate(value) is null) continue;
            var formats = option.AllowedValues.OrderBy(f => f, StringComparer.Ordinal).ToList();
            string hint = NameSuggestion.Hint(value, formats);
            return $"Could not find any factory for identifier '{value}' of option '{key}'{(hint.Length == 0 ? "." : hint)} " +
                $"Available format factory identifiers are: {string.Join(", ", formats)}";
        }
        if (descriptor.MissingFormat(table, access) is { } format) return format;
        var missing = descriptor.RequiredOptions.Where(r => r.Key != "connector" && !table.Options.Keys.Any(r.Matches)).Select(r => r.Key)
            .OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            return $"One or more required options are missing.\n\nMissing required options are:\n\n{string.Join("\n", missing)}";
        foreach (var (key, value, option) in known)
            if (option.Validate(value) is { } problem) return $"Invalid value for option '{key}': {problem}";
        if (unsupported.Count > 0)
        {
            var valid = declared.Select(o => o.Key).Concat(descriptor.OptionPrefixes.Select(p => p + "*")).Where(k => k != "connector").OrderBy(k => k, StringComparer.Ordinal);
            return $"Unsupported options found for '{descriptor.Identifier}'.\n\nUnsupported options:\n\n{string.Join("\n", unsupported)}" +
                $"\n\nSupported options:\n\n{string.Join("\n", valid)}";
        }
        return WatermarkTableOptions.AlignmentProblem(table.Options, descriptor.Identifier);
    }
}
