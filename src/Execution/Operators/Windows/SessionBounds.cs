using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Windows;

/// <summary>
/// The bounds of each session window, one group per (key, session): its start (the earliest row's time) and its end (the
/// latest row's time plus the gap), on the window clock, in µs. Stored beside the session's accumulators, so a session is
/// snapshot, spilled and rescaled as one row of its group table.
/// </summary>
internal sealed class SessionBounds : IGroupColumn
{
    private readonly Int64Vector _start;
    private readonly Int64Vector _end;

    public SessionBounds(SnapshotEpoch epoch)
    {
        _start = new Int64Vector(epoch);
        _end = new Int64Vector(epoch);
    }

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
    }

    public void PrepareWrite(ReadOnlySpan<int> groups)
    {
        _start.PrepareWrite(groups);
        _end.PrepareWrite(groups);
    }

    public void Reset(int group)
    {
        _start.Reset(group);
        _end.Reset(group);
    }

    public void WriteState(int group, StateRowWriter writer)
    {
        _start.Write(group, writer);
        _end.Write(group, writer);
    }

    public void ReadState(int group, ref StateRowReader reader)
    {
        _start.Read(group, ref reader);
        _end.Read(group, ref reader);
    }

    public IGroupColumnSnapshot Capture() => new Snapshot(_start.Capture(), _end.Capture());

    public long AllocatedBytes => _start.AllocatedBytes + _end.AllocatedBytes;

    private sealed class Snapshot(IStateVectorView start, IStateVectorView end) : IGroupColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer)
        {
            start.Write(group, writer);
            end.Write(group, writer);
        }
    }
}
