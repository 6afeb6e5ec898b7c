using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.State.HashMap;

/// <summary>
/// Keyed state in memory: per state and key group a dictionary from key bytes to the value (value state: <c>byte[]</c>,
/// list state: <see cref="ListValue"/>, map state: <see cref="MapValue"/>).
/// <para>Snapshots are copy-on-write: the synchronous part only captures the current dictionaries and starts a new epoch;
/// while a snapshot is being written, the first write to a captured dictionary (or list / map value) copies it, so the
/// snapshot keeps an unchanging view without locks. With no snapshot in flight, writes go in place.</para>
/// </summary>
public sealed class HashMapKeyedStateBackend : IKeyedStateBackend, ITimerStore
{
    private readonly StateRegistry _states = new();
    private readonly List<StateTable[]?> _tables = new();
    private readonly Dictionary<string, GroupTable> _groupTables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupRowWrites> _restoredGroups = new(StringComparer.Ordinal);
    private long _epoch;
    private int _pendingSnapshots;
    private byte[] _currentKey = new byte[32];
    private int _currentKeyLength;
    private int _currentKeyGroup = -1;

    public HashMapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism)
    {
        KeyGroupRange = keyGroupRange;
        MaxParallelism = maxParallelism;
        Timers = new EventTimeTimerService(this, this);
    }

    public string Name => "hashmap";
    public KeyGroupRange KeyGroupRange { get; }
    public int MaxParallelism { get; }
    public EventTimeTimerService Timers { get; }
    public ReadOnlySpan<byte> CurrentKey => _currentKey.AsSpan(0, _currentKeyLength);
    public int CurrentKeyGroup => _currentKeyGroup;

    public void SetCurrentKey(ReadOnlySpan<byte> key, int keyGroup)
    {
        if (!KeyGroupRange.Contains(keyGroup))
            throw new InvalidOperationException($"key group {keyGroup} is not in this subtask's range {KeyGroupRange}");
        if (key.Length > _currentKey.Length) _currentKey = new byte[Math.Max(key.Length, _currentKey.Length * 2)];
        key.CopyTo(_currentKey);
        _currentKeyLength = key.Length;
        _currentKeyGroup = keyGroup;
    }

    public IValueState GetValueState(string name) => (IValueState)Handle(name, StateKind.Value);
    public IListState GetListState(string name) => (IListState)Handle(name, StateKind.List);
    public IMapState GetMapState(string name) => (IMapState)Handle(name, StateKind.Map);

    private object Handle(string name, StateKind kind)
    {
        return _states.Handle(Register(name, kind), state => state.Kind switch
        {
            StateKind.Value => new HashMapValueState(this, state.Id),
            StateKind.List => new HashMapListState(this, state.Id),
            _ => new HashMapMapState(this, state.Id),
        });
    }

    internal StateInfo Register(string name, StateKind kind)
    {
        var info = _states.GetOrAdd(name, kind, out bool added);
        if (!added) return info;
        if (kind is StateKind.Groups or StateKind.NamespacedGroups)
        {
            _tables.Add(null);
            return info;
        }
        var tables = new StateTable[KeyGroupRange.Count];
        for (int i = 0; i < tables.Length; i++) tables[i] = new StateTable(_epoch);
        _tables.Add(tables);
        return info;
    }

    /// <summary>The table of state <paramref name="id"/> for <paramref name="keyGroup"/>, for reading.</summary>
    internal Dictionary<byte[], object>.AlternateLookup<ReadOnlySpan<byte>> Read(ushort id, int keyGroup) =>
        _tables[id]![CheckKey(keyGroup) - KeyGroupRange.Start].Map.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>The table of state <paramref name="id"/> for <paramref name="keyGroup"/>, for writing (copied first if a snapshot holds it).</summary>
    internal Dictionary<byte[], object> Write(ushort id, int keyGroup)
    {
        var table = _tables[id]![CheckKey(keyGroup) - KeyGroupRange.Start];
        if (table.Epoch != _epoch)
        {
            if (Volatile.Read(ref _pendingSnapshots) > 0) table.Map = new Dictionary<byte[], object>(table.Map, ByteArrayComparer.Instance);
            table.Epoch = _epoch;
        }
        return table.Map;
    }

    /// <summary>Whether a list or map value of an older epoch must be copied before it is changed.</summary>
    internal bool MustCopy(long valueEpoch) => valueEpoch != _epoch && Volatile.Read(ref _pendingSnapshots) > 0;

    internal long Epoch => _epoch;

    private static int CheckKey(int keyGroup) =>
        keyGroup >= 0 ? keyGroup : throw new InvalidOperationException("no current key: call SetCurrentKey first");

    /// <inheritdoc/>
    public GroupTable GetGroupTable(string name, GroupTableSpec spec)
    {
        if (_groupTables.TryGetValue(name, out var existing))
            return existing.Spec.Namespaced == spec.Namespaced && existing.Spec.KeyTypes.SequenceEqual(spec.KeyTypes)
                ? existing
                : throw new InvalidOperationException($"grouped state '{name}' is declared twice with different keys");
        var info = Register(name, spec.Namespaced ? StateKind.NamespacedGroups : StateKind.Groups);
        var table = new GroupTable(name, info.Id, spec, KeyGroupRange, MaxParallelism, store: null);
        _groupTables.Add(name, table);
        if (_restoredGroups.Remove(name, out var rows)) table.AddRestored(rows);
        return table;
    }

    public IKeyedStateSnapshot Snapshot(long checkpointId, SnapshotType type)
    {
        var states = _states.ToArray();
        var captured = new Dictionary<byte[], object>[states.Length][];
        for (int s = 0; s < states.Length; s++)
        {
            var tables = _tables[s];
            if (tables is null) continue;
            var maps = new Dictionary<byte[], object>[tables.Length];
            for (int g = 0; g < tables.Length; g++) maps[g] = tables[g].Map;
            captured[s] = maps;
        }
        var groupTables = new List<GroupTableSnapshot>(_groupTables.Count);
        foreach (var table in _groupTables.Values) groupTables.Add(table.Capture());
        Interlocked.Increment(ref _pendingSnapshots);
        _epoch++;
        return new HashMapSnapshot(this, states, captured, groupTables);
    }

    internal void SnapshotDone() => Interlocked.Decrement(ref _pendingSnapshots);

    /// <summary>Loads the key groups this backend owns from snapshots of any parallelism (canonical format only).</summary>
    public void Restore(IReadOnlyList<KeyedStateHandle> handles, IStateFileReader reader)
    {
        foreach (var handle in handles)
        {
            if (handle.KeyGroups.Intersect(KeyGroupRange).IsEmpty) continue;
            if (handle.Format != KeyedStateFormats.Canonical)
                throw new CheckpointFormatException(
                    $"state file {handle.Files[0].RelativePath} is a RocksDB incremental checkpoint: restore it with 'state.backend.type' = 'rocksdb', or restore from a savepoint");
            var file = handle.Files[0];
            CanonicalSnapshotReader.Read(reader.ReadAll(file), file.RelativePath, handle, KeyGroupRange, Insert);
        }
        foreach (var (name, table) in _groupTables)
            if (_restoredGroups.Remove(name, out var rows)) table.AddRestored(rows);
        Timers.Reload();
    }

    private void Insert(StateInfo state, int keyGroup, ReadOnlySpan<byte> key, ReadOnlySpan<byte> userKey, ReadOnlySpan<byte> value)
    {
        var info = Register(state.Name, state.Kind);
        if (info.Kind is StateKind.Groups or StateKind.NamespacedGroups)
        {
            // Kept until the operator declares the table (its columns read the rows).
            if (!_restoredGroups.TryGetValue(info.Name, out var rows)) _restoredGroups.Add(info.Name, rows = new GroupRowWrites());
            rows.Put(keyGroup, GroupTable.DecodeNamespace(userKey), key, value);
            return;
        }
        var map = _tables[info.Id]![keyGroup - KeyGroupRange.Start].Map;
        switch (info.Kind)
        {
            case StateKind.Value:
                map[key.ToArray()] = value.ToArray();
                break;
            case StateKind.List:
                map[key.ToArray()] = new ListValue(ListEncoding.Decode(value), _epoch);
                break;
            default:
                var lookup = map.GetAlternateLookup<ReadOnlySpan<byte>>();
                if (!lookup.TryGetValue(key, out var existing))
                {
                    existing = new MapValue(new Dictionary<byte[], byte[]>(ByteArrayComparer.Instance), _epoch);
                    map[key.ToArray()] = existing;
                }
                ((MapValue)existing).Entries[userKey.ToArray()] = value.ToArray();
                break;
        }
    }

    public IEnumerable<(int KeyGroup, byte[] Key)> Keys(string name)
    {
        if (!_states.TryGet(name, out var state)) yield break;
        var tables = _tables[state.Id];
        if (tables is null) yield break;
        for (int g = 0; g < tables.Length; g++)
            foreach (var key in tables[g].Map.Keys)
                yield return (KeyGroupRange.Start + g, key);
    }

    void ITimerStore.PutTimer(int keyGroup, ReadOnlySpan<byte> key, long timestamp)
    {
        Span<byte> ts = stackalloc byte[8];
        EventTimeTimerService.EncodeTimestamp(timestamp, ts);
        ((HashMapMapState)GetMapState(EventTimeTimerService.StateName)).PutFor(keyGroup, key, ts, ReadOnlySpan<byte>.Empty);
    }

    void ITimerStore.DeleteTimer(int keyGroup, ReadOnlySpan<byte> key, long timestamp)
    {
        Span<byte> ts = stackalloc byte[8];
        EventTimeTimerService.EncodeTimestamp(timestamp, ts);
        ((HashMapMapState)GetMapState(EventTimeTimerService.StateName)).RemoveFor(keyGroup, key, ts);
    }

    IEnumerable<Timer> ITimerStore.LoadTimers()
    {
        if (!_states.TryGet(EventTimeTimerService.StateName, out var state)) yield break;
        var tables = _tables[state.Id]!;
        for (int g = 0; g < tables.Length; g++)
            foreach (var (key, value) in tables[g].Map)
                foreach (var userKey in ((MapValue)value).Entries.Keys)
                    yield return new Timer(EventTimeTimerService.DecodeTimestamp(userKey), KeyGroupRange.Start + g, key);
    }

    public void Dispose()
    {
        foreach (var table in _groupTables.Values) table.Release();
    }

    /// <summary>One state's entries of one key group; <see cref="Epoch"/> says which snapshot epoch created <see cref="Map"/>.</summary>
    internal sealed class StateTable(long epoch)
    {
        public Dictionary<byte[], object> Map = new(ByteArrayComparer.Instance);
        public long Epoch = epoch;
    }
}

/// <summary>A list state's elements for one key, with the epoch that may modify it in place.</summary>
internal sealed class ListValue(List<byte[]> items, long epoch)
{
    public readonly List<byte[]> Items = items;
    public long Epoch = epoch;
}

/// <summary>A map state's entries for one key, with the epoch that may modify it in place.</summary>
internal sealed class MapValue(Dictionary<byte[], byte[]> entries, long epoch)
{
    public readonly Dictionary<byte[], byte[]> Entries = entries;
    public long Epoch = epoch;
}
