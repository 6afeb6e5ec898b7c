using StreamSql.Execution.Checkpointing;

namespace StreamSql.Execution.State;

/// <summary>The kinds of keyed state. The numbers are part of the snapshot format.</summary>
public enum StateKind : byte
{
    Value = 1,
    List = 2,
    Map = 3,
    /// <summary>A <see cref="Groups.GroupTable"/> without namespaces: one entry per group, empty user key.</summary>
    Groups = 4,
    /// <summary>A namespaced <see cref="Groups.GroupTable"/>: one entry per (key, namespace), the namespace as user key.</summary>
    NamespacedGroups = 5,
}

/// <summary>Which snapshot a checkpoint barrier asks for.</summary>
public enum SnapshotType
{
    /// <summary>A checkpoint: the backend's own format (rocksdb: incremental when configured).</summary>
    Checkpoint,
    /// <summary>A savepoint: the canonical, self-contained format any backend restores, at any parallelism.</summary>
    Savepoint,
}

/// <summary>
/// Keyed state of one operator subtask, partitioned by key group. One thread drives it (the subtask's), Flink style:
/// <see cref="SetCurrentKey"/> selects the key the state handles then read and write. Keys and values are bytes
/// (see <see cref="KeySerializer"/>); arrays returned by reads must not be modified.
/// </summary>
public interface IKeyedStateBackend : IDisposable
{
    /// <summary><c>hashmap</c> or <c>rocksdb</c>.</summary>
    string Name { get; }

    KeyGroupRange KeyGroupRange { get; }

    int MaxParallelism { get; }

    /// <summary>Selects the key (copied) and its key group for the following state accesses.</summary>
    void SetCurrentKey(ReadOnlySpan<byte> key, int keyGroup);

    ReadOnlySpan<byte> CurrentKey { get; }

    int CurrentKeyGroup { get; }

    IValueState GetValueState(string name);

    IListState GetListState(string name);

    IMapState GetMapState(string name);

    /// <summary>
    /// The columnar group table <paramref name="name"/> (created on first call; restored groups load when the operator
    /// first uses it, after adding its columns). Snapshot with the rest of the keyed state, per key group.
    /// </summary>
    Groups.GroupTable GetGroupTable(string name, Groups.GroupTableSpec spec);

    /// <summary>Event-time timers of this backend's keys, stored with the state (so they are snapshot and rescaled with it).</summary>
    EventTimeTimerService Timers { get; }

    /// <summary>
    /// The synchronous part of a snapshot: captures a consistent view (cheap) and returns the asynchronous part, which may
    /// run on another thread while processing goes on.
    /// </summary>
    IKeyedStateSnapshot Snapshot(long checkpointId, SnapshotType type);

    /// <summary>Every key with a value in state <paramref name="name"/> (tests, debugging, state migration); not for hot paths.</summary>
    IEnumerable<(int KeyGroup, byte[] Key)> Keys(string name);
}

/// <summary>The asynchronous part of a keyed-state snapshot. <see cref="Write"/> may run on any thread, concurrently with
/// processing; it releases what the snapshot holds, and so does <see cref="IDisposable.Dispose"/> for a snapshot that is
/// dropped unwritten. Write or dispose every snapshot before disposing its backend.</summary>
public interface IKeyedStateSnapshot : IDisposable
{
    /// <summary>Writes the captured state under the file name prefix <paramref name="fileName"/> (e.g. <c>op-ab12-2</c>).</summary>
    KeyedStateHandle Write(ICheckpointWriter target, string fileName, CancellationToken cancellationToken);
}

/// <summary>A single value per key.</summary>
public interface IValueState
{
    byte[]? Value();
    void Update(ReadOnlySpan<byte> value);
    void Clear();
}

/// <summary>A list of values per key, in insertion order.</summary>
public interface IListState
{
    /// <summary>The elements (empty when none); a copy the caller may keep.</summary>
    IReadOnlyList<byte[]> Get();
    void Add(ReadOnlySpan<byte> value);
    void Update(IReadOnlyList<byte[]> values);
    void Clear();
}

/// <summary>A map from user keys to values per key.</summary>
public interface IMapState
{
    byte[]? Get(ReadOnlySpan<byte> userKey);
    bool Contains(ReadOnlySpan<byte> userKey);
    void Put(ReadOnlySpan<byte> userKey, ReadOnlySpan<byte> value);
    void Remove(ReadOnlySpan<byte> userKey);
    /// <summary>The entries (hashmap: unordered; rocksdb: in user-key byte order); a copy the caller may keep.</summary>
    IReadOnlyList<KeyValuePair<byte[], byte[]>> Entries();
    bool IsEmpty();
    void Clear();
}
