using StreamSql.Soak.Scenarios;

namespace StreamSql.Soak;

/// <summary>
/// The kill moments of a scenario, in turn: its applicable moments cycled from an offset
/// (<see cref="SoakScenarios.RotationOffset"/>).
/// </summary>
public sealed class KillRotation(SoakScenario scenario, int offset)
{
    private readonly IReadOnlyList<KillMoment> _moments = scenario.KillMoments;
    private int _next = offset;

    /// <summary>The next <paramref name="count"/> moments, arranged for one round: "after end of input" lands where the
    /// bounded input ends — last in a job whose only sources are bounded (the runs before get through its input), first in
    /// a statement set whose other member goes on (its bounded member ends early).</summary>
    public List<KillMoment> NextRound(int count)
    {
        var round = new List<KillMoment>(count);
        for (int i = 0; i < count; i++) round.Add(_moments[_next++ % _moments.Count]);
        if (round.Remove(KillMoment.AfterEndOfInput))
        {
            if (scenario.HasUnboundedPipeline) round.Insert(0, KillMoment.AfterEndOfInput);
            else round.Add(KillMoment.AfterEndOfInput);
        }
        return round;
    }
}
