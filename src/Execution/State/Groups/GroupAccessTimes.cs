namespace StreamSql.Execution.State.Groups;

/// <summary>
/// When each group was last written (microseconds since the epoch, processing time), kept with the group's state so a state
/// TTL (<c>table.exec.state.ttl</c>) survives checkpoints and rescaling as Flink's TTL timestamps do.
/// </summary>
public sealed class GroupAccessTimes(SnapshotEpoch epoch) : IGroupColumn
{
    private readonly Int64Vector _times = new(epoch);

    public long this[int group]
    {
        get => _times.Values.Get(group);
        set => _times[group] = value;
    }

    public void EnsureCapacity(int groups) => _times.EnsureCapacity(groups);
    public void PrepareWrite(ReadOnlySpan<int> groups) => _times.PrepareWrite(groups);
    public void Reset(int group) => _times.Reset(group);
    public void WriteState(int group, StateRowWriter writer) => _times.Write(group, writer);
    public void ReadState(int group, ref StateRowReader reader) => _times.Read(group, ref reader);
    public IGroupColumnSnapshot Capture() => new View(_times.Capture());
    public long AllocatedBytes => _times.AllocatedBytes;

    private sealed class View(IStateVectorView times) : IVectorsColumnSnapshot
    {
        public IReadOnlyList<IStateVectorView> Views => [times];

        public void WriteState(int group, StateRowWriter writer) => times.Write(group, writer);
    }
}
