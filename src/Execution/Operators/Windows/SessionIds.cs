using System.Buffers.Binary;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Windows;

/// <summary>
/// Per key, the ids of its open session windows (Flink's <c>MergingWindowSet</c>, which maps each window to the window its
/// state lives under): an id is the namespace of the session's group in the session table (see
/// <see cref="SessionWindowAggregateOperator"/>: distinct among a key's open sessions).
/// </summary>
internal sealed class SessionIds : IGroupColumn
{
    private readonly GroupValueLists _lists;
    private readonly byte[] _value = new byte[8];

    public SessionIds(SnapshotEpoch epoch) => _lists = new GroupValueLists(epoch);

    /// <summary>The first entry of a key's list, or -1.</summary>
    public int First(int group) => _lists.First(group);

    /// <summary>The entry after <paramref name="entry"/>, or -1.</summary>
    public int Next(int entry) => _lists.Next(entry);

    /// <summary>The session id an entry holds.</summary>
    public long Id(int entry) => BinaryPrimitives.ReadInt64LittleEndian(_lists.Value(entry));

    /// <summary>Adds a session (the group's pages must be writable).</summary>
    public void Add(int group, long id)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_value, id);
        _lists.Append(group, _value, cancelPending: false);
    }

    /// <summary>Removes a session (the group's pages must be writable).</summary>
    public void Remove(int group, long id)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_value, id);
        _lists.RemoveFirst(group, _value, keepPending: false);
    }

    public void EnsureCapacity(int groups) => _lists.EnsureCapacity(groups);
    public void PrepareWrite(ReadOnlySpan<int> groups) => _lists.PrepareWrite(groups);
    public void Reset(int group) => _lists.Clear(group);
    public void WriteState(int group, StateRowWriter writer) => _lists.Write(group, writer);
    public void ReadState(int group, ref StateRowReader reader) => _lists.Read(group, ref reader);
    public IGroupColumnSnapshot Capture() => _lists.Capture();
    public long AllocatedBytes => _lists.AllocatedBytes;
}
