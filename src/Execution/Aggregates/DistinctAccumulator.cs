using Apache.Arrow;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// <c>agg(DISTINCT args)</c> (COUNT, SUM, AVG, LISTAGG, ... DISTINCT) as Flink runs it: per group a count of each distinct
/// argument tuple (a member of <see cref="DistinctValues"/>, which the operator's DISTINCT aggregates over the same arguments
/// share; a row with a NULL argument is not counted); a row reaches the inner accumulator only when its tuple is new to the
/// group, and is retracted from it only when the tuple's last occurrence is. For ARRAY_AGG, which keeps NULLs, a NULL is a
/// value of its own (Flink's distinct MapView takes a null key): with <c>nullIsValue</c> each argument is stored behind a
/// tag byte (0 NULL, 1 a value). The state row is the member's tuples with their counts, then the inner accumulator's.
/// </summary>
public sealed class DistinctAccumulator : IGroupsAccumulator
{
    private readonly IGroupsAccumulator _inner;
    private readonly DistinctValues _values;
    private readonly GroupValueCounters _counters;
    private readonly int _member;
    private readonly SqlType[] _argumentTypes;
    private readonly bool _nullIsValue;
    private bool[] _forward = new bool[256];

    /// <param name="shared">The tuples shared with the operator's other DISTINCT aggregates over the same arguments (null:
    /// this accumulator keeps its own).</param>
    public DistinctAccumulator(SnapshotEpoch epoch, IGroupsAccumulator inner, IReadOnlyList<SqlType> argumentTypes, bool nullIsValue = false,
        DistinctValues? shared = null)
    {
        if (shared is not null && shared.NullIsValue != nullIsValue)
            throw new ArgumentException("shared distinct values differ in how they take NULL", nameof(shared));
        _inner = inner;
        _nullIsValue = nullIsValue;
        _argumentTypes = argumentTypes.ToArray();
        _values = shared ?? new DistinctValues(epoch, nullIsValue);
        _counters = _values.Counters;
        _member = _values.AddMember();
    }

    public IGroupsAccumulator Inner => _inner;

    public SqlType ResultType => _inner.ResultType;

    public bool SupportsRetraction => true;

    public void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var forward = Forward(arguments, groups, filter, 1);
        _inner.Update(arguments, groups, forward);
    }

    public void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var forward = Forward(arguments, groups, filter, -1);
        _inner.Retract(arguments, groups, forward);
    }

    /// <summary>The rows whose tuple became present (delta 1) or absent (delta -1) in their group.</summary>
    private ReadOnlySpan<bool> Forward(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter, long delta)
    {
        if (_forward.Length < groups.Length) _forward = new bool[Math.Max(groups.Length, _forward.Length * 2)];
        var forward = _forward.AsSpan(0, groups.Length);
        _values.Count(_member, arguments, groups, filter, delta, forward);
        return forward;
    }

    public IArrowArray Evaluate(ReadOnlySpan<int> groups) => _inner.Evaluate(groups);

    /// <summary>Unites the distinct tuples of the groups, then rebuilds the inner state of each target from its tuples.</summary>
    public void Merge(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        _values.Invalidate();
        PrepareWrite(into);
        for (int i = 0; i < from.Length; i++) _counters.AddAll(_member, from[i], into[i]);
        _counters.RemoveEmpty();
        var writers = new Columns.ColumnBuilder[_argumentTypes.Length];
        var targets = new List<int>();
        for (int k = 0; k < writers.Length; k++) writers[k] = Columns.ColumnBuilder.Create(_argumentTypes[k], 16);
        foreach (int t in into)
        {
            _inner.Reset(t);
            for (int e = _counters.First(t); e >= 0; e = _counters.Next(e))
            {
                if (_counters.Count(_member, e) == 0) continue;
                var reader = new StateRowReader(_counters.Value(e));
                for (int k = 0; k < writers.Length; k++)
                {
                    var encoded = reader.ReadBytes();
                    if (!_nullIsValue) SortableEncoding.Decode(encoded, _argumentTypes[k], writers[k]);
                    else if (encoded[0] == 0) writers[k].AppendNull();
                    else SortableEncoding.Decode(encoded[1..], _argumentTypes[k], writers[k]);
                }
                targets.Add(t);
            }
        }
        var arrays = new IArrowArray[writers.Length];
        for (int k = 0; k < arrays.Length; k++) arrays[k] = writers[k].Build();
        _inner.Update(arrays, targets.ToArray(), default);
    }

    public void EnsureCapacity(int groups)
    {
        _counters.EnsureCapacity(groups);
        _inner.EnsureCapacity(groups);
    }

    public void PrepareWrite(ReadOnlySpan<int> groups)
    {
        _counters.PrepareWrite(groups);
        _inner.PrepareWrite(groups);
    }

    public void Reset(int group)
    {
        _values.Invalidate();
        _counters.RemoveEmpty();
        _counters.Clear(_member, group);
        _inner.Reset(group);
    }

    public void WriteState(int group, StateRowWriter writer)
    {
        _counters.Write(_member, group, writer);
        _inner.WriteState(group, writer);
    }

    public void ReadState(int group, ref StateRowReader reader)
    {
        _values.Invalidate();
        _counters.Read(_member, group, ref reader);
        _inner.ReadState(group, ref reader);
    }

    public IGroupColumnSnapshot Capture() => new Snapshot(_counters.Capture(_member), _inner.Capture());

    /// <summary>The shared tuples are counted by their first member.</summary>
    public long AllocatedBytes => (_member == 0 ? _counters.AllocatedBytes : 0) + _inner.AllocatedBytes;

    private sealed class Snapshot(GroupValueCountsView seen, IGroupColumnSnapshot inner) : IGroupColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer)
        {
            seen.Write(group, writer);
            inner.WriteState(group, writer);
        }
    }
}
