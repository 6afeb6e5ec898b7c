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
    /// <summary>Set instead of <see cref="_buffers"/> when the table is written straight to the file (<see cref="StreamKeyGroup"/>).</summary>
    private StreamedGroups? _streamed;

    /// <summary>A table written straight to the file: its sized columns, its groups ordered by key group (group order within
    /// each) and where each key group's run starts (one more than the key groups: the end), and the reused buffer.</summary>
    private sealed record StreamedGroups(ISizedColumnSnapshot[] Columns, int[] Order, int[] Starts)
    {
        public readonly StateRowWriter Scratch = new();
    }

    /// <summary>Groups whose entries average this many bytes or more are written straight to the file (see
    /// <see cref="StreamKeyGroup"/>); smaller ones through the key group buffers, which read groups in memory order.</summary>
    private const long StreamedGroupBytes = 1024;
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
            if (_buffers is not null || _streamed is not null) return;
            var fixedEncoder = FixedStateRowEncoder.TryCreate(_columns);
            var sized = fixedEncoder is null ? SizedColumns() : null;
            (long[] KeyGroupBytes, int[] KeyGroupOf, long Total, int Groups)? measured = sized is null ? null : Measure(sized);
            if (measured is { } m && m.Groups > 0 && m.Total / m.Groups >= StreamedGroupBytes)
            {
                _streamed = OrderByKeyGroup(sized!, m.KeyGroupOf);
                return;
            }
            var buffers = _table.RentSnapshotBuffers();
            if (fixedEncoder is not null) SerializeFixed(buffers, fixedEncoder);
            else
            {
                if (measured is { } sizes)
                    for (int k = 0; k < sizes.KeyGroupBytes.Length; k++)
                        if (sizes.KeyGroupBytes[k] > 0) buffers.For(k).EnsureCapacity(buffers.For(k).Length + sizes.KeyGroupBytes[k]);
                SerializeAny(buffers, sized);
            }
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

    private void SerializeAny(SnapshotEntryBuffers buffers, ISizedColumnSnapshot[]? sized)
    {
        var lengths = sized is null ? null : new long[sized.Length];
        int firstKeyGroup = _table.KeyGroupRange.Start;
        bool namespaced = _table.Spec.Namespaced;
        ulong columnCount = (ulong)_columns.Length;
        Span<byte> header = [1, (byte)_table.StateId, (byte)(_table.StateId >> 8)];
        Span<byte> ns = stackalloc byte[8];
        for (int g = 0; g < _highWater; g++)
        {
            uint address = _entryOf[g];
            if (address == GroupKeyIndex.Free) continue;
            var entry = new GroupEntry(GroupEntryArena.Read(_arena, address), namespaced);
            var writer = buffers.For(entry.KeyGroup - firstKeyGroup);
            writer.WriteRaw(header);
            writer.WriteBytes(entry.Key);
            if (namespaced)
            {
                GroupTable.EncodeNamespace(entry.Namespace, ns);
                writer.WriteBytes(ns);
            }
            else writer.WriteByte(0);
            if (sized is not null)
            {
                WriteSized(g, writer, sized, lengths!);
                continue;
            }
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
    private ISizedColumnSnapshot[]? SizedColumns()
    {
        var sized = new ISizedColumnSnapshot[_columns.Length];
        for (int c = 0; c < sized.Length; c++)
            if (_columns[c] is ISizedColumnSnapshot s) sized[c] = s;
            else return null;
        return sized;
    }

    /// <summary>One pass over the groups in memory order: the bytes each key group's entries take (a little over: length
    /// prefixes are counted at their longest), each group's key group (-1: no group), and the total over the groups.
    /// A key group's buffer is then made its final size up front: growing it by doubling copied a large state (a join's
    /// stored rows) about once more and faulted in twice its size.</summary>
    private (long[] KeyGroupBytes, int[] KeyGroupOf, long Total, int Groups) Measure(ISizedColumnSnapshot[] sized)
    {
        int firstKeyGroup = _table.KeyGroupRange.Start;
        bool namespaced = _table.Spec.Namespaced;
        var lengths = new long[_table.KeyGroupRange.Count];
        var keyGroupOf = new int[_highWater];
        long total = 0;
        int groups = 0;
        for (int g = 0; g < _highWater; g++)
        {
            uint address = _entryOf[g];
            if (address == GroupKeyIndex.Free)
            {
                keyGroupOf[g] = -1;
                continue;
            }
            var entry = new GroupEntry(GroupEntryArena.Read(_arena, address), namespaced);
            // Header, key with its length, namespace with its length, value length, column count, each column's length.
            long length = 3 + 5 + entry.Key.Length + 9 + 5 + 10;
            foreach (var column in sized) length += 5 + column.StateLength(g);
            int k = entry.KeyGroup - firstKeyGroup;
            keyGroupOf[g] = k;
            lengths[k] += length;
            total += length;
            groups++;
        }
        return (lengths, keyGroupOf, total, groups);
    }

    /// <summary>The groups ordered by key group with a counting sort (group order within each).</summary>
    private StreamedGroups OrderByKeyGroup(ISizedColumnSnapshot[] sized, int[] keyGroupOf)
    {
        var starts = new int[_table.KeyGroupRange.Count + 1];
        foreach (int k in keyGroupOf)
            if (k >= 0) starts[k + 1]++;
        for (int k = 0; k < starts.Length - 1; k++) starts[k + 1] += starts[k];
        var order = new int[starts[^1]];
        var next = starts[..^1].ToArray();
        for (int g = 0; g < keyGroupOf.Length; g++)
            if (keyGroupOf[g] >= 0) order[next[keyGroupOf[g]]++] = g;
        return new StreamedGroups(sized, order, starts);
    }

    /// <summary>
    /// Writes key group <paramref name="index"/>'s entries straight to the file through a small reused buffer, for a table
    /// of large groups (a join side with many rows per key): encoding it all into the key group buffers first made a second
    /// copy of the whole state, allocated and faulted in for a job's first (or only) snapshot. Visiting the groups key group
    /// by key group reads each group's own data at random, which costs more than that copy when groups are small.
    /// </summary>
    private void StreamKeyGroup(int index, StreamedGroups streamed, CanonicalSnapshotWriter writer)
    {
        const int FlushBytes = 1 << 16;
        bool namespaced = _table.Spec.Namespaced;
        var scratch = streamed.Scratch;
        var lengths = new long[streamed.Columns.Length];
        Span<byte> header = [1, (byte)_table.StateId, (byte)(_table.StateId >> 8)];
        Span<byte> ns = stackalloc byte[8];
        for (int i = streamed.Starts[index]; i < streamed.Starts[index + 1]; i++)
        {
            int g = streamed.Order[i];
            var entry = new GroupEntry(GroupEntryArena.Read(_arena, _entryOf[g]), namespaced);
            scratch.WriteRaw(header);
            scratch.WriteBytes(entry.Key);
            if (namespaced)
            {
                GroupTable.EncodeNamespace(entry.Namespace, ns);
                scratch.WriteBytes(ns);
            }
            else scratch.WriteByte(0);
            WriteSized(g, scratch, streamed.Columns, lengths);
            if (scratch.Length < FlushBytes) continue;
            writer.WriteEncodedEntries(scratch.Written);
            scratch.Clear();
        }
        if (scratch.Length > 0) writer.WriteEncodedEntries(scratch.Written);
        scratch.Clear();
    }

    /// <summary>Writes the entries of key group <paramref name="keyGroup"/> (inside an open key group section).</summary>
    public void WriteKeyGroup(int keyGroup, CanonicalSnapshotWriter writer)
    {
        Serialize();
        int index = keyGroup - _table.KeyGroupRange.Start;
        if (index < 0 || index >= _table.KeyGroupRange.Count) return;
        if (_streamed is { } streamed)
        {
            // The scratch buffer is the snapshot's own: writers of the same snapshot take turns.
            lock (_bucketLock) StreamKeyGroup(index, streamed, writer);
            return;
        }
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
