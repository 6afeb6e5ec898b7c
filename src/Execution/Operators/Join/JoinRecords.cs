using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Join;

/// <summary>
/// One side of a regular join's state, per join key (group): its rows, serialized over all columns with
/// <c>KeySerializer</c>, each with how many times it is present, and for an outer side (one whose rows are padded when
/// they match nothing) how many rows of the other side it matches — Flink's <c>JoinRecordStateView</c> and
/// <c>OuterJoinRecordStateView</c>, as columns. An updating side keeps distinct rows with counts in a
/// <see cref="GroupValueCounts"/> (a retraction finds its row by hash); an insert-only side, which never retracts, appends
/// every row to a <see cref="GroupValueLists"/> list (count 1 each), skipping the hash index. Both write the same state
/// row: the entry count, then each row's bytes and count (and match count for an outer side), so a restored job may read
/// it either way. An insert-only inner side also keeps each group's entry count and state row length as it changes, so a
/// snapshot sizes and writes a group in one walk of its list (three walks of scattered entries were most of a large
/// join's checkpoint).
/// </summary>
public sealed class JoinRecords : IGroupColumn
{
    private readonly GroupValueCounts? _counted;
    private readonly GroupValueLists? _listed;
    private readonly PagedColumn<long>? _matches;
    /// <summary>Per group of an insert-only inner side: its entries, and the bytes its entries take in the state row.</summary>
    private readonly PagedColumn<int>? _entryCounts;
    private readonly PagedColumn<long>? _entryBytes;

    public JoinRecords(SnapshotEpoch epoch, bool outer, bool appendOnly)
    {
        if (appendOnly) _listed = new GroupValueLists(epoch);
        else _counted = new GroupValueCounts(epoch);
        if (outer) _matches = new PagedColumn<long>(epoch);
        else if (appendOnly)
        {
            _entryCounts = new PagedColumn<int>(epoch);
            _entryBytes = new PagedColumn<long>(epoch);
        }
    }

    public bool IsOuter => _matches is not null;

    public int First(int group) => _listed is not null ? _listed.First(group) : _counted!.First(group);
    public int Next(int entry) => _listed is not null ? _listed.Next(entry) : _counted!.Next(entry);
    public ReadOnlySpan<byte> Row(int entry) => _listed is not null ? _listed.Value(entry) : _counted!.Value(entry);
    public long Count(int entry) => _listed is not null ? 1 : _counted!.Count(entry);

    /// <summary>Asks the CPU to fetch the entry's row bytes, so that a <see cref="Row"/> of it a few entries later does not
    /// wait on memory (a batch's stored rows lie anywhere in the side's arena).</summary>
    public unsafe void PrefetchRow(int entry)
    {
        var row = Row(entry);
        if (Sse.IsSupported && !row.IsEmpty) Sse.Prefetch0(Unsafe.AsPointer(ref MemoryMarshal.GetReference(row)));
    }

    /// <summary>Whether every entry is one row (<see cref="Count"/> is 1): the rows are listed, not counted.</summary>
    public bool EntriesAreRows => _listed is not null;

    /// <summary>How many rows of the other side the entry's row matches (outer sides only).</summary>
    public long Matches(int entry) => _matches!.Get(entry);

    public void SetMatches(int entry, long matches) => _matches!.Set(entry, matches);

    /// <summary>Adds <paramref name="delta"/> copies of a row (negative: removes them; a row never goes below none). New
    /// copies on an outer side get <paramref name="matches"/>.</summary>
    public void Add(int group, ReadOnlySpan<byte> row, long delta, long matches)
    {
        if (_listed is not null)
        {
            long removed = 0;
            for (long k = delta; k < 0 && _listed.RemoveFirst(group, row, keepPending: false); k++) removed++;
            for (long k = 0; k < delta; k++)
            {
                _listed.Append(group, row, cancelPending: false);
                SetNewMatches(_listed.Last(group), matches);
            }
            if (_entryCounts is not null)
            {
                long changed = Math.Max(delta, 0) - removed;
                _entryCounts.Set(group, _entryCounts.Get(group) + (int)changed);
                _entryBytes!.Set(group, _entryBytes.Get(group) + changed * ListedEntryLength(row.Length));
            }
            return;
        }
        if (delta < 0)
        {
            int existing = _counted!.Find(group, row);
            if (existing < 0) return;
            delta = Math.Max(delta, -_counted.Count(existing));
        }
        long count = _counted!.Add(group, row, delta, out int entry);
        if (count != 0 && count == delta) SetNewMatches(entry, matches);
    }

    /// <summary>Whether <see cref="AppendBatch"/> can store a batch (an insert-only side that is not outer).</summary>
    public bool AppendsBatches => _listed is not null && _matches is null;

    /// <summary>Adds one copy of each row with a group (not negative in <paramref name="groups"/>) — as <see cref="Add"/>
    /// with a delta of 1 row by row, for a whole insert-only batch (<see cref="AppendsBatches"/>). The groups are those the
    /// table resolved for the batch (their pages prepared for writing).</summary>
    public void AppendBatch(ReadOnlySpan<int> groups, SerializedKeys rows)
    {
        var offsets = rows.Offsets.AsSpan(0, groups.Length + 1);
        _listed!.AppendBatch(groups, rows.Bytes, offsets);
        // The groups were resolved for this batch, so the table made their pages writable (PrepareWrite): no check per row.
        var counts = _entryCounts!;
        var bytes = _entryBytes!;
        for (int i = 0; i < groups.Length; i++)
        {
            int g = groups[i];
            if (g < 0) continue;
            counts[g]++;
            bytes[g] += ListedEntryLength(offsets[i + 1] - offsets[i]);
        }
    }

    private void SetNewMatches(int entry, long matches)
    {
        if (_matches is null) return;
        _matches.EnsureCapacity(entry + 1);
        _matches.Set(entry, matches);
    }

    public bool IsEmpty(int group) => First(group) < 0;

    public void EnsureCapacity(int groups)
    {
        _listed?.EnsureCapacity(groups);
        _counted?.EnsureCapacity(groups);
        _entryCounts?.EnsureCapacity(groups);
        _entryBytes?.EnsureCapacity(groups);
    }

    public void PrepareWrite(ReadOnlySpan<int> groups)
    {
        _listed?.PrepareWrite(groups);
        _counted?.PrepareWrite(groups);
        _entryCounts?.PrepareWrite(groups);
        _entryBytes?.PrepareWrite(groups);
    }

    public void Reset(int group)
    {
        _listed?.Clear(group);
        _counted?.Clear(group);
        _entryCounts?.Reset(group);
        _entryBytes?.Reset(group);
    }

    public void WriteState(int group, StateRowWriter writer)
    {
        int n = 0;
        for (int e = First(group); e >= 0; e = Next(e)) n++;
        writer.WriteVarULong((ulong)n);
        for (int e = First(group); e >= 0; e = Next(e))
        {
            writer.WriteBytes(Row(e));
            writer.WriteVarLong(Count(e));
            if (_matches is not null) writer.WriteVarLong(_matches.Get(e));
        }
    }

    public void ReadState(int group, ref StateRowReader reader)
    {
        Reset(group);
        int n = checked((int)reader.ReadVarULong());
        for (int i = 0; i < n; i++)
        {
            var row = reader.ReadBytes();
            long count = reader.ReadVarLong();
            long matches = _matches is null ? 0 : reader.ReadVarLong();
            Add(group, row, count, matches);
        }
    }

    public IGroupColumnSnapshot Capture() => _listed is null
        ? new CountedSnapshot(_counted!.Capture(), _matches?.Capture())
        : _entryCounts is null
            ? new ListedSnapshot(_listed.Capture(), _matches?.Capture())
            : new TalliedSnapshot(_listed.Capture(), _entryCounts.Capture(), _entryBytes!.Capture());

    public long AllocatedBytes => (_listed?.AllocatedBytes ?? 0) + (_counted?.AllocatedBytes ?? 0) + (_matches?.AllocatedBytes ?? 0)
        + (_entryCounts?.AllocatedBytes ?? 0) + (_entryBytes?.AllocatedBytes ?? 0);

    private sealed class CountedSnapshot(GroupValueCountsView rows, PagedColumnView<long>? matches) : ISizedColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer)
        {
            int n = 0;
            for (int e = rows.First(group); e >= 0; e = rows.Next(e)) n++;
            writer.WriteVarULong((ulong)n);
            for (int e = rows.First(group); e >= 0; e = rows.Next(e))
            {
                writer.WriteBytes(rows.Value(e));
                writer.WriteVarLong(rows.Count(e));
                if (matches is { } m) writer.WriteVarLong(m[e]);
            }
        }

        public long StateLength(int group)
        {
            long length = 0, n = 0;
            for (int e = rows.First(group); e >= 0; e = rows.Next(e), n++)
            {
                length += BytesLength(rows.Value(e).Length) + VarLongLength(rows.Count(e));
                if (matches is { } m) length += VarLongLength(m[e]);
            }
            return length + VarInt.Size((ulong)n);
        }
    }

    private sealed class ListedSnapshot(GroupValueListsView rows, PagedColumnView<long>? matches) : ISizedColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer)
        {
            int n = 0;
            for (int e = rows.First(group); e >= 0; e = rows.Next(e)) n++;
            writer.WriteVarULong((ulong)n);
            for (int e = rows.First(group); e >= 0; e = rows.Next(e))
            {
                writer.WriteBytes(rows.Value(e));
                writer.WriteVarLong(1);
                if (matches is { } m) writer.WriteVarLong(m[e]);
            }
        }

        public long StateLength(int group)
        {
            long length = 0, n = 0;
            for (int e = rows.First(group); e >= 0; e = rows.Next(e), n++)
            {
                length += BytesLength(rows.Value(e).Length) + VarLongLength(1);
                if (matches is { } m) length += VarLongLength(m[e]);
            }
            return length + VarInt.Size((ulong)n);
        }
    }

    /// <summary>An insert-only inner side's snapshot: each group's entry count and state row length as kept, so sizing a
    /// group reads no entry and writing it walks its list once.</summary>
    private sealed class TalliedSnapshot(GroupValueListsView rows, PagedColumnView<int> counts, PagedColumnView<long> bytes) : ISizedColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer)
        {
            writer.WriteVarULong((ulong)counts[group]);
            for (int e = rows.First(group); e >= 0; e = rows.Next(e))
            {
                writer.WriteBytes(rows.Value(e));
                writer.WriteVarLong(1);
            }
        }

        public long StateLength(int group) => VarInt.Size((ulong)counts[group]) + bytes[group];
    }

    /// <summary>An insert-only inner side's entry in the state row: the row's bytes with their length, and its count (1).</summary>
    private static long ListedEntryLength(int rowLength) => BytesLength(rowLength) + VarLongLength(1);

    private static int BytesLength(int length) => VarInt.Size((ulong)length) + length;

    private static int VarLongLength(long value) => VarInt.Size((ulong)((value << 1) ^ (value >> 63)));
}
