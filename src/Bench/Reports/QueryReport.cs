using StreamSql.Bench.Baselines;
using StreamSql.Bench.Engine;

namespace StreamSql.Bench.Reports;

/// <summary>Whether a query's result matched the reference.</summary>
public enum CheckOutcome
{
    /// <summary>Not run (the query is unsupported or failed).</summary>
    None,

    /// <summary>The committed result equals DuckDB's batch result.</summary>
    Passed,

    /// <summary>The result differs: no throughput is reported.</summary>
    Failed,

    /// <summary>No batch query computes the same result (processing-time windows).</summary>
    Unchecked,
}

/// <summary>Everything measured for one query in one run of the harness.</summary>
/// <param name="Timed">The timed engine run, when the query is supported and its result passed.</param>
/// <param name="Baselines">Each baseline that answers the query, with whether its own result matched the reference.</param>
public sealed record QueryReport(
    string Query,
    string Needs,
    RunStatus Status,
    string? Reason,
    long Events,
    SourceMode Source,
    int Parallelism,
    EngineRunResult? Timed,
    CheckOutcome Check,
    string? CheckDetail,
    IReadOnlyList<(BaselineResult Result, bool Correct)> Baselines)
{
    /// <summary>Whether throughput may be reported (the query ran and its answer is right or cannot be checked).</summary>
    public bool HasNumbers => Status == RunStatus.Ok && Timed is not null && Check is CheckOutcome.Passed or CheckOutcome.Unchecked;

    public double? EventsPerSecond => HasNumbers ? Events / Timed!.Wall.TotalSeconds : null;

    public double? EventsPerCoreSecond => HasNumbers && Timed!.Cpu > TimeSpan.Zero ? Events / Timed.Cpu.TotalSeconds : null;

    /// <summary>Events per CPU-second of the pipeline processing them: the job's start-up (planning the INSERT, starting
    /// the job, until the sources' first read) left out.</summary>
    public double? ProcessingEventsPerCoreSecond =>
        HasNumbers && Timed!.ProcessingCpu > TimeSpan.Zero ? Events / Timed.ProcessingCpu.TotalSeconds : null;

    /// <summary>The engine's CPU time over the baseline's (above 1: the engine is slower), or null. CPU time, not wall time:
    /// on a shared machine the wall clock also counts other processes' turns.</summary>
    public double? RatioTo(string baseline)
    {
        if (!HasNumbers) return null;
        foreach (var (result, correct) in Baselines)
            if (result.Name == baseline && correct && result.Cpu > TimeSpan.Zero) return Timed!.Cpu.TotalSeconds / result.Cpu.TotalSeconds;
        return null;
    }

    /// <summary>As <see cref="RatioTo"/>, with the engine's start-up left out of its CPU time.</summary>
    public double? ProcessingRatioTo(string baseline)
    {
        if (!HasNumbers) return null;
        foreach (var (result, correct) in Baselines)
            if (result.Name == baseline && correct && result.Cpu > TimeSpan.Zero) return Timed!.ProcessingCpu.TotalSeconds / result.Cpu.TotalSeconds;
        return null;
    }

    /// <summary>Events per CPU-second of a baseline.</summary>
    public double? BaselinePerCore(string baseline)
    {
        var result = Baseline(baseline);
        return result is null || result.Cpu <= TimeSpan.Zero ? null : Events / result.Cpu.TotalSeconds;
    }

    public BaselineResult? Baseline(string name)
    {
        foreach (var (result, _) in Baselines)
            if (result.Name == name) return result;
        return null;
    }

    public bool BaselineCorrect(string name)
    {
        foreach (var (result, correct) in Baselines)
            if (result.Name == name) return correct;
        return false;
    }
}
