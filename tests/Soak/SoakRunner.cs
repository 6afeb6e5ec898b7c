using System.Diagnostics;
using System.Globalization;
using StreamSql.Soak.Pipelines;
using StreamSql.Soak.Rounds;
using StreamSql.Soak.Scenarios;

namespace StreamSql.Soak;

/// <summary>
/// Runs the soak: the kills are shared out over the scenarios, and each scenario runs rounds (a fresh job each, see
/// <see cref="SoakRound"/>) until its share of kills has landed. Each scenario draws its moments from its own random
/// sequence, seeded from the run's seed and its name, so one scenario replays alone with the same moments.
/// Prints one line per round as it ends; round directories are deleted when the round passed, kept when it failed.
/// </summary>
public sealed class SoakRunner(SoakSettings settings, TextWriter output)
{
    /// <summary>Rounds in a row without a single kill after which a scenario gives up (its job ends too soon). Six, not
    /// three: on a loaded machine a round's planned moments can all fall after its job ended three times running (seen
    /// once in the short soak while six builds ran), which says nothing about the engine.</summary>
    private const int FruitlessRoundsLimit = 6;

    public async Task<SoakReport> RunAsync(CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        output.WriteLine($"soak: {settings.Kills} kills over {settings.Scenarios.Count} scenarios, seed {settings.Seed}, shell {settings.ShellDll}");
        output.WriteLine($"scratch: {settings.ScratchRoot}");
        using var host = new PipelineHost();
        var tallies = new List<ScenarioTally>();
        for (int i = 0; i < settings.Scenarios.Count; i++)
        {
            var scenario = settings.Scenarios[i];
            int budget = settings.Kills / settings.Scenarios.Count + (i < settings.Kills % settings.Scenarios.Count ? 1 : 0);
            var tally = new ScenarioTally(scenario, budget);
            tallies.Add(tally);
            output.WriteLine($"{scenario.Name}: {scenario.Describe()}; {budget} kills");
            await RunScenarioAsync(tally, host, cancel);
        }
        DeleteIfEmpty(settings.ScratchRoot);
        return new SoakReport(settings, tallies, clock.Elapsed);
    }

    private async Task RunScenarioAsync(ScenarioTally tally, PipelineHost host, CancellationToken cancel)
    {
        var scenario = tally.Scenario;
        var random = new Random(ScenarioSeed(settings.Seed, scenario.Name));
        var rotation = new KillRotation(scenario, SoakScenarios.RotationOffset(scenario));
        int remaining = tally.KillBudget;
        int fruitless = 0;
        for (int round = 1; remaining > 0; round++)
        {
            var planned = rotation.NextRound(Math.Min(remaining, settings.KillsPerRound));
            var scratch = Path.Combine(settings.ScratchRoot, $"{scenario.Name}-r{round}");
            var result = await new SoakRound(scenario, round, planned, random, settings.ShellDll, scratch, settings.Verbose ? output : null, host)
                .RunAsync(cancel);
            tally.Add(result);
            output.WriteLine(Summary(result));
            if (result.Passed && !settings.KeepScratch) DeleteQuietly(scratch);
            remaining -= result.Kills;
            fruitless = result.Kills == 0 ? fruitless + 1 : 0;
            if (fruitless >= FruitlessRoundsLimit)
            {
                tally.AddError($"{FruitlessRoundsLimit} rounds in a row ended before any kill landed; {remaining} kills of {tally.KillBudget} not done");
                return;
            }
        }
    }

    private static string Summary(RoundResult r)
    {
        var moments = string.Join(", ", KillMoments.All.Where(m => r.KillsByMoment[m] > 0).Select(m => $"{m.Name()} {r.KillsByMoment[m]}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"  {r.Scenario} round {r.Round}: {r.Kills} kills ({moments}), {r.Runs} runs, {r.Restores} restores, {r.ExpectedRows} rows expected, "
            + $"{r.Lost} lost, {r.Duplicated} duplicated, {r.Unexpected} unexpected, {r.Errors.Count} errors — {(r.Passed ? "ok" : "FAILED, kept " + r.Scratch)}");
    }

    /// <summary>A seed per scenario: the run's seed mixed with a stable hash of the name (string.GetHashCode differs per process).</summary>
    public static int ScenarioSeed(int seed, string name)
    {
        uint hash = 2166136261;
        foreach (char c in name) hash = (hash ^ c) * 16777619;
        return unchecked((int)hash ^ seed);
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void DeleteIfEmpty(string directory)
    {
        if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any()) DeleteQuietly(directory);
    }
}
