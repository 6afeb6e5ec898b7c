using StreamSql.Execution.Columns;
using Apache.Arrow;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// <c>agg(DISTINCT args)</c> (COUNT, SUM, AVG, LISTAGG, ... DISTINCT) as Flink runs it: per group a count of each distinct
/// argument tuple (<see cref="GroupValueCounts"/>, a row with a NULL argument is not counted); a row reaches the inner
/// accumulator only when its tuple is new to the group, and is retracted from it only when the tuple's last occurrence is.
/// For ARRAY_AGG, which keeps NULLs, a NULL is a value of its own (Flink's distinct MapView takes a null key): with
/// <c>nullIsValue</c> each argument is stored behind a tag byte (0 NULL, 1 a value).
/// </summary>
public sealed class DistinctAccumulator : IGroupsAccumulator
{
    private readonly IGroupsAccumulator _inner;
    private readonly GroupValueCounts _seen;
    private readonly DistinctArguments _encoded;
    private readonly SqlType[] _argumentTypes;
    private readonly bool _nullIsValue;
    private bool[] _forward = new bool[256];

    /// <param name="encoded">Shared by the operator's DISTINCT aggregates, so that a batch's argument tuples are encoded once
    /// (null: this accumulator encodes its own).</param>
    public DistinctAccumulator(SnapshotEpoch epoch, IGroupsAccumulator inner, IReadOnlyList<SqlType> argumentTypes, bool nullIsValue = false,
        DistinctArguments? encoded = null)
    {
        _encoded = encoded ?? new DistinctArguments();
        _inner = inner;
        _nullIsValue = nullIsValue;
        _argumentTypes = argumentTypes.ToArray();
        _seen = new GroupValueCounts(epoch);
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
        var rows = _encoded.Encode(arguments, _nullIsValue);
        bool all = filter.IsEmpty;
        for (int i = 0; i < groups.Length; i++)
        {
            forward[i] = false;
            if (!all && !filter[i] || !rows.Present(i)) continue;
            long count = _seen.Add(groups[i], rows.Key(i), rows.Hash(i), delta, out _);
            forward[i] = delta > 0 ? count == 1 : count == 0;
        }
        return forward;
    }

    public IArrowArray Evaluate(ReadOnlySpan<int> groups) => _inner.Evaluate(groups);

    /// <summary>Unites the distinct tuples of the groups, then rebuilds the inner state of each target from its tuples.</summary>
    public void Merge(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        PrepareWrite(into);
        for (int i = 0; i < from.Length; i++) _seen.AddAll(from[i], into[i]);
        var writers = new Columns.ColumnBuilder[_argumentTypes.Length];
        var targets = new List<int>();
        for (int k = 0; k < writers.Length; k++) writers[k] = Columns.ColumnBuilder.Create(_argumentTypes[k], 16);
        foreach (int t in into)
        {
            _inner.Reset(t);
            for (int e = _seen.First(t); e >= 0; e = _seen.Next(e))
            {
                var reader = new StateRowReader(_seen.Value(e));
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
        _seen.EnsureCapacity(groups);
        _inner.EnsureCapacity(groups);
    }

    public void PrepareWrite(ReadOnlySpan<int> groups)
    {
        _seen.PrepareWrite(groups);
        _inner.PrepareWrite(groups);
    }

    public void Reset(int group)
    {
        _seen.Clear(group);
        _inner.Reset(group);
    }

    public void WriteState(int group, StateRowWriter writer)
    {
        _seen.Write(group, writer);
        _inner.WriteState(group, writer);
    }

    public void ReadState(int group, ref StateRowReader reader)
    {
        _seen.Read(group, ref reader);
        _inner.ReadState(group, ref reader);
    }

    public IGroupColumnSnapshot Capture() => new Snapshot(_seen.Capture(), _inner.Capture());

    public long AllocatedBytes => _seen.AllocatedBytes + _inner.AllocatedBytes;

    private sealed class Snapshot(GroupValueCountsView seen, IGroupColumnSnapshot inner) : IGroupColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer)
        {
            seen.Write(group, writer);
            inner.WriteState(group, writer);
        }
    }
}
