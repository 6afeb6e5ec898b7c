using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates.HyperLogLog;

/// <summary>
/// The hash of each value of an APPROX_COUNT_DISTINCT argument column, as Flink's <c>ApproxCountDistinctAggFunctions</c>
/// hashes its internal value: TINYINT, SMALLINT, INT with <see cref="XxHash64.HashInt"/>; BIGINT, DATE (days) and TIME
/// (milliseconds of the day) with <see cref="XxHash64.HashLong"/>; FLOAT and DOUBLE by their bits with NaN and -0.0
/// normalized; DECIMAL of precision up to 18 by its unscaled long, above by the minimal big-endian two's-complement
/// bytes of its unscaled value (Java's <c>BigInteger.toByteArray</c>); TIMESTAMP and TIMESTAMP_LTZ by
/// <c>millisecond * 1_000_000 + nanoOfMillisecond</c> (the epoch nanoseconds, wrapping as Java's long arithmetic);
/// CHAR and VARCHAR by their UTF-8 bytes. Rows are hashed whatever their validity; the caller skips NULLs.
/// </summary>
internal sealed class ApproxDistinctHashes
{
    private enum Encoding { Int8, Int16, Int32, Int64, Int32AsLong, Float, Double, CompactDecimal, WideDecimal, TimestampMicros, TimestampNanos, Utf8 }

    private readonly Encoding _encoding;
    private long[] _hashes = new long[256];

    public ApproxDistinctHashes(SqlType argument)
    {
        _encoding = EncodingOf(argument)
            ?? throw new NotSupportedException($"APPROX_COUNT_DISTINCT aggregate function does not support type: ''{argument}''.\nPlease re-check the data type.");
    }

    private static Encoding? EncodingOf(SqlType type) => type.Kind switch
    {
        SqlTypeKind.TinyInt => Encoding.Int8,
        SqlTypeKind.SmallInt => Encoding.Int16,
        SqlTypeKind.Int => Encoding.Int32,
        SqlTypeKind.BigInt => Encoding.Int64,
        SqlTypeKind.Date or SqlTypeKind.Time => Encoding.Int32AsLong,
        SqlTypeKind.Float => Encoding.Float,
        SqlTypeKind.Double => Encoding.Double,
        // Flink's DecimalDataUtils.isByteArrayDecimal: precision above 18.
        SqlTypeKind.Decimal => type.Precision > 18 ? Encoding.WideDecimal : Encoding.CompactDecimal,
        SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz =>
            TimestampEncoding.IsNanos(type.Precision) ? Encoding.TimestampNanos : Encoding.TimestampMicros,
        SqlTypeKind.Char or SqlTypeKind.VarChar => Encoding.Utf8,
        _ => null,
    };

    /// <summary>The hashes of <paramref name="column"/>'s rows (valid until the next call).</summary>
    public ReadOnlySpan<long> Of(IArrowArray column)
    {
        int n = column.Length, offset = column.Offset;
        if (_hashes.Length < n) _hashes = new long[Math.Max(n, _hashes.Length * 2)];
        var hashes = _hashes.AsSpan(0, n);
        var data = column.Data;
        if (data.DataType.TypeId == ArrowTypeId.Null) return hashes;
        if (_encoding == Encoding.Utf8)
        {
            HashStrings(data, hashes);
            return hashes;
        }
        var values = data.Buffers[1].Span;
        switch (_encoding)
        {
            case Encoding.Int8:
            {
                var source = MemoryMarshal.Cast<byte, sbyte>(values).Slice(offset, n);
                for (int i = 0; i < n; i++) hashes[i] = XxHash64.HashInt(source[i]);
                break;
            }
            case Encoding.Int16:
            {
                var source = MemoryMarshal.Cast<byte, short>(values).Slice(offset, n);
                for (int i = 0; i < n; i++) hashes[i] = XxHash64.HashInt(source[i]);
                break;
            }
            case Encoding.Int32:
            {
                var source = MemoryMarshal.Cast<byte, int>(values).Slice(offset, n);
                for (int i = 0; i < n; i++) hashes[i] = XxHash64.HashInt(source[i]);
                break;
            }
            case Encoding.Int32AsLong:
            {
                var source = MemoryMarshal.Cast<byte, int>(values).Slice(offset, n);
                for (int i = 0; i < n; i++) hashes[i] = XxHash64.HashLong(source[i]);
                break;
            }
            case Encoding.Int64:
            {
                var source = MemoryMarshal.Cast<byte, long>(values).Slice(offset, n);
                for (int i = 0; i < n; i++) hashes[i] = XxHash64.HashLong(source[i]);
                break;
            }
            case Encoding.TimestampMicros:
            {
                var source = MemoryMarshal.Cast<byte, long>(values).Slice(offset, n);
                for (int i = 0; i < n; i++) hashes[i] = XxHash64.HashLong(unchecked(source[i] * 1000L));
                break;
            }
            case Encoding.TimestampNanos:
            {
                var source = MemoryMarshal.Cast<byte, long>(values).Slice(offset, n);
                for (int i = 0; i < n; i++) hashes[i] = XxHash64.HashLong(source[i]);
                break;
            }
            case Encoding.Float:
            {
                var source = MemoryMarshal.Cast<byte, float>(values).Slice(offset, n);
                for (int i = 0; i < n; i++) hashes[i] = XxHash64.HashInt(FloatBits(source[i]));
                break;
            }
            case Encoding.Double:
            {
                var source = MemoryMarshal.Cast<byte, double>(values).Slice(offset, n);
                for (int i = 0; i < n; i++) hashes[i] = XxHash64.HashLong(DoubleBits(source[i]));
                break;
            }
            case Encoding.CompactDecimal:
            {
                var source = MemoryMarshal.Cast<byte, Int128>(values).Slice(offset, n);
                for (int i = 0; i < n; i++) hashes[i] = XxHash64.HashLong((long)source[i]);
                break;
            }
            case Encoding.WideDecimal:
            {
                var source = MemoryMarshal.Cast<byte, Int128>(values).Slice(offset, n);
                Span<byte> bytes = stackalloc byte[16];
                for (int i = 0; i < n; i++) hashes[i] = XxHash64.HashBytes(MinimalBigEndian(source[i], bytes));
                break;
            }
        }
        return hashes;
    }

    private static void HashStrings(ArrayData data, Span<long> hashes)
    {
        var offsets = MemoryMarshal.Cast<byte, int>(data.Buffers[1].Span).Slice(data.Offset, hashes.Length + 1);
        var bytes = data.Buffers.Length > 2 ? data.Buffers[2].Span : ReadOnlySpan<byte>.Empty;
        for (int i = 0; i < hashes.Length; i++) hashes[i] = XxHash64.HashBytes(bytes[offsets[i]..offsets[i + 1]]);
    }

    /// <summary>Java's <c>Float.floatToIntBits</c> of the value with -0.0 made 0.0 (every NaN is the canonical one).</summary>
    internal static int FloatBits(float value) =>
        float.IsNaN(value) ? 0x7fc00000 : BitConverter.SingleToInt32Bits(value == 0f ? 0f : value);

    /// <summary>Java's <c>Double.doubleToLongBits</c> of the value with -0.0 made 0.0.</summary>
    internal static long DoubleBits(double value) =>
        double.IsNaN(value) ? 0x7ff8000000000000L : BitConverter.DoubleToInt64Bits(value == 0d ? 0d : value);

    /// <summary>The fewest big-endian two's-complement bytes that hold <paramref name="value"/> (Java's
    /// <c>BigInteger.toByteArray</c>; one byte for 0), in <paramref name="buffer"/> (16 bytes).</summary>
    internal static ReadOnlySpan<byte> MinimalBigEndian(Int128 value, Span<byte> buffer)
    {
        BinaryPrimitives.WriteInt128BigEndian(buffer, value);
        int start = 0;
        // A leading byte is redundant when it only repeats the sign the next byte already carries.
        while (start < 15 && ((buffer[start] == 0x00 && (buffer[start + 1] & 0x80) == 0) || (buffer[start] == 0xFF && (buffer[start + 1] & 0x80) != 0)))
            start++;
        return buffer[start..];
    }
}
