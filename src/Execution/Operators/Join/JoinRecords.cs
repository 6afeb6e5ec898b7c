using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Join;

/// <summary>
/// One side of a regular join's state, per join key (group): each distinct row (serialized over all its columns with
/// <c>KeySerializer</c>) with how many times it is present, and for an outer side (one whose rows are padded when they
/// match nothing) how many rows of the other side it matches — Flink's <c>JoinRecordStateView</c> and
/// <c>OuterJoinRecordStateView</c>, as columns over a <see cref="GroupValueCounts"/>. In a state row a group is its entry
/// count, then each row's bytes and count (and match count for an outer side).
/// </summary>
public sealed class JoinRecords : IGroupColumn
{
    private readonly GroupValueCounts _rows;
    private readonly PagedColumn<long>? _matches;

    public JoinRecords(SnapshotEpoch epoch, bool outer)
    {
        _rows = new GroupValueCounts(epoch);
        if (outer) _matches = new PagedColumn<long>(epoch);
    }

    public bool IsOuter => _matches is not null;

    public int First(int group) => _rows.First(group);
    public int Next(int entry) => _rows.Next(entry);
    public ReadOnlySpan<byte> Row(int entry) => _rows.Value(entry);
    public long Count(int entry) => _rows.Count(entry);

    /// <summary>How many rows of the other side the entry's row matches (outer sides only).</summary>
    public long Matches(int entry) => _matches!.Get(entry);

    public void SetMatches(int entry, long matches) => _matches!.Set(entry, matches);

    /// <summary>Adds <paramref name="delta"/> copies of a row (negative: removes them; a row never goes below none). A new
    /// row of an outer side gets <paramref name="matches"/>. Returns the row's entry, or -1 when it is gone.</summary>
    public int Add(int group, ReadOnlySpan<byte> row, long delta, long matches)
    {
        if (delta < 0)
        {
            int existing = _rows.Find(group, row);
            if (existing < 0) return -1;
            delta = Math.Max(delta, -_rows.Count(existing));
        }
        long count = _rows.Add(group, row, delta, out int entry);
        if (count == 0) return -1;
        if (_matches is not null && count == delta)
        {
            _matches.EnsureCapacity(entry + 1);
            _matches.Set(entry, matches);
        }
        return entry;
    }

    public bool IsEmpty(int group) => _rows.First(group) < 0;

    public void EnsureCapacity(int groups) => _rows.EnsureCapacity(groups);
    public void PrepareWrite(ReadOnlySpan<int> groups) => _rows.PrepareWrite(groups);
    public void Reset(int group) => _rows.Clear(group);

    public void WriteState(int group, StateRowWriter writer)
    {
        int n = 0;
        for (int e = _rows.First(group); e >= 0; e = _rows.Next(e)) n++;
        writer.WriteVarULong((ulong)n);
        for (int e = _rows.First(group); e >= 0; e = _rows.Next(e))
        {
            writer.WriteBytes(_rows.Value(e));
            writer.WriteVarLong(_rows.Count(e));
            if (_matches is not null) writer.WriteVarLong(_matches.Get(e));
        }
    }

    public void ReadState(int group, ref StateRowReader reader)
    {
        _rows.Clear(group);
        int n = checked((int)reader.ReadVarULong());
        for (int i = 0; i < n; i++)
        {
            var row = reader.ReadBytes();
            long count = reader.ReadVarLong();
            long matches = _matches is null ? 0 : reader.ReadVarLong();
            _rows.Add(group, row, count, out int entry);
            if (_matches is not null)
            {
                _matches.EnsureCapacity(entry + 1);
                _matches.Set(entry, matches);
            }
        }
    }

    public IGroupColumnSnapshot Capture() => new Snapshot(_rows.Capture(), _matches?.Capture());

    public long AllocatedBytes => _rows.AllocatedBytes + (_matches?.AllocatedBytes ?? 0);

    private sealed class Snapshot(GroupValueCountsView rows, PagedColumnView<long>? matches) : IGroupColumnSnapshot
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
    }
}
