using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>A count of rows per group (the rows a limit has seen), checkpointed with the table's keys.</summary>
public sealed class GroupRowCounts(SnapshotEpoch epoch) : IGroupColumn
{
    private readonly Int64Vector _counts = new(epoch);

    public long Get(int group) => _counts.Values.Get(group);

    public void Set(int group, long count) => _counts.Values.Set(group, count);

    public void EnsureCapacity(int groups) => _counts.EnsureCapacity(groups);
    public void PrepareWrite(ReadOnlySpan<int> groups) => _counts.PrepareWrite(groups);
    public void Reset(int group) => _counts.Reset(group);
    public void WriteState(int group, StateRowWriter writer) => _counts.Write(group, writer);
    public void ReadState(int group, ref StateRowReader reader) => _counts.Read(group, ref reader);
    public IGroupColumnSnapshot Capture() => new View(_counts.Capture());
    public long AllocatedBytes => _counts.AllocatedBytes;

    private sealed class View(IStateVectorView counts) : IGroupColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer) => counts.Write(group, writer);
    }
}
