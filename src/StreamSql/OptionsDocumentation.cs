using System.Text;
using StreamSql.Connectors;
using StreamSql.Sql.Planner.Config;

namespace StreamSql;

/// <summary>
/// Renders the declared options as the Markdown tables of <c>docs/configuration.md</c>, so the documentation is made from
/// the same declarations that <c>SET</c> and <c>CREATE TABLE</c> validate against and cannot drift from them.
/// </summary>
public static class OptionsDocumentation
{
    /// <summary>The whole page: session options, then each built-in connector's table options.</summary>
    public static string RenderConfigurationPage()
    {
        var sb = new StringBuilder();
        sb.Append("# Configuration\n\n");
        sb.Append("Generated from the option declarations in the code (`ConfigOption`); a test fails when this page is stale.\n");
        sb.Append("Regenerate with `STREAMSQL_UPDATE_DOCS=1 dotnet test tests/StreamSql.Tests --filter OptionsDocumentation`.\n\n");
        sb.Append("## Session options (`SET 'key' = 'value'`)\n\n");
        AppendTable(sb, CoreOptions.All, required: null);
        sb.Append("\n## Control endpoint (REST API for `streamsql jobs`, `stop`, `cancel`, `savepoint`; see [control.md](control.md))\n\n");
        AppendTable(sb, Control.RestOptions.All, required: null);
        var registry = BuiltInConnectors.CreateRegistry();
        foreach (var id in registry.Identifiers)
        {
            var connector = registry.FindConnector(id)!;
            sb.Append("\n## Connector `").Append(id).Append("` (table options in `WITH (...)`)\n\n");
            var all = new List<ConfigOption>(connector.RequiredOptions);
            all.AddRange(connector.OptionalOptions);
            AppendTable(sb, all, new HashSet<ConfigOption>(connector.RequiredOptions));
            if (connector.OptionPrefixes.Count > 0)
                sb.Append("\nAlso accepted: every key starting with ").Append(string.Join(", ", connector.OptionPrefixes.Select(p => "`" + p + "`"))).Append(".\n");
        }
        return sb.ToString();
    }

    private static void AppendTable(StringBuilder sb, IReadOnlyList<ConfigOption> options, HashSet<ConfigOption>? required)
    {
        sb.Append("| Key | Default | Type | Description |\n|---|---|---|---|\n");
        foreach (var option in options)
        {
            sb.Append("| `").Append(option.Key).Append('`');
            foreach (var fallback in option.FallbackKeys) sb.Append("<br>(also `").Append(fallback).Append("`)");
            sb.Append(" | ");
            if (required is not null && required.Contains(option)) sb.Append("(required)");
            else if (option.DefaultText is { Length: > 0 } d) sb.Append('`').Append(d).Append('`');
            else sb.Append("(none)");
            sb.Append(" | ").Append(TypeName(option)).Append(" | ").Append(Escape(option.Description));
            if (option.AllowedValues.Count > 0) sb.Append(" Values: ").Append(string.Join(", ", option.AllowedValues.Select(v => "`" + v + "`"))).Append('.');
            sb.Append(" |\n");
        }
    }

    private static string TypeName(ConfigOption option)
    {
        var t = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (option.AllowedValues.Count > 0) return "Enum";
        if (t == typeof(TimeSpan)) return "Duration";
        if (t == typeof(bool)) return "Boolean";
        if (t == typeof(int)) return "Integer";
        if (t == typeof(long)) return "Long";
        if (t == typeof(double)) return "Double";
        if (t == typeof(char)) return "Character";
        return "String";
    }

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
