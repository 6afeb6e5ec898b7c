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
    private readonly List<Action> _beforeSnapshot = new();
    private readonly Dictionary<string, object> _helpers = new(StringComparer.Ordinal);

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

    /// <summary>What the job's rocksdb backends share (one block cache); null outside a job.</summary>
    public RocksDb.RocksDbResources? RocksDbResources { get; init; }

    /// <summary>The keyed state backend of this subtask (its key groups), created on first access.</summary>
    public IKeyedStateBackend KeyedState => _keyed ??=
        StateBackends.CreateKeyed(_configuration, _jobName, OperatorId, SubtaskIndex, Parallelism, MaxParallelism, RocksDbResources);

    internal bool HasKeyedState => _keyed is not null;

    /// <summary>
    /// The subtask's timers by (namespace, timestamp) named <paramref name="name"/> (created on first call, restored from the
    /// checkpoint; saved before every snapshot). See <see cref="Timers.NamespaceTimerService"/>.
    /// </summary>
    public Timers.NamespaceTimerService NamespaceTimers(string name = "timers") =>
        Helper("_timers." + name, () => new Timers.NamespaceTimerService(OperatorState.GetUnionListState("_timers." + name)), t => t.Save());

    /// <summary>The subtask's current watermark, restored from the checkpoint (saved before every snapshot).</summary>
    public Timers.WatermarkTracker Watermark() =>
        Helper("_watermark", () => new Timers.WatermarkTracker(OperatorState.GetUnionListState("_watermark"), SubtaskIndex, Parallelism), w => w.Save());

    private T Helper<T>(string name, Func<T> create, Action<T> save) where T : class
    {
        if (_helpers.TryGetValue(name, out var existing)) return (T)existing;
        var helper = create();
        _helpers.Add(name, helper);
        _beforeSnapshot.Add(() => save(helper));
        return helper;
    }

    private void BeforeSnapshot()
    {
        foreach (var save in _beforeSnapshot) save();
    }

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
    internal CapturedState Capture(long checkpointId, SnapshotType type)
    {
        BeforeSnapshot();
        return new(OperatorId, SubtaskIndex, Parallelism, MaxParallelism, OperatorState.Snapshot(), _keyed?.Snapshot(checkpointId, type)) { OperatorName = OperatorName };
    }

    /// <summary>
    /// The state a finished subtask leaves for every later checkpoint: its operator state only (a source's end position,
    /// a sink's pending commit). Its keyed state is not written, as Flink does not write the state of finished operators
    /// (FLIP-147): every input of the subtask has ended, so after a restore (at any parallelism) its key groups receive
    /// no row, and a window or timer fired at the end of input finds nothing left to emit. Writing it (a join's every
    /// stored row) into the final checkpoint and again into each later one cost as much as the job's processing.
    /// </summary>
    internal CapturedState CaptureFinal()
    {
        BeforeSnapshot();
        return new CapturedState(OperatorId, SubtaskIndex, Parallelism, MaxParallelism, OperatorState.Snapshot(), keyed: null)
        {
            OperatorName = OperatorName,
        };
    }

    public void Dispose()
    {
        _keyed?.Dispose();
    }
}

/// <summary>One operator subtask's state as captured at a barrier, waiting to be written (a finished subtask's final state:
/// into every later checkpoint).</summary>
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
