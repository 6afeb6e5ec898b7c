using StreamSql.Soak.Rounds;
using StreamSql.Soak.Scenarios;

namespace StreamSql.Soak;

/// <summary>The sums over one scenario's rounds, and the rounds that failed.</summary>
public sealed class ScenarioTally(SoakScenario scenario, int killBudget)
{
    private readonly List<RoundResult> _rounds = new();
    private readonly List<string> _errors = new();

    public SoakScenario Scenario { get; } = scenario;

    /// <summary>The kills this scenario was given out of the run's total.</summary>
    public int KillBudget { get; } = killBudget;

    public IReadOnlyList<RoundResult> Rounds => _rounds;
    public int Kills => _rounds.Sum(r => r.Kills);
    public int Runs => _rounds.Sum(r => r.Runs);
    public int Restores => _rounds.Sum(r => r.Restores);
    public long ExpectedRows => _rounds.Sum(r => r.ExpectedRows);
    public long Lost => _rounds.Sum(r => r.Lost);
    public long Duplicated => _rounds.Sum(r => r.Duplicated);
    public long Unexpected => _rounds.Sum(r => r.Unexpected);

    /// <summary>Errors of the rounds (a run that failed, a last run that did not end cleanly) and of the scenario itself.</summary>
    public IReadOnlyList<string> Errors => _rounds.SelectMany(r => r.Errors.Select(e => $"round {r.Round}: {e}")).Concat(_errors).ToList();

    public IEnumerable<RoundResult> FailedRounds => _rounds.Where(r => !r.Passed);

    public bool Passed => Errors.Count == 0 && _rounds.All(r => r.Passed);

    public int KillsAt(KillMoment moment) => _rounds.Sum(r => r.KillsByMoment.TryGetValue(moment, out var n) ? n : 0);

    public void Add(RoundResult round) => _rounds.Add(round);

    public void AddError(string error) => _errors.Add(error);
}
