using StreamSql.Execution.Columns;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// Aggregates over a group's values in arrival order that an updating input can take back: <c>FIRST_VALUE</c> and
/// <c>LAST_VALUE</c> (Flink's <c>First/LastValueWithRetractAggFunction</c>: the earliest/latest value still present; a
/// retraction removes the value's earliest occurrence) and <c>LISTAGG</c> (Flink's <c>ListAggWithRetractAggFunction</c>:
/// the values joined by the separator; a retraction that finds no equal value is kept and cancels the next equal value).
/// NULL values are skipped.
/// </summary>
public sealed class OrderedValueAccumulator : ValueListAccumulator
{
    public enum Kind { FirstValue, LastValue, ListAgg }

    private readonly Kind _kind;
    private readonly byte[] _separator;
    private readonly StateRowWriter _scratch = new();

    public OrderedValueAccumulator(SnapshotEpoch epoch, Kind kind, SqlType argumentType, string separator = ",")
        : base(epoch, kind == Kind.ListAgg ? SqlType.String : argumentType.WithNullable(true).WithoutTimeAttribute())
    {
        if (!SortableEncoding.SupportsEquality(argumentType)) throw new NotSupportedException($"{kind} over {argumentType} is not supported");
        _kind = kind;
                _separator = System.Text.Encoding.UTF8.GetBytes(separator);
    }

    public override bool SupportsRetraction => true;

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var column = arguments[0];
        for (int i = 0; i < groups.Length; i++)
        {
            if (!filter.IsEmpty && !filter[i]) continue;
            _scratch.Clear();
            if (!SortableEncoding.TryWrite(column, i, _scratch)) continue;
            Lists.Append(groups[i], _scratch.Written, cancelPending: _kind == Kind.ListAgg);
        }
    }

    public override void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var column = arguments[0];
        for (int i = 0; i < groups.Length; i++)
        {
            if (!filter.IsEmpty && !filter[i]) continue;
            _scratch.Clear();
            if (!SortableEncoding.TryWrite(column, i, _scratch)) continue;
            Lists.RemoveFirst(groups[i], _scratch.Written, keepPending: _kind == Kind.ListAgg);
        }
    }

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        var writer = ColumnBuilder.Create(ResultType, groups.Length);
        foreach (int g in groups)
        {
            int e = _kind == Kind.LastValue ? Lists.Last(g) : Lists.First(g);
            if (e < 0)
            {
                writer.AppendNull();
                continue;
            }
            if (_kind != Kind.ListAgg)
            {
                SortableEncoding.Decode(Lists.Value(e), ResultType, writer);
                continue;
            }
            _scratch.Clear();
            // A separator before every value but the first, even after an empty first value.
            for (int first = e; e >= 0; e = Lists.Next(e))
            {
                if (e != first) _scratch.WriteRaw(_separator);
                _scratch.WriteRaw(Lists.Value(e));
            }
            writer.AppendUtf8(_scratch.Written);
        }
        return writer.Build();
    }

    public override void Merge(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        PrepareWrite(into);
        for (int i = 0; i < from.Length; i++) Lists.AppendAll(from[i], into[i], cancelPending: _kind == Kind.ListAgg);
    }

}
