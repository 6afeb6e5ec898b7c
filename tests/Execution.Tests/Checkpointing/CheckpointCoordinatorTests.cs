using StreamSql.Execution.Batches;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.State;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.Tests.Checkpointing;

/// <summary>
/// The coordinator on its own, with the test playing the subtasks: acknowledgements that race with a subtask finishing,
/// late acknowledgements, savepoints among checkpoints, and storage whose writes are held on a gate.
/// </summary>
public sealed class CheckpointCoordinatorTests : IDisposable
{
    private readonly GatedFileSystem _files = new();
    private readonly List<Exception> _jobFailures = new();
    private readonly CheckpointCoordinator _coordinator;
    private readonly SubtaskPort _source = new(0, "Source (1/1)", isSource: true);
    private readonly SubtaskPort _sink = new(1, "Sink (1/1)", isSource: false);
    private readonly CheckpointStorage _storage;
    private int _stopped;

    public CheckpointCoordinatorTests()
    {
        _storage = new CheckpointStorage(_files, "/chk", "job", "/sp", numRetained: 3, savepointFileSystem: _files);
        var configuration = Configuration.Empty.With("execution.checkpointing.timeout", "30s");
        _coordinator = new CheckpointCoordinator("job", configuration, _storage, new CheckpointHistory(1), [_source, _sink],
            e => { lock (_jobFailures) _jobFailures.Add(e); }, () => Interlocked.Exchange(ref _stopped, 1));
        _coordinator.OnSubtaskOpened(_source);
        _coordinator.OnSubtaskOpened(_sink);
    }

    public void Dispose() => _coordinator.Dispose();

    private static CapturedState State(string operatorId, int subtask, string entry)
    {
        var backend = new OperatorStateBackend();
        backend.GetListState("s").Update([System.Text.Encoding.UTF8.GetBytes(entry)]);
        return new CapturedState(operatorId, subtask, 1, 128, backend.Snapshot(), null);
    }

    private static async Task<T> Within<T>(Task<T> task) => await task.WaitAsync(TimeSpan.FromSeconds(20));

    private string MetadataOf(long id) => $"/chk/job/chk-{id}/_metadata";

    [Fact]
    public async Task A_subtask_finishing_while_its_snapshot_is_being_written_is_acknowledged_once()
    {
        _files.Hold("op-src-0.operator");
        var checkpoint = _coordinator.TriggerAsync(CheckpointKind.Checkpoint, null, drain: false);
        _coordinator.OnSnapshotTaken(1, _source, [State("src", 0, "at-barrier")]);
        await _files.WaitUntilBlocked("op-src-0.operator");
        // The source reaches the end of its input while its barrier snapshot is still being written.
        _coordinator.OnSubtaskFinished(_source, [State("src", 0, "final")], awaitsFinalCommit: false);
        _coordinator.OnSnapshotTaken(1, _sink, [State("sink", 0, "sink")]);
        _files.Release("op-src-0.operator");
        var stats = await Within(checkpoint);
        await _coordinator.WhenWritesDoneAsync();

        Assert.Equal(1, stats.CheckpointId);
        Assert.Equal(1, _files.CreateCount("/chk/job/chk-1/op-src-0.operator"));
        var restored = _storage.Load("/chk/job/chk-1");
        restored.VerifyFilesPresent();
        var sourceEntry = restored.Metadata.Operators.Single(o => o.OperatorId == "src");
        Assert.Equal("at-barrier", ReadEntry(restored, sourceEntry));
        Assert.True(_files.FileExists(MetadataOf(1)));
        Assert.Empty(_jobFailures);
    }

    [Fact]
    public async Task A_late_acknowledgement_never_deletes_a_completed_checkpoint()
    {
        _files.Hold("op-src-0.operator");
        var checkpoint = _coordinator.TriggerAsync(CheckpointKind.Checkpoint, null, drain: false);
        _coordinator.OnSnapshotTaken(1, _source, [State("src", 0, "at-barrier")]);
        await _files.WaitUntilBlocked("op-src-0.operator");
        _coordinator.OnSnapshotTaken(1, _sink, [State("sink", 0, "sink")]);
        _coordinator.OnSubtaskFinished(_source, [State("src", 0, "final")], awaitsFinalCommit: false);
        _files.Release("op-src-0.operator");
        await Within(checkpoint);
        await _coordinator.WhenWritesDoneAsync();
        // Whatever else was acknowledged after it completed, the checkpoint stays complete and restorable.
        Assert.True(_files.FileExists(MetadataOf(1)));
        _storage.Load("/chk/job/chk-1").VerifyFilesPresent();
    }

    [Fact]
    public async Task Completing_a_savepoint_does_not_abort_a_pending_checkpoint()
    {
        var checkpoint = _coordinator.TriggerAsync(CheckpointKind.Checkpoint, null, drain: false);
        var savepoint = _coordinator.TriggerAsync(CheckpointKind.Savepoint, "/sp", drain: false);
        // The source took both barriers; the sink has the savepoint's barrier first (it was behind on the checkpoint).
        _coordinator.OnSnapshotTaken(1, _source, [State("src", 0, "c")]);
        _coordinator.OnSnapshotTaken(2, _source, [State("src", 0, "s")]);
        _coordinator.OnSnapshotTaken(2, _sink, [State("sink", 0, "s")]);
        var savepointStats = await Within(savepoint);
        Assert.True(savepointStats.IsSavepoint);
        _coordinator.OnSnapshotTaken(1, _sink, [State("sink", 0, "c")]);
        var checkpointStats = await Within(checkpoint);
        Assert.False(checkpointStats.IsSavepoint);
        Assert.True(_files.FileExists(MetadataOf(1)));
    }

    [Fact]
    public async Task A_plain_savepoint_does_not_ask_sinks_to_commit_but_a_checkpoint_does()
    {
        var savepoint = _coordinator.TriggerAsync(CheckpointKind.Savepoint, "/sp", drain: false);
        _coordinator.OnSnapshotTaken(1, _source, [State("src", 0, "s")]);
        _coordinator.OnSnapshotTaken(1, _sink, [State("sink", 0, "s")]);
        await Within(savepoint);
        Assert.DoesNotContain(Mail(_sink), m => m is NotifyCheckpointComplete);

        var checkpoint = _coordinator.TriggerAsync(CheckpointKind.Checkpoint, null, drain: false);
        _coordinator.OnSnapshotTaken(2, _source, [State("src", 0, "c")]);
        _coordinator.OnSnapshotTaken(2, _sink, [State("sink", 0, "c")]);
        await Within(checkpoint);
        var notify = Assert.IsType<NotifyCheckpointComplete>(Assert.Single(Mail(_sink), m => m is NotifyCheckpointComplete));
        Assert.Equal(2, notify.CheckpointId);
        Assert.False(notify.CoversEndOfInput);
    }

    [Fact]
    public async Task A_subtask_waiting_for_its_final_commit_gets_a_checkpoint_that_covers_its_end_of_input()
    {
        // The sink reached the end of its input; the source goes on (a statement set with a longer member).
        var before = _coordinator.TriggerAsync(CheckpointKind.Checkpoint, null, drain: false);
        _coordinator.OnSnapshotTaken(1, _source, [State("src", 0, "1")]);
        _coordinator.OnSnapshotTaken(1, _sink, [State("sink", 0, "1")]);
        _coordinator.OnSubtaskFinished(_sink, [State("sink", 0, "final")], awaitsFinalCommit: true);
        await Within(before);
        var first = Assert.IsType<NotifyCheckpointComplete>(Assert.Single(Mail(_sink), m => m is NotifyCheckpointComplete));
        Assert.False(first.CoversEndOfInput); // its barrier snapshot came before its end of input

        var next = _coordinator.TriggerAsync(CheckpointKind.Checkpoint, null, drain: false);
        _coordinator.OnSnapshotTaken(2, _source, [State("src", 0, "2")]);
        await Within(next);
        var second = Assert.IsType<NotifyCheckpointComplete>(Assert.Single(Mail(_sink), m => m is NotifyCheckpointComplete));
        Assert.True(second.CoversEndOfInput);
        var restored = _storage.Load("/chk/job/chk-2");
        Assert.Equal("final", ReadEntry(restored, restored.Metadata.Operators.Single(o => o.OperatorId == "sink")));
    }

    [Fact]
    public async Task When_every_subtask_ended_a_final_checkpoint_is_taken_at_once()
    {
        _coordinator.OnSubtaskFinished(_source, [State("src", 0, "end")], awaitsFinalCommit: false);
        _coordinator.OnSubtaskFinished(_sink, [State("sink", 0, "final")], awaitsFinalCommit: true);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        NotifyCheckpointComplete? notify = null;
        while (notify is null && DateTime.UtcNow < deadline)
        {
            notify = Mail(_sink).OfType<NotifyCheckpointComplete>().FirstOrDefault();
            if (notify is null) await Task.Delay(10);
        }
        Assert.NotNull(notify);
        Assert.True(notify!.CoversEndOfInput);
        Assert.True(_files.FileExists(MetadataOf(notify.CheckpointId)), $"no {MetadataOf(notify.CheckpointId)}; dirs: {string.Join(",", _files.ListDirectories("/chk/job"))}");
    }

    [Fact]
    public async Task A_bounded_job_with_a_short_interval_takes_exactly_one_final_checkpoint()
    {
        // The periodic trigger ticks every 20 ms (after a 1 s pause behind each completed checkpoint, so none is in flight
        // when the input ends) while the final checkpoint, taken when every subtask ended, is held finalizing: it must not
        // start another one that covers the end of input again.
        var source = new SubtaskPort(0, "Source (1/1)", isSource: true);
        var sink = new SubtaskPort(1, "Sink (1/1)", isSource: false);
        var configuration = Configuration.Empty.With("execution.checkpointing.timeout", "30s")
            .With("execution.checkpointing.interval", "20 ms").With("execution.checkpointing.min-pause", "1 s");
        using var coordinator = new CheckpointCoordinator("job", configuration, _storage, new CheckpointHistory(1), [source, sink],
            e => { lock (_jobFailures) _jobFailures.Add(e); }, () => { });
        coordinator.OnSubtaskOpened(source);
        coordinator.OnSubtaskOpened(sink);
        coordinator.Start();
        var notifications = new List<NotifyCheckpointComplete>();
        async Task CollectUntil(Func<bool> done)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            do
            {
                notifications.AddRange(Mail(sink).OfType<NotifyCheckpointComplete>());
                if (done()) return;
                await Task.Delay(5);
            } while (DateTime.UtcNow < deadline);
        }

        // A periodic checkpoint while the source runs.
        await CollectUntil(() => source.Mailbox.HasMail);
        var barrier = Assert.IsType<TriggerBarrier>(Assert.Single(Mail(source))).Barrier;
        coordinator.OnSnapshotTaken(barrier.CheckpointId, source, [State("src", 0, "1")]);
        coordinator.OnSnapshotTaken(barrier.CheckpointId, sink, [State("sink", 0, "1")]);
        await CollectUntil(() => notifications.Count > 0);

        _files.Hold("op-sink-0.operator");
        coordinator.OnSubtaskFinished(source, [State("src", 0, "end")], awaitsFinalCommit: false);
        coordinator.OnSubtaskFinished(sink, [State("sink", 0, "final")], awaitsFinalCommit: true);
        await _files.WaitUntilBlocked("op-sink-0.operator");
        await Task.Delay(1500); // the pause ends and the trigger ticks while the final checkpoint is finalizing
        _files.Release("op-sink-0.operator");
        await CollectUntil(() => notifications.Any(n => n.CoversEndOfInput));
        await Task.Delay(300); // and it ticks on after that completed
        await CollectUntil(() => true);
        await coordinator.WhenWritesDoneAsync();

        Assert.Equal([barrier.CheckpointId, barrier.CheckpointId + 1], notifications.Select(n => n.CheckpointId));
        Assert.Equal([false, true], notifications.Select(n => n.CoversEndOfInput));
        Assert.Equal(["chk-1", "chk-2"], _files.ListDirectories("/chk/job").Select(d => Path.GetFileName(d)).Order());
        Assert.Empty(_jobFailures);
    }

    [Fact]
    public async Task No_checkpoint_starts_while_or_after_a_savepoint_before_cancel_is_taken()
    {
        var savepoint = _coordinator.TriggerSavepointBeforeCancelAsync("/sp", CancellationToken.None);
        while (!_source.Mailbox.HasMail) await Task.Delay(5);
        // A checkpoint completing between the savepoint and the cancel would publish output the savepoint does not cover.
        var during = await Assert.ThrowsAsync<InvalidOperationException>(() => _coordinator.TriggerAsync(CheckpointKind.Checkpoint, null, drain: false));
        Assert.Contains("cancelled with a savepoint", during.Message);
        _coordinator.OnSnapshotTaken(1, _source, [State("src", 0, "s")]);
        _coordinator.OnSnapshotTaken(1, _sink, [State("sink", 0, "s")]);
        Assert.True((await Within(savepoint)).IsSavepoint);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _coordinator.TriggerAsync(CheckpointKind.Checkpoint, null, drain: false));
    }

    [Fact]
    public async Task A_stop_whose_subtasks_are_gone_before_they_commit_still_completes()
    {
        var stop = _coordinator.TriggerAsync(CheckpointKind.SavepointAndStop, "/sp", drain: false);
        _coordinator.OnSnapshotTaken(1, _source, [State("src", 0, "s")]);
        // The run ends (another subtask failed, the process shuts down) before the savepoint's notifications are read.
        _coordinator.OnSubtaskExited(_source);
        _coordinator.OnSubtaskExited(_sink);
        _coordinator.OnSnapshotTaken(1, _sink, [State("sink", 0, "s")]);
        Assert.True((await Within(stop)).IsSavepoint);
    }

    [Fact]
    public async Task A_checkpoint_whose_state_write_fails_is_aborted_and_its_late_files_are_removed()
    {
        _files.FailOn("op-sink-0.operator");
        var checkpoint = _coordinator.TriggerAsync(CheckpointKind.Checkpoint, null, drain: false);
        _files.Hold("op-src-0.operator");
        _coordinator.OnSnapshotTaken(1, _source, [State("src", 0, "1")]);
        await _files.WaitUntilBlocked("op-src-0.operator");
        _coordinator.OnSnapshotTaken(1, _sink, [State("sink", 0, "1")]);
        var error = await Assert.ThrowsAsync<CheckpointFailedException>(() => Within(checkpoint));
        Assert.Contains("could not write its state", error.Message);
        _files.Release("op-src-0.operator");
        await _coordinator.WhenWritesDoneAsync();
        Assert.False(_files.DirectoryExists("/chk/job/chk-1"));
    }

    private static List<MailboxItem> Mail(SubtaskPort port)
    {
        var items = new List<MailboxItem>();
        while (port.Mailbox.TryTake(out var item)) items.Add(item);
        return items;
    }

    private static string ReadEntry(CompletedCheckpoint checkpoint, OperatorStateEntry entry)
    {
        var backend = new OperatorStateBackend();
        backend.Restore([entry.Subtasks[0].OperatorState!], checkpoint, 0, 1);
        return System.Text.Encoding.UTF8.GetString(backend.GetListState("s").Get()[0]);
    }

    /// <summary>In-memory storage whose writes of chosen files wait on a gate (or fail), counting how often each file is created.</summary>
    private sealed class GatedFileSystem : IStateFileSystem
    {
        private readonly InMemoryStateFileSystem _inner = new();
        private readonly Dictionary<string, TaskCompletionSource> _gates = new();
        private readonly Dictionary<string, TaskCompletionSource> _blocked = new();
        private readonly Dictionary<string, int> _creates = new();
        private readonly HashSet<string> _failing = new();

        public void Hold(string fileName)
        {
            lock (_gates)
            {
                _gates[fileName] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _blocked[fileName] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public void Release(string fileName)
        {
            lock (_gates) _gates[fileName].TrySetResult();
        }

        public void FailOn(string fileName)
        {
            lock (_gates) _failing.Add(fileName);
        }

        public Task WaitUntilBlocked(string fileName)
        {
            lock (_gates) return _blocked[fileName].Task.WaitAsync(TimeSpan.FromSeconds(20));
        }

        public int CreateCount(string path)
        {
            lock (_gates) return _creates.GetValueOrDefault(path);
        }

        public Stream Create(string path)
        {
            var name = Path.GetFileName(path);
            Task? gate = null;
            lock (_gates)
            {
                _creates[path] = _creates.GetValueOrDefault(path) + 1;
                if (_failing.Contains(name)) throw new IOException($"disk full writing {path}");
                if (_gates.TryGetValue(name, out var g))
                {
                    gate = g.Task;
                    _blocked[name].TrySetResult();
                }
            }
            gate?.Wait(TimeSpan.FromSeconds(20));
            return _inner.Create(path);
        }

        public Stream OpenRead(string path) => _inner.OpenRead(path);
        public bool FileExists(string path) => _inner.FileExists(path);
        public long Length(string path) => _inner.Length(path);
        public void WriteAtomically(string path, ReadOnlySpan<byte> content) => _inner.WriteAtomically(path, content);
        public IReadOnlyList<string> ListDirectories(string path) => _inner.ListDirectories(path);
        public IReadOnlyList<string> ListFiles(string path) => _inner.ListFiles(path);
        public bool DirectoryExists(string path) => _inner.DirectoryExists(path);
        public void DeleteFile(string path) => _inner.DeleteFile(path);
        public void DeleteDirectory(string path) => _inner.DeleteDirectory(path);
        public void Sync(string path) => _inner.Sync(path);
    }
}
