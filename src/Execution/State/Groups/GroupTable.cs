using System.Buffers.Binary;
using System.Numerics;
using Apache.Arrow;
using StreamSql.Execution.Runtime;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// The columnar keyed state of one operator subtask (DataFusion's <c>GroupValues</c> plus its <c>GroupsAccumulator</c>s,
/// made durable): serialized key (and namespace) → dense group index, and per-group state in <see cref="IGroupColumn"/>s
/// indexed by it. Built a batch at a time: <see cref="Resolve(RecordBatch, IReadOnlyList{int}, ReadOnlySpan{int}, ReadOnlySpan{bool})"/>
/// serializes the key columns of every row at once, finds or creates every row's group, and hands the group indexes to the
/// columns' typed update loops; no allocation per row.
/// <para>Every group belongs to the key group of its key (Flink's assignment; the hash the exchange used), so the table
/// is snapshot per key group in the canonical format and restores into either backend at any parallelism. With the
/// hashmap backend it lives in memory and snapshots copy-on-write (<see cref="SnapshotEpoch"/>); with rocksdb it is a
/// bounded cache over rows in RocksDB, read with one sorted multi-get for a batch's new keys; a changed group is written
/// back (one write batch per flush, in key order) only when it is evicted or a checkpoint flushes the cache.</para>
/// <para>Group indexes stay valid until the group is removed; with rocksdb only until the next Resolve (a full cache
/// evicts then), so operators keep keys, not indexes, across batches. Columns are added before the first use; restored
/// groups are loaded then.</para>
/// </summary>
public sealed class GroupTable
{
    private byte[] _keyScratch = new byte[64];
    private readonly GroupKeyIndex _index;
    private readonly List<IGroupColumn> _columns = new();
    private readonly IGroupRowStore? _store;
    private readonly KeyDecoder _decoder;
    private readonly GroupBatch _batch = new();
    private readonly SerializedKeys _keys = new();
    private readonly List<KeySerializer> _serializers = new();
    private readonly Dictionary<long, IntList>? _namespaces;
    private readonly StateRowWriter _row = new();
    private int[] _hashes = new int[256];
    private readonly bool _integerKeys;
    private readonly DistinctIntegerKeys? _distinctKeys;
    private int[] _keyGroups = [];
    private byte[] _encodedKeys = [];
    private int[] _encodedOffsets = [];
    private SnapshotEntryBuffers? _spareSnapshotBuffers;
    private long[] _values = [];
    private bool[] _nulls = [];
    private uint[] _valueHashes = [];
    private ulong[] _scratchBits = new ulong[4];
    private bool _namespacesStale;
    private bool _sealed;
    private List<GroupRowWrites>? _restored;
    // Spilling (rocksdb): which groups changed since they were last written, which were used since the last eviction sweep,
    // and deletes of removed groups not yet written.
    private ulong[] _dirty = new ulong[4];
    private ulong[] _referenced = new ulong[4];
    private int _clockHand;
    private readonly GroupRowWrites _writes = new();
    private readonly GroupRowRequests _requests = new();
    private readonly IntList _victims = new();

    internal GroupTable(string name, ushort stateId, GroupTableSpec spec, KeyGroupRange keyGroupRange, int maxParallelism, IGroupRowStore? store)
    {
        Name = name;
        StateId = stateId;
        Spec = spec;
        KeyGroupRange = keyGroupRange;
        MaxParallelism = maxParallelism;
        _store = store;
        _index = new GroupKeyIndex(spec.Namespaced, Epoch);
        _decoder = new KeyDecoder(spec.KeyTypes);
        _integerKeys = IntegerKeys.Applies(spec.KeyTypes);
        if (spec.KeyTypes.Count > 0 && spec.KeyTypes.All(IntegerKeys.IsIntegerBacked)) _distinctKeys = new DistinctIntegerKeys(spec.KeyTypes.Count);
        if (spec.Namespaced) _namespaces = new Dictionary<long, IntList>();
    }

    public string Name { get; }

    public GroupTableSpec Spec { get; }

    public KeyGroupRange KeyGroupRange { get; }

    public int MaxParallelism { get; }

    /// <summary>The copy-on-write clock the table's columns share (pass it to columns you create).</summary>
    public SnapshotEpoch Epoch { get; } = new();

    internal ushort StateId { get; }

    internal StateKind Kind => Spec.Namespaced ? StateKind.NamespacedGroups : StateKind.Groups;

    public IReadOnlyList<IGroupColumn> Columns => _columns;

    /// <summary>Groups held in memory.</summary>
    public int Count => _index.Count;

    /// <summary>Group indexes are below this.</summary>
    public int Capacity => _index.HighWater;

    /// <summary>Whether groups beyond the in-memory cache live in RocksDB (the rocksdb backend).</summary>
    public bool Spills => _store is not null;

    /// <summary>Memory held by the table and its columns, in bytes.</summary>
    public long AllocatedBytes
    {
        get
        {
            long bytes = _index.AllocatedBytes + _hashes.Length * 4L + _scratchBits.Length * 8L + _dirty.Length * 16L;
            foreach (var c in _columns) bytes += c.AllocatedBytes;
            return bytes;
        }
    }

    /// <summary>Adds a column of per-group state (before the table is first used), created with the table's epoch.</summary>
    public T AddColumn<T>(Func<SnapshotEpoch, T> create) where T : IGroupColumn
    {
        if (_sealed) throw new InvalidOperationException($"grouped state '{Name}' is in use: add its columns before the first batch");
        var column = create(Epoch);
        _columns.Add(column);
        return column;
    }

    /// <summary>
    /// The group of every row of <paramref name="batch"/> keyed by <paramref name="keyColumns"/> (created when new), without
    /// a namespace. <paramref name="keyHashes"/>: the rows' key hashes when the hash exchange computed them (else computed
    /// here); <paramref name="selection"/>: rows to resolve (empty = all).
    /// </summary>
    public GroupBatch Resolve(RecordBatch batch, IReadOnlyList<int> keyColumns, ReadOnlySpan<int> keyHashes = default, ReadOnlySpan<bool> selection = default)
    {
        if (Spec.Namespaced) throw new InvalidOperationException($"grouped state '{Name}' is namespaced: resolve rows with their namespaces");
        return ResolveCore(batch, keyColumns, default, 0, keyHashes, selection);
    }

    /// <summary>As <see cref="Resolve(RecordBatch, IReadOnlyList{int}, ReadOnlySpan{int}, ReadOnlySpan{bool})"/>, each row in
    /// namespace <paramref name="namespaces"/>[row] (a namespaced table).</summary>
    public GroupBatch Resolve(RecordBatch batch, IReadOnlyList<int> keyColumns, ReadOnlySpan<long> namespaces, ReadOnlySpan<int> keyHashes = default,
        ReadOnlySpan<bool> selection = default)
    {
        if (!Spec.Namespaced) throw new InvalidOperationException($"grouped state '{Name}' has no namespaces");
        if (namespaces.Length < batch.Length) throw new ArgumentException("one namespace per row is needed", nameof(namespaces));
        return ResolveCore(batch, keyColumns, namespaces, 0, keyHashes, selection);
    }

    /// <summary>As <see cref="Resolve(RecordBatch, IReadOnlyList{int}, ReadOnlySpan{long}, ReadOnlySpan{int}, ReadOnlySpan{bool})"/>
    /// with every row in one namespace.</summary>
    public GroupBatch Resolve(RecordBatch batch, IReadOnlyList<int> keyColumns, long @namespace, ReadOnlySpan<int> keyHashes = default,
        ReadOnlySpan<bool> selection = default)
    {
        if (!Spec.Namespaced) throw new InvalidOperationException($"grouped state '{Name}' has no namespaces");
        return ResolveCore(batch, keyColumns, default, @namespace, keyHashes, selection);
    }

    /// <summary>
    /// As <see cref="Resolve(RecordBatch, IReadOnlyList{int}, ReadOnlySpan{int}, ReadOnlySpan{bool})"/>, but a row whose key
    /// the table does not hold gets group -1 instead of a new group (a join probing the other side's rows: most keys there
    /// have none, and creating then removing their groups cost more than the lookup). A table that spills creates them as
    /// Resolve does (the key may be in RocksDB).
    /// </summary>
    public GroupBatch Probe(RecordBatch batch, IReadOnlyList<int> keyColumns, ReadOnlySpan<int> keyHashes = default, ReadOnlySpan<bool> selection = default)
    {
        if (Spec.Namespaced) throw new InvalidOperationException($"grouped state '{Name}' is namespaced: resolve rows with their namespaces");
        return ResolveCore(batch, keyColumns, default, 0, keyHashes, selection, create: _store is not null);
    }

    private GroupBatch ResolveCore(RecordBatch batch, IReadOnlyList<int> keyColumns, ReadOnlySpan<long> namespaces, long singleNamespace,
        ReadOnlySpan<int> keyHashes, ReadOnlySpan<bool> selection, bool create = true)
    {
        Seal();
        if (_store is not null) EvictIfFull();
        int n = batch.Length;
        if (!keyHashes.IsEmpty && keyHashes.Length < n) throw new ArgumentException("one key hash per row is needed", nameof(keyHashes));
        var result = _batch;
        result.Reset(n);
        if (!ResolvesDistinct(keyColumns, namespaces, n) || !ResolveDistinct(batch, keyColumns, singleNamespace, keyHashes, selection, create, result))
        {
            if (_integerKeys)
            {
                if (keyColumns.Count != 1)
                    throw new ArgumentException($"grouped state '{Name}' has 1 key column, not {keyColumns.Count}", nameof(keyColumns));
                ResolveIntegers(batch.Column(keyColumns[0]), n, namespaces, singleNamespace, keyHashes, selection, create, result);
            }
            else if (keyColumns.Count == 0 && Spec.KeyTypes.Count == 0) ResolveNamespaces(n, namespaces, singleNamespace, selection, create, result);
            else ResolveSerialized(batch, keyColumns, namespaces, singleNamespace, keyHashes, selection, create, result);
        }
        var touched = result.Touched;
        foreach (int g in touched) _scratchBits[g >> 6] &= ~(1UL << (g & 63));
        result.TotalGroups = _index.HighWater;
        foreach (var column in _columns) column.EnsureCapacity(_index.HighWater);
        if (_store is not null) LoadSpilled(result);
        if (Epoch.HasPending)
            foreach (var column in _columns) column.PrepareWrite(touched);
        return result;
    }

    /// <summary>Whether a batch may resolve through its distinct keys (<see cref="ResolveDistinct"/>): keys of integer-backed
    /// columns in one namespace, and a batch large enough to repay the batch's own hash table.</summary>
    private bool ResolvesDistinct(IReadOnlyList<int> keyColumns, ReadOnlySpan<long> namespaces, int n)
    {
        if (_distinctKeys is null || !namespaces.IsEmpty || n < 2 * DistinctIntegerKeys.SampleRows) return false;
        if (keyColumns.Count != Spec.KeyTypes.Count)
            throw new ArgumentException($"grouped state '{Name}' has {Spec.KeyTypes.Count} key column(s), not {keyColumns.Count}", nameof(keyColumns));
        return true;
    }

    /// <summary>Resolves each distinct key of the batch once (<see cref="DistinctIntegerKeys"/>), its first row standing for
    /// it: hashed as the index files it, probed behind prefetches, serialized only when new; its rows then take its group.
    /// The touched groups come out in order of their first rows, as row-by-row resolution gives them. Returns false, having
    /// resolved nothing, when the batch's keys are mostly distinct (<see cref="DistinctIntegerKeys.Collect"/>).</summary>
    private bool ResolveDistinct(RecordBatch batch, IReadOnlyList<int> keyColumns, long ns, ReadOnlySpan<int> keyHashes,
        ReadOnlySpan<bool> selection, bool create, GroupBatch result)
    {
        const int SlotsAhead = 16, EntriesAhead = 8;
        var distinct = _distinctKeys!;
        int n = batch.Length;
        int count = distinct.Collect(batch, keyColumns, n, selection);
        if (count < 0) return false;
        var representatives = distinct.Representatives(count);
        if (_valueHashes.Length < count) _valueHashes = new uint[Math.Max(count, _valueHashes.Length * 2)];
        if (_keyGroups.Length < count) _keyGroups = new int[Math.Max(count, _keyGroups.Length * 2)];
        var hashes = _valueHashes;
        bool single = _integerKeys;
        if (single)
        {
            for (int k = 0; k < count; k++)
                hashes[k] = IntegerKeys.Hash(distinct.Value(0, representatives[k]), distinct.IsNull(0, representatives[k]), ns);
        }
        else
        {
            // Several columns: the keys are serialized (KeySerializer's bytes) and filed under the serialized-key hash.
            int width = 11 * keyColumns.Count;
            if (_encodedOffsets.Length < count + 1) _encodedOffsets = new int[Math.Max(count + 1, _encodedOffsets.Length * 2)];
            if (_encodedKeys.Length < count * width) _encodedKeys = new byte[Math.Max(count * width, _encodedKeys.Length * 2)];
            int end = 0;
            for (int k = 0; k < count; k++)
            {
                _encodedOffsets[k] = end;
                int length = distinct.Encode(representatives[k], _encodedKeys.AsSpan(end));
                hashes[k] = KeyHash.Of(_encodedKeys.AsSpan(end, length), ns);
                end += length;
            }
            _encodedOffsets[count] = end;
        }
        Span<byte> encoded = stackalloc byte[11];
        var keyGroups = _keyGroups;
        for (int k = 0; k < Math.Min(SlotsAhead, count); k++) _index.PrefetchSlot(hashes[k]);
        for (int k = 0; k < count; k++)
        {
            if (k + SlotsAhead < count) _index.PrefetchSlot(hashes[k + SlotsAhead]);
            if (k + EntriesAhead < count) _index.PrefetchEntry(hashes[k + EntriesAhead]);
            int row = representatives[k];
            long value = single ? distinct.Value(0, row) : 0;
            bool isNull = single && distinct.IsNull(0, row);
            scoped ReadOnlySpan<byte> key = single ? default : _encodedKeys.AsSpan(_encodedOffsets[k], _encodedOffsets[k + 1] - _encodedOffsets[k]);
            int g = single ? _index.FindInteger(value, isNull, hashes[k], ns) : _index.Find(key, hashes[k], ns);
            bool inserted = false;
            if (g < 0 && !create)
            {
                keyGroups[k] = -1;
                continue;
            }
            if (g < 0)
            {
                int keyHash = keyHashes.IsEmpty ? distinct.KeyHash(row) : keyHashes[row];
                if (single) key = encoded[..IntegerKeys.Encode(value, isNull, encoded)];
                g = Insert(key, hashes[k], ns, OwnedKeyGroup(keyHash));
                inserted = true;
            }
            keyGroups[k] = g;
            // Distinct keys have distinct groups: no group is touched twice.
            result.AddTouched(g, inserted, row);
        }
        // The caller clears the touched groups' scratch bits, which row-by-row resolution sets (and grows).
        int words = (_index.HighWater >> 6) + 1;
        if (_scratchBits.Length < words) System.Array.Resize(ref _scratchBits, Math.Max(_scratchBits.Length * 2, words));
        var groups = result.GroupsForWrite;
        var keyOf = distinct.KeyOf(n);
        for (int i = 0; i < n; i++)
        {
            int k = keyOf[i];
            groups[i] = k < 0 ? -1 : keyGroups[k];
        }
        result.SetDistinctKeys(distinct.KeyOfArray, keyGroups, count);
        return true;
    }

    /// <summary>Serializes the batch's keys, hashes them all, then probes a few rows behind prefetches of their slots and
    /// entries (as <see cref="ResolveIntegers"/> does). The key-group hashes a new group needs are computed for the batch only
    /// when its first new key appears.</summary>
    private void ResolveSerialized(RecordBatch batch, IReadOnlyList<int> keyColumns, ReadOnlySpan<long> namespaces, long singleNamespace,
        ReadOnlySpan<int> keyHashes, ReadOnlySpan<bool> selection, bool create, GroupBatch result)
    {
        const int SlotsAhead = 16, EntriesAhead = 8;
        int n = batch.Length;
        SerializerFor(keyColumns).SerializeBatch(batch, _keys);
        if (_valueHashes.Length < n)
        {
            _values = new long[Math.Max(n, _values.Length * 2)];
            _nulls = new bool[_values.Length];
            _valueHashes = new uint[_values.Length];
        }
        var hashes = _valueHashes;
        var keyBytes = _keys.Bytes;
        var offsets = _keys.Offsets;
        for (int i = 0; i < n; i++)
            hashes[i] = KeyHash.Of(keyBytes.AsSpan(offsets[i], offsets[i + 1] - offsets[i]), namespaces.IsEmpty ? singleNamespace : namespaces[i]);
        for (int i = 0; i < Math.Min(SlotsAhead, n); i++) _index.PrefetchSlot(hashes[i]);
        var groups = result.GroupsForWrite;
        bool hasSelection = !selection.IsEmpty;
        for (int i = 0; i < n; i++)
        {
            if (i + SlotsAhead < n) _index.PrefetchSlot(hashes[i + SlotsAhead]);
            if (i + EntriesAhead < n) _index.PrefetchEntry(hashes[i + EntriesAhead]);
            if (hasSelection && !selection[i])
            {
                groups[i] = -1;
                continue;
            }
            var key = keyBytes.AsSpan(offsets[i], offsets[i + 1] - offsets[i]);
            long ns = namespaces.IsEmpty ? singleNamespace : namespaces[i];
            uint hash = hashes[i];
            int g = _index.Find(key, hash, ns);
            bool inserted = false;
            if (g < 0 && !create)
            {
                groups[i] = -1;
                continue;
            }
            if (g < 0)
            {
                if (keyHashes.IsEmpty)
                {
                    EnsureHashes(n);
                    KeyGroups.HashKeys(batch, keyColumns, _hashes);
                    keyHashes = _hashes;
                }
                g = Insert(key, hash, ns, OwnedKeyGroup(keyHashes[i]));
                inserted = true;
            }
            groups[i] = g;
            if (TestAndSet(ref _scratchBits, g)) continue;
            result.AddTouched(g, inserted, i);
        }
    }

    /// <summary>As <see cref="ResolveSerialized"/> for a table without key columns (a window aggregation by window only): a
    /// row's group is its namespace's, looked up once per run of rows in one namespace.</summary>
    private void ResolveNamespaces(int n, ReadOnlySpan<long> namespaces, long singleNamespace, ReadOnlySpan<bool> selection, bool create,
        GroupBatch result)
    {
        var groups = result.GroupsForWrite;
        bool hasSelection = !selection.IsEmpty;
        int g = -1;
        long current = 0;
        bool looked = false;
        for (int i = 0; i < n; i++)
        {
            if (hasSelection && !selection[i])
            {
                groups[i] = -1;
                continue;
            }
            long ns = namespaces.IsEmpty ? singleNamespace : namespaces[i];
            if (!looked || ns != current)
            {
                looked = true;
                current = ns;
                uint hash = KeyHash.Of(default, ns);
                g = _index.Find(default, hash, ns);
                bool inserted = false;
                if (g < 0 && create)
                {
                    g = Insert(default, hash, ns, OwnedKeyGroup(0));
                    inserted = true;
                }
                if (g >= 0 && !TestAndSet(ref _scratchBits, g)) result.AddTouched(g, inserted, i);
            }
            groups[i] = g;
        }
    }

    /// <summary>As <see cref="ResolveSerialized"/> for a key of one integer-backed column: the values are read from the
    /// column's buffer, hashed and compared as 64-bit integers (<see cref="IntegerKeys"/>), and only new keys are serialized.
    /// The probes run a few rows behind prefetches of their slots and entries, so a batch's cache misses overlap.</summary>
    private void ResolveIntegers(IArrowArray column, int n, ReadOnlySpan<long> namespaces, long singleNamespace,
        ReadOnlySpan<int> keyHashes, ReadOnlySpan<bool> selection, bool create, GroupBatch result)
    {
        const int SlotsAhead = 16, EntriesAhead = 8;
        if (_values.Length < n)
        {
            _values = new long[Math.Max(n, _values.Length * 2)];
            _nulls = new bool[_values.Length];
            _valueHashes = new uint[_values.Length];
        }
        var values = _values;
        var hashes = _valueHashes;
        bool anyNull = IntegerKeys.Widen(column, n, values, _nulls);
        var nulls = anyNull ? _nulls.AsSpan(0, n) : default;
        for (int i = 0; i < n; i++)
            hashes[i] = IntegerKeys.Hash(values[i], anyNull && nulls[i], namespaces.IsEmpty ? singleNamespace : namespaces[i]);
        for (int i = 0; i < Math.Min(SlotsAhead, n); i++) _index.PrefetchSlot(hashes[i]);
        var groups = result.GroupsForWrite;
        bool hasSelection = !selection.IsEmpty;
        Span<byte> encoded = stackalloc byte[11];
        for (int i = 0; i < n; i++)
        {
            if (i + SlotsAhead < n) _index.PrefetchSlot(hashes[i + SlotsAhead]);
            if (i + EntriesAhead < n) _index.PrefetchEntry(hashes[i + EntriesAhead]);
            if (hasSelection && !selection[i])
            {
                groups[i] = -1;
                continue;
            }
            long value = values[i];
            bool isNull = anyNull && nulls[i];
            long ns = namespaces.IsEmpty ? singleNamespace : namespaces[i];
            int g = _index.FindInteger(value, isNull, hashes[i], ns);
            bool inserted = false;
            if (g < 0 && !create)
            {
                groups[i] = -1;
                continue;
            }
            if (g < 0)
            {
                int keyHash = keyHashes.IsEmpty ? IntegerKeys.KeyHash(value, isNull) : keyHashes[i];
                g = Insert(encoded[..IntegerKeys.Encode(value, isNull, encoded)], hashes[i], ns, OwnedKeyGroup(keyHash));
                inserted = true;
            }
            groups[i] = g;
            if (TestAndSet(ref _scratchBits, g)) continue;
            result.AddTouched(g, inserted, i);
        }
    }

    private int OwnedKeyGroup(int keyHash)
    {
        int keyGroup = KeyGroups.KeyGroupOf(keyHash, MaxParallelism);
        if (!KeyGroupRange.Contains(keyGroup))
            throw new InvalidOperationException($"grouped state '{Name}': a row of key group {keyGroup} reached the subtask owning {KeyGroupRange} (the input is not partitioned by these key columns)");
        return keyGroup;
    }

    private void EnsureHashes(int n)
    {
        if (_hashes.Length < n) _hashes = new int[Math.Max(n, _hashes.Length * 2)];
    }

    /// <summary>The hash the index files a serialized key under (<see cref="IntegerKeys.Hash"/> for integer keys).</summary>
    private uint HashOf(ReadOnlySpan<byte> key, long @namespace)
    {
        if (!_integerKeys) return KeyHash.Of(key, @namespace);
        long value = IntegerKeys.Decode(key, out bool isNull);
        return IntegerKeys.Hash(value, isNull, @namespace);
    }

    private int Insert(ReadOnlySpan<byte> key, uint hash, long ns, int keyGroup)
    {
        int g = _index.FindOrInsert(key, hash, ns, keyGroup, out _);
        if (_namespaces is not null)
        {
            if (!_namespaces.TryGetValue(ns, out var list)) _namespaces.Add(ns, list = new IntList());
            list.Add(g);
        }
        return g;
    }

    private static bool TestAndSet(ref ulong[] bits, int index)
    {
        if ((index >> 6) >= bits.Length) System.Array.Resize(ref bits, Math.Max(bits.Length * 2, (index >> 6) + 1));
        ulong mask = 1UL << (index & 63);
        ref ulong word = ref bits[index >> 6];
        if ((word & mask) != 0) return true;
        word |= mask;
        return false;
    }

    private KeySerializer SerializerFor(IReadOnlyList<int> keyColumns)
    {
        foreach (var s in _serializers)
            if (ReferenceEquals(s.KeyColumns, keyColumns) || s.KeyColumns.SequenceEqual(keyColumns)) return s;
        if (keyColumns.Count != Spec.KeyTypes.Count)
            throw new ArgumentException($"grouped state '{Name}' has {Spec.KeyTypes.Count} key column(s), not {keyColumns.Count}", nameof(keyColumns));
        var serializer = new KeySerializer(keyColumns);
        _serializers.Add(serializer);
        return serializer;
    }

    /// <summary>The group of a serialized key (of key group <paramref name="keyGroup"/>) and namespace, or -1 (looked up in
    /// RocksDB too when the table spills).</summary>
    public int Find(ReadOnlySpan<byte> key, int keyGroup, long @namespace = 0)
    {
        Seal();
        int g = _index.Find(key, HashOf(key, @namespace), @namespace);
        if (g >= 0 || _store is null) return g;
        WritePendingDeletes();
        _requests.Clear();
        _requests.Add(keyGroup, @namespace, key, -1);
        int found = -1;
        _store.Load(_requests, (_, keyGroup, ns, k, value) => found = AddLoaded(keyGroup, ns, k, value));
        return found;
    }

    /// <summary>The group of a serialized key in key group <paramref name="keyGroup"/>, created when absent.</summary>
    public int FindOrAdd(ReadOnlySpan<byte> key, int keyGroup, long @namespace, out bool added)
    {
        int g = Find(key, keyGroup, @namespace);
        added = g < 0;
        if (!added) return g;
        if (!KeyGroupRange.Contains(keyGroup)) throw new ArgumentOutOfRangeException(nameof(keyGroup), $"key group {keyGroup} is not in {KeyGroupRange}");
        g = Insert(key, HashOf(key, @namespace), @namespace, keyGroup);
        foreach (var column in _columns)
        {
            column.EnsureCapacity(_index.HighWater);
            column.Reset(g);
        }
        MarkUsed(g);
        return g;
    }

    /// <summary>The group of <paramref name="group"/>'s key in namespace <paramref name="namespace"/>, created when absent
    /// (the key is copied first: adding a group may move the bytes <see cref="KeyOf"/> returns).</summary>
    public int FindOrAddSameKey(int group, long @namespace, out bool added) =>
        FindOrAdd(CopyOfKey(group), KeyGroupOf(group), @namespace, out added);

    /// <summary>The group of <paramref name="group"/>'s key in namespace <paramref name="namespace"/>, or -1.</summary>
    public int FindSameKey(int group, long @namespace) => Find(CopyOfKey(group), KeyGroupOf(group), @namespace);

    /// <summary>A group's key copied to a scratch buffer (valid until the next call).</summary>
    private ReadOnlySpan<byte> CopyOfKey(int group)
    {
        var key = KeyOf(group);
        if (_keyScratch.Length < key.Length) _keyScratch = new byte[Math.Max(key.Length, _keyScratch.Length * 2)];
        key.CopyTo(_keyScratch);
        return _keyScratch.AsSpan(0, key.Length);
    }


    /// <summary>Gives a live group the state of a new one (its key and namespace stay), marked changed.</summary>
    public void ResetState(int group)
    {
        MarkUsed(group);
        ResetColumns(group);
    }

    public bool IsLive(int group) => _index.IsLive(group);

    /// <summary>Gives the table's large buffers back for reuse when its job is over (the backend is disposed); the table is
    /// not used after.</summary>
    internal void Release() => _index.Release();

    /// <summary>For an operator that reaches its groups with <see cref="Find"/> and <see cref="FindOrAdd"/> rather than
    /// Resolve: when the table spills and its cache is full, evicts the least recently used groups (writing back those that
    /// changed), as Resolve does first. Group indexes held from before are invalid after it.</summary>
    public void TrimCache()
    {
        Seal();
        if (_store is not null) EvictIfFull();
    }

    /// <summary>The serialized key of a group (valid until the table changes).</summary>
    public ReadOnlySpan<byte> KeyOf(int group) => _index.EntryOfGroup(group).Key;

    public long NamespaceOf(int group) => _index.EntryOfGroup(group).Namespace;

    public int KeyGroupOf(int group) => _index.EntryOfGroup(group).KeyGroup;

    /// <summary>The key columns of <paramref name="groups"/>, decoded into Arrow arrays (one per key column).</summary>
    public IArrowArray[] KeyColumns(ReadOnlySpan<int> groups) => _decoder.Decode(this, groups);

    /// <summary>Marks a group as changed outside <see cref="Resolve(RecordBatch, IReadOnlyList{int}, ReadOnlySpan{int}, ReadOnlySpan{bool})"/>
    /// (merging into it, a timer updating it) so that a spilling table writes it back, and makes its pages writable.</summary>
    public void MarkUsed(int group)
    {
        if (Epoch.HasPending)
            foreach (var column in _columns) column.PrepareWrite([group]);
        if (_store is null) return;
        TestAndSet(ref _dirty, group);
        TestAndSet(ref _referenced, group);
    }

    /// <summary>Removes a group and its state (in RocksDB too when the table spills); its index may be reused.</summary>
    public void Remove(int group)
    {
        if (_store is not null)
        {
            var entry = _index.EntryOfGroup(group);
            _writes.Delete(entry.KeyGroup, entry.Namespace, entry.Key);
        }
        Drop(group);
    }

    public void Remove(ReadOnlySpan<int> groups)
    {
        foreach (int g in groups) Remove(g);
    }

    private void Drop(int group)
    {
        _index.Remove(group);
        ResetColumns(group);
        if (_store is not null)
        {
            ClearBit(_dirty, group);
            ClearBit(_referenced, group);
        }
        if (_namespaces is not null) _namespacesStale = true;
    }

    private void ResetColumns(int group)
    {
        foreach (var column in _columns) column.Reset(group);
    }

    private static void ClearBit(ulong[] bits, int index)
    {
        if ((index >> 6) < bits.Length) bits[index >> 6] &= ~(1UL << (index & 63));
    }

    /// <summary>The namespaces that have groups (in memory; a spilling table may hold more in RocksDB).</summary>
    public IReadOnlyCollection<long> Namespaces => (IReadOnlyCollection<long>?)_namespaces?.Keys ?? System.Array.Empty<long>();

    /// <summary>Every group of a namespace (loading spilled ones), e.g. all keys of a window slice when its timer fires.</summary>
    public ReadOnlySpan<int> GroupsOf(long @namespace)
    {
        if (_namespaces is null) throw new InvalidOperationException($"grouped state '{Name}' has no namespaces");
        Seal();
        if (_store is not null) WritePendingDeletes();
        if (_store is not null) _store.ScanNamespace(@namespace, (_, keyGroup, ns, key, value) =>
        {
            if (_index.Find(key, HashOf(key, ns), ns) < 0) AddLoaded(keyGroup, ns, key, value);
        });
        if (!_namespaces.TryGetValue(@namespace, out var list)) return ReadOnlySpan<int>.Empty;
        if (_namespacesStale) Validate(@namespace, list);
        return list.Span;
    }

    /// <summary>Drops the groups removed since the list was made (and duplicates of reused indexes).</summary>
    private void Validate(long @namespace, IntList list)
    {
        var span = list.WritableSpan;
        int kept = 0;
        foreach (int g in span)
        {
            if (!_index.IsLive(g) || _index.EntryOfGroup(g).Namespace != @namespace || TestAndSet(ref _scratchBits, g)) continue;
            span[kept++] = g;
        }
        for (int i = 0; i < kept; i++) _scratchBits[span[i] >> 6] &= ~(1UL << (span[i] & 63));
        list.Truncate(kept);
    }

    /// <summary>Removes every group of a namespace (a fired window slice), in RocksDB too.</summary>
    public void RemoveNamespace(long @namespace)
    {
        if (_namespaces is null) throw new InvalidOperationException($"grouped state '{Name}' has no namespaces");
        Seal();
        if (_namespaces.Remove(@namespace, out var list))
        {
            // Every group in memory is filed in its namespace's list: with no other namespace left (a tumbling window's
            // state between firings) the groups are this namespace's, and the index is emptied at once rather than
            // shifting its slots back entry by entry.
            bool all = _namespaces.Count == 0 && _store is null;
            foreach (int g in list.Span)
            {
                if (!_index.IsLive(g) || _index.EntryOfGroup(g).Namespace != @namespace) continue;
                if (all) ResetColumns(g);
                else Drop(g);
            }
            if (all) _index.Clear();
        }
        _store?.DeleteNamespace(@namespace);
    }

    /// <summary>
    /// For a spilling table without namespaces: deletes from RocksDB the rows of groups not in memory whose
    /// <paramref name="column"/> (a column of this table) holds a value for which <paramref name="expired"/> is true, in key
    /// groups <paramref name="firstKeyGroup"/> .. + <paramref name="keyGroups"/> - 1 of the table's range (a state TTL sweeps
    /// a few key groups per checkpoint, as RocksDB's compaction filter cleans Flink's TTL state bit by bit). Groups in
    /// memory are the caller's to expire. Returns how many rows were deleted.
    /// </summary>
    public int RemoveStoredWhere(IGroupColumn column, Func<long, bool> expired, int firstKeyGroup, int keyGroups)
    {
        if (_store is null || Spec.Namespaced) return 0;
        Seal();
        int index = _columns.IndexOf(column);
        if (index < 0) throw new ArgumentException($"the column is not one of grouped state '{Name}'", nameof(column));
        WritePendingDeletes();
        int removed = 0;
        int end = Math.Min(KeyGroupRange.End, firstKeyGroup + keyGroups - 1);
        for (int keyGroup = Math.Max(firstKeyGroup, KeyGroupRange.Start); keyGroup <= end; keyGroup++)
        {
            _store.ScanKeyGroup(keyGroup, (_, kg, ns, key, value) =>
            {
                if (_index.Find(key, HashOf(key, ns), ns) >= 0 || !expired(ReadLong(value, index))) return;
                _writes.Delete(kg, ns, key);
                removed++;
            });
            WritePendingDeletes();
        }
        return removed;
    }

    /// <summary>Column <paramref name="index"/> of a state row, written as one varlong (<see cref="StateRowWriter.WriteVarLong"/>).</summary>
    private static long ReadLong(ReadOnlySpan<byte> row, int index)
    {
        var reader = new StateRowReader(row);
        reader.ReadVarULong();
        for (int c = 0; c < index; c++) reader.ReadBytes();
        var part = new StateRowReader(reader.ReadBytes());
        return part.ReadVarLong();
    }

    /// <summary>Every group in memory (a spilling table may hold more in RocksDB).</summary>
    public void CopyGroups(IList<int> into)
    {
        for (int g = 0; g < _index.HighWater; g++)
            if (_index.IsLive(g)) into.Add(g);
    }

    private void Seal()
    {
        if (_sealed) return;
        _sealed = true;
        if (_restored is null) return;
        foreach (var rows in _restored) IngestAll(rows);
        _restored = null;
    }

    // ---- restore, snapshot, spill ----

    /// <summary>Rows read from a snapshot before the operator declared the table (loaded when it is first used).</summary>
    internal void AddRestored(GroupRowWrites rows)
    {
        if (_sealed) IngestAll(rows);
        else (_restored ??= new List<GroupRowWrites>()).Add(rows);
    }

    private void IngestAll(GroupRowWrites rows)
    {
        for (int i = 0; i < rows.Count; i++) Ingest(rows.KeyGroup(i), rows.Namespace(i), rows.Key(i), rows.Value(i));
    }

    /// <summary>Loads one group from a snapshot entry.</summary>
    internal void Ingest(int keyGroup, long ns, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        uint hash = HashOf(key, ns);
        if (_index.Find(key, hash, ns) >= 0) throw new InvalidDataException($"grouped state '{Name}' has the same key twice");
        int g = Insert(key, hash, ns, keyGroup);
        foreach (var column in _columns) column.EnsureCapacity(_index.HighWater);
        ReadRow(g, value);
    }

    private int AddLoaded(int keyGroup, long ns, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        int g = Insert(key, HashOf(key, ns), ns, keyGroup);
        foreach (var column in _columns)
        {
            column.EnsureCapacity(_index.HighWater);
            column.PrepareWrite([g]);
        }
        ReadRow(g, value);
        TestAndSet(ref _referenced, g);
        return g;
    }

    private void ReadRow(int group, ReadOnlySpan<byte> value)
    {
        var reader = new StateRowReader(value);
        int count = checked((int)reader.ReadVarULong());
        if (count != _columns.Count)
            throw new InvalidDataException($"grouped state '{Name}' was written with {count} column(s); the operator declares {_columns.Count}");
        foreach (var column in _columns)
        {
            var part = new StateRowReader(reader.ReadBytes());
            column.ReadState(group, ref part);
        }
    }

    /// <summary>The state row of a live group: its column count, then each column's state, length-prefixed.</summary>
    internal ReadOnlySpan<byte> WriteRow(int group)
    {
        _row.Clear();
        _row.WriteVarULong((ulong)_columns.Count);
        foreach (var column in _columns)
        {
            int mark = _row.BeginLengthPrefixed();
            column.WriteState(group, _row);
            _row.EndLengthPrefixed(mark);
        }
        return _row.Written;
    }

    internal static long DecodeNamespace(ReadOnlySpan<byte> userKey) =>
        userKey.Length == 8 ? (long)(BinaryPrimitives.ReadUInt64BigEndian(userKey) ^ 0x8000_0000_0000_0000UL) : 0;

    internal static void EncodeNamespace(long @namespace, Span<byte> destination) =>
        BinaryPrimitives.WriteUInt64BigEndian(destination, (ulong)@namespace ^ 0x8000_0000_0000_0000UL);

    /// <summary>Buffers for a snapshot to serialize into: those of the last snapshot written, when no other holds them.</summary>
    internal SnapshotEntryBuffers RentSnapshotBuffers() =>
        Interlocked.Exchange(ref _spareSnapshotBuffers, null) ?? new SnapshotEntryBuffers(KeyGroupRange.Count);

    /// <summary>A snapshot is done with its buffers (any thread): the next one reuses them.</summary>
    internal void ReturnSnapshotBuffers(SnapshotEntryBuffers buffers)
    {
        buffers.Clear();
        Volatile.Write(ref _spareSnapshotBuffers, buffers);
    }

    /// <summary>The synchronous part of a snapshot of the in-memory table.</summary>
    internal GroupTableSnapshot Capture()
    {
        Seal();
        Epoch.BeginSnapshot();
        var columns = new IGroupColumnSnapshot[_columns.Count];
        for (int i = 0; i < columns.Length; i++) columns[i] = _columns[i].Capture();
        return new GroupTableSnapshot(this, _index.EntryOf.Capture(), _index.Arena.Capture(), _index.HighWater, columns);
    }

    /// <summary>Writes the deletes of removed groups before RocksDB is read again (else a removed group would come back).</summary>
    private void WritePendingDeletes()
    {
        if (_writes.Count == 0) return;
        _store!.Write(_writes);
        _writes.Clear();
    }

    private void LoadSpilled(GroupBatch batch)
    {
        _requests.Clear();
        var touched = batch.Touched;
        var isNew = batch.TouchedIsNew;
        for (int t = 0; t < touched.Length; t++)
        {
            int g = touched[t];
            if (isNew[t])
            {
                var entry = _index.EntryOfGroup(g);
                _requests.Add(entry.KeyGroup, entry.Namespace, entry.Key, t);
            }
            TestAndSet(ref _dirty, g);
            TestAndSet(ref _referenced, g);
        }
        if (_requests.Count == 0) return;
        WritePendingDeletes();
        _store!.Load(_requests, (request, _, _, _, value) =>
        {
            int t = _requests.Group(request);
            ReadRow(batch.Touched[t], value);
            batch.MarkLoaded(t);
        });
    }

    /// <summary>Writes every changed group and pending delete to RocksDB in one write batch (before a RocksDB snapshot).</summary>
    internal void FlushToStore()
    {
        if (_store is null) return;
        Seal();
        for (int w = 0; w < _dirty.Length; w++)
        {
            ulong word = _dirty[w];
            while (word != 0)
            {
                int g = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                var entry = _index.EntryOfGroup(g);
                _writes.Put(entry.KeyGroup, entry.Namespace, entry.Key, WriteRow(g));
            }
            _dirty[w] = 0;
        }
        if (_writes.Count > 0) _store.Write(_writes);
        _writes.Clear();
    }

    /// <summary>A full cache drops the groups not used since the last sweep (second chance), down to three quarters of its
    /// size, writing back only those of them that changed since they were last written (evict-only write-back): groups in
    /// use stay in the typed columns until evicted or a checkpoint flushes them, and each flush is one write batch.</summary>
    private void EvictIfFull()
    {
        int max = _store!.MaxCachedGroups;
        if (_index.Count <= max) return;
        int target = max / 4 * 3;
        int high = _index.HighWater;
        int remaining = _index.Count;
        _victims.Clear();
        for (int scanned = 0; remaining > target && scanned < 2 * high; scanned++)
        {
            int g = _clockHand;
            _clockHand = _clockHand + 1 >= high ? 0 : _clockHand + 1;
            if (!_index.IsLive(g) || IsSet(_scratchBits, g)) continue;
            ulong mask = 1UL << (g & 63);
            if ((g >> 6) < _referenced.Length && (_referenced[g >> 6] & mask) != 0)
            {
                _referenced[g >> 6] &= ~mask;
                continue;
            }
            if ((g >> 6) < _dirty.Length && (_dirty[g >> 6] & mask) != 0)
            {
                var entry = _index.EntryOfGroup(g);
                _writes.Put(entry.KeyGroup, entry.Namespace, entry.Key, WriteRow(g));
            }
            // Marked so that a second pass of the hand over the same group does not take it twice.
            TestAndSet(ref _scratchBits, g);
            _victims.Add(g);
            remaining--;
        }
        WritePendingDeletes();
        foreach (int g in _victims.Span)
        {
            _scratchBits[g >> 6] &= ~(1UL << (g & 63));
            Drop(g);
        }
        _victims.Clear();
    }

    private static bool IsSet(ulong[] bits, int index) => (index >> 6) < bits.Length && (bits[index >> 6] & (1UL << (index & 63))) != 0;
}
