using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Runtime;

namespace StreamSql;

/// <summary>A job started by this session (an INSERT, a statement set, or a query): identity, status, wait and cancel,
/// its checkpoints, and savepoints on demand.</summary>
public sealed class JobClient
{
    private readonly JobHandle _handle;
    private readonly string? _restorePath;

    internal JobClient(JobHandle handle, string kind, string? restorePath = null, string? defaultSavepointDirectory = null)
    {
        _handle = handle;
        Kind = kind;
        _restorePath = restorePath;
        DefaultSavepointDirectory = defaultSavepointDirectory;
    }

    /// <summary>32 lower-case hex characters, like Flink's JobID.</summary>
    public string Id => _handle.Id;

    public string Name => _handle.Name;

    /// <summary>What started it: <c>INSERT</c> or <c>SELECT</c>.</summary>
    public string Kind { get; }

    /// <summary>Every table it reads is bounded: the job ends by itself.</summary>
    public bool InputsBounded { get; init; }

    /// <summary>The name the job's state is kept under, held by the session until it ends (see
    /// <see cref="Execution.Checkpointing.JobStateClaim.HeldBySession"/>).</summary>
    internal Execution.Checkpointing.JobStateClaim? StateClaim { get; init; }

    public JobStatus Status => _handle.Status;

    public DateTimeOffset StartTime => _handle.StartTime;

    /// <summary>The failure message once <see cref="Status"/> is <see cref="JobStatus.Failed"/>, else null.</summary>
    public string? FailureMessage => _handle.Failure is null ? null : JobFailures.Describe(_handle.Failure);

    /// <summary>Once failed, <c>Job 'name' (id) failed: reason</c>; when the reason is an expression of the script statement
    /// that started the job (a division by zero, a CAST), located there: <c>Error at job.sql:4:25: Job ...</c>, its line and
    /// a caret under the expression. Else null.</summary>
    public string? FailureReport
    {
        get
        {
            if (_handle.Failure is not { } failure) return null;
            var report = $"Job '{Name}' ({Id}) failed: {JobFailures.Describe(failure)}";
            return Origin is { } origin ? StatementErrors.LocateFailingExpression(report, failure, origin) ?? report : report;
        }
    }

    /// <summary>The failure was already reported as the error of the statement that waited for the job (<c>table.dml-sync</c>).</summary>
    public bool FailureReported { get; internal set; }

    /// <summary>The script statement that started the job, so a failure in one of its expressions points at it.</summary>
    internal StatementOrigin? Origin { get; set; }

    /// <summary>Whether the job has ended (finished, failed or canceled).</summary>
    public bool IsTerminal => Status is JobStatus.Finished or JobStatus.Failed or JobStatus.Canceled or JobStatus.Suspended;

    internal JobHandle Handle => _handle;

    /// <summary>Whether the job takes periodic checkpoints (<c>execution.checkpointing.interval</c> was set when it started).</summary>
    public bool CheckpointingEnabled => _handle.CheckpointingEnabled;

    /// <summary>The newest completed checkpoint or savepoint of this job, or null.</summary>
    public CheckpointStats? LatestCheckpoint => _handle.LatestCompletedCheckpoint;

    /// <summary>The completed checkpoints and savepoints of this job, newest first (the most recent ones).</summary>
    public IReadOnlyList<CheckpointStats> Checkpoints => _handle.CompletedCheckpoints;

    /// <summary>How many checkpoints of this job failed or timed out.</summary>
    public int FailedCheckpoints => _handle.FailedCheckpoints;

    /// <summary>The savepoint or checkpoint directory the job restored its state from, or null when it started empty.</summary>
    public string? RestoredFrom => _handle.RestoredFrom ?? _restorePath;

    /// <summary>Where savepoints go when no directory is given: <c>execution.checkpointing.savepoint-dir</c> (1.x:
    /// <c>state.savepoints.dir</c>) as it was when the job started, or null.</summary>
    public string? DefaultSavepointDirectory { get; }

    /// <summary>Takes a savepoint of the running job; the job goes on. Returns it once complete (its
    /// <see cref="CheckpointStats.Path"/> is the savepoint directory, which <c>EXECUTE ... FROM SAVEPOINT</c> restores).</summary>
    /// <param name="targetDirectory">The directory to create the savepoint in; null for <see cref="DefaultSavepointDirectory"/>.</param>
    /// <param name="cancellationToken">Stops waiting (the savepoint may still complete).</param>
    /// <exception cref="StreamSqlException">The job is not running, no savepoint directory is known, or the savepoint failed.</exception>
    public async Task<CheckpointStats> TriggerSavepointAsync(string? targetDirectory = null, CancellationToken cancellationToken = default)
    {
        var directory = SavepointDirectoryFor(targetDirectory, "take a savepoint");
        try
        {
            return await _handle.TriggerSavepointAsync(directory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw SavepointFailed(e, $"Could not take a savepoint of job '{Name}' ({Id})");
        }
    }

    /// <summary>Takes a savepoint and cancels the job (Flink's cancel-with-savepoint, REST <c>cancel-job</c>): no checkpoint
    /// starts after the savepoint, so nothing is committed past it; the job ends CANCELED. When the savepoint fails the job
    /// keeps running.</summary>
    /// <param name="targetDirectory">The directory to create the savepoint in; null for <see cref="DefaultSavepointDirectory"/>.</param>
    /// <param name="cancellationToken">Stops waiting (the savepoint may still complete).</param>
    /// <exception cref="StreamSqlException">The job is not running, no savepoint directory is known, or the savepoint failed.</exception>
    public async Task<CheckpointStats> CancelWithSavepointAsync(string? targetDirectory = null, CancellationToken cancellationToken = default)
    {
        var directory = SavepointDirectoryFor(targetDirectory, "cancel with a savepoint");
        try
        {
            return await _handle.CancelWithSavepointAsync(directory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw SavepointFailed(e, $"Could not cancel job '{Name}' ({Id}) with a savepoint");
        }
    }

    /// <summary>Takes a savepoint and stops the job once its sinks committed; returns when the job has ended (FINISHED).
    /// Restoring the savepoint later continues exactly after the last record the job wrote.</summary>
    /// <param name="targetDirectory">The directory to create the savepoint in; null for <see cref="DefaultSavepointDirectory"/>.</param>
    /// <param name="cancellationToken">Stops waiting (the job may still stop).</param>
    /// <exception cref="StreamSqlException">The job is not running, no savepoint directory is known, or the savepoint failed
    /// (the job then keeps running).</exception>
    public Task<CheckpointStats> StopWithSavepointAsync(string? targetDirectory = null, CancellationToken cancellationToken = default) =>
        StopWithSavepointAsync(targetDirectory, drain: false, cancellationToken);

    /// <summary>Like <see cref="StopWithSavepointAsync(string?, CancellationToken)"/>; with <paramref name="drain"/> (SQL
    /// <c>WITH DRAIN</c>) the sources first emit the final watermark, so every event-time result fires before the savepoint.</summary>
    /// <param name="targetDirectory">The directory to create the savepoint in; null for <see cref="DefaultSavepointDirectory"/>.</param>
    /// <param name="drain">Fire all event-time results (windows, timers) before the savepoint, as if the input had ended.</param>
    /// <param name="cancellationToken">Stops waiting (the job may still stop).</param>
    /// <exception cref="StreamSqlException">The job is not running, no savepoint directory is known, or the savepoint failed.</exception>
    public async Task<CheckpointStats> StopWithSavepointAsync(string? targetDirectory, bool drain, CancellationToken cancellationToken = default)
    {
        var directory = SavepointDirectoryFor(targetDirectory, "stop with a savepoint");
        CheckpointStats savepoint;
        try
        {
            savepoint = await _handle.StopWithSavepointAsync(directory, drain, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw SavepointFailed(e, $"Could not stop job '{Name}' ({Id}) with a savepoint");
        }
        await _handle.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        return savepoint;
    }

    private string SavepointDirectoryFor(string? targetDirectory, string what)
    {
        if (IsTerminal)
            throw new StreamSqlException($"Job '{Name}' ({Id}) has already ended ({Status.ToString().ToUpperInvariant()}); it cannot {what}.");
        var directory = string.IsNullOrWhiteSpace(targetDirectory) ? DefaultSavepointDirectory : targetDirectory;
        return string.IsNullOrWhiteSpace(directory) ? throw NoSavepointDirectory(what) : directory;
    }

    /// <summary>The error for a savepoint without a directory: names both generations of the option.</summary>
    internal static StreamSqlException NoSavepointDirectory(string what) => new(
        $"No savepoint directory to {what}: set '{CheckpointingOptions.SavepointDirectory.Key}' " +
        $"(or '{CheckpointingOptions.SavepointDirectory.FallbackKeys[0]}'), e.g. SET '{CheckpointingOptions.SavepointDirectory.Key}' = '/var/streamsql/savepoints';");

    private static StreamSqlException SavepointFailed(Exception error, string message) =>
        error as StreamSqlException ?? new StreamSqlException(message + ": " + JobFailures.Describe(error), error);

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
        if (_handle.Status == JobStatus.Failed || _handle.Failure is not null && _handle.Status is not (JobStatus.Canceled or JobStatus.Suspended))
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
