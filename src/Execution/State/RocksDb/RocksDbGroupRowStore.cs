using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using RocksDbSharp;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.State.RocksDb;

/// <summary>
/// The rows of one <see cref="GroupTable"/> in RocksDB (<see cref="RocksDbKeyLayout"/>: a plain table's rows are laid out
/// as any keyed state; a namespaced table puts the namespace before the key, so one namespace of one key group is one
/// contiguous range that a window slice is read or deleted by). Lookups go to RocksDB as one sorted, batched multi-get per
/// batch, writes as one write batch in key order (<see cref="StoredKeyOrder"/>); reads go through the backend's (shared)
/// block cache.
/// </summary>
internal sealed class RocksDbGroupRowStore(RocksDbKeyedStateBackend backend, ushort stateId, bool namespaced, int maxCachedGroups) : IGroupRowStore
{
    private byte[] _keys = new byte[4096];
    private IntPtr[] _keyPointers = new IntPtr[64];
    private UIntPtr[] _keySizes = new UIntPtr[64];
    private IntPtr[] _values = new IntPtr[64];
    private IntPtr[] _errors = new IntPtr[64];
    private int[] _offsets = new int[65];
    private readonly StoredKeyOrder _order = new();
    private readonly WriteBatch _batch = new();
    private readonly ReadOptions _readOptions = new();
    private IntPtr _familyOf;
    private IntPtr _family;

    /// <summary>The default column family of the backend's database as the C API names it (the backend reopens its
    /// database on restore). The few bytes of the handle are not freed: destroying a default family's handle is not safe
    /// in every RocksDB version.</summary>
    private IntPtr DefaultFamily()
    {
        var db = backend.Db.Handle;
        if (db != _familyOf)
        {
            _family = Native.Instance.rocksdb_get_default_column_family_handle(db);
            _familyOf = db;
        }
        return _family;
    }

    public int MaxCachedGroups => maxCachedGroups;

    private int WriteKey(byte[] buffer, int pos, int keyGroup, long @namespace, ReadOnlySpan<byte> key) =>
        pos + RocksDbKeyLayout.WriteGroupRowKey(buffer.AsSpan(pos), keyGroup, stateId, namespaced, @namespace, key);

    /// <summary>Serializes the stored keys of <paramref name="count"/> rows into <see cref="_keys"/> (key i at
    /// <see cref="_offsets"/>[i]) and returns their key order.</summary>
    private ReadOnlySpan<int> PackKeys(int count, Func<int, int> keyGroup, Func<int, long> @namespace, KeyAt key)
    {
        if (_offsets.Length < count + 1) _offsets = new int[Math.Max(count + 1, _offsets.Length * 2)];
        int total = 0;
        for (int i = 0; i < count; i++) total += RocksDbKeyLayout.GroupRowKeyLength(namespaced, key(i).Length);
        if (_keys.Length < total) _keys = new byte[Math.Max(total, _keys.Length * 2)];
        int pos = 0;
        for (int i = 0; i < count; i++)
        {
            _offsets[i] = pos;
            pos = WriteKey(_keys, pos, keyGroup(i), @namespace(i), key(i));
        }
        _offsets[count] = pos;
        return _order.Sort(_keys, _offsets, count);
    }

    private delegate ReadOnlySpan<byte> KeyAt(int index);

    /// <summary>One batched multi-get of every request, the keys sorted (RocksDB then finds each block, filter and index
    /// partition once for all the keys in it); <paramref name="found"/> is called in key order.</summary>
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
            _errors = new IntPtr[size];
        }
        var order = PackKeys(n, requests.KeyGroup, requests.Namespace, requests.Key);
        var native = Native.Instance;
        fixed (byte* keys = _keys)
        fixed (IntPtr* values = _values)
        {
            for (int i = 0; i < n; i++)
            {
                int r = order[i];
                _keyPointers[i] = (IntPtr)(keys + _offsets[r]);
                _keySizes[i] = (UIntPtr)(_offsets[r + 1] - _offsets[r]);
                _errors[i] = IntPtr.Zero;
                _values[i] = IntPtr.Zero;
            }
            native.rocksdb_batched_multi_get_cf(backend.Db.Handle, _readOptions.Handle, DefaultFamily(), (UIntPtr)n, _keyPointers, _keySizes,
                (IntPtr)values, _errors, 1);
        }
        // Every error string and value is freed, even after a failure (of RocksDB or of the visitor).
        ExceptionDispatchInfo? failure = null;
        for (int i = 0; i < n; i++)
        {
            if (_errors[i] != IntPtr.Zero)
            {
                failure ??= ExceptionDispatchInfo.Capture(new IOException("rocksdb multi-get failed: " + Marshal.PtrToStringAnsi(_errors[i])));
                native.rocksdb_free(_errors[i]);
            }
            if (_values[i] == IntPtr.Zero) continue;
            try
            {
                if (failure is not null) continue;
                var value = native.rocksdb_pinnableslice_value(_values[i], out var length);
                int r = order[i];
                found(r, requests.KeyGroup(r), requests.Namespace(r), requests.Key(r), new ReadOnlySpan<byte>((void*)value, checked((int)length)));
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                native.rocksdb_pinnableslice_destroy(_values[i]);
            }
        }
        failure?.Throw();
    }

    /// <summary>One write batch of every put and delete, in key order (equal keys in the order given).</summary>
    public void Write(GroupRowWrites writes)
    {
        int n = writes.Count;
        if (n == 0) return;
        var order = PackKeys(n, writes.KeyGroup, writes.Namespace, writes.Key);
        _batch.Clear();
        foreach (int i in order)
        {
            var key = _keys.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i]);
            if (writes.IsDelete(i)) _batch.Delete(key);
            else _batch.Put(key, writes.Value(i));
        }
        backend.Db.Write(_batch, backend.WriteOptions);
        _batch.Clear();
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
