using StreamSql.Execution.Batches;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.Runtime;

/// <summary>
/// Triggers checkpoints and savepoints of one run (attempt) of a job: asks the source subtasks to inject a barrier,
/// collects every subtask's acknowledgement (its state, written asynchronously), completes the checkpoint in storage
/// (<c>_metadata</c> last) and then tells every subtask, so sinks commit. A checkpoint that fails or expires is aborted;
/// more consecutive failures than <c>execution.checkpointing.tolerable-failed-checkpoints</c> fail the job.
/// <para>Flink's rules for side effects: a plain savepoint commits nothing (since Flink 1.15) and subsumes no checkpoint;
/// a stop-with-savepoint commits, then the job ends. A subtask whose input ended contributes its final state to every
/// later checkpoint instead of a barrier snapshot; one whose sink has output to commit stays until a completed
/// checkpoint covers that final state (the next periodic one, or at once when every subtask has ended).</para>
/// </summary>
internal sealed class CheckpointCoordinator : IDisposable
{
    private readonly object _lock = new();
    private readonly string _jobName;
    private readonly CheckpointStorage _storage;
    private readonly CheckpointHistory _history;
    private readonly SubtaskPort[] _ports;
    private readonly Action<Exception> _failJob;
    private readonly Action _finishStoppedJob;
    private readonly TimeSpan? _interval;
    private readonly bool _batch;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _minPause;
    private readonly int _maxConcurrent;
    private readonly int _tolerableFailures;
    private readonly Dictionary<long, PendingCheckpoint> _pending = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly List<Task> _writes = new();
    private long _lastCompletedMillis = long.MinValue;
    /// <summary>Checkpoints between leaving <see cref="_pending"/> and posting their notifications: still in flight for
    /// <c>max-concurrent-checkpoints</c>.</summary>
    private int _finalizing;
    /// <summary>The checkpoint triggered after every source ended (the final one, covering every subtask's end of input),
    /// pending, finalizing or completed; -1 when none was, or it failed (then another may be triggered).</summary>
    private long _finalCheckpointId = -1;
    private int _consecutiveFailures;
    private bool _stopping;
    /// <summary>A cancel-with-savepoint is under way: no checkpoint may start (and commit) after its savepoint.</summary>
    private bool _triggeringSuspended;
    private (TaskCompletionSource<CheckpointStats> Completion, CheckpointStats Stats)? _completedStop;

    public CheckpointCoordinator(string jobName, Configuration configuration, CheckpointStorage storage, CheckpointHistory history,
        SubtaskPort[] ports, Action<Exception> failJob, Action finishStoppedJob)
    {
        _jobName = jobName;
        _storage = storage;
        _history = history;
        _ports = ports;
        _failJob = failJob;
        _finishStoppedJob = finishStoppedJob;
        // Flink takes no checkpoints of a batch job: a failed batch job runs again from the start.
        _batch = string.Equals(configuration.Get(CoreOptions.RuntimeMode), "batch", StringComparison.OrdinalIgnoreCase);
        _interval = !_batch && configuration.Get(CheckpointingOptions.Interval) is { } i && i > TimeSpan.Zero ? i : null;
        _timeout = configuration.Get(CheckpointingOptions.Timeout);
        _minPause = configuration.Get(CheckpointingOptions.MinPause);
        _maxConcurrent = Math.Max(1, configuration.Get(CheckpointingOptions.MaxConcurrentCheckpoints));
        _tolerableFailures = Math.Max(0, configuration.Get(CheckpointingOptions.TolerableFailedCheckpoints));
        ExactlyOnce = configuration.Get(CheckpointingOptions.Mode) == "EXACTLY_ONCE";
    }

    public bool ExactlyOnce { get; }

    /// <summary>Whether checkpoints are taken periodically (<c>execution.checkpointing.interval</c> is set): then a sink
    /// commits what it wrote after its last barrier only when a checkpoint covers its end of input.</summary>
    public bool PeriodicCheckpointing => _interval is not null;

    /// <summary>Batch mode: a sink commits only when every subtask of the job has ended its input (told by a
    /// <see cref="NotifyCheckpointComplete"/> that covers its end of input, with no checkpoint behind it), so a job killed
    /// before its end leaves no sink's output visible and a rerun from the start repeats none.</summary>
    public bool CommitsWhenJobEnds => _batch;

    /// <summary>Starts the periodic trigger (when an interval is set).</summary>
    public void Start()
    {
        if (_interval is { } interval) _ = RunPeriodicAsync(interval, _shutdown.Token);
    }

    private async Task RunPeriodicAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                long now = Environment.TickCount64;
                lock (_lock)
                {
                    if (_stopping || _triggeringSuspended || _finalCheckpointId >= 0 || _pending.Count + _finalizing >= _maxConcurrent) continue;
                    if (_lastCompletedMillis != long.MinValue && now - _lastCompletedMillis < (long)_minPause.TotalMilliseconds) continue;
                    if (!AllOpened() || (!AnySourceRunning() && !AnyAwaitingFinalCommit())) continue;
                }
                // The outcome is recorded by the coordinator itself (history, failure count); nobody awaits it.
                _ = TriggerAsync(CheckpointKind.Checkpoint, null, drain: false).ContinueWith(static t => _ = t.Exception,
                    CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private bool AnySourceRunning()
    {
        foreach (var port in _ports)
            if (port.IsSource && !port.Finished) return true;
        return false;
    }

    private bool AnyAwaitingFinalCommit()
    {
        foreach (var port in _ports)
            if (port.AwaitsFinalCommit && !port.Exited && !port.FinalCommitNotified) return true;
        return false;
    }

    private bool AllFinished()
    {
        foreach (var port in _ports)
            if (!port.Finished) return false;
        return true;
    }

    private bool AllOpened()
    {
        foreach (var port in _ports)
            if (!port.Opened && !port.Finished) return false;
        return true;
    }

    /// <summary>A savepoint asked for while the job's tasks are still opening (a script's next statement, a signal) waits
    /// for them (up to <see cref="StartupWait"/>) instead of failing.</summary>
    public async Task<CheckpointStats> TriggerSavepointAsync(string? targetDirectory, bool stop, bool drain, CancellationToken cancellationToken) =>
        await TriggerSavepointAsync(targetDirectory, stop, drain, suspendCheckpoints: false, cancellationToken).ConfigureAwait(false);

    /// <summary>A savepoint after which no checkpoint starts (Flink's cancel-with-savepoint): the caller cancels the job
    /// once it completed, so nothing is committed past it; if it fails, checkpoints resume.</summary>
    public Task<CheckpointStats> TriggerSavepointBeforeCancelAsync(string? targetDirectory, CancellationToken cancellationToken) =>
        TriggerSavepointAsync(targetDirectory, stop: false, drain: false, suspendCheckpoints: true, cancellationToken);

    private async Task<CheckpointStats> TriggerSavepointAsync(string? targetDirectory, bool stop, bool drain, bool suspendCheckpoints,
        CancellationToken cancellationToken)
    {
        long giveUp = Environment.TickCount64 + (long)StartupWait.TotalMilliseconds;
        while (true)
        {
            lock (_lock)
                if (AllOpened() || _shutdown.IsCancellationRequested) break;
            if (Environment.TickCount64 > giveUp)
                throw new InvalidOperationException($"the job's tasks have not all started within {StartupWait.TotalSeconds:0} s");
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
        if (!suspendCheckpoints)
            return await TriggerAsync(stop ? CheckpointKind.SavepointAndStop : CheckpointKind.Savepoint, targetDirectory, drain)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock) _triggeringSuspended = true;
        try
        {
            return await TriggerAsync(CheckpointKind.Savepoint, targetDirectory, drain).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_lock) _triggeringSuspended = false;
            throw;
        }
    }

    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(30);

    /// <summary>Starts a checkpoint or savepoint; the task completes with its statistics, or fails with the reason.</summary>
    public Task<CheckpointStats> TriggerAsync(CheckpointKind kind, string? targetDirectory, bool drain)
    {
        PendingCheckpoint pending;
        var sources = new List<SubtaskPort>();
        lock (_lock)
        {
            if (_shutdown.IsCancellationRequested) return Task.FromException<CheckpointStats>(new InvalidOperationException("the job is no longer running"));
            if (_stopping) return Task.FromException<CheckpointStats>(new InvalidOperationException("the job is being stopped with a savepoint"));
            if (kind == CheckpointKind.Checkpoint && _triggeringSuspended)
                return Task.FromException<CheckpointStats>(new InvalidOperationException("the job is being cancelled with a savepoint"));
            if (kind != CheckpointKind.Checkpoint && !AllOpened())
                return Task.FromException<CheckpointStats>(new InvalidOperationException("the job is still starting; try again in a moment"));
            foreach (var port in _ports)
                if (port.IsSource && !port.Finished) sources.Add(port);
            // With every source finished, only the checkpoint that lets finished sinks commit is still taken.
            if (sources.Count == 0 && (kind != CheckpointKind.Checkpoint || !AnyAwaitingFinalCommit()))
                return Task.FromException<CheckpointStats>(new InvalidOperationException("the job's sources have finished; a finished job takes no checkpoints"));
            // Exactly one final checkpoint: a second would commit the same end of input again.
            if (sources.Count == 0 && _finalCheckpointId >= 0)
                return Task.FromException<CheckpointStats>(new InvalidOperationException($"the final checkpoint {_finalCheckpointId} was already triggered"));
            long id = _history.NextId();
            ICheckpointWriter writer;
            try
            {
                writer = kind == CheckpointKind.Checkpoint ? _storage.BeginCheckpoint(id) : _storage.BeginSavepoint(id, targetDirectory);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                return Task.FromException<CheckpointStats>(new InvalidOperationException(e.Message, e));
            }
            pending = new PendingCheckpoint(id, kind, DateTimeOffset.UtcNow, writer);
            foreach (var port in _ports)
            {
                if (port.Finished)
                {
                    pending.FinishedStates.AddRange(port.FinalState ?? Array.Empty<CapturedState>());
                    pending.CoversFinalState.Add(port.Index);
                }
                else pending.Awaiting.Add(port.Index);
            }
            _pending.Add(id, pending);
            if (sources.Count == 0) _finalCheckpointId = id;
            if (kind == CheckpointKind.SavepointAndStop) _stopping = true;
        }

        var barrier = new CheckpointBarrier(pending.Id, pending.TriggerTime.ToUnixTimeMilliseconds(), kind);
        foreach (var port in sources) port.Mailbox.Post(new TriggerBarrier(barrier, drain));
        if (pending.Awaiting.Count == 0) Track(Task.Run(() => Complete(pending)));
        else _ = ExpireAsync(pending);
        return pending.Completion.Task;
    }

    /// <summary>Every subtask has ended and some sink still waits to commit: the final checkpoint is taken now (Flink
    /// waits for the next periodic one; nothing can change any more, so there is no reason to).</summary>
    private void TriggerFinalCheckpointIfDue()
    {
        if (_batch)
        {
            NotifyCommitsAtJobEnd();
            return;
        }
        lock (_lock)
        {
            if (_shutdown.IsCancellationRequested || _stopping || _triggeringSuspended || _finalCheckpointId >= 0 || !AllFinished()
                || !AnyAwaitingFinalCommit()) return;
            foreach (var p in _pending.Values)
                if (p.Kind == CheckpointKind.Checkpoint) return; // it covers them; its completion looks again
        }
        // The outcome is recorded by the coordinator itself; a failed final checkpoint is retried by the periodic trigger.
        _ = TriggerAsync(CheckpointKind.Checkpoint, null, drain: false).ContinueWith(static t => _ = t.Exception,
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Batch mode, once every subtask has finished: tells each sink waiting for its final commit to commit.</summary>
    private void NotifyCommitsAtJobEnd()
    {
        lock (_lock)
        {
            if (_shutdown.IsCancellationRequested || !AllFinished()) return;
            foreach (var port in _ports)
            {
                if (!port.AwaitsFinalCommit || port.Exited || port.FinalCommitNotified) continue;
                port.FinalCommitNotified = true;
                // A commit that fails fails its subtask, and so the job; nothing to record here.
                port.Mailbox.Post(new NotifyCheckpointComplete(Operators.SinkOperator.EndOfInputCheckpointId, CoversEndOfInput: true, static (_, _) => { }));
            }
        }
    }

    private async Task ExpireAsync(PendingCheckpoint pending)
    {
        try
        {
            await Task.Delay(_timeout, _shutdown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        Abort(pending.Id, "Checkpoint expired before completing.");
    }

    /// <summary>A subtask finished its part of the barrier: <paramref name="states"/> were captured synchronously; they are
    /// written here, off the subtask's thread, and then acknowledged.</summary>
    public void OnSnapshotTaken(long checkpointId, SubtaskPort port, IReadOnlyList<CapturedState> states)
    {
        PendingCheckpoint? pending;
        lock (_lock)
        {
            // A snapshot of a checkpoint that is gone (aborted, completed), or a second one of the same subtask, is dropped:
            // each subtask's share of a checkpoint is written exactly once.
            if (!_pending.TryGetValue(checkpointId, out pending) || !pending.Awaiting.Contains(port.Index) || !pending.Snapshotted.Add(port.Index))
                pending = null;
        }
        if (pending is null)
        {
            foreach (var s in states) s.Dispose();
            return;
        }
        Track(Task.Run(() => WriteAndAcknowledge(pending, port, states)));
    }

    private void Track(Task write)
    {
        lock (_writes)
        {
            _writes.RemoveAll(static t => t.IsCompleted);
            _writes.Add(write);
        }
    }

    /// <summary>Completes when every asynchronous state write started so far has ended (before state backends are disposed).</summary>
    public Task WhenWritesDoneAsync()
    {
        lock (_writes) return Task.WhenAll(_writes.ToArray());
    }

    private void WriteAndAcknowledge(PendingCheckpoint pending, SubtaskPort port, IReadOnlyList<CapturedState> states)
    {
        var handles = new List<(CapturedState, SubtaskStateHandle)>(states.Count);
        try
        {
            foreach (var state in states) handles.Add((state, state.Write(pending.Writer, _shutdown.Token)));
        }
        catch (Exception e)
        {
            foreach (var s in states) s.Dispose();
            Abort(pending.Id, $"{port.Name} could not write its state: {e.Message}");
            return;
        }
        Acknowledge(pending, port.Index, handles);
    }

    private void Acknowledge(PendingCheckpoint pending, int portIndex, List<(CapturedState State, SubtaskStateHandle Handle)> handles)
    {
        bool complete;
        lock (_lock)
        {
            if (pending.Aborted)
            {
                // Its directory was deleted before these files were written; delete them again. (A completed checkpoint is
                // never deleted here: only an aborted one.)
                TryDeleteLocation(pending.Writer);
                return;
            }
            if (!pending.Awaiting.Remove(portIndex)) return;
            pending.Acknowledged.AddRange(handles);
            complete = pending.Awaiting.Count == 0;
        }
        if (complete) Complete(pending);
    }

    /// <summary>A subtask's input ended: it takes no more barriers; its final operator state stands in for it in pending
    /// checkpoints whose barrier it did not take, and in every later one. With <paramref name="awaitsFinalCommit"/> it stays
    /// until a completed checkpoint covers that state (its notification has <see cref="NotifyCheckpointComplete.CoversEndOfInput"/>).</summary>
    public void OnSubtaskFinished(SubtaskPort port, IReadOnlyList<CapturedState> finalState, bool awaitsFinalCommit)
    {
        var acknowledgeNow = new List<PendingCheckpoint>();
        lock (_lock)
        {
            port.Finished = true;
            port.FinalState = finalState;
            port.AwaitsFinalCommit = awaitsFinalCommit;
            foreach (var pending in _pending.Values)
            {
                if (!pending.Awaiting.Contains(port.Index) || !pending.Snapshotted.Add(port.Index)) continue;
                pending.CoversFinalState.Add(port.Index);
                acknowledgeNow.Add(pending);
            }
        }
        foreach (var pending in acknowledgeNow)
            Track(Task.Run(() => WriteAndAcknowledge(pending, port, finalState)));
        TriggerFinalCheckpointIfDue();
    }

    /// <summary>The subtask's loop ended: it reads no more mail. Notifications are posted under the same lock, so each one
    /// is either in its mailbox now (the subtask answers it on the way out) or never posted.</summary>
    public void OnSubtaskExited(SubtaskPort port)
    {
        lock (_lock) port.Exited = true;
    }

    public void OnSubtaskOpened(SubtaskPort port)
    {
        lock (_lock) port.Opened = true;
    }

    private void Complete(PendingCheckpoint pending)
    {
        CheckpointStats stats;
        // From here on the checkpoint is finalizing: it no longer expires, and nothing else completes or aborts it.
        lock (_lock)
        {
            if (!_pending.Remove(pending.Id)) return;
            _finalizing++;
        }
        try
        {
            foreach (var state in pending.FinishedStates)
                pending.Acknowledged.Add((state, state.Write(pending.Writer, _shutdown.Token)));
            var metadata = new CheckpointMetadata(pending.Id, pending.TriggerTime.ToUnixTimeMilliseconds(), _jobName,
                pending.Kind != CheckpointKind.Checkpoint, GroupByOperator(pending.Acknowledged));
            var completed = _storage.Complete(pending.Writer, metadata);
            long size = 0;
            foreach (var file in metadata.AllFiles()) size += file.Size;
            bool kept = (metadata.IsSavepoint ? _storage.SavepointFileSystem : _storage.FileSystem) is not InMemoryStateFileSystem;
            stats = new CheckpointStats(pending.Id, metadata.IsSavepoint, pending.TriggerTime, DateTimeOffset.UtcNow - pending.TriggerTime, size,
                kept ? completed.Directory : "");
        }
        catch (Exception e)
        {
            lock (_lock)
            {
                _finalizing--;
                FailLocked(pending, "Failure to finalize checkpoint: " + e.Message, countFailure: true);
            }
            return;
        }

        _history.Record(stats);
        bool stop = pending.Kind == CheckpointKind.SavepointAndStop;
        int remaining = 1;
        Exception? commitFailure = null;
        void Done(int portIndex, Exception? failure)
        {
            if (failure is not null)
                lock (_lock) commitFailure ??= new CheckpointFailedException(
                    $"Savepoint {pending.Id} of job '{_jobName}' was written ({stats.Path}), but {_ports[portIndex].Name} could not commit its output: {failure.Message}");
            if (Interlocked.Decrement(ref remaining) != 0) return;
            if (!stop) return;
            Exception? error;
            lock (_lock) error = commitFailure;
            if (error is not null)
            {
                // The job does not end FINISHED with its output hidden: the failing subtask fails the run, which restarts.
                lock (_lock) _completedStop = null;
                pending.Completion.TrySetException(error);
                return;
            }
            // (A run that ended meanwhile leaves the savepoint standing: a restore from it commits what is left.)
            if (!_shutdown.IsCancellationRequested) _finishStoppedJob();
            pending.Completion.TrySetResult(stats);
        }

        lock (_lock)
        {
            _finalizing--;
            _lastCompletedMillis = Environment.TickCount64;
            if (pending.Kind == CheckpointKind.Checkpoint)
            {
                _consecutiveFailures = 0;
                // Older checkpoints still in progress are subsumed by this one (a savepoint subsumes nothing).
                var older = new List<long>();
                foreach (var (id, other) in _pending)
                    if (id < pending.Id && other.Kind == CheckpointKind.Checkpoint) older.Add(id);
                foreach (var id in older) AbortLocked(id, "Checkpoint was subsumed by a newer completed checkpoint.", countFailure: false);
            }
            if (stop) _completedStop = (pending.Completion, stats);
            // A plain savepoint commits nothing (Flink 1.15+): its output is committed by the next checkpoint, and a
            // failure before that recovers from a checkpoint without having published anything past it.
            if (pending.Kind != CheckpointKind.Savepoint && !_shutdown.IsCancellationRequested)
                foreach (var port in _ports)
                {
                    if (port.Exited) continue;
                    bool coversEnd = pending.CoversFinalState.Contains(port.Index);
                    if (coversEnd) port.FinalCommitNotified = true;
                    Interlocked.Increment(ref remaining);
                    port.Mailbox.Post(new NotifyCheckpointComplete(pending.Id, coversEnd, Done));
                }
        }
        Done(-1, null);
        if (!stop) pending.Completion.TrySetResult(stats);
        TriggerFinalCheckpointIfDue();
    }

    private static List<OperatorStateEntry> GroupByOperator(List<(CapturedState State, SubtaskStateHandle Handle)> acknowledged)
    {
        var byOperator = new Dictionary<string, (CapturedState First, List<SubtaskStateHandle> Subtasks)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (state, handle) in acknowledged)
        {
            if (!byOperator.TryGetValue(state.OperatorId, out var entry))
            {
                byOperator[state.OperatorId] = entry = (state, new List<SubtaskStateHandle>());
                order.Add(state.OperatorId);
            }
            entry.Subtasks.Add(handle);
        }
        order.Sort(StringComparer.Ordinal);
        var operators = new List<OperatorStateEntry>(order.Count);
        foreach (var id in order)
        {
            var (first, subtasks) = byOperator[id];
            // Operators without any state (stateless ones) are not recorded: nothing to restore, nothing to match.
            bool any = false;
            foreach (var s in subtasks) any |= s.Keyed is not null || s.OperatorState is not null;
            if (!any) continue;
            subtasks.Sort((a, b) => a.SubtaskIndex.CompareTo(b.SubtaskIndex));
            operators.Add(new OperatorStateEntry(id, first.Parallelism, first.MaxParallelism, subtasks) { OperatorName = first.OperatorName });
        }
        return operators;
    }

    /// <summary>Aborts a pending checkpoint; counts towards the tolerable failures (savepoints do not).</summary>
    public void Abort(long checkpointId, string reason)
    {
        lock (_lock) AbortLocked(checkpointId, reason, countFailure: true);
    }

    private void AbortLocked(long checkpointId, string reason, bool countFailure)
    {
        if (_pending.Remove(checkpointId, out var pending)) FailLocked(pending, reason, countFailure);
    }

    private void FailLocked(PendingCheckpoint pending, string reason, bool countFailure)
    {
        long checkpointId = pending.Id;
        pending.Aborted = true;
        if (checkpointId == _finalCheckpointId) _finalCheckpointId = -1; // the periodic trigger takes it again
        TryDeleteLocation(pending.Writer);
        var error = new CheckpointFailedException(
            $"{(pending.Kind == CheckpointKind.Checkpoint ? "Checkpoint" : "Savepoint")} {checkpointId} of job '{_jobName}' failed: {reason}");
        if (pending.Kind == CheckpointKind.SavepointAndStop)
        {
            _stopping = false;
            foreach (var port in _ports)
                if (port.IsSource && !port.Finished) port.Mailbox.Post(new ResumeSource(checkpointId));
        }
        pending.Completion.TrySetException(error);
        if (!countFailure || _shutdown.IsCancellationRequested) return;
        _history.RecordFailure();
        if (pending.Kind != CheckpointKind.Checkpoint) return;
        if (++_consecutiveFailures > _tolerableFailures)
            _failJob(new CheckpointFailedException("Exceeded checkpoint tolerable failure threshold. The latest checkpoint failed due to: " + reason));
    }

    private void TryDeleteLocation(ICheckpointWriter writer)
    {
        try
        {
            _storage.Abort(writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's cleanup; an incomplete checkpoint (no _metadata) is never restored from.
        }
    }

    /// <summary>The run ended: pending checkpoints are aborted (without counting as failures) and triggering stops.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_shutdown.IsCancellationRequested) return;
            _shutdown.Cancel();
            foreach (var id in new List<long>(_pending.Keys)) AbortLocked(id, "the job stopped before the checkpoint completed", countFailure: false);
            // A completed stop-with-savepoint whose commits were cut short by the end of the run: the savepoint stands
            // (a restore from it commits what is left).
            if (_completedStop is { } stop) stop.Completion.TrySetResult(stop.Stats);
        }
    }

    private sealed class PendingCheckpoint(long id, CheckpointKind kind, DateTimeOffset triggerTime, ICheckpointWriter writer)
    {
        public long Id { get; } = id;
        public CheckpointKind Kind { get; } = kind;
        public DateTimeOffset TriggerTime { get; } = triggerTime;
        public ICheckpointWriter Writer { get; } = writer;
        public HashSet<int> Awaiting { get; } = new();
        /// <summary>Subtasks whose share (barrier snapshot or final state) is being written: acknowledged at most once.</summary>
        public HashSet<int> Snapshotted { get; } = new();
        /// <summary>Subtasks whose final state (end of input) this checkpoint holds.</summary>
        public HashSet<int> CoversFinalState { get; } = new();
        /// <summary>Guarded by the coordinator's lock.</summary>
        public bool Aborted { get; set; }
        public List<CapturedState> FinishedStates { get; } = new();
        public List<(CapturedState State, SubtaskStateHandle Handle)> Acknowledged { get; } = new();
        public TaskCompletionSource<CheckpointStats> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A checkpoint or savepoint did not complete; the message says which and why.</summary>
public sealed class CheckpointFailedException(string message) : Exception(message);
