using System.Text;
using RocksDbSharp;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.State.RocksDb;

/// <summary>Visits one key/value; returns false to stop.</summary>
internal delegate bool KeyValueVisitor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

/// <summary>
/// Keyed state in an embedded RocksDB (state larger than memory), laid out by <see cref="RocksDbKeyLayout"/>. The write-ahead
/// log is off: checkpoints, not the log, make state durable.
/// <para>Checkpoints are incremental when configured: RocksDB's own checkpoint (hard links, taken in the synchronous
/// part) is uploaded file by file, and SST files already uploaded by the previous snapshot are referenced, not copied.
/// Otherwise, and always for savepoints, a RocksDB snapshot is taken synchronously and written in the canonical format.</para>
/// </summary>
public sealed class RocksDbKeyedStateBackend : IKeyedStateBackend, ITimerStore
{
    private readonly string _workDirectory;
    private readonly string _dbPath;
    private readonly bool _incremental;
    private readonly string _instanceId = Guid.NewGuid().ToString("N");
    private readonly StateRegistry _states = new();
    private readonly object _uploadLock = new();
    private Dictionary<string, UploadedFile> _uploaded = new(StringComparer.Ordinal);
    private byte[] _keyBuffer = new byte[64];
    private byte[] _currentKey = new byte[32];
    private int _currentKeyLength;
    private int _currentKeyGroup = -1;
    private int _snapshotCounter;
    private RocksDbSharp.RocksDb _db;
    private readonly RocksDbResources? _resources;
    private readonly int _groupCacheSize;
    private readonly Dictionary<string, GroupTable> _groupTables = new(StringComparer.Ordinal);

    /// <param name="workDirectory">A local directory this backend owns (created; deleted on dispose).</param>
    /// <param name="resources">The block cache shared by every rocksdb backend of the job (null: a small private one).</param>
    /// <param name="groupCacheSize">How many groups a group table keeps in memory before writing back and evicting.</param>
    public RocksDbKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism, string workDirectory, bool incremental,
        RocksDbResources? resources = null, int groupCacheSize = 100_000)
    {
        KeyGroupRange = keyGroupRange;
        MaxParallelism = maxParallelism;
        _workDirectory = workDirectory;
        _incremental = incremental;
        _resources = resources;
        _groupCacheSize = Math.Max(16, groupCacheSize);
        Directory.CreateDirectory(workDirectory);
        _dbPath = Path.Combine(workDirectory, "db");
        // The backend owns its directory: a database left there by an earlier run is not this subtask's state.
        if (Directory.Exists(_dbPath)) Directory.Delete(_dbPath, recursive: true);
        _db = Open(_dbPath);
        WriteOptions = new WriteOptions().DisableWal(1);
        Timers = new EventTimeTimerService(this, this);
    }

    public string Name => "rocksdb";
    public KeyGroupRange KeyGroupRange { get; }
    public int MaxParallelism { get; }
    public EventTimeTimerService Timers { get; }
    public ReadOnlySpan<byte> CurrentKey => _currentKey.AsSpan(0, _currentKeyLength);
    public int CurrentKeyGroup => _currentKeyGroup;
    internal RocksDbSharp.RocksDb Db => _db;
    internal WriteOptions WriteOptions { get; }

    private RocksDbSharp.RocksDb Open(string path)
    {
        var options = new DbOptions().SetCreateIfMissing(true).SetMaxOpenFiles(256)
            .SetMemtablePrefixBloomSizeRatio(RocksDbResources.MemtableBloomRatio);
        Native.Instance.rocksdb_options_set_memtable_whole_key_filtering(options.Handle, 1);
        if (_resources is not null) options.SetBlockBasedTableFactory(_resources.TableOptions);
        return RocksDbSharp.RocksDb.Open(options, path);
    }

    public void SetCurrentKey(ReadOnlySpan<byte> key, int keyGroup)
    {
        if (!KeyGroupRange.Contains(keyGroup))
            throw new InvalidOperationException($"key group {keyGroup} is not in this subtask's range {KeyGroupRange}");
        if (key.Length > _currentKey.Length) _currentKey = new byte[Math.Max(key.Length, _currentKey.Length * 2)];
        key.CopyTo(_currentKey);
        _currentKeyLength = key.Length;
        _currentKeyGroup = keyGroup;
    }

    /// <summary>The stored key of the current key in state <paramref name="id"/> (with a user key for map state), in a reused buffer.</summary>
    internal ReadOnlySpan<byte> CurrentStoredKey(ushort id, ReadOnlySpan<byte> userKey)
    {
        if (_currentKeyGroup < 0) throw new InvalidOperationException("no current key: call SetCurrentKey first");
        return StoredKey(_currentKeyGroup, id, CurrentKey, userKey);
    }

    private ReadOnlySpan<byte> StoredKey(int keyGroup, ushort id, ReadOnlySpan<byte> key, ReadOnlySpan<byte> userKey)
    {
        int size = RocksDbKeyLayout.MaxPrefixLength(key.Length) + userKey.Length;
        if (size > _keyBuffer.Length) _keyBuffer = new byte[Math.Max(size, _keyBuffer.Length * 2)];
        int pos = RocksDbKeyLayout.WritePrefix(_keyBuffer, keyGroup, id, key);
        userKey.CopyTo(_keyBuffer.AsSpan(pos));
        return _keyBuffer.AsSpan(0, pos + userKey.Length);
    }

    public IValueState GetValueState(string name) => (IValueState)Handle(name, StateKind.Value);
    public IListState GetListState(string name) => (IListState)Handle(name, StateKind.List);
    public IMapState GetMapState(string name) => (IMapState)Handle(name, StateKind.Map);

    private object Handle(string name, StateKind kind)
    {
        return _states.Handle(Register(name, kind), state => state.Kind switch
        {
            StateKind.Value => new RocksDbValueState(this, state.Id),
            StateKind.List => new RocksDbListState(this, state.Id),
            _ => new RocksDbMapState(this, state.Id),
        });
    }

    /// <inheritdoc/>
    public GroupTable GetGroupTable(string name, GroupTableSpec spec)
    {
        if (_groupTables.TryGetValue(name, out var existing))
            return existing.Spec.Namespaced == spec.Namespaced && existing.Spec.KeyTypes.SequenceEqual(spec.KeyTypes)
                ? existing
                : throw new InvalidOperationException($"grouped state '{name}' is declared twice with different keys");
        var info = Register(name, spec.Namespaced ? StateKind.NamespacedGroups : StateKind.Groups);
        var table = new GroupTable(name, info.Id, spec, KeyGroupRange, MaxParallelism,
            new RocksDbGroupRowStore(this, info.Id, spec.Namespaced, _groupCacheSize));
        _groupTables.Add(name, table);
        return table;
    }

    private StateInfo Register(string name, StateKind kind)
    {
        var info = _states.GetOrAdd(name, kind, out bool added);
        if (!added) return info;
        _db.Put(RocksDbKeyLayout.RegistryKey(info.Id), EncodeRegistryEntry(info), null, WriteOptions);
        return info;
    }

    private static byte[] EncodeRegistryEntry(StateInfo info)
    {
        var name = Encoding.UTF8.GetBytes(info.Name);
        var bytes = new byte[name.Length + 1];
        bytes[0] = (byte)info.Kind;
        name.CopyTo(bytes, 1);
        return bytes;
    }

    private static List<StateInfo> ReadRegistry(RocksDbSharp.RocksDb db)
    {
        var states = new List<StateInfo>();
        using var it = db.NewIterator();
        for (it.Seek(new byte[] { 0xFF, 0xFF }); it.Valid(); it.Next())
        {
            var key = it.GetKeySpan();
            var value = it.GetValueSpan();
            states.Add(new StateInfo((ushort)((key[2] << 8) | key[3]), (StateKind)value[0], Encoding.UTF8.GetString(value[1..])));
        }
        return states;
    }

    internal void ScanPrefix(ReadOnlySpan<byte> prefix, KeyValueVisitor visitor) => Scan(_db, null, prefix.ToArray(), RocksDbKeyLayout.PrefixEnd(prefix), visitor);

    private static void Scan(RocksDbSharp.RocksDb db, Snapshot? snapshot, byte[] from, byte[] to, KeyValueVisitor visitor)
    {
        // The iterator reads its upper bound from native memory that the finalizer of this ReadOptions frees. Holding the
        // iterator did not keep it alive: under frequent collections scans ran past their bound (a snapshot wrote the next
        // key groups' entries twice, a restore decoded value-state keys as timers). The options live until the scan ends.
        var options = new ReadOptions().SetIterateUpperBound(to);
        if (snapshot is not null) options.SetSnapshot(snapshot);
        using (var it = db.NewIterator(null, options))
        {
            for (it.Seek(from); it.Valid(); it.Next())
                if (!visitor(it.GetKeySpan(), it.GetValueSpan())) break;
        }
        GC.KeepAlive(options);
    }

    internal void DeletePrefix(ReadOnlySpan<byte> prefix)
    {
        var from = prefix.ToArray();
        var to = RocksDbKeyLayout.PrefixEnd(prefix);
        using var batch = new WriteBatch();
        batch.DeleteRange(from, (ulong)from.Length, to, (ulong)to.Length);
        _db.Write(batch, WriteOptions);
    }

    public IKeyedStateSnapshot Snapshot(long checkpointId, SnapshotType type)
    {
        // Group tables cache groups in memory: what changed goes to RocksDB first, so its snapshot holds everything.
        foreach (var table in _groupTables.Values) table.FlushToStore();
        var states = _states.ToArray();
        if (type != SnapshotType.Checkpoint || !_incremental)
            return new RocksDbFullSnapshot(this, states, _db.CreateSnapshot());
        var directory = Path.Combine(_workDirectory, $"chk-{checkpointId}-{Interlocked.Increment(ref _snapshotCounter)}");
        using (var checkpoint = _db.Checkpoint()) checkpoint.Save(directory, 0);
        return new RocksDbIncrementalSnapshot(this, directory);
    }

    /// <summary>Writes every entry of the owned key groups, as the given RocksDB snapshot saw them, in the canonical format.</summary>
    internal void WriteCanonical(Stream stream, StateInfo[] states, Snapshot snapshot, out IReadOnlyList<long> offsets, CancellationToken cancellationToken)
    {
        var writer = new CanonicalSnapshotWriter(stream, MaxParallelism, KeyGroupRange, states);
        var ns = new byte[8];
        for (int g = KeyGroupRange.Start; g <= KeyGroupRange.End; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.BeginKeyGroup(g);
            Scan(_db, snapshot, RocksDbKeyLayout.GroupStart(g), RocksDbKeyLayout.GroupStart(g + 1), (stored, value) =>
            {
                int stateId = (stored[2] << 8) | stored[3];
                if (stateId < states.Length && states[stateId]?.Kind == StateKind.NamespacedGroups)
                {
                    RocksDbKeyLayout.ParseGroupRow(stored, namespaced: true, out _, out var groupState, out long @namespace, out var groupKey);
                    GroupTable.EncodeNamespace(@namespace, ns);
                    writer.WriteEntry(groupState, groupKey, ns, value);
                    return true;
                }
                RocksDbKeyLayout.Parse(stored, out _, out var id, out var key, out var userKey);
                writer.WriteEntry(id, key, userKey, value);
                return true;
            });
            writer.EndKeyGroup();
        }
        offsets = writer.Offsets;
    }

    /// <summary>Uploads a RocksDB checkpoint directory: new SST files to shared storage, the previous snapshot's SST files by reference.</summary>
    internal KeyedStateHandle Upload(string directory, ICheckpointWriter target, string fileName, CancellationToken cancellationToken)
    {
        Dictionary<string, UploadedFile> previous;
        lock (_uploadLock) previous = _uploaded;
        var files = new List<StateFileHandle>();
        var uploaded = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            StateFileHandle handle;
            if (name.EndsWith(".sst", StringComparison.Ordinal))
            {
                // A file is referenced, not copied, only where the reference resolves to that very file: never in a
                // savepoint (self-contained), never into another job's shared directory (after a restore from another
                // job's checkpoint, Flink's NO_CLAIM: the first checkpoint uploads everything).
                if (previous.TryGetValue(name, out var known) && !target.IsSavepoint && known.Location == LocationOf(target, known.Handle))
                {
                    handle = known.Handle;
                    uploaded[name] = known;
                }
                else
                {
                    handle = target.WriteShared($"{_instanceId}-{name}", name, s => CopyFile(path, s));
                    uploaded[name] = new UploadedFile(handle, LocationOf(target, handle));
                }
            }
            else
                handle = target.WriteExclusive($"{fileName}/{name}", s => CopyFile(path, s)) with { LocalName = name };
            files.Add(handle);
        }
        lock (_uploadLock) _uploaded = uploaded;
        return new KeyedStateHandle(KeyedStateFormats.RocksDbNative, KeyGroupRange, Array.Empty<long>(), files);
    }

    /// <summary>SST files (by local name) the last incremental snapshot uploaded: what the next may reference.</summary>
    public IReadOnlyCollection<string> UploadedSstFiles
    {
        get
        {
            lock (_uploadLock) return _uploaded.Keys.ToArray();
        }
    }

    private static void CopyFile(string path, Stream destination)
    {
        using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        source.CopyTo(destination, 1 << 16);
    }

    /// <summary>
    /// Loads the key groups this backend owns from snapshots of any parallelism. A single native snapshot covering the
    /// range becomes the database (the key groups outside the range are deleted); anything else is scanned and inserted.
    /// </summary>
    public void Restore(IReadOnlyList<KeyedStateHandle> handles, IStateFileReader reader)
    {
        var overlapping = new List<KeyedStateHandle>();
        foreach (var h in handles)
            if (!h.KeyGroups.Intersect(KeyGroupRange).IsEmpty) overlapping.Add(h);
        if (overlapping.Count == 1 && overlapping[0].Format == KeyedStateFormats.RocksDbNative && overlapping[0].KeyGroups.Covers(KeyGroupRange))
            RestoreAsBase(overlapping[0], reader);
        else
            foreach (var handle in overlapping)
            {
                if (handle.Format == KeyedStateFormats.Canonical)
                    RestoreCanonical(handle, reader);
                else
                    RestoreByScan(handle, reader);
            }
        Timers.Reload();
    }

    private void RestoreAsBase(KeyedStateHandle handle, IStateFileReader reader)
    {
        _db.Dispose();
        Directory.Delete(_dbPath, recursive: true);
        Download(handle, reader, _dbPath);
        _db = Open(_dbPath);
        using (var batch = new WriteBatch())
        {
            var start = RocksDbKeyLayout.GroupStart(0);
            var end = RocksDbKeyLayout.GroupStart(KeyGroupRange.Start);
            if (KeyGroupRange.Start > 0) batch.DeleteRange(start, (ulong)start.Length, end, (ulong)end.Length);
            var after = RocksDbKeyLayout.GroupStart(KeyGroupRange.End + 1);
            var registry = RocksDbKeyLayout.GroupStart(RocksDbKeyLayout.RegistryGroup);
            batch.DeleteRange(after, (ulong)after.Length, registry, (ulong)registry.Length);
            _db.Write(batch, WriteOptions);
        }
        foreach (var state in ReadRegistry(_db))
        {
            _states.Put(state);
        }
        if (handle.KeyGroups == KeyGroupRange)
        {
            var uploaded = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
            foreach (var file in handle.Files)
                if (file.LocalName.EndsWith(".sst", StringComparison.Ordinal)) uploaded[file.LocalName] = new UploadedFile(file, reader.PathOf(file));
            lock (_uploadLock) _uploaded = uploaded;
        }
    }

    private void RestoreByScan(KeyedStateHandle handle, IStateFileReader reader)
    {
        var temp = Path.Combine(_workDirectory, "restore-" + Guid.NewGuid().ToString("N"));
        try
        {
            Download(handle, reader, temp);
            using var source = Open(temp);
            var ids = new Dictionary<ushort, ushort>();
            foreach (var state in ReadRegistry(source)) ids[state.Id] = Register(state.Name, state.Kind).Id;
            var range = handle.KeyGroups.Intersect(KeyGroupRange);
            using var batch = new WriteBatch();
            Scan(source, null, RocksDbKeyLayout.GroupStart(range.Start), RocksDbKeyLayout.GroupStart(range.End + 1), (stored, value) =>
            {
                var key = stored.ToArray();
                ushort id = ids[(ushort)((key[2] << 8) | key[3])];
                key[2] = (byte)(id >> 8);
                key[3] = (byte)id;
                batch.Put(key, value);
                if (batch.Count() >= 10_000)
                {
                    _db.Write(batch, WriteOptions);
                    batch.Clear();
                }
                return true;
            });
            _db.Write(batch, WriteOptions);
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    private void RestoreCanonical(KeyedStateHandle handle, IStateFileReader reader)
    {
        var file = handle.Files[0];
        using var batch = new WriteBatch();
        CanonicalSnapshotReader.Read(reader.ReadAll(file), file.RelativePath, handle, KeyGroupRange, (state, keyGroup, key, userKey, value) =>
        {
            var id = Register(state.Name, state.Kind).Id;
            if (state.Kind == StateKind.NamespacedGroups)
                batch.Put(GroupRowKey(keyGroup, id, GroupTable.DecodeNamespace(userKey), key), value);
            else
                batch.Put(StoredKey(keyGroup, id, key, userKey), value);
            if (batch.Count() >= 10_000)
            {
                _db.Write(batch, WriteOptions);
                batch.Clear();
            }
        });
        _db.Write(batch, WriteOptions);
    }

    private static void Download(KeyedStateHandle handle, IStateFileReader reader, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in handle.Files)
        {
            if (file.LocalName.Length == 0 || file.LocalName.Contains('/') || file.LocalName.Contains(".."))
                throw new CheckpointFormatException($"state file {file.RelativePath} has no valid RocksDB file name");
            reader.CopyTo(file, Path.Combine(directory, file.LocalName));
        }
    }

    private ReadOnlySpan<byte> GroupRowKey(int keyGroup, ushort id, long @namespace, ReadOnlySpan<byte> key)
    {
        int size = RocksDbKeyLayout.GroupRowKeyLength(true, key.Length);
        if (size > _keyBuffer.Length) _keyBuffer = new byte[Math.Max(size, _keyBuffer.Length * 2)];
        return _keyBuffer.AsSpan(0, RocksDbKeyLayout.WriteGroupRowKey(_keyBuffer, keyGroup, id, true, @namespace, key));
    }

    public IEnumerable<(int KeyGroup, byte[] Key)> Keys(string name)
    {
        if (!_states.TryGet(name, out var state)) return Array.Empty<(int, byte[])>();
        var keys = new List<(int, byte[])>();
        for (int g = KeyGroupRange.Start; g <= KeyGroupRange.End; g++)
        {
            byte[]? last = null;
            ScanPrefix(RocksDbKeyLayout.StatePrefix(g, state.Id), (stored, _) =>
            {
                RocksDbKeyLayout.Parse(stored, out int _, out ushort _, out var key, out _);
                if (last is null || !key.SequenceEqual(last))
                {
                    last = key.ToArray();
                    keys.Add((g, last));
                }
                return true;
            });
        }
        return keys;
    }

    void ITimerStore.PutTimer(int keyGroup, ReadOnlySpan<byte> key, long timestamp)
    {
        Span<byte> ts = stackalloc byte[8];
        EventTimeTimerService.EncodeTimestamp(timestamp, ts);
        _db.Put(StoredKey(keyGroup, Register(EventTimeTimerService.StateName, StateKind.Map).Id, key, ts), ReadOnlySpan<byte>.Empty, null, WriteOptions);
    }

    void ITimerStore.DeleteTimer(int keyGroup, ReadOnlySpan<byte> key, long timestamp)
    {
        Span<byte> ts = stackalloc byte[8];
        EventTimeTimerService.EncodeTimestamp(timestamp, ts);
        _db.Remove(StoredKey(keyGroup, Register(EventTimeTimerService.StateName, StateKind.Map).Id, key, ts), null, WriteOptions);
    }

    IEnumerable<Timer> ITimerStore.LoadTimers()
    {
        if (!_states.TryGet(EventTimeTimerService.StateName, out var state)) return Array.Empty<Timer>();
        var timers = new List<Timer>();
        for (int g = KeyGroupRange.Start; g <= KeyGroupRange.End; g++)
            ScanPrefix(RocksDbKeyLayout.StatePrefix(g, state.Id), (stored, _) =>
            {
                RocksDbKeyLayout.Parse(stored, out var keyGroup, out ushort _, out var key, out var userKey);
                timers.Add(new Timer(EventTimeTimerService.DecodeTimestamp(userKey), keyGroup, key.ToArray()));
                return true;
            });
        return timers;
    }

    public void Dispose()
    {
        foreach (var table in _groupTables.Values) table.Release();
        _db.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover working directory is harmless; the next backend uses a fresh one.
        }
    }

    /// <summary>An uploaded SST file.</summary>
    /// <summary>An uploaded SST file: its handle, and where it is (the handle's path is relative to one checkpoint).</summary>
    private sealed record UploadedFile(StateFileHandle Handle, string Location);

    private static string LocationOf(ICheckpointWriter target, StateFileHandle handle) =>
        Path.GetFullPath(Path.Combine(target.Location, handle.RelativePath));
}
