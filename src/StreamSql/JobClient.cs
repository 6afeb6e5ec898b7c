using StreamSql.Execution.Runtime;

namespace StreamSql;

/// <summary>A job started by this session (an INSERT, a statement set, or a query): identity, status, wait and cancel.</summary>
public sealed class JobClient
{
    private readonly JobHandle _handle;

    internal JobClient(JobHandle handle, string kind)
    {
        _handle = handle;
        Kind = kind;
    }

    /// <summary>32 lower-case hex characters, like Flink's JobID.</summary>
    public string Id => _handle.Id;

    public string Name => _handle.Name;

    /// <summary>What started it: <c>INSERT</c> or <c>SELECT</c>.</summary>
    public string Kind { get; }

    public JobStatus Status => _handle.Status;

    public DateTimeOffset StartTime => _handle.StartTime;

    /// <summary>The failure message once <see cref="Status"/> is <see cref="JobStatus.Failed"/>, else null.</summary>
    public string? FailureMessage => _handle.Failure is null ? null : JobFailures.Describe(_handle.Failure);

    /// <summary>Whether the job has ended (finished, failed or canceled).</summary>
    public bool IsTerminal => Status is JobStatus.Finished or JobStatus.Failed or JobStatus.Canceled;

    internal JobHandle Handle => _handle;

    /// <summary>Completes when the job has ended: normally when it finished or was canceled; with
    /// <see cref="JobFailedException"/> when it failed.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken = default)
    {
        await _handle.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfFailed();
    }

    /// <summary>Cancels the job and waits until every subtask has stopped.</summary>
    public async Task CancelAsync(CancellationToken cancellationToken = default)
    {
        _handle.Cancel();
        await _handle.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal void ThrowIfFailed()
    {
        if (_handle.Status == JobStatus.Failed || _handle.Failure is not null && _handle.Status != JobStatus.Canceled)
        {
            var failure = _handle.Failure;
            throw new JobFailedException(Id, Name, $"Job '{Name}' ({Id}) failed: {(failure is null ? "unknown error" : JobFailures.Describe(failure))}", failure);
        }
    }

    public override string ToString() => $"{Id} {Name} {Status}";
}

/// <summary>Turns a job's failure into a message for a user: the innermost meaningful message, never a stack trace.</summary>
internal static class JobFailures
{
    public static string Describe(Exception failure)
    {
        var e = failure;
        while (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerExceptions[0];
        while ((e is System.Reflection.TargetInvocationException) && e.InnerException is not null) e = e.InnerException;
        return e.Message;
    }
}
