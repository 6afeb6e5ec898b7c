using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>An operator's state in a completed checkpoint: what a harness restores from.</summary>
internal sealed record HarnessCheckpoint(CompletedCheckpoint Checkpoint, OperatorStateEntry Entry);

/// <summary>
/// Checkpoint storage for harnesses (in memory): completes the states captured from every subtask of one operator into a
/// checkpoint (or savepoint) with <c>_metadata</c>, exactly as the coordinator writes them, so that restoring goes through
/// the runtime's own restore path (files, offsets, key-group filtering).
/// </summary>
internal sealed class HarnessCheckpoints
{
    public const string OperatorId = "op-under-test";

    private readonly CheckpointStorage _storage = new(new InMemoryStateFileSystem(), "/checkpoints", "harness", "/savepoints", numRetained: 100,
        random: new Random(11));

    /// <summary>Writes the captured states (one per subtask, in subtask order) and completes the checkpoint.</summary>
    public HarnessCheckpoint Complete(long checkpointId, IReadOnlyList<CapturedState> subtasks, bool savepoint = false)
    {
        var writer = savepoint ? _storage.BeginSavepoint(checkpointId) : _storage.BeginCheckpoint(checkpointId);
        var handles = new List<SubtaskStateHandle>();
        foreach (var state in subtasks) handles.Add(state.Write(writer, CancellationToken.None));
        var entry = new OperatorStateEntry(OperatorId, subtasks[0].Parallelism, subtasks[0].MaxParallelism, handles);
        var completed = _storage.Complete(writer, new CheckpointMetadata(checkpointId, 1_700_000_000_000 + checkpointId, "harness", savepoint, [entry]));
        return new HarnessCheckpoint(completed, completed.Metadata.Operators[0]);
    }

    /// <summary>Snapshots every harness (barrier, capture) and completes one checkpoint of them all.</summary>
    public async Task<HarnessCheckpoint> SnapshotAsync(long checkpointId, IReadOnlyList<OperatorTestHarness> subtasks, bool savepoint = false)
    {
        var states = new List<CapturedState>();
        foreach (var h in subtasks) states.Add(await h.SnapshotAsync(checkpointId, savepoint));
        return Complete(checkpointId, states, savepoint);
    }
}
