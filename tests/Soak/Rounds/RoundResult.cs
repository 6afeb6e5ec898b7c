using StreamSql.Soak.Output;

namespace StreamSql.Soak.Rounds;

/// <summary>What one round of a scenario did and found.</summary>
public sealed record RoundResult(
    string Scenario,
    int Round,
    IReadOnlyDictionary<KillMoment, int> KillsByMoment,
    int Runs,
    int Restores,
    IReadOnlyList<OutputComparison> Outputs,
    IReadOnlyList<string> Errors,
    string Scratch,
    string Log)
{
    public int Kills => KillsByMoment.Values.Sum();
    public long ExpectedRows => Outputs.Sum(o => (long)o.ExpectedRows);
    public long Lost => Outputs.Sum(o => o.Lost);
    public long Duplicated => Outputs.Sum(o => o.Duplicated);
    public long Unexpected => Outputs.Sum(o => o.Unexpected);
    public bool Passed => Errors.Count == 0 && Outputs.All(o => o.IsExactlyOnce);
}
