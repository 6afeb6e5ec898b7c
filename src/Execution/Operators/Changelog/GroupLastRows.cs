using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Changelog;

/// <summary>
/// One row per group, serialized with <see cref="KeySerializer"/> over all its columns (decoded back with
/// <see cref="KeyDecoder"/>), or none: the last row of each key that ChangelogNormalize keeps. Copy-on-write through the
/// table's <see cref="SnapshotEpoch"/>; in a state row a presence byte, then the length and bytes.
/// </summary>
public sealed class GroupLastRows(SnapshotEpoch epoch) : IGroupColumn
{
    private readonly BytesVector _rows = new(epoch);

    public bool HasRow(int group) => _rows.HasValue(group);

    /// <summary>The group's row; valid until the next <see cref="Set"/> or <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Row(int group) => _rows.Get(group);

    public void Set(int group, ReadOnlySpan<byte> row) => _rows.Set(group, row);

    public void Clear(int group) => _rows.Clear(group);

    public void EnsureCapacity(int groups) => _rows.EnsureCapacity(groups);
    public void PrepareWrite(ReadOnlySpan<int> groups) => _rows.PrepareWrite(groups);
    public void Reset(int group) => _rows.Reset(group);
    public void WriteState(int group, StateRowWriter writer) => _rows.Write(group, writer);
    public void ReadState(int group, ref StateRowReader reader) => _rows.Read(group, ref reader);
    public IGroupColumnSnapshot Capture() => new View(_rows.Capture());
    public long AllocatedBytes => _rows.AllocatedBytes;

    private sealed class View(IStateVectorView rows) : IGroupColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer) => rows.Write(group, writer);
    }
}
