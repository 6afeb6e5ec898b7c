using System.Globalization;
using StreamSql.Soak.Pipelines;

namespace StreamSql.Soak.Scenarios;

/// <summary>
/// One variant of the soak: a job of one INSERT (or a statement set of several) with its state backend, run at the
/// parallelism of <see cref="Parallelism"/> — run <i>i</i> of a round at <c>Parallelism[i % Count]</c>, so a schedule of
/// several values rescales on every restore.
/// </summary>
public sealed record SoakScenario(
    string Name,
    IReadOnlyList<int> Parallelism,
    string Backend,
    bool Incremental,
    IReadOnlyList<PipelineSpec> Pipelines)
{
    /// <summary>The checkpoint interval of every run.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Session options every run sets after the soak's own (<c>SET 'key' = 'value'</c>), e.g. mini-batch.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; } = [];

    public bool HasUnboundedPipeline => Pipelines.Any(p => !p.IsBounded);

    /// <summary>The kill moments that apply: "after end of input" needs a bounded source that a kill then still finds
    /// running, "in sink commit" a sink that can
    /// fail inside its commit (an exactly-once kafka sink).</summary>
    public IReadOnlyList<KillMoment> KillMoments => Soak.KillMoments.All
        .Where(m => m != KillMoment.AfterEndOfInput || Pipelines.Any(p => p.KillableAtEndOfInput))
        .Where(m => m != KillMoment.InSinkCommit || Pipelines.Any(p => p.HasCommitFaults))
        .ToList();

    /// <summary>One line for the scenario list: parallelism, backend, pipelines.</summary>
    public string Describe()
    {
        var parallelism = Parallelism.Count == 1
            ? "p=" + Parallelism[0].ToString(CultureInfo.InvariantCulture)
            : "p=" + string.Join("→", Parallelism.Append(Parallelism[0]).Select(p => p.ToString(CultureInfo.InvariantCulture))) + " (rescaled on every restore)";
        var backend = Backend + (Incremental ? " incremental" : "");
        var what = Pipelines.Count == 1
            ? Pipelines[0].Describe()
            : "statement set: " + string.Join(" + ", Pipelines.Select(p => p.Describe()));
        var settings = Settings.Count == 0 ? "" : ", " + string.Join(", ", Settings.Select(s => $"{s.Key}={s.Value}"));
        return $"{parallelism}, {backend}{settings}, {what}";
    }
}
