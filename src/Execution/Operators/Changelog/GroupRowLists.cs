using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Changelog;

/// <summary>
/// A list of rows per group, in arrival order, as one byte string: each row a 4-byte little-endian length then the row
/// serialized with <see cref="KeySerializer"/> over all its columns. The rows SinkUpsertMaterializer keeps per sink key.
/// Copy-on-write through the table's <see cref="SnapshotEpoch"/>; in a state row a presence byte, then the length and bytes.
/// </summary>
public sealed class GroupRowLists(SnapshotEpoch epoch) : IGroupColumn
{
    private readonly BytesVector _lists = new(epoch);

    public bool HasRows(int group) => _lists.HasValue(group);

    /// <summary>The group's encoded list; valid until the next <see cref="Set"/> or <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> List(int group) => _lists.Get(group);

    public void Set(int group, ReadOnlySpan<byte> list) => _lists.Set(group, list);

    public void Clear(int group) => _lists.Clear(group);

    public void EnsureCapacity(int groups) => _lists.EnsureCapacity(groups);
    public void PrepareWrite(ReadOnlySpan<int> groups) => _lists.PrepareWrite(groups);
    public void Reset(int group) => _lists.Reset(group);
    public void WriteState(int group, StateRowWriter writer) => _lists.Write(group, writer);
    public void ReadState(int group, ref StateRowReader reader) => _lists.Read(group, ref reader);
    public IGroupColumnSnapshot Capture() => new View(_lists.Capture());
    public long AllocatedBytes => _lists.AllocatedBytes;

    private sealed class View(IStateVectorView lists) : IGroupColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer) => lists.Write(group, writer);
    }
}
