namespace StreamSql.Execution.State.Groups;

/// <summary>
/// Where a <see cref="GroupTable"/> keeps the groups that do not fit in memory (the rocksdb backend): rows of
/// (key group, namespace, key) → state row, read and written in batches.
/// </summary>
internal interface IGroupRowStore
{
    /// <summary>How many groups the table keeps in memory before it writes back and evicts.</summary>
    int MaxCachedGroups { get; }

    /// <summary>Reads the rows of <paramref name="requests"/> in one batch; calls <paramref name="found"/> for each that exists.</summary>
    void Load(GroupRowRequests requests, GroupRowVisitor found);

    /// <summary>Applies puts and deletes in one write batch.</summary>
    void Write(GroupRowWrites writes);

    /// <summary>Every stored row of a namespace (for firing it whole).</summary>
    void ScanNamespace(long @namespace, GroupRowVisitor visitor);

    /// <summary>Deletes every stored row of a namespace.</summary>
    void DeleteNamespace(long @namespace);

    /// <summary>Every stored row of one key group (a table without namespaces).</summary>
    void ScanKeyGroup(int keyGroup, GroupRowVisitor visitor);
}

/// <summary>Receives one stored row: its request index (or -1 for scans), key group, namespace, key and state row.</summary>
internal delegate void GroupRowVisitor(int request, int keyGroup, long @namespace, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

/// <summary>A batch of (key group, namespace, key) lookups; keys packed in one buffer.</summary>
internal sealed class GroupRowRequests
{
    private byte[] _keys = new byte[4096];
    private int _keyBytes;
    private readonly List<(int KeyGroup, long Namespace, int Offset, int Length, int Group)> _items = new();

    public int Count => _items.Count;

    public void Clear()
    {
        _items.Clear();
        _keyBytes = 0;
    }

    public void Add(int keyGroup, long @namespace, ReadOnlySpan<byte> key, int group)
    {
        if (_keyBytes + key.Length > _keys.Length) Array.Resize(ref _keys, Math.Max(_keys.Length * 2, _keyBytes + key.Length));
        key.CopyTo(_keys.AsSpan(_keyBytes));
        _items.Add((keyGroup, @namespace, _keyBytes, key.Length, group));
        _keyBytes += key.Length;
    }

    public int KeyGroup(int i) => _items[i].KeyGroup;
    public long Namespace(int i) => _items[i].Namespace;
    public ReadOnlySpan<byte> Key(int i) => _keys.AsSpan(_items[i].Offset, _items[i].Length);
    public int Group(int i) => _items[i].Group;
}

/// <summary>A batch of row puts (with their state rows) and deletes.</summary>
internal sealed class GroupRowWrites
{
    private byte[] _bytes = new byte[1 << 16];
    private int _used;
    private readonly List<(int KeyGroup, long Namespace, int KeyOffset, int KeyLength, int ValueOffset, int ValueLength)> _items = new();

    public int Count => _items.Count;

    public long Bytes => _used;

    public void Clear()
    {
        _items.Clear();
        _used = 0;
    }

    public void Put(int keyGroup, long @namespace, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        int k = Append(key), v = Append(value);
        _items.Add((keyGroup, @namespace, k, key.Length, v, value.Length));
    }

    public void Delete(int keyGroup, long @namespace, ReadOnlySpan<byte> key) => _items.Add((keyGroup, @namespace, Append(key), key.Length, -1, 0));

    private int Append(ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + bytes.Length));
        bytes.CopyTo(_bytes.AsSpan(_used));
        int at = _used;
        _used += bytes.Length;
        return at;
    }

    public int KeyGroup(int i) => _items[i].KeyGroup;
    public long Namespace(int i) => _items[i].Namespace;
    public ReadOnlySpan<byte> Key(int i) => _bytes.AsSpan(_items[i].KeyOffset, _items[i].KeyLength);
    public bool IsDelete(int i) => _items[i].ValueOffset < 0;
    public ReadOnlySpan<byte> Value(int i) => _items[i].ValueOffset < 0 ? default : _bytes.AsSpan(_items[i].ValueOffset, _items[i].ValueLength);
}
