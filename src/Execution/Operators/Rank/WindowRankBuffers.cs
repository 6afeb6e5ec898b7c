using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>
/// The kept rows of each (partition key, window) group of a window Top-N as one byte string: its entries in rank order,
/// each the sort key length and row length (little-endian int32s), then the sort key (<see cref="SortKeyEncoder"/>) and
/// the row (<see cref="KeySerializer"/> over all columns). Copy-on-write through the table's <see cref="SnapshotEpoch"/>,
/// so it is checkpointed with the table's keys and namespaces in the canonical key-group format.
/// </summary>
public sealed class WindowRankBuffers(SnapshotEpoch epoch) : IGroupColumn
{
    private readonly BytesVector _buffers = new(epoch);

    public bool HasBuffer(int group) => _buffers.HasValue(group);

    /// <summary>The group's buffer; valid until the next <see cref="Set"/>.</summary>
    public ReadOnlySpan<byte> Buffer(int group) => _buffers.HasValue(group) ? _buffers.Get(group) : ReadOnlySpan<byte>.Empty;

    public void Set(int group, ReadOnlySpan<byte> buffer) => _buffers.Set(group, buffer);

    public void EnsureCapacity(int groups) => _buffers.EnsureCapacity(groups);
    public void PrepareWrite(ReadOnlySpan<int> groups) => _buffers.PrepareWrite(groups);
    public void Reset(int group) => _buffers.Reset(group);
    public void WriteState(int group, StateRowWriter writer) => _buffers.Write(group, writer);
    public void ReadState(int group, ref StateRowReader reader) => _buffers.Read(group, ref reader);
    public IGroupColumnSnapshot Capture() => new View(_buffers.Capture());
    public long AllocatedBytes => _buffers.AllocatedBytes;

    private sealed class View(IStateVectorView buffers) : IGroupColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer) => buffers.Write(group, writer);
    }
}
