using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// Byte encodings of single SQL values whose unsigned byte order is the values' SQL order, so multisets of values
/// (MIN/MAX under retraction, DISTINCT) compare and hash bytes only: integer-backed types as 8 big-endian bytes with the
/// sign bit flipped; FLOAT/DOUBLE as a double's bits flipped into order (-0.0 as 0.0, one NaN, above every number as
/// Java's <c>Double.compare</c>); DECIMAL as 16 big-endian bytes, sign flipped; BOOLEAN one byte; strings and bytes as
/// they are (UTF-8 byte order is Flink's string order).
/// </summary>
internal static class SortableEncoding
{
    /// <summary>Appends row <paramref name="row"/>'s value to <paramref name="writer"/>; false for NULL (nothing written).</summary>
    public static bool TryWrite(IArrowArray column, int row, StateRowWriter writer)
    {
        var data = column.Data;
        if (column.IsNull(row)) return false;
        int index = data.Offset + row;
        var values = data.Buffers[1].Span;
        Span<byte> tmp = stackalloc byte[16];
        switch (data.DataType.TypeId)
        {
            case ArrowTypeId.Boolean:
                writer.WriteByte((byte)((values[index >> 3] >> (index & 7)) & 1));
                return true;
            case ArrowTypeId.Float:
                BinaryPrimitives.WriteUInt64BigEndian(tmp, DoubleKey(MemoryMarshal.Cast<byte, float>(values)[index]));
                writer.WriteRaw(tmp[..8]);
                return true;
            case ArrowTypeId.Double:
                BinaryPrimitives.WriteUInt64BigEndian(tmp, DoubleKey(MemoryMarshal.Cast<byte, double>(values)[index]));
                writer.WriteRaw(tmp[..8]);
                return true;
            case ArrowTypeId.Decimal128:
            {
                var v = BinaryPrimitives.ReadInt128LittleEndian(values.Slice(index * 16, 16));
                BinaryPrimitives.WriteUInt128BigEndian(tmp, (UInt128)v ^ ((UInt128)1 << 127));
                writer.WriteRaw(tmp);
                return true;
            }
            case ArrowTypeId.String:
            case ArrowTypeId.Binary:
            {
                var offsets = MemoryMarshal.Cast<byte, int>(values);
                int start = offsets[index], length = offsets[index + 1] - start;
                writer.WriteRaw(length == 0 ? ReadOnlySpan<byte>.Empty : data.Buffers[2].Span.Slice(start, length));
                return true;
            }
            default:
                BinaryPrimitives.WriteUInt64BigEndian(tmp, (ulong)ReadInteger(data.DataType.TypeId, values, index) ^ 0x8000_0000_0000_0000UL);
                writer.WriteRaw(tmp[..8]);
                return true;
        }
    }

    /// <summary>Appends the value of <paramref name="encoded"/> (one value of <paramref name="type"/>) to a writer.</summary>
    public static void Decode(ReadOnlySpan<byte> encoded, SqlType type, ColumnBuilder writer)
    {
        switch (type.Kind)
        {
            case SqlTypeKind.Boolean:
                writer.AppendBoolean(encoded[0] != 0);
                return;
            case SqlTypeKind.Float or SqlTypeKind.Double:
                writer.AppendDouble(DoubleOf(BinaryPrimitives.ReadUInt64BigEndian(encoded)));
                return;
            case SqlTypeKind.Decimal:
                writer.AppendUnscaled((Int128)(BinaryPrimitives.ReadUInt128BigEndian(encoded) ^ ((UInt128)1 << 127)));
                return;
            case SqlTypeKind.Char or SqlTypeKind.VarChar:
                writer.AppendUtf8(encoded);
                return;
            case SqlTypeKind.Binary or SqlTypeKind.VarBinary:
                writer.AppendBytes(encoded);
                return;
            default:
                writer.AppendInt64((long)(BinaryPrimitives.ReadUInt64BigEndian(encoded) ^ 0x8000_0000_0000_0000UL));
                return;
        }
    }

    /// <summary>Whether values of <paramref name="type"/> can be encoded.</summary>
    public static bool Supports(SqlType type) => type.Kind is SqlTypeKind.Boolean or SqlTypeKind.TinyInt or SqlTypeKind.SmallInt
        or SqlTypeKind.Int or SqlTypeKind.BigInt or SqlTypeKind.Float or SqlTypeKind.Double or SqlTypeKind.Decimal or SqlTypeKind.Char
        or SqlTypeKind.VarChar or SqlTypeKind.Binary or SqlTypeKind.VarBinary or SqlTypeKind.Date or SqlTypeKind.Time
        or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz or SqlTypeKind.IntervalDayTime or SqlTypeKind.IntervalYearMonth;

    private static ulong DoubleKey(double d)
    {
        if (d == 0d) d = 0d;
        if (double.IsNaN(d)) d = double.NaN;
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(d);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    private static double DoubleOf(ulong key)
    {
        ulong bits = (key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key;
        return BitConverter.Int64BitsToDouble((long)bits);
    }

    internal static long ReadInteger(ArrowTypeId type, ReadOnlySpan<byte> values, int index) => type switch
    {
        ArrowTypeId.Int8 => MemoryMarshal.Cast<byte, sbyte>(values)[index],
        ArrowTypeId.UInt8 => values[index],
        ArrowTypeId.Int16 => MemoryMarshal.Cast<byte, short>(values)[index],
        ArrowTypeId.Int32 or ArrowTypeId.Date32 or ArrowTypeId.Time32 => MemoryMarshal.Cast<byte, int>(values)[index],
        ArrowTypeId.Int64 or ArrowTypeId.Date64 or ArrowTypeId.Time64 or ArrowTypeId.Timestamp or ArrowTypeId.Duration =>
            MemoryMarshal.Cast<byte, long>(values)[index],
        _ => throw new NotSupportedException($"values of type {type} cannot be kept in grouped state"),
    };
}
