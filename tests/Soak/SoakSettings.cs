using StreamSql.Soak.Scenarios;

namespace StreamSql.Soak;

/// <summary>What a soak run does: <see cref="Kills"/> SIGKILLs spread over <see cref="Scenarios"/>, at moments drawn from
/// <see cref="Seed"/>, with <see cref="ShellDll"/>, in round directories below <see cref="ScratchRoot"/>.</summary>
public sealed record SoakSettings(int Kills, int Seed, IReadOnlyList<SoakScenario> Scenarios, string ShellDll, string ScratchRoot)
{
    /// <summary>Kills planned per round (a fresh job each round); a round can end sooner when its job finishes.</summary>
    public int KillsPerRound { get; init; } = 5;

    /// <summary>Print every run's log line as it happens, not only the rounds' summaries.</summary>
    public bool Verbose { get; init; }

    /// <summary>Keep the scratch directories of rounds that passed too.</summary>
    public bool KeepScratch { get; init; }

    /// <summary>The command that replays this run's kill moments (timings differ: the machine decides those).</summary>
    public string ReplayCommand(IEnumerable<SoakScenario>? only = null)
    {
        var scenarios = (only ?? (Scenarios.Count == SoakScenarios.All.Count ? [] : Scenarios)).ToList();
        return $"dotnet run -c Release --project tests/Soak -- --kills {Kills} --seed {Seed}"
            + string.Concat(scenarios.Select(s => " --scenario " + s.Name));
    }
}
