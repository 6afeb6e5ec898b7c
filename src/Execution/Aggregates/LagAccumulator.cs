using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// <c>LAG(x [, offset [, default]])</c> as an OVER aggregate (Flink's LagAggFunction): each partition keeps the last
/// offset + 1 rows' values (x, and the default when given); the result is x of the oldest of them once there are offset + 1,
/// else the latest row's default (NULL without one). Rows arrive in the window's time order; a RANGE window evaluates after
/// all rows of one time, so peers share the value, as Flink's. Each kept entry is x then the default, each a tag byte
/// (0 NULL, 1 a value) and, for a value, its length-prefixed <see cref="SortableEncoding"/>. Insert-only.
/// </summary>
public sealed class LagAccumulator : ValueListAccumulator
{
    private readonly int _offset;
    private readonly bool _hasDefault;
    private readonly StateRowWriter _scratch = new();
    private readonly StateRowWriter _value = new();

    public LagAccumulator(SnapshotEpoch epoch, SqlType argumentType, SqlType resultType, int offset, bool hasDefault)
        : base(epoch, resultType)
    {
        if (!SortableEncoding.SupportsEquality(argumentType.Kind == SqlTypeKind.Null ? SqlType.Int : argumentType))
            throw new NotSupportedException($"LAG over {argumentType} is not supported yet (only scalar values)");
                _offset = offset;
        _hasDefault = hasDefault;
    }

    public override bool SupportsRetraction => false;

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var values = arguments[0];
        var defaults = _hasDefault ? arguments[1] : null;
        for (int i = 0; i < groups.Length; i++)
        {
            if (!filter.IsEmpty && !filter[i]) continue;
            int g = groups[i];
            _scratch.Clear();
            Encode(values, i);
            if (defaults is not null) Encode(defaults, i);
            Lists.Append(g, _scratch.Written, cancelPending: false);
            int count = 0;
            for (int e = Lists.First(g); e >= 0; e = Lists.Next(e)) count++;
            if (count > _offset + 1) Lists.RemoveHead(g);
        }
    }

    private void Encode(IArrowArray column, int row)
    {
        _value.Clear();
        if (!SortableEncoding.TryWrite(column, row, _value))
        {
            _scratch.WriteByte(0);
            return;
        }
        _scratch.WriteByte(1);
        _scratch.WriteBytes(_value.Written);
    }

    public override void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter) =>
        throw new InvalidOperationException("LAG cannot take rows back out (an OVER window with a bounded frame)");

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        var builder = ColumnBuilder.Create(ResultType, groups.Length);
        foreach (int g in groups)
        {
            int first = Lists.First(g), last = first, count = 0;
            for (int e = first; e >= 0; e = Lists.Next(e))
            {
                count++;
                last = e;
            }
            if (count == _offset + 1) AppendField(Lists.Value(first), 0, builder);
            else if (_hasDefault && last >= 0) AppendField(Lists.Value(last), 1, builder);
            else builder.AppendNull();
        }
        return builder.Build();
    }

    /// <summary>Appends field <paramref name="field"/> (0 x, 1 the default) of an entry.</summary>
    private void AppendField(ReadOnlySpan<byte> entry, int field, ColumnBuilder builder)
    {
        var reader = new StateRowReader(entry);
        for (int f = 0; ; f++)
        {
            bool present = reader.ReadByte() != 0;
            var encoded = present ? reader.ReadBytes() : default;
            if (f < field) continue;
            if (present) SortableEncoding.Decode(encoded, ResultType, builder);
            else builder.AppendNull();
            return;
        }
    }

    public override void Merge(ReadOnlySpan<int> from, ReadOnlySpan<int> into) =>
        throw new NotSupportedException("LAG cannot merge partial states");

}
