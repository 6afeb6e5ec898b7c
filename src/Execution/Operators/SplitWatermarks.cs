using System.Buffers.Binary;
using System.Text;
using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Operators;

/// <summary>
/// The watermarks of the splits a source subtask reads, as Flink's split-local watermark generation (its
/// <c>WatermarkOutputMultiplexer</c> in the SourceOperator): each split's watermark is the highest value of the
/// <c>WATERMARK FOR</c> expression over its own rows; the subtask's is the minimum over the splits that are not idle. A
/// split without rows for the idle timeout (<c>table.exec.source.idle-timeout</c>) is idle and does not hold the minimum
/// back until it has rows again; a split that has had no row yet holds it at "no watermark" (until it idles), so a new
/// or quiet partition's rows are not late. When every split is idle there is no minimum (the subtask itself is idle).
/// Splits leave when the source stops reading them (a bounded split ended). The watermarks are checkpointed by split id,
/// so after a restore, at any parallelism, a split continues from its own watermark in whichever subtask reads it.
/// </summary>
internal sealed class SplitWatermarks(long idleTimeoutMillis)
{
    private sealed class Split(long watermark, long lastActiveMillis)
    {
        public long Watermark = watermark;
        public long LastActiveMillis = lastActiveMillis;
        public bool Idle;
    }

    private readonly Dictionary<string, Split> _splits = new(StringComparer.Ordinal);
    /// <summary>Restored watermarks, by split, until the first assignment says which splits are this subtask's.</summary>
    private Dictionary<string, long>? _restored;
    private SourceSplitSet? _assigned;

    /// <summary>Whether batches with split information have come (until then the assigner works on whole batches).</summary>
    public bool InUse => _assigned is not null;

    /// <summary>Whether restored split watermarks wait for the first assignment (they are checkpointed again meanwhile).</summary>
    public bool HasRestored => _restored is not null;

    /// <summary>The splits the source reads now (<paramref name="assigned"/>, compared by reference): new ones start
    /// with their restored watermark (or none) and active; splits no longer read are dropped.</summary>
    public void OnAssignment(SourceSplitSet assigned, long nowMillis)
    {
        if (ReferenceEquals(assigned, _assigned)) return;
        _assigned = assigned;
        var ids = assigned.Ids;
        if (_splits.Count > 0)
        {
            var current = new HashSet<string>(ids, StringComparer.Ordinal);
            foreach (var id in _splits.Keys.ToList())
                if (!current.Contains(id)) _splits.Remove(id);
        }
        foreach (var id in ids)
        {
            if (_splits.ContainsKey(id)) continue;
            long restored = _restored is not null && _restored.TryGetValue(id, out var w) ? w : long.MinValue;
            _splits[id] = new Split(restored, nowMillis);
        }
        _restored = null; // the reader knows every split this subtask owns: other restored splits are other subtasks'
    }

    /// <summary>Rows of <paramref name="splitId"/> whose largest watermark value is <paramref name="max"/>
    /// (<see cref="long.MinValue"/> when all were NULL) were read: the split is active and its watermark moves up.</summary>
    public void OnRows(string splitId, long max, long nowMillis)
    {
        // A split that ended within the batch is no longer in the assignment: it holds nothing back any more.
        if (!_splits.TryGetValue(splitId, out var split)) return;
        if (max > split.Watermark) split.Watermark = max;
        split.LastActiveMillis = nowMillis;
        split.Idle = false;
    }

    /// <summary>The minimum over the active splits; null when there is none (every split idle, or no split).</summary>
    public long? Combined
    {
        get
        {
            long? min = null;
            foreach (var split in _splits.Values)
                if (!split.Idle && (min is not { } m || split.Watermark < m)) min = split.Watermark;
            return min;
        }
    }

    /// <summary>When the next active split becomes idle (<see cref="long.MaxValue"/>: never).</summary>
    public long NextIdleMillis
    {
        get
        {
            if (idleTimeoutMillis == long.MaxValue) return long.MaxValue;
            long next = long.MaxValue;
            foreach (var split in _splits.Values)
                if (!split.Idle) next = Math.Min(next, split.LastActiveMillis + idleTimeoutMillis);
            return next;
        }
    }

    /// <summary>Marks the splits without rows for the idle timeout idle; true when one became idle.</summary>
    public bool MarkIdle(long nowMillis)
    {
        if (idleTimeoutMillis == long.MaxValue) return false;
        bool changed = false;
        foreach (var split in _splits.Values)
        {
            if (split.Idle || nowMillis - split.LastActiveMillis < idleTimeoutMillis) continue;
            split.Idle = true;
            changed = true;
        }
        return changed;
    }

    /// <summary>Appends the splits' watermarks to <paramref name="entry"/>: a count, then per split its UTF-8 id (length
    /// first) and watermark, little-endian. Restored splits not yet known to be another subtask's are kept too.</summary>
    public void Write(List<byte> entry)
    {
        var all = new List<(string Id, long Watermark)>();
        foreach (var (id, split) in _splits) all.Add((id, split.Watermark));
        if (_restored is not null)
            foreach (var (id, watermark) in _restored) all.Add((id, watermark));
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(number, all.Count);
        entry.AddRange(number[..4]);
        foreach (var (id, watermark) in all)
        {
            var bytes = Encoding.UTF8.GetBytes(id);
            BinaryPrimitives.WriteInt32LittleEndian(number, bytes.Length);
            entry.AddRange(number[..4]);
            entry.AddRange(bytes);
            BinaryPrimitives.WriteInt64LittleEndian(number, watermark);
            entry.AddRange(number);
        }
    }

    /// <summary>Takes the split watermarks of a restored entry (the part <see cref="Write"/> wrote); a split found in
    /// several entries keeps the highest (an old subtask that read it on has the newest). False when the bytes do not
    /// hold what <see cref="Write"/> writes.</summary>
    public bool Restore(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4) return false;
        int count = BinaryPrimitives.ReadInt32LittleEndian(data);
        data = data[4..];
        if (count < 0 || count > data.Length / 12) return false;
        _restored ??= new Dictionary<string, long>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            if (data.Length < 4) return false;
            int length = BinaryPrimitives.ReadInt32LittleEndian(data);
            if (length < 0 || data.Length < 4 + length + 8) return false;
            var id = Encoding.UTF8.GetString(data.Slice(4, length));
            long watermark = BinaryPrimitives.ReadInt64LittleEndian(data[(4 + length)..]);
            data = data[(4 + length + 8)..];
            _restored[id] = _restored.TryGetValue(id, out var other) ? Math.Max(other, watermark) : watermark;
        }
        return data.IsEmpty;
    }
}
