using StreamSql.Sql.Planner.Connectors;

namespace StreamSql.Execution.Operators.Lookup;

/// <summary>
/// The PARTIAL lookup cache of one lookup join subtask (Flink's <c>DefaultLookupCache</c>): serialized key → the rows it
/// found. At most <see cref="LookupCacheSettings.MaxRows"/> keys, the least recently used dropped first; an entry older
/// than expire-after-write, or unread for expire-after-access, is a miss. Keys without rows are kept only with
/// cache-missing-key. Time comes from the operator's clock (milliseconds), so tests control expiry.
/// </summary>
internal sealed class LookupCache
{
    private sealed class Entry(byte[] key, LookupRows rows, long writtenAt)
    {
        public byte[] Key { get; } = key;
        public LookupRows Rows { get; } = rows;
        public long WrittenAt { get; } = writtenAt;
        public long ReadAt { get; set; } = writtenAt;
        public LinkedListNode<Entry>? Recency { get; set; }
    }

    private readonly LookupCacheSettings _settings;
    private readonly Dictionary<byte[], Entry> _entries = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], Entry>.AlternateLookup<ReadOnlySpan<byte>> _bySpan;
    private readonly LinkedList<Entry> _recency = new();
    private readonly long _writeTtl;
    private readonly long _accessTtl;

    public LookupCache(LookupCacheSettings settings)
    {
        _settings = settings;
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
        _writeTtl = settings.ExpireAfterWrite is { } w ? (long)w.TotalMilliseconds : long.MaxValue;
        _accessTtl = settings.ExpireAfterAccess is { } a ? (long)a.TotalMilliseconds : long.MaxValue;
    }

    public int Count => _entries.Count;

    /// <summary>The rows cached for <paramref name="key"/>, or null when it is not cached (or expired) at <paramref name="now"/>.</summary>
    public LookupRows? Get(ReadOnlySpan<byte> key, long now)
    {
        if (!_bySpan.TryGetValue(key, out var entry)) return null;
        if (now - entry.WrittenAt >= _writeTtl || now - entry.ReadAt >= _accessTtl)
        {
            Remove(entry);
            return null;
        }
        entry.ReadAt = now;
        if (entry.Recency is { } node && !ReferenceEquals(_recency.Last, node))
        {
            _recency.Remove(node);
            _recency.AddLast(node);
        }
        return entry.Rows;
    }

    public void Put(byte[] key, LookupRows rows, long now)
    {
        if (rows.IsMissing && !_settings.CacheMissingKey) return;
        if (_entries.TryGetValue(key, out var old)) Remove(old);
        var entry = new Entry(key, rows, now);
        _entries[key] = entry;
        if (_settings.MaxRows is { } max)
        {
            entry.Recency = _recency.AddLast(entry);
            while (_entries.Count > max && _recency.First is { } oldest) Remove(oldest.Value);
        }
    }

    private void Remove(Entry entry)
    {
        _entries.Remove(entry.Key);
        if (entry.Recency is not null) _recency.Remove(entry.Recency);
        entry.Recency = null;
    }
}
