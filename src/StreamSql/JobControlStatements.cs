using System.Globalization;
using StreamSql.Control;
using StreamSql.Execution;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Parser.Ast;

namespace StreamSql;

/// <summary>
/// The statements about the session's jobs and their state: <c>SHOW JOBS</c>, <c>STOP JOB [WITH SAVEPOINT]</c>,
/// <c>SAVEPOINT 'job' [TO 'dir']</c>, <c>SHOW CHECKPOINTS 'job'</c> and <c>DESCRIBE SAVEPOINT 'path'</c>.
/// </summary>
internal sealed class JobControlStatements
{
    /// <summary>The column of STOP JOB ... WITH SAVEPOINT's answer, as Flink's SQL client names it.</summary>
    public const string SavepointPathColumn = "savepoint path";

    private static readonly string[] JobColumns =
    {
        "job id", "job name", "status", "start time", "checkpoint id", "checkpoint time", "checkpoint duration", "checkpoint size",
    };

    private static readonly string[] CheckpointColumns = { "checkpoint id", "type", "trigger time", "duration", "size", "path" };

    private static readonly string[] OperatorColumns =
    {
        "operator id", "operator", "parallelism", "max parallelism", "keyed state size", "operator state size",
    };

    private readonly StreamSqlEnvironment _env;

    public JobControlStatements(StreamSqlEnvironment env) => _env = env;

    /// <summary>Flink's four columns (job id, job name, status, start time), then the job's latest completed checkpoint
    /// or savepoint: id, trigger time, duration and size (empty when it has none).
    /// <para>A session that has started no job of its own lists the running jobs of the other engines on this machine
    /// instead (without their checkpoint columns), as a second Flink SQL client lists the jobs of its cluster.</para></summary>
    public async Task<TableTextResult> ShowJobsAsync(string text, CancellationToken cancellationToken)
    {
        var zone = SessionZone();
        var rows = new List<IReadOnlyList<string?>>();
        var own = _env.JobRegistry.Snapshot();
        if (own.Count == 0 && _env.OtherEngines is { } others)
        {
            foreach (var job in await others.RunningJobsAsync(cancellationToken).ConfigureAwait(false))
                rows.Add(new string?[]
                {
                    job.Id, job.Name, job.State, StatementExecutor.FormatStartTime(DateTimeOffset.FromUnixTimeMilliseconds(job.StartTime), zone),
                    null, null, null, null,
                });
        }
        foreach (var job in own)
        {
            var latest = job.LatestCheckpoint;
            rows.Add(new string?[]
            {
                job.Id, job.Name, StatementExecutor.StatusName(job.Status), StatementExecutor.FormatStartTime(job.StartTime, zone),
                latest?.CheckpointId.ToString(CultureInfo.InvariantCulture),
                latest is null ? null : StatementExecutor.FormatStartTime(latest.TriggerTime, zone),
                latest is null ? null : CheckpointTexts.Duration(latest.Duration),
                latest is null ? null : CheckpointTexts.Size(latest.StateSize),
            });
        }
        return new TableTextResult(text, JobColumns, rows);
    }

    /// <summary>One row per completed checkpoint and savepoint of the job, newest first.</summary>
    public TableTextResult ShowCheckpoints(string text, ShowStatement show)
    {
        if (show.LikePattern is not null)
            throw new StreamSqlException("SHOW CHECKPOINTS takes a job id or name only, not a LIKE pattern.");
        var job = _env.JobRegistry.Find(show.StringTarget ?? "");
        var zone = SessionZone();
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var checkpoint in job.Checkpoints)
        {
            rows.Add(new string?[]
            {
                checkpoint.CheckpointId.ToString(CultureInfo.InvariantCulture),
                CheckpointTexts.Kind(checkpoint.IsSavepoint),
                StatementExecutor.FormatStartTime(checkpoint.TriggerTime, zone),
                CheckpointTexts.Duration(checkpoint.Duration),
                CheckpointTexts.Size(checkpoint.StateSize),
                checkpoint.Path.Length == 0 ? "(in memory)" : checkpoint.Path,
            });
        }
        return new TableTextResult(text, CheckpointColumns, rows);
    }

    public async Task<StatementResult> StopJobAsync(string text, StopJobStatement stop, CancellationToken cancellationToken)
    {
        if (await FindInOtherEngineAsync(stop.JobId, cancellationToken).ConfigureAwait(false) is { } other)
            using (other)
                return await StopInOtherEngineAsync(text, stop, other, cancellationToken).ConfigureAwait(false);
        var job = _env.JobRegistry.Find(stop.JobId);
        if (job.IsTerminal)
            throw new StreamSqlException($"Job '{job.Id}' has already ended ({StatementExecutor.StatusName(job.Status)}); there is nothing to stop.");
        if (stop.WithSavepoint)
        {
            var directory = SavepointDirectory(job, null, "stop the job with a savepoint (STOP JOB ... WITH SAVEPOINT)");
            var savepoint = await job.StopWithSavepointAsync(directory, stop.WithDrain, cancellationToken).ConfigureAwait(false);
            return SavepointPath(text, savepoint);
        }
        job.Handle.Cancel();
        var ended = await Task.WhenAny(job.Handle.Completion, Task.Delay(_env.StopTimeout, cancellationToken)).ConfigureAwait(false);
        if (ended != job.Handle.Completion)
            throw new StreamSqlException($"Job '{job.Id}' was asked to stop but has not stopped within {_env.StopTimeout.TotalSeconds:0} s; it is {StatementExecutor.StatusName(job.Status)}.");
        return new MessageResult(text, MessageResult.ExecuteStatementSucceeded);
    }

    public async Task<StatementResult> TriggerSavepointAsync(string text, TriggerSavepointStatement trigger, CancellationToken cancellationToken)
    {
        if (await FindInOtherEngineAsync(trigger.JobId, cancellationToken).ConfigureAwait(false) is { } other)
            using (other)
                return await SavepointInOtherEngineAsync(text, trigger, other, cancellationToken).ConfigureAwait(false);
        var job = _env.JobRegistry.Find(trigger.JobId);
        if (job.IsTerminal)
            throw new StreamSqlException($"Job '{job.Id}' has already ended ({StatementExecutor.StatusName(job.Status)}); it cannot take a savepoint.");
        var directory = SavepointDirectory(job, trigger.TargetDirectory, "take a savepoint (SAVEPOINT 'job' [TO 'directory'])");
        var savepoint = await job.TriggerSavepointAsync(directory, cancellationToken).ConfigureAwait(false);
        return SavepointPath(text, savepoint);
    }

    /// <summary>A job another engine on this machine runs, when this session has no job of that id or name (Flink's client
    /// reaches every job of its cluster).</summary>
    private async Task<OtherEngineJob?> FindInOtherEngineAsync(string idOrName, CancellationToken cancellationToken)
    {
        if (_env.OtherEngines is not { } others || _env.JobRegistry.Has(idOrName)) return null;
        return await others.FindAsync(idOrName, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StatementResult> StopInOtherEngineAsync(string text, StopJobStatement stop, OtherEngineJob other, CancellationToken cancellationToken)
    {
        if (!other.IsRunning)
            throw new StreamSqlException($"Job '{other.Job.Id}' has already ended ({other.Job.State}); there is nothing to stop.");
        try
        {
            if (stop.WithSavepoint)
            {
                var directory = _env.Configuration.Get(CheckpointingOptions.SavepointDirectory);
                var trigger = await other.Client.StopWithSavepointAsync(other.Job.Id, string.IsNullOrWhiteSpace(directory) ? null : directory, stop.WithDrain,
                    cancellationToken).ConfigureAwait(false);
                var path = await other.Client.WaitForSavepointAsync(other.Job.Id, trigger, cancellationToken).ConfigureAwait(false);
                await OtherEngineJobs.WaitForEndAsync(other, _env.StopTimeout, cancellationToken).ConfigureAwait(false);
                return SavepointPath(text, path);
            }
            await other.Client.CancelAsync(other.Job.Id, cancellationToken).ConfigureAwait(false);
            var state = await OtherEngineJobs.WaitForEndAsync(other, _env.StopTimeout, cancellationToken).ConfigureAwait(false);
            if (state is "RUNNING" or "CANCELLING" or "CREATED" or "RESTARTING" or "FAILING")
                throw new StreamSqlException($"Job '{other.Job.Id}' was asked to stop but has not stopped within {_env.StopTimeout.TotalSeconds:0} s; it is {state}.");
            return new MessageResult(text, MessageResult.ExecuteStatementSucceeded);
        }
        catch (ControlClientException e)
        {
            throw new StreamSqlException($"Could not stop job '{other.Job.Id}' of the engine with pid {other.ProcessId}: {e.Message}", e);
        }
    }

    private async Task<StatementResult> SavepointInOtherEngineAsync(string text, TriggerSavepointStatement trigger, OtherEngineJob other,
        CancellationToken cancellationToken)
    {
        if (!other.IsRunning)
            throw new StreamSqlException($"Job '{other.Job.Id}' has already ended ({other.Job.State}); it cannot take a savepoint.");
        var directory = !string.IsNullOrWhiteSpace(trigger.TargetDirectory) ? trigger.TargetDirectory : _env.Configuration.Get(CheckpointingOptions.SavepointDirectory);
        try
        {
            var id = await other.Client.TriggerSavepointAsync(other.Job.Id, string.IsNullOrWhiteSpace(directory) ? null : directory, cancellationToken)
                .ConfigureAwait(false);
            return SavepointPath(text, await other.Client.WaitForSavepointAsync(other.Job.Id, id, cancellationToken).ConfigureAwait(false));
        }
        catch (ControlClientException e)
        {
            throw new StreamSqlException($"Could not take a savepoint of job '{other.Job.Id}' of the engine with pid {other.ProcessId}: {e.Message}", e);
        }
    }

    /// <summary>What a savepoint or retained checkpoint holds: its job, id, time and type, then per operator its
    /// parallelism, max parallelism and state sizes. Works on any directory holding a <c>_metadata</c> file.</summary>
    public TableTextResult DescribeSavepoint(string text, DescribeSavepointStatement describe)
    {
        if (string.IsNullOrWhiteSpace(describe.Path))
            throw new StreamSqlException("DESCRIBE SAVEPOINT needs the path of a savepoint (its directory or its _metadata file).");
        CompletedCheckpoint checkpoint;
        try
        {
            checkpoint = CheckpointStorage.Load(LocalStateFileSystem.Instance, describe.Path);
        }
        catch (Exception e) when (e is CheckpointFormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new StreamSqlException($"Cannot read savepoint '{describe.Path}': {e.Message}", e);
        }

        var metadata = checkpoint.Metadata;
        long files = 0, bytes = 0;
        foreach (var file in metadata.AllFiles())
        {
            files++;
            bytes += file.Size;
        }
        string presence;
        try
        {
            checkpoint.VerifyFilesPresent();
            presence = files == 0 ? "no state files" : $"{files} state files, {CheckpointTexts.Size(bytes)}, all present";
        }
        catch (Exception e) when (e is CheckpointFormatException or IOException or UnauthorizedAccessException)
        {
            presence = $"{files} state files, {CheckpointTexts.Size(bytes)}; NOT RESTORABLE: {e.Message}";
        }
        var taken = DateTimeOffset.FromUnixTimeMilliseconds(metadata.TimestampMillis);
        var preamble = new[]
        {
            $"{(metadata.IsSavepoint ? "Savepoint" : "Checkpoint")} {checkpoint.Directory}",
            $"job name: {metadata.JobName}",
            $"checkpoint id: {metadata.CheckpointId.ToString(CultureInfo.InvariantCulture)}",
            $"type: {CheckpointTexts.Kind(metadata.IsSavepoint)}",
            $"taken: {StatementExecutor.FormatStartTime(taken, SessionZone())}",
            $"state: {presence}",
        };

        var rows = new List<IReadOnlyList<string?>>();
        foreach (var entry in metadata.Operators)
        {
            var (keyed, operatorState) = CheckpointTexts.StateSizes(entry);
            rows.Add(new string?[]
            {
                entry.OperatorId,
                entry.OperatorName,
                entry.Parallelism.ToString(CultureInfo.InvariantCulture),
                entry.MaxParallelism.ToString(CultureInfo.InvariantCulture),
                CheckpointTexts.Size(keyed),
                CheckpointTexts.Size(operatorState),
            });
        }
        return new TableTextResult(text, OperatorColumns, rows) { Preamble = preamble };
    }

    /// <summary>Flink's SQL client answers a savepoint with a one-column table: <c>savepoint path</c>.</summary>
    private static TableTextResult SavepointPath(string text, CheckpointStats savepoint) => SavepointPath(text, savepoint.Path);

    private static TableTextResult SavepointPath(string text, string path) =>
        new(text, new[] { SavepointPathColumn }, new IReadOnlyList<string?>[] { new string?[] { path } });

    /// <summary>The statement's directory, else the session's savepoint directory (a SET after the job started counts, as
    /// in Flink), else the one the job started with.</summary>
    private string SavepointDirectory(JobClient job, string? statementDirectory, string what)
    {
        if (!string.IsNullOrWhiteSpace(statementDirectory)) return statementDirectory;
        var session = _env.Configuration.Get(CheckpointingOptions.SavepointDirectory);
        if (!string.IsNullOrWhiteSpace(session)) return session;
        return job.DefaultSavepointDirectory ?? throw JobClient.NoSavepointDirectory(what);
    }

    private TimeZoneInfo SessionZone()
    {
        try
        {
            return SessionTimeZone.Resolve(_env.Settings.Current);
        }
        catch (ArgumentException)
        {
            return TimeZoneInfo.Local;
        }
    }
}
