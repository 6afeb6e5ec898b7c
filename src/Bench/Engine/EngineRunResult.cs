using StreamSql.Bench.Checks;
using StreamSql.Execution.Checkpointing;

namespace StreamSql.Bench.Engine;

/// <summary>How a query run ended.</summary>
public enum RunStatus
{
    /// <summary>The job ran to its end.</summary>
    Ok,

    /// <summary>The engine refused the query when planning it; the message is its reason.</summary>
    Unsupported,

    /// <summary>The job (or its set-up) failed; the message says why.</summary>
    Failed,
}

/// <summary>One run of a query through the engine.</summary>
/// <param name="Wall">From submitting the INSERT to the job's end (planning included).</param>
/// <param name="Cpu">CPU time the whole process used meanwhile (every thread).</param>
/// <param name="PeakWorkingSet">The process's largest working set meanwhile (in-memory events included).</param>
/// <param name="Rows">Rows the sink committed, net of retractions.</param>
/// <param name="Fingerprint">The committed result's digest (when the run was asked to check).</param>
/// <param name="StartUpWall">The part of <paramref name="Wall"/> before the sources' first read: planning the INSERT and
/// starting the job (zero when no source read).</param>
/// <param name="StartUpCpu">The CPU time the process used in that part.</param>
/// <param name="Collections">The garbage collections meanwhile and their pauses.</param>
/// <param name="PlanningWall">The part of <paramref name="StartUpWall"/> before the job was created: parsing and planning
/// the query file (its sink's CREATE TABLE and the INSERT); the rest of the start-up builds and launches the job's tasks.</param>
public sealed record EngineRunResult(
    RunStatus Status,
    string? Message,
    TimeSpan Wall,
    TimeSpan Cpu,
    long PeakWorkingSet,
    IReadOnlyList<CheckpointStats> Checkpoints,
    long Rows,
    ResultFingerprint Fingerprint,
    TimeSpan StartUpWall = default,
    TimeSpan StartUpCpu = default,
    GcCount Collections = default,
    TimeSpan PlanningWall = default)
{
    /// <summary>Wall time from the sources' first read to the job's end: the pipeline processing the events.</summary>
    public TimeSpan ProcessingWall => Wall - StartUpWall;

    /// <summary>CPU time from the sources' first read to the job's end.</summary>
    public TimeSpan ProcessingCpu => Cpu - StartUpCpu;

    public static EngineRunResult Unsupported(string reason) =>
        new(RunStatus.Unsupported, reason, TimeSpan.Zero, TimeSpan.Zero, 0, Array.Empty<CheckpointStats>(), 0, ResultFingerprint.Empty);

    public static EngineRunResult Failed(string message) =>
        new(RunStatus.Failed, message, TimeSpan.Zero, TimeSpan.Zero, 0, Array.Empty<CheckpointStats>(), 0, ResultFingerprint.Empty);
}
