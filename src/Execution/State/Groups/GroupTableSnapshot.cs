namespace StreamSql.Execution.State.Groups;

/// <summary>
/// A <see cref="GroupTable"/> as its snapshot's synchronous part captured it (page references, arena chunks; copy-on-write
/// keeps them unchanged), written key group by key group into the canonical keyed-state file: one entry per group with
/// key = the serialized key, user key = the namespace (8 bytes, big-endian, sign flipped; empty when not namespaced),
/// value = the state row. Writing may run on another thread; it may be written more than once (a finished subtask's
/// final state) until <see cref="Dispose"/>.
/// </summary>
internal sealed class GroupTableSnapshot : IDisposable
{
    private readonly GroupTable _table;
    private readonly PagedColumnView<uint> _entryOf;
    private readonly byte[][] _arena;
    private readonly int _highWater;
    private readonly IGroupColumnSnapshot[] _columns;
    private readonly object _bucketLock = new();
    private int[]? _bucketStarts;
    private int[]? _bucketGroups;
    private int _released;

    public GroupTableSnapshot(GroupTable table, PagedColumnView<uint> entryOf, byte[][] arena, int highWater, IGroupColumnSnapshot[] columns)
    {
        _table = table;
        _entryOf = entryOf;
        _arena = arena;
        _highWater = highWater;
        _columns = columns;
    }

    public StateInfo Info => new(_table.StateId, _table.Kind, _table.Name);

    private GroupEntry Entry(int group) => new(GroupEntryArena.Read(_arena, _entryOf[group]), _table.Spec.Namespaced);

    /// <summary>Groups bucketed by key group (a counting sort, done once).</summary>
    private void Bucket()
    {
        lock (_bucketLock)
        {
            if (_bucketStarts is not null) return;
            var range = _table.KeyGroupRange;
            var starts = new int[range.Count + 1];
            int live = 0;
            for (int g = 0; g < _highWater; g++)
            {
                if (_entryOf[g] == GroupKeyIndex.Free) continue;
                starts[Entry(g).KeyGroup - range.Start + 1]++;
                live++;
            }
            for (int i = 1; i < starts.Length; i++) starts[i] += starts[i - 1];
            var cursor = starts.AsSpan(0, range.Count).ToArray();
            var groups = new int[live];
            for (int g = 0; g < _highWater; g++)
            {
                if (_entryOf[g] == GroupKeyIndex.Free) continue;
                groups[cursor[Entry(g).KeyGroup - range.Start]++] = g;
            }
            _bucketGroups = groups;
            _bucketStarts = starts;
        }
    }

    /// <summary>Writes the entries of key group <paramref name="keyGroup"/> (inside an open key group section).</summary>
    public void WriteKeyGroup(int keyGroup, CanonicalSnapshotWriter writer, StateRowWriter row)
    {
        Bucket();
        int index = keyGroup - _table.KeyGroupRange.Start;
        if (index < 0 || index >= _table.KeyGroupRange.Count) return;
        Span<byte> ns = stackalloc byte[8];
        bool namespaced = _table.Spec.Namespaced;
        for (int i = _bucketStarts![index]; i < _bucketStarts[index + 1]; i++)
        {
            int g = _bucketGroups![i];
            var entry = Entry(g);
            row.Clear();
            row.WriteVarULong((ulong)_columns.Length);
            foreach (var column in _columns)
            {
                int mark = row.BeginLengthPrefixed();
                column.WriteState(g, row);
                row.EndLengthPrefixed(mark);
            }
            if (namespaced) GroupTable.EncodeNamespace(entry.Namespace, ns);
            writer.WriteEntry(_table.StateId, entry.Key, namespaced ? ns : ReadOnlySpan<byte>.Empty, row.Written);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _table.Epoch.EndSnapshot();
    }
}
