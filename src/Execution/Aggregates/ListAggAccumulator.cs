using StreamSql.Execution.Columns;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// <c>LISTAGG(x [, separator])</c> over an insert-only input (Flink's <c>ListAggFunction</c>): the non-NULL values of a
/// group joined by the separator (default <c>,</c>) in arrival order, kept as one growing string per group; NULL for an
/// empty group. An updating input needs <see cref="OrderedValueAccumulator"/>.
/// </summary>
public sealed class ListAggAccumulator : GroupsAccumulator
{
    private readonly BytesVector _text;
    private readonly byte[] _separator;

    public ListAggAccumulator(SnapshotEpoch epoch, string separator = ",") : base(SqlType.String, retracting: false)
    {
        _text = State(new BytesVector(epoch));
        _separator = System.Text.Encoding.UTF8.GetBytes(separator);
    }

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        if (arguments[0] is not BinaryArray strings) return;
        for (int i = 0; i < groups.Length; i++)
        {
            if (!Selected(filter, i) || strings.IsNull(i)) continue;
            _text.Append(groups[i], _separator, strings.GetBytes(i));
        }
    }

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        var writer = ColumnBuilder.Create(ResultType, groups.Length);
        foreach (int g in groups)
            if (_text.HasValue(g)) writer.AppendUtf8(_text.Get(g)); else writer.AppendNull();
        return writer.Build();
    }

    protected override void MergeCore(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        for (int i = 0; i < from.Length; i++)
            if (_text.HasValue(from[i])) _text.Append(into[i], _separator, _text.Get(from[i]).ToArray());
    }
}
