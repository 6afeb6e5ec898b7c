using StreamSql.Execution.Columns;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// <c>MIN</c>/<c>MAX</c> over an updating input (Flink's <c>MinWithRetractAggFunction</c>): every value of a group with its
/// count (<see cref="GroupValueCounts"/>, values in <see cref="SortableEncoding"/> so that bytes compare in SQL order) and
/// the current extreme. Retracting the last occurrence of the extreme finds the next one by walking the group's values, as
/// Flink iterates its map. Floating-point values order as Java's <c>Double.compare</c> (NaN above every number).
/// </summary>
public sealed class RetractableValueAccumulator : IGroupsAccumulator
{
    private readonly bool _max;
    private readonly GroupValueCounts _values;
    // The entry of each group's extreme; derived from the values, so not part of the state row (recomputed on read).
    private readonly PagedColumn<int> _extreme = new(new SnapshotEpoch(), -1);
    private readonly StateRowWriter _scratch = new();

    public RetractableValueAccumulator(SnapshotEpoch epoch, ValueChoice choice, SqlType argumentType)
    {
        if (choice is not (ValueChoice.Min or ValueChoice.Max)) throw new ArgumentException("MIN or MAX only", nameof(choice));
        if (!SortableEncoding.Supports(argumentType)) throw new NotSupportedException($"MIN/MAX over {argumentType} is not supported");
        _max = choice == ValueChoice.Max;
        _values = new GroupValueCounts(epoch);
        ResultType = argumentType.WithNullable(true).WithoutTimeAttribute();
    }

    public SqlType ResultType { get; }

    public bool SupportsRetraction => true;

    public void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter) => Add(arguments[0], groups, filter, 1);

    public void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter) => Add(arguments[0], groups, filter, -1);

    private void Add(IArrowArray column, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter, long delta)
    {
        for (int i = 0; i < groups.Length; i++)
        {
            if (!filter.IsEmpty && !filter[i]) continue;
            _scratch.Clear();
            if (!SortableEncoding.TryWrite(column, i, _scratch)) continue;
            Apply(groups[i], _scratch.Written, delta);
        }
    }

    private void Apply(int group, ReadOnlySpan<byte> value, long delta)
    {
        int extreme = _extreme.Get(group);
        long count = _values.Add(group, value, delta, out int entry);
        if (count == 0)
        {
            if (entry == extreme) Recompute(group);
            return;
        }
        if (extreme < 0 || Better(_values.Value(entry), _values.Value(extreme))) _extreme.Set(group, entry);
    }

    private bool Better(ReadOnlySpan<byte> candidate, ReadOnlySpan<byte> current)
    {
        int c = candidate.SequenceCompareTo(current);
        return _max ? c > 0 : c < 0;
    }

    private void Recompute(int group)
    {
        int best = -1;
        for (int e = _values.First(group); e >= 0; e = _values.Next(e))
            if (best < 0 || Better(_values.Value(e), _values.Value(best))) best = e;
        _extreme.Set(group, best);
    }

    public IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        var writer = ColumnBuilder.Create(ResultType, groups.Length);
        foreach (int g in groups)
        {
            int e = _extreme.Get(g);
            if (e < 0) writer.AppendNull();
            else SortableEncoding.Decode(_values.Value(e), ResultType, writer);
        }
        return writer.Build();
    }

    public void Merge(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        PrepareWrite(into);
        for (int i = 0; i < from.Length; i++)
        {
            int t = into[i];
            _values.AddAll(from[i], t);
            Recompute(t);
        }
    }

    public void EnsureCapacity(int groups)
    {
        _values.EnsureCapacity(groups);
        _extreme.EnsureCapacity(groups);
    }

    public void PrepareWrite(ReadOnlySpan<int> groups) => _values.PrepareWrite(groups);

    public void Reset(int group)
    {
        _values.Clear(group);
        _extreme.Set(group, -1);
    }

    public void WriteState(int group, StateRowWriter writer) => _values.Write(group, writer);

    public void ReadState(int group, ref StateRowReader reader)
    {
        _values.Read(group, ref reader);
        Recompute(group);
    }

    public IGroupColumnSnapshot Capture() => new Snapshot(_values.Capture());

    public long AllocatedBytes => _values.AllocatedBytes + _extreme.AllocatedBytes;

    private sealed class Snapshot(GroupValueCountsView view) : IGroupColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer) => view.Write(group, writer);
    }
}
