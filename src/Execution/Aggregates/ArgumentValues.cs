using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// Typed views of an aggregate's argument column for the update loops: integer-backed types as 64-bit integers,
/// FLOAT/DOUBLE as doubles, DECIMAL as unscaled 128-bit integers, BOOLEAN as bytes (0/1). The native width is read in
/// place; other widths are widened into a scratch buffer once per batch.
/// </summary>
internal sealed class ArgumentValues
{
    private long[] _longs = new long[256];
    private double[] _doubles = new double[256];
    private byte[] _bytes = new byte[256];

    /// <summary>The column's validity bits and their bit offset; empty when it has no nulls.</summary>
    public static ReadOnlySpan<byte> Validity(IArrowArray column, out int offset)
    {
        offset = column.Offset;
        var data = column.Data;
        if (data.DataType.TypeId == ArrowTypeId.Null) return AllNull(column.Length, out offset);
        return data.NullCount == 0 || data.Buffers[0].IsEmpty ? ReadOnlySpan<byte>.Empty : data.Buffers[0].Span;
    }

    private static ReadOnlySpan<byte> AllNull(int length, out int offset)
    {
        offset = 0;
        return new byte[Bitmaps.ByteLength(Math.Max(length, 1))];
    }

    public static bool IsValid(ReadOnlySpan<byte> validity, int offset, int row) =>
        validity.IsEmpty || (validity[(offset + row) >> 3] & (1 << ((offset + row) & 7))) != 0;

    public ReadOnlySpan<long> Int64(IArrowArray column)
    {
        var data = column.Data;
        int n = column.Length, off = column.Offset;
        var type = data.DataType.TypeId;
        if (type == ArrowTypeId.Null) return Scratch(ref _longs, n);
        var values = data.Buffers[1].Span;
        switch (type)
        {
            case ArrowTypeId.Int64 or ArrowTypeId.Date64 or ArrowTypeId.Time64 or ArrowTypeId.Timestamp or ArrowTypeId.Duration:
                return MemoryMarshal.Cast<byte, long>(values).Slice(off, n);
            case ArrowTypeId.Int32 or ArrowTypeId.Date32 or ArrowTypeId.Time32:
            {
                var source = MemoryMarshal.Cast<byte, int>(values).Slice(off, n);
                var target = Scratch(ref _longs, n);
                for (int i = 0; i < n; i++) target[i] = source[i];
                return target;
            }
            case ArrowTypeId.Int16:
            {
                var source = MemoryMarshal.Cast<byte, short>(values).Slice(off, n);
                var target = Scratch(ref _longs, n);
                for (int i = 0; i < n; i++) target[i] = source[i];
                return target;
            }
            case ArrowTypeId.Int8:
            {
                var source = MemoryMarshal.Cast<byte, sbyte>(values).Slice(off, n);
                var target = Scratch(ref _longs, n);
                for (int i = 0; i < n; i++) target[i] = source[i];
                return target;
            }
            default:
                throw new NotSupportedException($"an aggregate cannot read {data.DataType.Name} as an integer");
        }
    }

    public ReadOnlySpan<double> Double(IArrowArray column, int decimalScale = 0)
    {
        var data = column.Data;
        int n = column.Length, off = column.Offset;
        var type = data.DataType.TypeId;
        if (type == ArrowTypeId.Null) return Scratch(ref _doubles, n);
        var values = data.Buffers[1].Span;
        switch (type)
        {
            case ArrowTypeId.Double:
                return MemoryMarshal.Cast<byte, double>(values).Slice(off, n);
            case ArrowTypeId.Float:
            {
                var source = MemoryMarshal.Cast<byte, float>(values).Slice(off, n);
                var target = Scratch(ref _doubles, n);
                for (int i = 0; i < n; i++) target[i] = source[i];
                return target;
            }
            case ArrowTypeId.Decimal128:
            {
                var source = MemoryMarshal.Cast<byte, Int128>(values).Slice(off, n);
                int precision = ((Decimal128Type)data.DataType).Precision;
                var target = Scratch(ref _doubles, n);
                for (int i = 0; i < n; i++) target[i] = DecimalMath.ToDouble(source[i], precision, decimalScale);
                return target;
            }
            default:
            {
                var longs = Int64(column);
                var target = Scratch(ref _doubles, n);
                for (int i = 0; i < n; i++) target[i] = longs[i];
                return target;
            }
        }
    }

    public static ReadOnlySpan<Int128> Decimal(IArrowArray column)
    {
        var data = column.Data;
        if (data.DataType.TypeId == ArrowTypeId.Null) return new Int128[Math.Max(column.Length, 1)].AsSpan(0, column.Length);
        return MemoryMarshal.Cast<byte, Int128>(data.Buffers[1].Span).Slice(column.Offset, column.Length);
    }

    /// <summary>BOOLEAN values as 0/1 bytes.</summary>
    public ReadOnlySpan<byte> Boolean(IArrowArray column)
    {
        int n = column.Length, off = column.Offset;
        var target = Scratch(ref _bytes, n);
        if (column.Data.DataType.TypeId == ArrowTypeId.Null) return target;
        var bits = column.Data.Buffers[1].Span;
        for (int i = 0; i < n; i++) target[i] = (byte)((bits[(off + i) >> 3] >> ((off + i) & 7)) & 1);
        return target;
    }

    private static Span<T> Scratch<T>(ref T[] buffer, int n)
    {
        if (buffer.Length < n) buffer = new T[Math.Max(n, buffer.Length * 2)];
        var span = buffer.AsSpan(0, n);
        return span;
    }
}
