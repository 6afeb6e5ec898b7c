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
    /// <summary>Set when the table is written straight to the file (<see cref="StreamKeyGroup"/>), not through buffers.</summary>
    private readonly ISizedColumnSnapshot[]? _sized;
    private (int[] Order, int[] Starts)? _byKeyGroup;
    private StateRowWriter? _scratch;
    private SnapshotEntryBuffers? _buffers;
    private int _released;

    public GroupTableSnapshot(GroupTable table, PagedColumnView<uint> entryOf, byte[][] arena, int highWater, IGroupColumnSnapshot[] columns)
    {
        _table = table;
        _entryOf = entryOf;
        _arena = arena;
        _highWater = highWater;
        _columns = columns;
        if (FixedStateRowEncoder.TryCreate(columns) is null) _sized = SizedColumns(columns);
    }

    public StateInfo Info => new(_table.StateId, _table.Kind, _table.Name);

    /// <summary>
    /// Serializes every group once, in group order, into the buffer of its key group: groups, their arena entries and their
    /// column pages are then read in memory order (visiting them key group by key group would read each at random). Each
    /// entry is encoded in place as <see cref="CanonicalSnapshotWriter.WriteEntry"/> writes it: its key, its namespace
    /// (8 bytes, namespaced tables) and its state row, each varint-length-prefixed.
    /// </summary>
    private void Serialize()
    {
        lock (_bucketLock)
        {
            if (_buffers is not null) return;
            var buffers = _table.RentSnapshotBuffers();
            if (FixedStateRowEncoder.TryCreate(_columns) is { } encoder) SerializeFixed(buffers, encoder);
            else SerializeAny(buffers);
            _buffers = buffers;
        }
    }

    /// <summary>Every column is fixed-size vectors: an entry is encoded in one go into room reserved for its longest form.</summary>
    private void SerializeFixed(SnapshotEntryBuffers buffers, FixedStateRowEncoder encoder)
    {
        int firstKeyGroup = _table.KeyGroupRange.Start;
        bool namespaced = _table.Spec.Namespaced;
        byte idLow = (byte)_table.StateId, idHigh = (byte)(_table.StateId >> 8);
        // Header, key length (varint of at most 5 bytes), namespace (its length and 8 bytes), row length (one byte) and row.
        int maxEntry = 3 + 5 + 9 + 1 + encoder.MaxRowLength;
        for (int g = 0; g < _highWater; g++)
        {
            uint address = _entryOf[g];
            if (address == GroupKeyIndex.Free) continue;
            var entry = new GroupEntry(GroupEntryArena.Read(_arena, address), namespaced);
            var key = entry.Key;
            var writer = buffers.For(entry.KeyGroup - firstKeyGroup);
            var span = writer.Reserve(maxEntry + key.Length);
            span[0] = 1;
            span[1] = idLow;
            span[2] = idHigh;
            int pos = 3 + VarInt.Write(span[3..], (ulong)key.Length);
            key.CopyTo(span[pos..]);
            pos += key.Length;
            if (namespaced)
            {
                span[pos] = 8;
                GroupTable.EncodeNamespace(entry.Namespace, span[(pos + 1)..]);
                pos += 9;
            }
            else span[pos++] = 0;
            int row = encoder.Encode(g, span[(pos + 1)..]);
            span[pos] = (byte)row;
            writer.Advance(pos + 1 + row);
        }
    }

    private void SerializeAny(SnapshotEntryBuffers buffers)
    {
        int firstKeyGroup = _table.KeyGroupRange.Start;
        bool namespaced = _table.Spec.Namespaced;
        ulong columnCount = (ulong)_columns.Length;
        for (int g = 0; g < _highWater; g++)
        {
            uint address = _entryOf[g];
            if (address == GroupKeyIndex.Free) continue;
            var entry = new GroupEntry(GroupEntryArena.Read(_arena, address), namespaced);
            var writer = buffers.For(entry.KeyGroup - firstKeyGroup);
            WriteEntryHead(entry, namespaced, writer);
            int value = writer.BeginLengthPrefixed();
            writer.WriteVarULong(columnCount);
            foreach (var column in _columns)
            {
                int mark = writer.BeginLengthPrefixed();
                column.WriteState(g, writer);
                writer.EndLengthPrefixed(mark);
            }
            writer.EndLengthPrefixed(value);
        }
    }

    /// <summary>An entry's header, key and namespace, as <see cref="CanonicalSnapshotWriter.WriteEntry"/> writes them.</summary>
    private void WriteEntryHead(GroupEntry entry, bool namespaced, StateRowWriter writer)
    {
        Span<byte> head = [1, (byte)_table.StateId, (byte)(_table.StateId >> 8)];
        writer.WriteRaw(head);
        writer.WriteBytes(entry.Key);
        if (namespaced)
        {
            Span<byte> ns = stackalloc byte[8];
            GroupTable.EncodeNamespace(entry.Namespace, ns);
            writer.WriteBytes(ns);
        }
        else writer.WriteByte(0);
    }

    /// <summary>A group's value when its columns' lengths are known: the lengths are written in front as they are (a value of
    /// 128 bytes or more, written first and its length put in front after, was moved up once per length prefix).</summary>
    private static void WriteSized(int group, StateRowWriter writer, ISizedColumnSnapshot[] columns, long[] lengths)
    {
        long value = VarInt.Size((ulong)columns.Length);
        for (int c = 0; c < columns.Length; c++)
        {
            lengths[c] = columns[c].StateLength(group);
            value += VarInt.Size((ulong)lengths[c]) + lengths[c];
        }
        writer.WriteVarULong((ulong)value);
        writer.WriteVarULong((ulong)columns.Length);
        for (int c = 0; c < columns.Length; c++)
        {
            writer.WriteVarULong((ulong)lengths[c]);
            int start = writer.Length;
            columns[c].WriteState(group, writer);
            if (writer.Length - start != lengths[c])
                throw new InvalidOperationException($"a state column wrote {writer.Length - start} bytes for a group, not the {lengths[c]} it announced");
        }
    }

    /// <summary>The columns when every one knows its state rows' lengths (a join's stored rows), else null.</summary>
    private static ISizedColumnSnapshot[]? SizedColumns(IGroupColumnSnapshot[] columns)
    {
        var sized = new ISizedColumnSnapshot[columns.Length];
        for (int c = 0; c < sized.Length; c++)
            if (columns[c] is ISizedColumnSnapshot s) sized[c] = s;
            else return null;
        return sized;
    }

    /// <summary>
    /// Writes key group <paramref name="index"/>'s entries of a table whose columns are sized straight to the file, through a
    /// small reused buffer: such a table's state is large rows (a join's), and encoding it all into per-key-group buffers
    /// first allocated (and faulted in) a copy of the whole state for each snapshot. The groups are listed by key group once
    /// (in group order within each), then each key group's are encoded when the file reaches it.
    /// </summary>
    private void StreamKeyGroup(int index, ISizedColumnSnapshot[] sized, CanonicalSnapshotWriter writer)
    {
        const int FlushBytes = 1 << 16;
        bool namespaced = _table.Spec.Namespaced;
        var (order, starts) = _byKeyGroup ??= GroupsByKeyGroup(namespaced);
        var scratch = _scratch ??= new StateRowWriter();
        var lengths = new long[sized.Length];
        for (int i = starts[index]; i < starts[index + 1]; i++)
        {
            int g = order[i];
            var entry = new GroupEntry(GroupEntryArena.Read(_arena, _entryOf[g]), namespaced);
            WriteEntryHead(entry, namespaced, scratch);
            WriteSized(g, scratch, sized, lengths);
            if (scratch.Length < FlushBytes) continue;
            writer.WriteEncodedEntries(scratch.Written);
            scratch.Clear();
        }
        if (scratch.Length > 0) writer.WriteEncodedEntries(scratch.Written);
        scratch.Clear();
    }

    /// <summary>The captured groups ordered by key group (a counting sort, group order within each), and where each key
    /// group's run starts (one more than the key groups: the end).</summary>
    private (int[] Order, int[] Starts) GroupsByKeyGroup(bool namespaced)
    {
        int firstKeyGroup = _table.KeyGroupRange.Start;
        var keyGroupOf = new int[_highWater];
        var starts = new int[_table.KeyGroupRange.Count + 1];
        for (int g = 0; g < _highWater; g++)
        {
            uint address = _entryOf[g];
            if (address == GroupKeyIndex.Free)
            {
                keyGroupOf[g] = -1;
                continue;
            }
            int k = new GroupEntry(GroupEntryArena.Read(_arena, address), namespaced).KeyGroup - firstKeyGroup;
            keyGroupOf[g] = k;
            starts[k + 1]++;
        }
        for (int k = 0; k < starts.Length - 1; k++) starts[k + 1] += starts[k];
        var order = new int[starts[^1]];
        var next = starts[..^1].ToArray();
        for (int g = 0; g < _highWater; g++)
            if (keyGroupOf[g] >= 0) order[next[keyGroupOf[g]]++] = g;
        return (order, starts);
    }

    /// <summary>Writes the entries of key group <paramref name="keyGroup"/> (inside an open key group section).</summary>
    public void WriteKeyGroup(int keyGroup, CanonicalSnapshotWriter writer)
    {
        int index = keyGroup - _table.KeyGroupRange.Start;
        if (index < 0 || index >= _table.KeyGroupRange.Count) return;
        if (_sized is not null)
        {
            lock (_bucketLock) StreamKeyGroup(index, _sized, writer);
            return;
        }
        Serialize();
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
