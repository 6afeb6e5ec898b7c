using StreamSql.Execution.Checkpointing;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.State;

/// <summary>
/// The state of one operator subtask: its operator (non-keyed) state, and its keyed state, created on first use with the
/// backend <c>state.backend.type</c> names. The runtime restores both before the operator opens and snapshots both on
/// every checkpoint barrier, after the operator has seen the barrier.
/// </summary>
public sealed class OperatorStateStore : IDisposable
{
    private readonly Configuration _configuration;
    private readonly string _jobName;
    private IKeyedStateBackend? _keyed;

    /// <summary>A store for an operator outside a job (tests): operator state works, keyed state uses the hashmap backend.</summary>
    public OperatorStateStore() : this(Configuration.Empty, "job", "operator", 0, 1, 128) { }

    public OperatorStateStore(Configuration configuration, string jobName, string operatorId, int subtaskIndex, int parallelism, int maxParallelism)
    {
        _configuration = configuration;
        _jobName = jobName;
        OperatorId = operatorId;
        SubtaskIndex = subtaskIndex;
        Parallelism = parallelism;
        MaxParallelism = maxParallelism;
    }

    public string OperatorId { get; }

    /// <summary>The operator's description (recorded in checkpoints for reports).</summary>
    public string OperatorName { get; init; } = "";

    public int SubtaskIndex { get; }
    public int Parallelism { get; }
    public int MaxParallelism { get; }

    /// <summary>True when the job started from a checkpoint or savepoint that had state for this operator.</summary>
    public bool IsRestored { get; private set; }

    public OperatorStateBackend OperatorState { get; } = new();

    /// <summary>The keyed state backend of this subtask (its key groups), created on first access.</summary>
    public IKeyedStateBackend KeyedState => _keyed ??= StateBackends.CreateKeyed(_configuration, _jobName, OperatorId, SubtaskIndex, Parallelism, MaxParallelism);

    internal bool HasKeyedState => _keyed is not null;

    /// <summary>Loads this subtask's share of an operator's state from a checkpoint (any old parallelism).</summary>
    internal void Restore(OperatorStateEntry entry, IStateFileReader reader)
    {
        var operatorFiles = new List<StateFileHandle>();
        var keyed = new List<KeyedStateHandle>();
        var subtasks = new List<SubtaskStateHandle>(entry.Subtasks);
        subtasks.Sort((a, b) => a.SubtaskIndex.CompareTo(b.SubtaskIndex));
        foreach (var subtask in subtasks)
        {
            if (subtask.OperatorState is not null) operatorFiles.Add(subtask.OperatorState);
            if (subtask.Keyed is not null) keyed.Add(subtask.Keyed);
        }
        if (operatorFiles.Count > 0) OperatorState.Restore(operatorFiles, reader, SubtaskIndex, Parallelism);
        if (keyed.Count > 0) StateBackends.Restore(KeyedState, keyed, reader);
        IsRestored = true;
    }

    /// <summary>The synchronous part of a snapshot; <see cref="CapturedState.Write"/> is the asynchronous part.</summary>
    internal CapturedState Capture(long checkpointId, SnapshotType type) =>
        new(OperatorId, SubtaskIndex, Parallelism, MaxParallelism, OperatorState.Snapshot(), _keyed?.Snapshot(checkpointId, type)) { OperatorName = OperatorName };

    /// <summary>The state a finished subtask leaves for every later checkpoint: its operator state only (see docs/checkpoints.md).</summary>
    internal CapturedState CaptureFinal() => new(OperatorId, SubtaskIndex, Parallelism, MaxParallelism, OperatorState.Snapshot(), null) { OperatorName = OperatorName };

    public void Dispose() => _keyed?.Dispose();
}

/// <summary>One operator subtask's state as captured at a barrier, waiting to be written.</summary>
internal sealed class CapturedState(string operatorId, int subtaskIndex, int parallelism, int maxParallelism, OperatorStateSnapshot operatorState,
    IKeyedStateSnapshot? keyed) : IDisposable
{
    public int Parallelism { get; } = parallelism;
    public int MaxParallelism { get; } = maxParallelism;
    public string OperatorName { get; init; } = "";

    private bool _keyedReleased;

    public string OperatorId { get; } = operatorId;

    public SubtaskStateHandle Write(ICheckpointWriter writer, CancellationToken cancellationToken)
    {
        var prefix = StateBackends.FileNamePrefix(OperatorId, subtaskIndex);
        KeyedStateHandle? keyedHandle = null;
        if (keyed is not null)
        {
            _keyedReleased = true;
            keyedHandle = keyed.Write(writer, prefix, cancellationToken);
        }
        return new SubtaskStateHandle(subtaskIndex, keyedHandle, operatorState.Write(writer, prefix));
    }

    public void Dispose()
    {
        if (_keyedReleased) return;
        _keyedReleased = true;
        keyed?.Dispose();
    }
}
