using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Columns;

/// <summary>A BOOLEAN column: bit-packed values.</summary>
public sealed class BooleanColumnBuilder : ColumnBuilder
{
    private byte[] _bits = System.Array.Empty<byte>();
    private ValidityBuilder _validity;
    private int _capacity;

    internal BooleanColumnBuilder(IArrowType type, int capacity) : base(type) => _capacity = Math.Max(capacity, 64);

    public override void AppendBoolean(bool value)
    {
        int row = Length;
        if ((row >> 3) >= _bits.Length) Grow(row + 1);
        if (value) _bits[row >> 3] |= (byte)(1 << (row & 7));
        else _bits[row >> 3] &= (byte)~(1 << (row & 7));
        Length = row + 1;
    }

    public override void AppendInt64(long value) => AppendBoolean(value != 0);

    public override void AppendNull()
    {
        int row = Length;
        AppendBoolean(false);
        _validity.SetNull(row);
    }

    internal override void AppendFrom(ColumnReader reader, int row)
    {
        if (reader.IsNull(row)) AppendNull(); else AppendBoolean(reader.GetBoolean(row));
    }

    public override void AppendRows(ArrayData source, ReadOnlySpan<int> rows)
    {
        var column = new ColumnView(source, ColumnKind.Boolean);
        int at = Length;
        for (int j = 0; j < rows.Length; j++) AppendBoolean(column.GetBoolean(rows[j]));
        _validity.CopyFrom(source, rows, 0, rows.Length, at);
    }

    public override void AppendRange(ArrayData source, int start, int count)
    {
        var column = new ColumnView(source, ColumnKind.Boolean);
        int at = Length;
        for (int j = 0; j < count; j++) AppendBoolean(column.GetBoolean(start + j));
        _validity.CopyFrom(source, ReadOnlySpan<int>.Empty, start, count, at);
    }

    public override void Truncate(int length)
    {
        if (length >= Length) return;
        _validity.Truncate(length, Length);
        Length = length;
    }

    public override ArrayData BuildData()
    {
        if (_bits.Length < (Length + 7) >> 3) Grow(Length);
        var (validity, nulls) = _validity.Build(Length);
        var data = new ArrayData(Type, Length, nulls, 0, [validity, new ArrowBuffer(_bits)], System.Array.Empty<ArrayData>());
        _capacity = Math.Max(_capacity, Length);
        _bits = System.Array.Empty<byte>();
        Length = 0;
        return data;
    }

    private void Grow(int rows)
    {
        int bytes = Math.Max((rows + 7) >> 3, _bits.Length == 0 ? (_capacity + 7) >> 3 : _bits.Length * 2);
        System.Array.Resize(ref _bits, bytes);
    }
}
