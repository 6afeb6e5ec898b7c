using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Join;

/// <summary>
/// One side of a window join's state, per (join key, window end) group: the group's rows in arrival order, each
/// serialized over all columns with <see cref="KeySerializer"/>. Both inputs are insert-only and a window is joined
/// and dropped whole, so rows are only appended (no counts, no removal). Copy-on-write through the table's
/// <see cref="SnapshotEpoch"/>; a group's state row is its row count and rows.
/// </summary>
public sealed class WindowJoinRows(SnapshotEpoch epoch) : IGroupColumn
{
    private readonly GroupValueLists _rows = new(epoch);

    public int First(int group) => _rows.First(group);
    public int Next(int entry) => _rows.Next(entry);
    public ReadOnlySpan<byte> Row(int entry) => _rows.Value(entry);

    public void Append(int group, ReadOnlySpan<byte> row) => _rows.Append(group, row, cancelPending: false);

    public void EnsureCapacity(int groups) => _rows.EnsureCapacity(groups);
    public void PrepareWrite(ReadOnlySpan<int> groups) => _rows.PrepareWrite(groups);
    public void Reset(int group) => _rows.Clear(group);
    public void WriteState(int group, StateRowWriter writer) => _rows.Write(group, writer);
    public void ReadState(int group, ref StateRowReader reader) => _rows.Read(group, ref reader);
    public IGroupColumnSnapshot Capture() => _rows.Capture();
    public long AllocatedBytes => _rows.AllocatedBytes;
}
