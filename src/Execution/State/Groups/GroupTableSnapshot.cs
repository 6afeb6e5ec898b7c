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
    private SnapshotEntryBuffers? _buffers;
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

    /// <summary>
    /// Serializes every group once, in group order, into the buffer of its key group: groups, their arena entries and their
    /// column pages are then read in memory order (visiting them key group by key group would read each at random). A
    /// buffer holds per entry its key, its namespace (8 bytes, namespaced tables) and its state row, each varint-length-prefixed.
    /// </summary>
    private void Serialize()
    {
        lock (_bucketLock)
        {
            if (_buffers is not null) return;
            var range = _table.KeyGroupRange;
            var buffers = _table.RentSnapshotBuffers();
            bool namespaced = _table.Spec.Namespaced;
            var row = new StateRowWriter();
            Span<byte> ns = stackalloc byte[8];
            for (int g = 0; g < _highWater; g++)
            {
                if (_entryOf[g] == GroupKeyIndex.Free) continue;
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
                buffers.Add(entry.KeyGroup - range.Start, _table.StateId, entry.Key, namespaced ? ns : ReadOnlySpan<byte>.Empty, row.Written);
            }
            _buffers = buffers;
        }
    }

    /// <summary>Writes the entries of key group <paramref name="keyGroup"/> (inside an open key group section).</summary>
    public void WriteKeyGroup(int keyGroup, CanonicalSnapshotWriter writer)
    {
        Serialize();
        int index = keyGroup - _table.KeyGroupRange.Start;
        if (index < 0 || index >= _table.KeyGroupRange.Count) return;
        writer.WriteEncodedEntries(_buffers!.Written(index));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0) return;
        lock (_bucketLock)
        {
            if (_buffers is not null) _table.ReturnSnapshotBuffers(_buffers);
            _buffers = null;
        }
        _table.Epoch.EndSnapshot();
    }
}
