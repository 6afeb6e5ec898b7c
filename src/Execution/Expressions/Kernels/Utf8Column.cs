using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// A string column read in place: each value is a span of the Arrow value buffer (its UTF-8 bytes), no string made.
/// A constant operand reads as the same bytes on every row.
/// </summary>
internal readonly ref struct Utf8Column
{
    private readonly ReadOnlySpan<int> _offsets;
    private readonly ReadOnlySpan<byte> _data;
    private readonly ReadOnlySpan<byte> _validity;
    private readonly int _validityOffset;
    private readonly bool _constant;
    private readonly bool _allNull;

    private Utf8Column(ReadOnlySpan<int> offsets, ReadOnlySpan<byte> data, ReadOnlySpan<byte> validity, int validityOffset, bool constant, bool allNull)
    {
        _offsets = offsets;
        _data = data;
        _validity = validity;
        _validityOffset = validityOffset;
        _constant = constant;
        _allNull = allNull;
    }

    /// <summary>The operand's values over <paramref name="input"/>: a literal's bytes, or the evaluated column's buffers.</summary>
    public static Utf8Column Of(VectorExpression operand, RecordBatch input, EvaluationContext context, out IArrowArray? keepAlive)
    {
        keepAlive = null;
        if (operand is ConstantExpression constant)
        {
            var reader = (ConstantReader)constant.EvaluateReader(input, context);
            if (reader.IsNull(0)) return new Utf8Column(default, default, default, 0, constant: true, allNull: true);
            return new Utf8Column(default, reader.GetUtf8(0), default, 0, constant: true, allNull: false);
        }
        var array = operand.Evaluate(input, context);
        keepAlive = array;
        return Of(array);
    }

    /// <summary>A string array's values.</summary>
    public static Utf8Column Of(IArrowArray array)
    {
        var data = array.Data;
        if (array is NullArray || data.DataType.TypeId == Apache.Arrow.Types.ArrowTypeId.Null)
            return new Utf8Column(default, default, default, 0, constant: true, allNull: true);
        var offsets = MemoryMarshal.Cast<byte, int>(data.Buffers[1].Span).Slice(data.Offset, data.Length + 1);
        var validity = data.NullCount == 0 ? ReadOnlySpan<byte>.Empty : data.Buffers[0].Span;
        return new Utf8Column(offsets, data.Buffers[2].Span, validity, data.Offset, constant: false, allNull: false);
    }

    /// <summary>The same bytes on every row (a literal).</summary>
    public static Utf8Column Literal(ReadOnlySpan<byte> value) => new(default, value, default, 0, constant: true, allNull: false);

    /// <summary>Whether every row is NULL (a NULL literal).</summary>
    public bool AllNull => _allNull;

    public bool IsConstant => _constant;

    public bool IsNull(int row) => _allNull || (!_validity.IsEmpty && !Bitmaps.Get(_validity, _validityOffset + row));

    public bool HasNulls => _allNull || !_validity.IsEmpty;

    /// <summary>The value offsets (<c>n + 1</c> of them, into <see cref="Data"/>); empty for a literal.</summary>
    public ReadOnlySpan<int> Offsets => _offsets;

    /// <summary>The whole value buffer (a literal's bytes for a literal).</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>The UTF-8 bytes of row <paramref name="row"/> (meaningless when it is NULL).</summary>
    public ReadOnlySpan<byte> this[int row] => _constant ? _data : _data[_offsets[row].._offsets[row + 1]];
}
