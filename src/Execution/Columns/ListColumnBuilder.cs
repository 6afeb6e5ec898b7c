using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Columns;

/// <summary>An ARRAY, MULTISET or MAP column: a validity bitmap, offsets and one child builder (the elements; for a MAP
/// the key/value entries, a struct). The caller appends a value's elements to <see cref="Values"/> and then calls
/// <see cref="ColumnBuilder.AppendListValid"/>, or appends a null with <see cref="AppendNull"/>.</summary>
public sealed class ListColumnBuilder : ColumnBuilder
{
    private readonly ColumnBuilder _values;
    private int[] _offsets;

    internal ListColumnBuilder(IArrowType type, int capacity) : base(type)
    {
        _values = type switch
        {
            MapType map => new StructColumnBuilder(map.KeyValueType, capacity),
            ListType list => Create(list.ValueDataType, capacity),
            _ => throw new NotSupportedException($"Arrow type {type.Name} is not a list"),
        };
        _offsets = new int[Math.Max(capacity, 4) + 1];
    }

    /// <summary>The builder of the elements (of a MAP: the entries, whose children are the keys and the values).</summary>
    public ColumnBuilder Values => _values;

    public override IReadOnlyList<ColumnBuilder> Children => [_values];

    public override void AppendListValid() => EndRow();

    public override void AppendNull()
    {
        Validity.SetNull(Length);
        EndRow();
    }

    private void EndRow()
    {
        Length++;
        if (Length >= _offsets.Length) System.Array.Resize(ref _offsets, _offsets.Length * 2);
        _offsets[Length] = _values.Length;
    }

    internal override void AppendFrom(ColumnReader reader, int row)
    {
        // Nested values are never constants but NULL (a typed NULL literal): others are copied from their column
        // (CASE, COALESCE and IF choosing between nested values row by row).
        if (reader.IsNull(row)) AppendNull();
        else if (reader.TryLocate(row, out var data, out int index)) AppendRange(data, index, 1);
        else throw Unsupported("a row-at-a-time reader");
    }

    private protected override void CopyValues(ArrayData source, ReadOnlySpan<int> rows, int start, int count)
    {
        var sourceOffsets = MemoryMarshal.Cast<byte, int>(source.Buffers[1].Span).Slice(source.Offset);
        var child = source.Children[0];
        if (rows.IsEmpty)
        {
            int from = sourceOffsets[start], to = sourceOffsets[start + count];
            int at = _values.Length - from;
            _values.AppendRange(child, from, to - from);
            for (int j = 0; j < count; j++) AppendOffset(sourceOffsets[start + j + 1] + at);
            return;
        }
        int total = 0;
        for (int j = 0; j < rows.Length; j++) total += sourceOffsets[rows[j] + 1] - sourceOffsets[rows[j]];
        var childRows = new int[total];
        int k = 0, end = _values.Length;
        for (int j = 0; j < rows.Length; j++)
        {
            for (int e = sourceOffsets[rows[j]]; e < sourceOffsets[rows[j] + 1]; e++) childRows[k++] = e;
            end += sourceOffsets[rows[j] + 1] - sourceOffsets[rows[j]];
            AppendOffset(end);
        }
        _values.AppendRows(child, childRows);
    }

    private void AppendOffset(int offset)
    {
        Length++;
        if (Length >= _offsets.Length) System.Array.Resize(ref _offsets, _offsets.Length * 2);
        _offsets[Length] = offset;
    }

    private protected override void TruncateValues(int length) => _values.Truncate(_offsets[length]);

    public override ArrayData BuildData()
    {
        var offsets = new byte[(Length + 1) * sizeof(int)];
        MemoryMarshal.AsBytes(_offsets.AsSpan(0, Length + 1)).CopyTo(offsets);
        var values = _values.BuildData();
        var (validity, nulls) = Validity.Build(Length);
        var data = new ArrayData(Type, Length, nulls, 0, [validity, new ArrowBuffer(offsets)], [values]);
        Length = 0;
        _offsets[0] = 0;
        return data;
    }
}
