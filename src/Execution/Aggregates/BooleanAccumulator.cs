using Apache.Arrow;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// <c>BOOL_AND</c> (<c>EVERY</c>) and <c>BOOL_OR</c> (<c>SOME</c>/<c>ANY</c>): the counts of TRUE and FALSE values of a
/// group, so a retraction is a subtraction. BOOL_AND is TRUE when no FALSE is present, BOOL_OR when a TRUE is; NULL when
/// the group has no non-NULL value.
/// </summary>
public sealed class BooleanAccumulator : GroupsAccumulator
{
    private readonly bool _and;
    private readonly Int64Vector _trues;
    private readonly Int64Vector _falses;

    public BooleanAccumulator(SnapshotEpoch epoch, bool and, bool retracting) : base(SqlType.Boolean, retracting)
    {
        _and = and;
        _trues = State(new Int64Vector(epoch));
        _falses = State(new Int64Vector(epoch));
    }

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter) =>
        Add(arguments[0], groups, filter, 1);

    public override void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        CheckRetraction();
        Add(arguments[0], groups, filter, -1);
    }

    private void Add(IArrowArray column, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter, long delta)
    {
        if (column.Data.DataType.TypeId == Apache.Arrow.Types.ArrowTypeId.Null) return;
        var values = Values.Boolean(column);
        var validity = ArgumentValues.Validity(column, out int offset);
        for (int i = 0; i < groups.Length; i++)
        {
            if (!Selected(filter, i) || !ArgumentValues.IsValid(validity, offset, i)) continue;
            if (values[i] != 0) _trues.Values[groups[i]] += delta; else _falses.Values[groups[i]] += delta;
        }
    }

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        var values = new long[groups.Length];
        var valid = new bool[groups.Length];
        for (int i = 0; i < groups.Length; i++)
        {
            long trues = _trues.Values[groups[i]], falses = _falses.Values[groups[i]];
            valid[i] = trues + falses > 0;
            values[i] = _and ? (falses <= 0 ? 1 : 0) : (trues > 0 ? 1 : 0);
        }
        return ResultArrays.Integers(ResultType, values, valid);
    }

    protected override void MergeCore(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        for (int i = 0; i < from.Length; i++)
        {
            _trues.Values[into[i]] += _trues.Values[from[i]];
            _falses.Values[into[i]] += _falses.Values[from[i]];
        }
    }
}
