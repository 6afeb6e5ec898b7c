using Apache.Arrow;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// <c>COUNT(*)</c> (no arguments: every selected row) and <c>COUNT(x)</c> (rows where x is not NULL); BIGINT NOT NULL, 0 for
/// an empty group. Retraction subtracts. With several arguments (<c>COUNT(a, b)</c>) a row counts when none is NULL.
/// </summary>
public sealed class CountAccumulator : GroupsAccumulator
{
    private readonly Int64Vector _counts;

    public CountAccumulator(SnapshotEpoch epoch, bool retracting) : base(SqlType.BigInt.AsNotNull(), retracting) =>
        _counts = State(new Int64Vector(epoch));

    public Int64Vector Counts => _counts;

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter) =>
        Add(arguments, groups, filter, 1);

    public override void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        CheckRetraction();
        Add(arguments, groups, filter, -1);
    }

    private void Add(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter, long delta)
    {
        var counts = _counts.Values;
        bool nullable = false;
        foreach (var a in arguments) nullable |= a.NullCount > 0 || a.Data.DataType.TypeId == Apache.Arrow.Types.ArrowTypeId.Null;
        if (!nullable)
        {
            if (filter.IsEmpty)
                foreach (int g in groups) counts[g] += delta;
            else
                for (int i = 0; i < groups.Length; i++)
                    if (filter[i]) counts[groups[i]] += delta;
            return;
        }
        for (int i = 0; i < groups.Length; i++)
        {
            if (!Selected(filter, i)) continue;
            bool anyNull = false;
            foreach (var a in arguments) anyNull |= a.IsNull(i);
            if (!anyNull) counts[groups[i]] += delta;
        }
    }

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        return ResultArrays.Integers(ResultType, _counts.Values, groups, default);
    }

    protected override void MergeCore(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        for (int i = 0; i < from.Length; i++) _counts.Values[into[i]] += _counts.Values[from[i]];
    }
}
