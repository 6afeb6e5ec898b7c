namespace StreamSql.Execution.State.HashMap;

internal sealed class HashMapValueState(HashMapKeyedStateBackend backend, ushort id) : IValueState
{
    public byte[]? Value() =>
        backend.Read(id, backend.CurrentKeyGroup).TryGetValue(backend.CurrentKey, out var value) ? (byte[])value : null;

    public void Update(ReadOnlySpan<byte> value) =>
        backend.Write(id, backend.CurrentKeyGroup).GetAlternateLookup<ReadOnlySpan<byte>>()[backend.CurrentKey] = value.ToArray();

    public void Clear() => backend.Write(id, backend.CurrentKeyGroup).GetAlternateLookup<ReadOnlySpan<byte>>().Remove(backend.CurrentKey);
}

internal sealed class HashMapListState(HashMapKeyedStateBackend backend, ushort id) : IListState
{
    public IReadOnlyList<byte[]> Get() =>
        backend.Read(id, backend.CurrentKeyGroup).TryGetValue(backend.CurrentKey, out var value)
            ? ((ListValue)value).Items.ToArray()
            : Array.Empty<byte[]>();

    public void Add(ReadOnlySpan<byte> value)
    {
        var table = backend.Write(id, backend.CurrentKeyGroup).GetAlternateLookup<ReadOnlySpan<byte>>();
        if (!table.TryGetValue(backend.CurrentKey, out var existing))
        {
            table[backend.CurrentKey] = new ListValue(new List<byte[]> { value.ToArray() }, backend.Epoch);
            return;
        }
        var list = (ListValue)existing;
        if (backend.MustCopy(list.Epoch))
        {
            list = new ListValue(new List<byte[]>(list.Items), backend.Epoch);
            table[backend.CurrentKey] = list;
        }
        list.Epoch = backend.Epoch;
        list.Items.Add(value.ToArray());
    }

    public void Update(IReadOnlyList<byte[]> values)
    {
        var table = backend.Write(id, backend.CurrentKeyGroup).GetAlternateLookup<ReadOnlySpan<byte>>();
        if (values.Count == 0)
        {
            table.Remove(backend.CurrentKey);
            return;
        }
        var items = new List<byte[]>(values.Count);
        foreach (var v in values) items.Add((byte[])v.Clone());
        table[backend.CurrentKey] = new ListValue(items, backend.Epoch);
    }

    public void Clear() => backend.Write(id, backend.CurrentKeyGroup).GetAlternateLookup<ReadOnlySpan<byte>>().Remove(backend.CurrentKey);
}

internal sealed class HashMapMapState(HashMapKeyedStateBackend backend, ushort id) : IMapState
{
    public byte[]? Get(ReadOnlySpan<byte> userKey) =>
        Current() is { } map && map.Entries.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(userKey, out var value) ? value : null;

    public bool Contains(ReadOnlySpan<byte> userKey) =>
        Current() is { } map && map.Entries.GetAlternateLookup<ReadOnlySpan<byte>>().ContainsKey(userKey);

    public void Put(ReadOnlySpan<byte> userKey, ReadOnlySpan<byte> value) => PutFor(backend.CurrentKeyGroup, backend.CurrentKey, userKey, value);

    public void Remove(ReadOnlySpan<byte> userKey) => RemoveFor(backend.CurrentKeyGroup, backend.CurrentKey, userKey);

    public IReadOnlyList<KeyValuePair<byte[], byte[]>> Entries() =>
        Current() is { } map ? map.Entries.ToArray() : Array.Empty<KeyValuePair<byte[], byte[]>>();

    public bool IsEmpty() => Current() is null;

    public void Clear() => backend.Write(id, backend.CurrentKeyGroup).GetAlternateLookup<ReadOnlySpan<byte>>().Remove(backend.CurrentKey);

    private MapValue? Current() =>
        backend.Read(id, backend.CurrentKeyGroup).TryGetValue(backend.CurrentKey, out var value) ? (MapValue)value : null;

    internal void PutFor(int keyGroup, ReadOnlySpan<byte> key, ReadOnlySpan<byte> userKey, ReadOnlySpan<byte> value)
    {
        var map = Writable(keyGroup, key, create: true)!;
        map.Entries.GetAlternateLookup<ReadOnlySpan<byte>>()[userKey] = value.ToArray();
    }

    internal void RemoveFor(int keyGroup, ReadOnlySpan<byte> key, ReadOnlySpan<byte> userKey)
    {
        var map = Writable(keyGroup, key, create: false);
        if (map is null || !map.Entries.GetAlternateLookup<ReadOnlySpan<byte>>().Remove(userKey)) return;
        if (map.Entries.Count == 0) backend.Write(id, keyGroup).GetAlternateLookup<ReadOnlySpan<byte>>().Remove(key);
    }

    private MapValue? Writable(int keyGroup, ReadOnlySpan<byte> key, bool create)
    {
        var table = backend.Write(id, keyGroup).GetAlternateLookup<ReadOnlySpan<byte>>();
        if (!table.TryGetValue(key, out var existing))
        {
            if (!create) return null;
            var fresh = new MapValue(new Dictionary<byte[], byte[]>(ByteArrayComparer.Instance), backend.Epoch);
            table[key] = fresh;
            return fresh;
        }
        var map = (MapValue)existing;
        if (backend.MustCopy(map.Epoch))
        {
            map = new MapValue(new Dictionary<byte[], byte[]>(map.Entries, ByteArrayComparer.Instance), backend.Epoch);
            table[key] = map;
        }
        map.Epoch = backend.Epoch;
        return map;
    }
}
