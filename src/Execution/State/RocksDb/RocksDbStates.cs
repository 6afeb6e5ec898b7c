namespace StreamSql.Execution.State.RocksDb;

internal sealed class RocksDbValueState(RocksDbKeyedStateBackend backend, ushort id) : IValueState
{
    public byte[]? Value() => backend.Db.Get(backend.CurrentStoredKey(id, default));

    public void Update(ReadOnlySpan<byte> value) => backend.Db.Put(backend.CurrentStoredKey(id, default), value, null, backend.WriteOptions);

    public void Clear() => backend.Db.Remove(backend.CurrentStoredKey(id, default), null, backend.WriteOptions);
}

internal sealed class RocksDbListState(RocksDbKeyedStateBackend backend, ushort id) : IListState
{
    public IReadOnlyList<byte[]> Get()
    {
        var bytes = backend.Db.Get(backend.CurrentStoredKey(id, default));
        return bytes is null ? Array.Empty<byte[]>() : ListEncoding.Decode(bytes);
    }

    public void Add(ReadOnlySpan<byte> value)
    {
        var key = backend.CurrentStoredKey(id, default);
        var existing = backend.Db.Get(key);
        backend.Db.Put(key, ListEncoding.Append(existing, value), null, backend.WriteOptions);
    }

    public void Update(IReadOnlyList<byte[]> values)
    {
        if (values.Count == 0)
            Clear();
        else
            backend.Db.Put(backend.CurrentStoredKey(id, default), ListEncoding.Encode(values), null, backend.WriteOptions);
    }

    public void Clear() => backend.Db.Remove(backend.CurrentStoredKey(id, default), null, backend.WriteOptions);
}

internal sealed class RocksDbMapState(RocksDbKeyedStateBackend backend, ushort id) : IMapState
{
    public byte[]? Get(ReadOnlySpan<byte> userKey) => backend.Db.Get(backend.CurrentStoredKey(id, userKey));

    public bool Contains(ReadOnlySpan<byte> userKey) => backend.Db.HasKey(backend.CurrentStoredKey(id, userKey));

    public void Put(ReadOnlySpan<byte> userKey, ReadOnlySpan<byte> value) =>
        backend.Db.Put(backend.CurrentStoredKey(id, userKey), value, null, backend.WriteOptions);

    public void Remove(ReadOnlySpan<byte> userKey) => backend.Db.Remove(backend.CurrentStoredKey(id, userKey), null, backend.WriteOptions);

    public IReadOnlyList<KeyValuePair<byte[], byte[]>> Entries()
    {
        var prefix = backend.CurrentStoredKey(id, default).ToArray();
        var entries = new List<KeyValuePair<byte[], byte[]>>();
        backend.ScanPrefix(prefix, (key, value) =>
        {
            entries.Add(new(key[prefix.Length..].ToArray(), value.ToArray()));
            return true;
        });
        return entries;
    }

    public bool IsEmpty()
    {
        var prefix = backend.CurrentStoredKey(id, default).ToArray();
        bool empty = true;
        backend.ScanPrefix(prefix, (_, _) => { empty = false; return false; });
        return empty;
    }

    public void Clear() => backend.DeletePrefix(backend.CurrentStoredKey(id, default));
}
