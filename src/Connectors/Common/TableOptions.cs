using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;

namespace StreamSql.Connectors.Common;

/// <summary>Typed reads of a table's <c>WITH</c> options; a bad value becomes a <see cref="ConnectorOptionException"/> naming the option.</summary>
internal sealed class TableOptions
{
    private readonly CatalogTable _table;

    public TableOptions(CatalogTable table) => _table = table;

    public string TableName => _table.Name;

    public CatalogTable Table => _table;

    public bool Contains(ConfigOption option) => Text(option) is not null;

    public string? Raw(string key) => _table.Options.TryGetValue(key, out var v) ? v : null;

    public T Get<T>(ConfigOption<T> option)
    {
        var text = Text(option);
        if (text is null) return option.DefaultValue;
        try
        {
            return option.Parse(text);
        }
        catch (FormatException e)
        {
            throw Invalid(option.Key, e.Message);
        }
    }

    /// <summary>The value of a required option (one without default), or an error saying it is missing.</summary>
    public T Require<T>(ConfigOption<T> option)
    {
        if (Text(option) is null) throw Missing(option.Key);
        return Get(option);
    }

    public ConnectorOptionException Invalid(string key, string reason) =>
        new(key, $"Invalid value for option '{key}' of table '{_table.Name}': {reason}");

    public ConnectorOptionException Missing(string key) =>
        new(key, $"Table '{_table.Name}' is missing the required option '{key}'.");

    private string? Text(ConfigOption option)
    {
        if (_table.Options.TryGetValue(option.Key, out var v)) return v;
        foreach (var k in option.FallbackKeys)
            if (_table.Options.TryGetValue(k, out v)) return v;
        return null;
    }

    /// <summary>
    /// Checks a table against a connector's declared options: required ones present, no unknown keys (beyond the declared
    /// prefixes and <c>connector</c>), every value parses.
    /// </summary>
    public static void CheckDeclared(IConnectorDescriptor descriptor, CatalogTable table)
    {
        var options = new TableOptions(table);
        foreach (var o in descriptor.RequiredOptions)
            if (!options.Contains(o)) throw options.Missing(o.Key);
        foreach (var (key, value) in table.Options)
        {
            if (key == "connector") continue;
            var declared = Find(descriptor, key) ?? WatermarkTableOptions.Find(key);
            if (declared is null)
            {
                if (HasPrefix(descriptor, key)) continue;
                throw new ConnectorOptionException(key,
                    $"Unsupported option '{key}' for connector '{descriptor.Identifier}' in table '{table.Name}'. Supported options: "
                    + string.Join(", ", SupportedKeys(descriptor)) + ".");
            }
            var error = declared.Validate(value);
            if (error is not null) throw options.Invalid(key, error);
        }
    }

    private static ConfigOption? Find(IConnectorDescriptor d, string key)
    {
        foreach (var o in d.RequiredOptions) if (o.Matches(key)) return o;
        foreach (var o in d.OptionalOptions) if (o.Matches(key)) return o;
        return null;
    }

    private static bool HasPrefix(IConnectorDescriptor d, string key)
    {
        foreach (var p in d.OptionPrefixes)
            if (key.StartsWith(p, StringComparison.Ordinal)) return true;
        return false;
    }

    private static List<string> SupportedKeys(IConnectorDescriptor d)
    {
        var keys = new List<string> { "connector" };
        foreach (var o in d.RequiredOptions) keys.Add(o.Key);
        foreach (var o in d.OptionalOptions) keys.Add(o.Key);
        foreach (var p in d.OptionPrefixes) keys.Add(p + "*");
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
