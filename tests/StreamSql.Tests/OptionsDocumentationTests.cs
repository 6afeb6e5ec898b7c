namespace StreamSql.Tests;

public sealed class OptionsDocumentationTests
{
    [Fact]
    public void Configuration_page_matches_the_option_declarations()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "StreamSql.sln"))) dir = Path.GetDirectoryName(dir);
        Assert.NotNull(dir);
        var path = Path.Combine(dir!, "docs", "configuration.md");
        var expected = OptionsDocumentation.RenderConfigurationPage();
        if (Environment.GetEnvironmentVariable("STREAMSQL_UPDATE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), "docs/configuration.md is missing: run with STREAMSQL_UPDATE_DOCS=1");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void Every_connector_and_core_option_is_documented()
    {
        var page = OptionsDocumentation.RenderConfigurationPage();
        Assert.Contains("`parallelism.default`", page);
        Assert.Contains("## Connector `datagen`", page);
        Assert.Contains("`rows-per-second`", page);
        Assert.Contains("## Connector `filesystem`", page);
        Assert.Contains("`csv.ignore-parse-errors`", page);
    }
}
