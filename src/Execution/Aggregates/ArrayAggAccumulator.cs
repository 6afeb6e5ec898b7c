using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// <c>ARRAY_AGG(x)</c> as Flink's <c>ArrayAggFunction</c> (RESPECT NULLS): a group's values in arrival order, NULLs
/// included, as an ARRAY; NULL for a group with no values. A retraction removes the earliest equal value (NULL equals
/// NULL); one that finds none is remembered and only a merge (window slices, sessions) settles it against the merged
/// values, as Flink's <c>retractList</c>. Values are kept in a <see cref="GroupValueLists"/>, each as a tag byte
/// (0 NULL, 1 a value) followed by its <see cref="SortableEncoding"/>.
/// </summary>
public sealed class ArrayAggAccumulator : ValueListAccumulator
{
    private const byte NullTag = 0;
    private const byte ValueTag = 1;

    private readonly SqlType _element;
    private readonly StateRowWriter _scratch = new();
    private readonly bool _mergesPartials;

    /// <param name="mergesPartials">The Global phase of a two-phase ARRAY_AGG: the argument is an ARRAY column of partial
    /// lists (NULL: none), whose elements are appended in order.</param>
    public ArrayAggAccumulator(SnapshotEpoch epoch, SqlType argumentType, SqlType resultType, bool mergesPartials = false)
        : base(epoch, resultType)
    {
        _mergesPartials = mergesPartials;
        if (!SortableEncoding.SupportsEquality(argumentType))
            throw new NotSupportedException($"ARRAY_AGG over {argumentType} is not supported yet (only scalar values)");
                _element = resultType.Elements![0];
    }

    public override bool SupportsRetraction => true;

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        if (_mergesPartials)
        {
            AppendPartials((ListArray)arguments[0], groups, filter);
            return;
        }
        var column = arguments[0];
        for (int i = 0; i < groups.Length; i++)
        {
            if (!filter.IsEmpty && !filter[i]) continue;
            Encode(column, i);
            Lists.Append(groups[i], _scratch.Written, cancelPending: false);
        }
    }

    public override void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var column = arguments[0];
        for (int i = 0; i < groups.Length; i++)
        {
            if (!filter.IsEmpty && !filter[i]) continue;
            Encode(column, i);
            Lists.RemoveFirst(groups[i], _scratch.Written, keepPending: true);
        }
    }

    private void AppendPartials(ListArray lists, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var offsets = lists.ValueOffsets;
        var elements = lists.Values;
        for (int i = 0; i < groups.Length; i++)
        {
            if ((!filter.IsEmpty && !filter[i]) || groups[i] < 0 || lists.IsNull(i)) continue;
            for (int e = offsets[i]; e < offsets[i + 1]; e++)
            {
                Encode(elements, e);
                Lists.Append(groups[i], _scratch.Written, cancelPending: false);
            }
        }
    }

    private void Encode(IArrowArray column, int row)
    {
        _scratch.Clear();
        _scratch.WriteByte(ValueTag);
        if (SortableEncoding.TryWrite(column, row, _scratch)) return;
        _scratch.Clear();
        _scratch.WriteByte(NullTag);
    }

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        var builder = (ListColumnBuilder)ColumnBuilder.Create(ResultType, groups.Length);
        var values = builder.Values;
        foreach (int g in groups)
        {
            int e = Lists.First(g);
            if (e < 0)
            {
                builder.AppendNull();
                continue;
            }
            for (; e >= 0; e = Lists.Next(e))
            {
                var encoded = Lists.Value(e);
                if (encoded[0] == NullTag) values.AppendNull();
                else SortableEncoding.Decode(encoded[1..], _element, values);
            }
            builder.AppendListValid();
        }
        return builder.Build();
    }

    /// <summary>Appends <paramref name="from"/>'s values after <paramref name="into"/>'s; pending retractions of both then cancel
    /// the earliest equal merged values (Flink's merge).</summary>
    public override void Merge(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        PrepareWrite(into);
        for (int i = 0; i < from.Length; i++) Lists.AppendAll(from[i], into[i], cancelPending: true);
    }

}
