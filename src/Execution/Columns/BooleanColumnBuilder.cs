using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Columns;

/// <summary>A BOOLEAN column: bit-packed values.</summary>
public sealed class BooleanColumnBuilder : ColumnBuilder
{
    private byte[] _bits = System.Array.Empty<byte>();
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
        Validity.SetNull(row);
    }

    internal override void AppendFrom(ColumnReader reader, int row)
    {
        if (reader.IsNull(row)) AppendNull(); else AppendBoolean(reader.GetBoolean(row));
    }

    private protected override void CopyValues(ArrayData source, ReadOnlySpan<int> rows, int start, int count)
    {
        var column = new ColumnView(source, ColumnKind.Boolean);
        for (int j = 0; j < count; j++) AppendBoolean(column.GetBoolean(rows.IsEmpty ? start + j : rows[j]));
    }

    public override ArrayData BuildData()
    {
        if (_bits.Length < (Length + 7) >> 3) Grow(Length);
        var (validity, nulls) = Validity.Build(Length);
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
