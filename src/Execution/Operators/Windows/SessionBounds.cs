using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Windows;

/// <summary>
/// The bounds of each session window, one group per (key, session): its start (the earliest row's time) and its end (the
/// latest row's time plus the gap), on the window clock, in µs; and its row count (accumulated minus retracted rows: a
/// session whose rows were all retracted emits nothing, as Flink's <c>RecordCounter</c>). Stored beside the session's
/// accumulators, so a session is snapshot, spilled and rescaled as one row of its group table.
/// </summary>
internal sealed class SessionBounds : IGroupColumn
{
    private readonly Int64Vector _start;
    private readonly Int64Vector _end;
    private readonly Int64Vector _rows;

    public SessionBounds(SnapshotEpoch epoch)
    {
        _start = new Int64Vector(epoch);
        _end = new Int64Vector(epoch);
        _rows = new Int64Vector(epoch);
    }

    /// <summary>Accumulated minus retracted rows of a group.</summary>
    public ref long Rows(int group) => ref _rows[group];

    public long Start(int group) => _start.Values.Get(group);

    public long End(int group) => _end.Values.Get(group);

    /// <summary>Sets a group's bounds (its pages must be writable: the table's <c>MarkUsed</c> or <c>FindOrAdd</c>).</summary>
    public void Set(int group, long start, long end)
    {
        _start[group] = start;
        _end[group] = end;
    }

    public void EnsureCapacity(int groups)
    {
        _start.EnsureCapacity(groups);
        _end.EnsureCapacity(groups);
        _rows.EnsureCapacity(groups);
    }

    public void PrepareWrite(ReadOnlySpan<int> groups)
    {
        _start.PrepareWrite(groups);
        _end.PrepareWrite(groups);
        _rows.PrepareWrite(groups);
    }

    public void Reset(int group)
    {
        _start.Reset(group);
        _end.Reset(group);
        _rows.Reset(group);
    }

    public void WriteState(int group, StateRowWriter writer)
    {
        _start.Write(group, writer);
        _end.Write(group, writer);
        _rows.Write(group, writer);
    }

    public void ReadState(int group, ref StateRowReader reader)
    {
        _start.Read(group, ref reader);
        _end.Read(group, ref reader);
        _rows.Read(group, ref reader);
    }

    public IGroupColumnSnapshot Capture() => new Snapshot(_start.Capture(), _end.Capture(), _rows.Capture());

    public long AllocatedBytes => _start.AllocatedBytes + _end.AllocatedBytes + _rows.AllocatedBytes;

    private sealed class Snapshot(IStateVectorView start, IStateVectorView end, IStateVectorView rows) : IGroupColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer)
        {
            start.Write(group, writer);
            end.Write(group, writer);
            rows.Write(group, writer);
        }
    }
}
