using System.Threading.Channels;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Checkpointing;

namespace StreamSql.Execution.Runtime;

/// <summary>A started job: its identity and status, a way to cancel it, and (for a SELECT) the result stream.</summary>
public sealed class JobHandle
{
    private readonly CancellationTokenSource _cancel;
    private int _status;

    public JobHandle(string id, string name, DateTimeOffset startTime, CancellationTokenSource cancel, ChannelReader<Batch>? results)
    {
        Id = id;
        Name = name;
        StartTime = startTime;
        _cancel = cancel;
        Results = results;
        _status = (int)JobStatus.Created;
    }

    public string Id { get; }
    public string Name { get; }
    public DateTimeOffset StartTime { get; }
    public JobStatus Status => (JobStatus)Volatile.Read(ref _status);

    /// <summary>The error that failed the job (the first one), once <see cref="Status"/> is <see cref="JobStatus.Failed"/>.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Completes when the job is finished, failed or canceled; never faults (read <see cref="Failure"/>).</summary>
    public Task Completion => CompletionSource.Task;

    /// <summary>For a SELECT: the batches reaching the collect sink, in order; completed when the job ends.</summary>
    public ChannelReader<Batch>? Results { get; }

    /// <summary>Whether periodic checkpoints are taken (<c>execution.checkpointing.interval</c> is set).</summary>
    public bool CheckpointingEnabled { get; internal set; }

    /// <summary>The newest completed checkpoint or savepoint of this run, or null.</summary>
    public CheckpointStats? LatestCompletedCheckpoint => History?.Latest;

    /// <summary>Completed checkpoints and savepoints of this run, newest first (the last 20).</summary>
    public IReadOnlyList<CheckpointStats> CompletedCheckpoints => History?.Completed ?? Array.Empty<CheckpointStats>();

    /// <summary>Checkpoints that failed or timed out in this run.</summary>
    public int FailedCheckpoints => History?.FailedCount ?? 0;

    /// <summary>The savepoint or checkpoint directory the job started from, or null for a fresh start.</summary>
    public string? RestoredFrom { get; internal set; }

    /// <summary>For <see cref="JobStartOptions.RestoreFromLatestCheckpoint"/>: checkpoints skipped (with the reason) and
    /// whether the job started fresh, one line each; empty otherwise.</summary>
    public IReadOnlyList<string> RestoreNotes { get; internal set; } = Array.Empty<string>();

    /// <summary>The job's counters, summed over its subtasks and restarts (<c>numLateRecordsDropped</c>).</summary>
    public JobMetrics Metrics { get; internal init; } = new();

    /// <summary>How many times the restart strategy restarted the job after a failure.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>Takes a savepoint of the running job into <paramref name="targetDirectory"/> (default:
    /// <c>execution.checkpointing.savepoint-dir</c>); the job goes on.</summary>
    /// <exception cref="InvalidOperationException">The job is not running, or no savepoint directory is known.</exception>
    public Task<CheckpointStats> TriggerSavepointAsync(string? targetDirectory, CancellationToken cancellationToken = default) =>
        RequireCoordinator().TriggerSavepointAsync(targetDirectory, stop: false, drain: false, cancellationToken);

    /// <summary>Flink's cancel-with-savepoint: takes a savepoint after which no checkpoint starts, then cancels the job, so
    /// nothing is committed past the savepoint and resuming from it neither loses nor repeats output. When the savepoint
    /// fails the job goes on (with its checkpoints).</summary>
    public async Task<CheckpointStats> CancelWithSavepointAsync(string? targetDirectory, CancellationToken cancellationToken = default)
    {
        var savepoint = await RequireCoordinator().TriggerSavepointBeforeCancelAsync(targetDirectory, cancellationToken).ConfigureAwait(false);
        Cancel();
        return savepoint;
    }

    /// <summary>Takes a savepoint and stops the job once it completed and its sinks committed: the job ends FINISHED
    /// and the savepoint holds exactly the state after the last record written.</summary>
    public Task<CheckpointStats> StopWithSavepointAsync(string? targetDirectory, CancellationToken cancellationToken = default) =>
        StopWithSavepointAsync(targetDirectory, drain: false, cancellationToken);

    /// <summary>Like <see cref="StopWithSavepointAsync(string?, CancellationToken)"/>; with <paramref name="drain"/> the sources
    /// first emit the final watermark (<c>WITH DRAIN</c>), so every event-time result fires before the savepoint.</summary>
    public Task<CheckpointStats> StopWithSavepointAsync(string? targetDirectory, bool drain, CancellationToken cancellationToken) =>
        RequireCoordinator().TriggerSavepointAsync(targetDirectory, stop: true, drain, cancellationToken);

    private CheckpointCoordinator RequireCoordinator() =>
        Status == JobStatus.Running && Coordinator is { } c ? c
            : throw new InvalidOperationException($"job '{Name}' is {Status.ToString().ToUpperInvariant()}, not RUNNING: it cannot take a savepoint");

    internal CheckpointCoordinator? Coordinator { get; set; }
    internal CheckpointHistory? History { get; set; }
    private int _restarts;
    internal void CountRestart() => Interlocked.Increment(ref _restarts);

    internal TaskCompletionSource CompletionSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    internal CancellationToken CancellationToken => _cancel.Token;

    /// <summary>Asks every subtask to stop; <see cref="Completion"/> completes when they have.</summary>
    public void Cancel()
    {
        if (Status is JobStatus.Running or JobStatus.Created)
            Volatile.Write(ref _status, (int)JobStatus.Canceling);
        _cancel.Cancel();
    }

    /// <summary>Stops the job because its process is shutting down: like <see cref="Cancel"/>, but the job ends
    /// SUSPENDED and keeps its checkpoints (whatever the retention), so it can be resumed from the latest one.</summary>
    public void Suspend()
    {
        Volatile.Write(ref _suspended, 1);
        Cancel();
    }

    internal bool IsSuspended => Volatile.Read(ref _suspended) == 1;
    private int _suspended;

    internal void SetStatus(JobStatus status) => Volatile.Write(ref _status, (int)status);

    internal void SetFailure(Exception failure)
    {
        Failure ??= failure;
    }

    /// <summary>Records the first failure, marks the job failing and stops every subtask. Returns false when a failure was already recorded.</summary>
    internal bool Fail(Exception failure)
    {
        lock (_cancel)
        {
            if (Failure is not null) return false;
            Failure = failure;
            Volatile.Write(ref _status, (int)JobStatus.Failing);
        }
        try
        {
            _cancel.Cancel();
        }
        catch (AggregateException)
        {
            // A cancellation callback threw; the job is failing anyway.
        }
        return true;
    }
}
