using System.Globalization;
using StreamSql.Soak;
using StreamSql.Soak.Processes;
using StreamSql.Soak.Scenarios;
using Xunit.Abstractions;

namespace StreamSql.EndToEnd;

/// <summary>
/// The short version of the crash-recovery soak (<c>tests/Soak</c>, docs/checkpoints.md "The kill soak"): 24 SIGKILLs of a
/// real <c>streamsql -f</c> process, 3 in each of the 8 scenarios (p=1 and p=2, rescale 2→3→1, hashmap and rocksdb incremental,
/// datagen and a monitored CSV directory, a statement set with a bounded and an unbounded member, Kafka to an exactly-once
/// Kafka sink on the mock cluster the soak hosts, a statement set of a window, an interval join, a regular join and an OVER
/// aggregation rescaled 2→1, a GROUP BY, a Top-3 and a deduplication into exactly-once upsert-kafka topics rescaled 2→1,
/// their committed output the topics' last row per key), at random moments,
/// right after checkpoints, right after the end of a bounded input, during a savepoint and during stop-with-savepoint;
/// every run resumes with <c>--from-latest-checkpoint</c>. No committed row may be lost or duplicated. A second test gives
/// the opt-in window scenario 3 kills.
/// <c>STREAMSQL_SOAK_SEED=&lt;n&gt;</c> replays a run's kill moments (the seed is in every failure message).
/// </summary>
public sealed class ShortSoakTests(ITestOutputHelper output)
{
    /// <summary>Environment variable fixing the seed of the kill moments (to replay a failure).</summary>
    public const string SeedVariable = "STREAMSQL_SOAK_SEED";

    private const int Kills = 24;

    [Fact]
    public Task TwentyFour_kills_across_every_scenario_lose_and_duplicate_no_committed_row() =>
        SoakAsync(Kills, SoakScenarios.All, "TwentyFour_kills");

    /// <summary>The opt-in scenario of the window table functions beyond TUMBLE (SESSION, CUMULATE, window Top-N, window
    /// deduplication, a window join) on rocksdb incremental rescaled 2→1, with 3 kills: about 15 s.</summary>
    [Fact]
    public Task Three_kills_of_the_window_operators_lose_and_duplicate_no_committed_row() =>
        SoakAsync(3, [SoakScenarios.Find("windows-rescale-2-1-rocksdb-incremental")!], "Three_kills_of_the_window");

    private async Task SoakAsync(int kills, IReadOnlyList<SoakScenario> scenarios, string testName)
    {
        var shellDll = ShellLocation.Locate(out var why) ?? throw new InvalidOperationException(why);
        int seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : Random.Shared.Next();
        var scratch = Path.Combine(Path.GetTempPath(), "streamsql-soak", $"test-seed{seed}-{Guid.NewGuid().ToString("N")[..8]}");
        var settings = new SoakSettings(kills, seed, scenarios, shellDll, scratch);
        var progress = new StringWriter(CultureInfo.InvariantCulture);

        var report = await new SoakRunner(settings, progress).RunAsync(CancellationToken.None);

        output.WriteLine(progress.ToString());
        output.WriteLine(report.Format());
        Assert.True(report.Passed,
            report.Format() + $"\nreplay in this test: {SeedVariable}={seed} dotnet test tests/EndToEnd -c Release --filter FullyQualifiedName~{testName}\n\n"
            + progress + "\n" + report.FailedRoundLogs());
    }
}
