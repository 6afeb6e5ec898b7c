using System.Runtime.InteropServices;
using RocksDbSharp;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.State.RocksDb;

/// <summary>
/// The rows of one <see cref="GroupTable"/> in RocksDB (<see cref="RocksDbKeyLayout"/>: a plain table's rows are laid out
/// as any keyed state; a namespaced table puts the namespace before the key, so one namespace of one key group is one
/// contiguous range that a window slice is read or deleted by). Lookups go to RocksDB as one multi-get per batch, writes
/// as one write batch; reads go through the backend's (shared) block cache.
/// </summary>
internal sealed class RocksDbGroupRowStore(RocksDbKeyedStateBackend backend, ushort stateId, bool namespaced, int maxCachedGroups) : IGroupRowStore
{
    private byte[] _keys = new byte[4096];
    private IntPtr[] _keyPointers = new IntPtr[64];
    private UIntPtr[] _keySizes = new UIntPtr[64];
    private IntPtr[] _values = new IntPtr[64];
    private UIntPtr[] _valueSizes = new UIntPtr[64];
    private IntPtr[] _errors = new IntPtr[64];
    private int[] _offsets = new int[65];
    private byte[] _value = new byte[256];
    private readonly ReadOptions _readOptions = new();

    public int MaxCachedGroups => maxCachedGroups;

    private int WriteKey(byte[] buffer, int pos, int keyGroup, long @namespace, ReadOnlySpan<byte> key) =>
        pos + RocksDbKeyLayout.WriteGroupRowKey(buffer.AsSpan(pos), keyGroup, stateId, namespaced, @namespace, key);

    public unsafe void Load(GroupRowRequests requests, GroupRowVisitor found)
    {
        int n = requests.Count;
        if (n == 0) return;
        if (_keyPointers.Length < n)
        {
            int size = Math.Max(n, _keyPointers.Length * 2);
            _keyPointers = new IntPtr[size];
            _keySizes = new UIntPtr[size];
            _values = new IntPtr[size];
            _valueSizes = new UIntPtr[size];
            _errors = new IntPtr[size];
            _offsets = new int[size + 1];
        }
        int total = 0;
        for (int i = 0; i < n; i++) total += RocksDbKeyLayout.GroupRowKeyLength(namespaced, requests.Key(i).Length);
        if (_keys.Length < total) _keys = new byte[Math.Max(total, _keys.Length * 2)];
        int pos = 0;
        for (int i = 0; i < n; i++)
        {
            _offsets[i] = pos;
            pos = WriteKey(_keys, pos, requests.KeyGroup(i), requests.Namespace(i), requests.Key(i));
        }
        _offsets[n] = pos;
        fixed (byte* keys = _keys)
        {
            for (int i = 0; i < n; i++)
            {
                _keyPointers[i] = (IntPtr)(keys + _offsets[i]);
                _keySizes[i] = (UIntPtr)(_offsets[i + 1] - _offsets[i]);
                _errors[i] = IntPtr.Zero;
                _values[i] = IntPtr.Zero;
            }
            Native.Instance.rocksdb_multi_get(backend.Db.Handle, _readOptions.Handle, (UIntPtr)n, _keyPointers, _keySizes, _values, _valueSizes, _errors);
        }
        Exception? failure = null;
        for (int i = 0; i < n; i++)
        {
            if (_errors[i] != IntPtr.Zero)
            {
                failure ??= new IOException("rocksdb multi-get failed: " + Marshal.PtrToStringAnsi(_errors[i]));
                Native.Instance.rocksdb_free(_errors[i]);
            }
            if (_values[i] == IntPtr.Zero) continue;
            int length = (int)_valueSizes[i];
            if (_value.Length < length) _value = new byte[Math.Max(length, _value.Length * 2)];
            new ReadOnlySpan<byte>((void*)_values[i], length).CopyTo(_value);
            Native.Instance.rocksdb_free(_values[i]);
            if (failure is null) found(i, requests.KeyGroup(i), requests.Namespace(i), requests.Key(i), _value.AsSpan(0, length));
        }
        if (failure is not null) throw failure;
    }

    public void Write(GroupRowWrites writes)
    {
        using var batch = new WriteBatch();
        var key = new byte[256];
        for (int i = 0; i < writes.Count; i++)
        {
            int length = RocksDbKeyLayout.GroupRowKeyLength(namespaced, writes.Key(i).Length);
            if (key.Length < length) key = new byte[length * 2];
            WriteKey(key, 0, writes.KeyGroup(i), writes.Namespace(i), writes.Key(i));
            if (writes.IsDelete(i)) batch.Delete(key.AsSpan(0, length));
            else batch.Put(key.AsSpan(0, length), writes.Value(i));
        }
        backend.Db.Write(batch, backend.WriteOptions);
    }

    public void ScanNamespace(long @namespace, GroupRowVisitor visitor)
    {
        if (!namespaced) throw new InvalidOperationException("the table has no namespaces");
        var range = backend.KeyGroupRange;
        for (int g = range.Start; g <= range.End; g++)
            backend.ScanPrefix(RocksDbKeyLayout.NamespacePrefix(g, stateId, @namespace), (stored, value) =>
            {
                RocksDbKeyLayout.ParseGroupRow(stored, namespaced: true, out int keyGroup, out _, out long ns, out var key);
                visitor(-1, keyGroup, ns, key, value);
                return true;
            });
    }

    public void ScanKeyGroup(int keyGroup, GroupRowVisitor visitor)
    {
        if (namespaced) throw new InvalidOperationException("the table has namespaces: scan them one at a time");
        backend.ScanPrefix(RocksDbKeyLayout.StatePrefix(keyGroup, stateId), (stored, value) =>
        {
            RocksDbKeyLayout.ParseGroupRow(stored, namespaced: false, out int g, out _, out long ns, out var key);
            visitor(-1, g, ns, key, value);
            return true;
        });
    }

    public void DeleteNamespace(long @namespace)
    {
        var range = backend.KeyGroupRange;
        using var batch = new WriteBatch();
        for (int g = range.Start; g <= range.End; g++)
        {
            var from = RocksDbKeyLayout.NamespacePrefix(g, stateId, @namespace);
            var to = RocksDbKeyLayout.PrefixEnd(from);
            batch.DeleteRange(from, (ulong)from.Length, to, (ulong)to.Length);
        }
        backend.Db.Write(batch, backend.WriteOptions);
    }
}
