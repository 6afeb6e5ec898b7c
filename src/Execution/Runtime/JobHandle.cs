using System.Threading.Channels;
using StreamSql.Execution.Batches;

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

    internal TaskCompletionSource CompletionSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    internal CancellationToken CancellationToken => _cancel.Token;

    /// <summary>Asks every subtask to stop; <see cref="Completion"/> completes when they have.</summary>
    public void Cancel()
    {
        if (Status is JobStatus.Running or JobStatus.Created)
            Volatile.Write(ref _status, (int)JobStatus.Canceling);
        _cancel.Cancel();
    }

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
