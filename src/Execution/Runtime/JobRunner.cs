using System.Threading.Channels;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Execution.Runtime;

/// <summary>
/// Runs job graphs in this process: one long-running loop per subtask, bounded channels between them, a checkpoint
/// coordinator per run, and the restart strategy: a failed run is replaced by a new one restored from the latest
/// completed checkpoint.
/// </summary>
public sealed class JobRunner
{
    public JobRunner(ConnectorRegistry connectors, IClock? clock = null, TextWriter? standardOutput = null, TextWriter? diagnostics = null)
    {
        Connectors = connectors;
        Clock = clock ?? SystemClock.Instance;
        // Subtasks of a parallel print sink write at once; a caller's StringWriter is not safe for that (Console's is).
        StandardOutput = TextWriter.Synchronized(standardOutput ?? Console.Out);
        Diagnostics = TextWriter.Synchronized(diagnostics ?? Console.Error);
    }

    public ConnectorRegistry Connectors { get; }
    public IClock Clock { get; }
    /// <summary>Where the print connector writes.</summary>
    public TextWriter StandardOutput { get; }
    /// <summary>Where restarts are reported (Flink logs them; a user of the shell sees them on stderr).</summary>
    public TextWriter Diagnostics { get; }

    /// <summary>Creates operators from specs; register creators here for operators beyond the built-in ones.</summary>
    public OperatorFactory Operators { get; } = new();

    /// <summary>Starts <paramref name="graph"/> and returns at once; the handle tracks it.</summary>
    /// <exception cref="InvalidOperationException">The graph cannot run (e.g. a Forward edge between different parallelisms).</exception>
    public JobHandle Start(JobGraph graph, string jobId) => Start(graph, jobId, JobStartOptions.Fresh);

    /// <summary>Starts <paramref name="graph"/>, restored from <see cref="JobStartOptions.RestorePath"/> when given.</summary>
    /// <exception cref="StateRestoreException">The savepoint's state does not fit the plan (the message reports which operators match).</exception>
    /// <exception cref="CheckpointFormatException">The savepoint is missing, incomplete or corrupt (the message names the file).</exception>
    public JobHandle Start(JobGraph graph, string jobId, JobStartOptions options)
    {
        var claim = options.StateClaim ?? JobStateClaim.Acquire(graph.Configuration, graph.Name);
        try
        {
            return Start(graph, jobId, options, claim);
        }
        catch
        {
            claim.Dispose();
            throw;
        }
    }

    private JobHandle Start(JobGraph graph, string jobId, JobStartOptions options, JobStateClaim claim)
    {
        var configuration = graph.Configuration;
        int capacity = Math.Max(1, configuration.Get(CoreOptions.ChannelCapacity));
        Channel<Batch>? results = null;
        foreach (var vertex in graph.Vertices)
            foreach (var spec in vertex.Chain)
                if (spec is CollectSinkSpec)
                    results ??= Channel.CreateBounded<Batch>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });

        var storage = CheckpointStorage.FromConfiguration(configuration, claim.StateName, Connectors);
        if (claim.IsExclusive && storage.FileSystem is LocalStateFileSystem)
        {
            try
            {
                storage.RemoveLeftovers();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Leftovers are only disk space; a directory that cannot be cleaned fails the job's checkpoints anyway.
            }
        }
        StateAssignment? restore = null;
        if (options.RestorePath is { Length: > 0 } path)
        {
            var checkpoint = CheckpointStorage.Load(LocalStateFileSystem.Instance, path);
            checkpoint.VerifyFilesPresent();
            restore = StateAssignment.Create(graph, checkpoint, options.AllowNonRestoredState);
        }
        long firstId = Math.Max(restore?.Checkpoint.CheckpointId ?? 0, storage.HighestCheckpointId()) + 1;
        var metrics = new JobMetrics();
        var services = new OperatorServices(Connectors, StandardOutput, results?.Writer) { Diagnostics = Diagnostics, Metrics = metrics };
        var notes = new List<string>();
        var cancel = new CancellationTokenSource();
        JobHandle NewHandle(RunningJob job) => new(jobId, graph.Name, DateTimeOffset.UtcNow, cancel, results?.Reader)
        {
            RestoredFrom = job.InitialRestore?.Checkpoint.Directory,
            History = job.History,
            CheckpointingEnabled = configuration.Get(CheckpointingOptions.Interval) is { } interval && interval > TimeSpan.Zero,
            RestoreNotes = notes,
            Metrics = metrics,
        };

        if (restore is null && options.RestoreFromLatestCheckpoint)
        {
            foreach (var id in storage.CompletedCheckpointIds())
            {
                try
                {
                    var checkpoint = storage.Load(storage.CheckpointDirectory(id));
                    checkpoint.VerifyFilesPresent();
                    var candidate = new RunningJob(graph, capacity, storage, new CheckpointHistory(firstId), firstId,
                        StateAssignment.Create(graph, checkpoint, options.AllowNonRestoredState), claim);
                    var latestHandle = NewHandle(candidate);
                    var latestAttempt = BuildAttempt(candidate, services, candidate.InitialRestore, latestHandle);
                    return Launch(candidate, services, latestAttempt, latestHandle, results);
                }
                catch (CheckpointFormatException e)
                {
                    notes.Add($"Skipping a checkpoint that cannot be restored: {storage.CheckpointDirectory(id)}: {e.Message}");
                }
            }
            // Starting empty when the job has checkpoints would publish everything again: refuse, with every reason.
            if (notes.Count > 0)
                throw new StateRestoreException($"Cannot restore job '{graph.Name}' from any of its {notes.Count} checkpoints in {storage.JobDirectory}; "
                    + "it does not start without its state (use a savepoint, or delete the checkpoints to start over):"
                    + Environment.NewLine + string.Join(Environment.NewLine, notes.Select(n => "  " + n)));
            notes.Add($"No usable checkpoint of job '{graph.Name}' in {storage.JobDirectory}: starting without state.");
        }

        var job = new RunningJob(graph, capacity, storage, new CheckpointHistory(firstId), firstId, restore, claim);
        var handle = NewHandle(job);
        var attempt = BuildAttempt(job, services, restore, handle);
        return Launch(job, services, attempt, handle, results);
    }

    private JobHandle Launch(RunningJob job, OperatorServices services, JobAttempt attempt, JobHandle handle, Channel<Batch>? results)
    {
        handle.SetStatus(JobStatus.Running);
        _ = RunAsync(job, services, attempt, handle, results);
        return handle;
    }

    private JobAttempt BuildAttempt(RunningJob job, OperatorServices services, StateAssignment? restore, JobHandle handle)
    {
        var topology = new JobTopology(job.Graph, job.Capacity, Clock, job.Claim.IsExclusive ? job.Claim.StateName : null);
        List<Subtask> subtasks;
        try
        {
            subtasks = topology.BuildSubtasks(Operators, services with { Shared = new SharedObjects() }, restore);
        }
        catch
        {
            foreach (var store in topology.Stores) store.Dispose();
            throw;
        }
        var attempt = new JobAttempt(subtasks, topology.Stores, CancellationTokenSource.CreateLinkedTokenSource(handle.CancellationToken));
        var ports = new SubtaskPort[subtasks.Count];
        for (int i = 0; i < ports.Length; i++) ports[i] = new SubtaskPort(i, subtasks[i].Name, subtasks[i].IsSource);
        attempt.Coordinator = new CheckpointCoordinator(job.Storage.JobId, job.Graph.Configuration, job.Storage, job.History, ports,
            attempt.Fail, () => attempt.StopAfterSavepoint());
        for (int i = 0; i < ports.Length; i++) subtasks[i].BindCheckpoints(ports[i], attempt.Coordinator);
        return attempt;
    }

    private async Task RunAsync(RunningJob job, OperatorServices services, JobAttempt attempt, JobHandle handle, Channel<Batch>? results)
    {
        var strategy = RestartStrategy.FromConfiguration(job.Graph.Configuration);
        bool stopped = false;
        while (true)
        {
            handle.Coordinator = attempt.Coordinator;
            attempt.Coordinator.Start();
            var runs = new Task[attempt.Subtasks.Count];
            for (int i = 0; i < runs.Length; i++) runs[i] = RunSubtaskAsync(attempt.Subtasks[i], attempt);
            await Task.WhenAll(runs).ConfigureAwait(false);
            attempt.Coordinator.Dispose();
            await attempt.Coordinator.WhenWritesDoneAsync().ConfigureAwait(false);
            foreach (var store in attempt.Stores) store.Dispose();
            stopped = attempt.StoppedWithSavepoint;

            var failure = attempt.Failure;
            if (failure is null || stopped || handle.CancellationToken.IsCancellationRequested) break;
            var delay = strategy.NextDelay(Environment.TickCount64);
            if (delay is null)
            {
                handle.Fail(failure);
                break;
            }
            handle.SetStatus(JobStatus.Restarting);
            JobAttempt? next = null;
            try
            {
                await Task.Delay(delay.Value, handle.CancellationToken).ConfigureAwait(false);
                next = Restart(job, services, handle, failure, delay.Value);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception e)
            {
                handle.Fail(new JobExecutionException("restart", e));
                break;
            }
            handle.CountRestart();
            handle.SetStatus(JobStatus.Running);
            attempt = next;
        }

        handle.Coordinator = null;
        var status = stopped ? JobStatus.Finished
            : handle.Failure is not null ? JobStatus.Failed
            : handle.CancellationToken.IsCancellationRequested ? (handle.IsSuspended ? JobStatus.Suspended : JobStatus.Canceled)
            : JobStatus.Finished;
        try
        {
            // A suspended job (its process is shutting down) keeps its checkpoints whatever the retention, as in Flink:
            // it is meant to be resumed from them.
            if (status != JobStatus.Suspended)
                job.Storage.OnJobTerminated(status switch
            {
                JobStatus.Finished => stopped ? JobTermination.Stopped : JobTermination.Finished,
                JobStatus.Canceled => JobTermination.Cancelled,
                _ => JobTermination.Failed,
            });
        }
        catch (IOException)
        {
            // Retention cleanup is best effort: leftover checkpoint directories are only disk space.
        }
        job.Claim.JobEnded();
        results?.Writer.TryComplete(handle.Failure);
        handle.SetStatus(status);
        handle.CompletionSource.TrySetResult();
    }

    /// <summary>A new run from the newest completed checkpoint of this run that restores (older ones are tried when the
    /// newest is corrupt), else from the state the job started from.</summary>
    private JobAttempt Restart(RunningJob job, OperatorServices services, JobHandle handle, Exception failure, TimeSpan delay)
    {
        var reasons = new List<string>();
        foreach (var id in job.Storage.CompletedCheckpointIds())
        {
            if (id < job.FirstCheckpointId) break;
            try
            {
                var checkpoint = job.Storage.Load(job.Storage.CheckpointDirectory(id));
                checkpoint.VerifyFilesPresent();
                var attempt = BuildAttempt(job, services, StateAssignment.Create(job.Graph, checkpoint, allowNonRestoredState: false), handle);
                Report(handle, failure, delay, $"checkpoint {id}", reasons);
                return attempt;
            }
            catch (CheckpointFormatException e)
            {
                reasons.Add(e.Message);
            }
        }
        // This run's checkpoints exist but none restores: starting over would publish their output again.
        if (reasons.Count > 0)
            throw new StateRestoreException($"none of the job's {reasons.Count} checkpoints can be restored:"
                + Environment.NewLine + string.Join(Environment.NewLine, reasons.Select(r => "  " + r)));
        Report(handle, failure, delay, job.InitialRestore is null ? "the beginning (no completed checkpoint)" : job.InitialRestore.Checkpoint.Directory, reasons);
        return BuildAttempt(job, services, job.InitialRestore, handle);
    }

    private void Report(JobHandle handle, Exception failure, TimeSpan delay, string from, List<string> skipped)
    {
        try
        {
            foreach (var reason in skipped) Diagnostics.WriteLine($"[WARNING] Skipping a checkpoint that cannot be restored: {reason}");
            Diagnostics.WriteLine($"[WARNING] Job '{handle.Name}' ({handle.Id}) failed: {failure.Message}");
            Diagnostics.WriteLine($"[WARNING] Restarting job '{handle.Name}' from {from} after {delay.TotalMilliseconds:0} ms (restart {handle.Restarts + 1}).");
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static async Task RunSubtaskAsync(Subtask subtask, JobAttempt attempt)
    {
        var token = attempt.Cancel.Token;
        try
        {
            await Task.Run(() => subtask.RunAsync(token), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped by Cancel(), a stop-with-savepoint, or another subtask's failure.
        }
        catch (Exception e)
        {
            attempt.Fail(new JobExecutionException(subtask.Name, e));
        }
    }

    /// <summary>What stays the same across the runs of one job.</summary>
    private sealed record RunningJob(JobGraph Graph, int Capacity, CheckpointStorage Storage, CheckpointHistory History, long FirstCheckpointId,
        StateAssignment? InitialRestore, JobStateClaim Claim);

    /// <summary>One run of a job: its subtasks, their state, its coordinator; a failure cancels the run (not the job).</summary>
    private sealed class JobAttempt(List<Subtask> subtasks, List<State.OperatorStateStore> stores, CancellationTokenSource cancel)
    {
        private Exception? _failure;
        private int _stopped;

        public List<Subtask> Subtasks { get; } = subtasks;
        public List<State.OperatorStateStore> Stores { get; } = stores;
        public CancellationTokenSource Cancel { get; } = cancel;
        public CheckpointCoordinator Coordinator { get; set; } = null!;
        public Exception? Failure => Volatile.Read(ref _failure);
        public bool StoppedWithSavepoint => Volatile.Read(ref _stopped) == 1;

        public void Fail(Exception failure)
        {
            if (Volatile.Read(ref _stopped) == 1) return;
            if (Interlocked.CompareExchange(ref _failure, failure, null) is not null) return;
            CancelQuietly();
        }

        /// <summary>The stop-with-savepoint completed and every subtask has committed: end the run as finished.</summary>
        public void StopAfterSavepoint()
        {
            if (Failure is not null) return;
            Volatile.Write(ref _stopped, 1);
            CancelQuietly();
        }

        private void CancelQuietly()
        {
            try
            {
                Cancel.Cancel();
            }
            catch (AggregateException)
            {
                // A cancellation callback threw; the run is ending anyway.
            }
        }
    }
}
