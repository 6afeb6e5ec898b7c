using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.Operators;

/// <summary>What an operator instance knows about where it runs.</summary>
public sealed record OperatorContext(
    string JobName,
    string OperatorId,
    string OperatorName,
    int SubtaskIndex,
    int Parallelism,
    int MaxParallelism,
    Configuration Configuration,
    IClock Clock)
{
    /// <summary>This operator subtask's state (restored before <see cref="IStreamOperator.OpenAsync"/>, snapshot on barriers).</summary>
    public State.OperatorStateStore State { get; init; } = new();

    /// <summary>The name the job's state is kept under when the job holds it exclusively (state on disk; no other live job
    /// uses it); null otherwise. What an operator leaves on disk under this name and its id is its own to clean up.</summary>
    public string? ExclusiveStateName { get; init; }

    /// <summary>Wakes this subtask's loop from another thread (<see cref="OperatorWakeup"/>); shared by the operators of its chain.</summary>
    public OperatorWakeup Wakeup { get; init; } = new();

    /// <summary>The session time zone (<c>table.local-time-zone</c>) resolved to a <see cref="TimeZoneInfo"/>.</summary>
    public TimeZoneInfo TimeZone => SessionTimeZone.Resolve(Configuration);
}

/// <summary>Wall-clock time, behind an interface so tests control it.</summary>
public interface IClock
{
    /// <summary>Microseconds since the Unix epoch (UTC).</summary>
    long NowMicros();
    /// <summary>A monotonic timestamp for measuring intervals.</summary>
    long MonotonicMillis();
}

public sealed class SystemClock : IClock
{
    public static readonly SystemClock Instance = new();
    private SystemClock() { }
    public long NowMicros() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
    public long MonotonicMillis() => Environment.TickCount64;
}
