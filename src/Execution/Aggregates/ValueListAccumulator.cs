using Apache.Arrow;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// The plumbing of accumulators whose state is a list of encoded values per group (<see cref="GroupValueLists"/>):
/// growing, copy-on-write, reset, state rows and snapshots all go to the lists.
/// </summary>
public abstract class ValueListAccumulator : IGroupsAccumulator
{
    protected ValueListAccumulator(SnapshotEpoch epoch, SqlType resultType)
    {
        Lists = new GroupValueLists(epoch);
        ResultType = resultType;
    }

    /// <summary>Each group's values.</summary>
    protected GroupValueLists Lists { get; }

    public SqlType ResultType { get; }

    public abstract bool SupportsRetraction { get; }

    public abstract void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter);

    public abstract void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter);

    public abstract IArrowArray Evaluate(ReadOnlySpan<int> groups);

    public abstract void Merge(ReadOnlySpan<int> from, ReadOnlySpan<int> into);

    public void EnsureCapacity(int groups) => Lists.EnsureCapacity(groups);
    public void PrepareWrite(ReadOnlySpan<int> groups) => Lists.PrepareWrite(groups);
    public void Reset(int group) => Lists.Clear(group);
    public void WriteState(int group, StateRowWriter writer) => Lists.Write(group, writer);
    public void ReadState(int group, ref StateRowReader reader) => Lists.Read(group, ref reader);
    public IGroupColumnSnapshot Capture() => Lists.Capture();
    public long AllocatedBytes => Lists.AllocatedBytes;
}
