using StreamSql.EndToEnd.Runner;

namespace StreamSql.EndToEnd;

/// <summary>
/// Runs every scenario file under scenarios/ through the real <c>streamsql -f</c> (one test case
/// per file, named after it).
/// </summary>
public sealed class ScenarioTests
{
    /// <summary>Per scenario; a scenario is a few rows, so this only catches jobs that never end.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in ScenarioCatalog.Files()) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public async Task Scenario(string file)
    {
        var scenario = ScenarioParser.ParseFile(ScenarioCatalog.PathOf(file));
        var failure = await ScenarioRunner.RunAsync(scenario, Timeout);
        Assert.True(failure is null, failure);
    }
}
