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
public sealed class LagAccumulator : IGroupsAccumulator
{
    private readonly GroupValueLists _lists;
    private readonly int _offset;
    private readonly bool _hasDefault;
    private readonly StateRowWriter _scratch = new();
    private readonly StateRowWriter _value = new();

    public LagAccumulator(SnapshotEpoch epoch, SqlType argumentType, SqlType resultType, int offset, bool hasDefault)
    {
        if (!SortableEncoding.Supports(argumentType.Kind == SqlTypeKind.Null ? SqlType.Int : argumentType))
            throw new NotSupportedException($"LAG over {argumentType} is not supported yet (only scalar values)");
        _lists = new GroupValueLists(epoch);
        _offset = offset;
        _hasDefault = hasDefault;
        ResultType = resultType;
    }

    public SqlType ResultType { get; }

    public bool SupportsRetraction => false;

    public void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
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
            _lists.Append(g, _scratch.Written, cancelPending: false);
            int count = 0;
            for (int e = _lists.First(g); e >= 0; e = _lists.Next(e)) count++;
            if (count > _offset + 1) _lists.RemoveHead(g);
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

    public void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter) =>
        throw new InvalidOperationException("LAG cannot take rows back out (an OVER window with a bounded frame)");

    public IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        var builder = ColumnBuilder.Create(ResultType, groups.Length);
        foreach (int g in groups)
        {
            int first = _lists.First(g), last = first, count = 0;
            for (int e = first; e >= 0; e = _lists.Next(e))
            {
                count++;
                last = e;
            }
            if (count == _offset + 1) AppendField(_lists.Value(first), 0, builder);
            else if (_hasDefault && last >= 0) AppendField(_lists.Value(last), 1, builder);
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

    public void Merge(ReadOnlySpan<int> from, ReadOnlySpan<int> into) =>
        throw new NotSupportedException("LAG cannot merge partial states");

    public void EnsureCapacity(int groups) => _lists.EnsureCapacity(groups);
    public void PrepareWrite(ReadOnlySpan<int> groups) => _lists.PrepareWrite(groups);
    public void Reset(int group) => _lists.Clear(group);
    public void WriteState(int group, StateRowWriter writer) => _lists.Write(group, writer);
    public void ReadState(int group, ref StateRowReader reader) => _lists.Read(group, ref reader);
    public IGroupColumnSnapshot Capture() => _lists.Capture();
    public long AllocatedBytes => _lists.AllocatedBytes;
}
