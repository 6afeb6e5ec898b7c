using StreamSql.EndToEnd.Runner;

namespace StreamSql.EndToEnd;

/// <summary>
/// Runs every scenario file under scenarios/ through the real <c>streamsql -f</c> (one test case
/// per file, named after it).
/// </summary>
public sealed class ScenarioTests
{
    /// <summary>Environment variable overriding the per-scenario timeout, in seconds.</summary>
    public const string TimeoutVariable = "STREAMSQL_E2E_TIMEOUT";

    /// <summary>
    /// Per scenario. A scenario is a few rows (well under 2 s of work plus process start), so this
    /// only catches jobs that never end; kept short so that a hanging engine cannot stall a CI run
    /// for an hour across all scenarios.
    /// </summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable(TimeoutVariable), out var seconds) && seconds > 0 ? seconds : 30);

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
