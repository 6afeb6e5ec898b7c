using System.Text;
using StreamSql.Execution.Checkpointing;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.Tests.Checkpointing;

/// <summary>docs/checkpoints.md carries the options table generated from <see cref="CheckpointingOptions"/>, verbatim.</summary>
public sealed class CheckpointDocsTests
{
    internal static string OptionsTable(IReadOnlyList<ConfigOption> options)
    {
        var text = new StringBuilder();
        text.AppendLine("| Key | Default | Type | Description |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var option in options)
        {
            var key = $"`{option.Key}`";
            if (option.FallbackKeys.Count > 0) key += "<br>(1.x: " + string.Join(", ", option.FallbackKeys.Select(k => $"`{k}`")) + ")";
            var defaultText = option.DefaultText is { Length: > 0 } d ? $"`{d}`" : "(none)";
            var type = option.AllowedValues.Count > 0 ? "Enum: " + string.Join(", ", option.AllowedValues) : TypeName(option.ValueType);
            text.AppendLine($"| {key} | {defaultText} | {type} | {option.Description.Replace("|", "\\|")} |");
        }
        return text.ToString();
    }

    private static string TypeName(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(TimeSpan) => "Duration",
            var t when t == typeof(int) => "Integer",
            var t when t == typeof(bool) => "Boolean",
            var t when t == typeof(double) => "Double",
            _ => "String",
        };

    [Fact]
    public void The_options_table_in_the_docs_is_generated_from_the_declarations()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StreamSql.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var path = Path.Combine(dir!.FullName, "docs", "checkpoints.md");
        var docs = File.ReadAllText(path).ReplaceLineEndings("\n");
        var table = OptionsTable(CheckpointingOptions.All).ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("STREAMSQL_UPDATE_DOCS") == "1")
        {
            // Replaces the table that starts with the header row, up to the first line that is not a table row.
            int start = docs.IndexOf("| Key | Default | Type | Description |", StringComparison.Ordinal);
            int end = start;
            while (end < docs.Length && docs[end] == '|') end = docs.IndexOf('\n', end) + 1;
            docs = docs[..start] + table + docs[end..];
            File.WriteAllText(path, docs);
        }
        Assert.True(docs.Contains(table, StringComparison.Ordinal), "docs/checkpoints.md must contain this table:\n" + table);
    }
}
