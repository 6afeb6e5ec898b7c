using System.Buffers.Binary;
using System.Numerics;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// Byte encodings of single SQL values whose unsigned byte order is the values' SQL order, so multisets of values
/// (MIN/MAX under retraction, DISTINCT) compare and hash bytes only: integer-backed types as 8 big-endian bytes with the
/// sign bit flipped; FLOAT/DOUBLE as a double's bits flipped into order (-0.0 as 0.0, one NaN, above every number as
/// Java's <c>Double.compare</c>); DECIMAL as 16 big-endian bytes, sign flipped; BOOLEAN one byte; strings and bytes as
/// they are (UTF-8 byte order is Flink's string order). ROW, ARRAY, MULTISET and MAP values, which are not ordered, in
/// their <see cref="StateValueCodec"/> encoding (equal values, equal bytes).
/// </summary>
internal static class SortableEncoding
{
    /// <summary>Appends row <paramref name="row"/>'s value to <paramref name="writer"/>; false for NULL (nothing written).</summary>
    public static bool TryWrite(IArrowArray column, int row, StateRowWriter writer) => TryWrite(new ColumnView(column), row, writer);

    /// <inheritdoc cref="TryWrite(IArrowArray, int, StateRowWriter)"/>
    public static bool TryWrite(in ColumnView column, int row, StateRowWriter writer)
    {
        if (column.Kind == ColumnKind.Null || column.IsNull(row)) return false;
        return ColumnKinds.Accept<ValueWriter, bool>(column.Kind, new ValueWriter(column, row, writer));
    }

    /// <summary>Appends the value of <paramref name="encoded"/> (one value of <paramref name="type"/>) to a writer.</summary>
    public static void Decode(ReadOnlySpan<byte> encoded, SqlType type, ColumnBuilder writer) =>
        ColumnKinds.Accept<ValueReader, bool>(ColumnKinds.Of(type), new ValueReader(encoded, writer));

    private readonly struct ValueWriter(ColumnView column, int row, StateRowWriter writer) : IColumnVisitor<bool>
    {
        public bool Null() => false;

        public bool Boolean()
        {
            writer.WriteByte(column.GetBoolean(row) ? (byte)1 : (byte)0);
            return true;
        }

        public bool Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>
        {
            Span<byte> tmp = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(tmp, (ulong)long.CreateTruncating(column.Values<T>()[row]) ^ 0x8000_0000_0000_0000UL);
            writer.WriteRaw(tmp);
            return true;
        }

        public bool Floating<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            Span<byte> tmp = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(tmp, DoubleKey(double.CreateTruncating(column.Values<T>()[row])));
            writer.WriteRaw(tmp);
            return true;
        }

        public bool Decimal()
        {
            Span<byte> tmp = stackalloc byte[16];
            BinaryPrimitives.WriteUInt128BigEndian(tmp, (UInt128)column.Values<Int128>()[row] ^ ((UInt128)1 << 127));
            writer.WriteRaw(tmp);
            return true;
        }

        public bool Bytes(bool utf8)
        {
            writer.WriteRaw(column.GetBytes(row));
            return true;
        }

        // Nested values have no order here (MIN/MAX and ORDER BY refuse them): their state encoding keeps equality only.
        public bool Struct()
        {
            writer.WriteStateValue(column, row);
            return true;
        }

        public bool List()
        {
            writer.WriteStateValue(column, row);
            return true;
        }
    }

    private readonly ref struct ValueReader(ReadOnlySpan<byte> encoded, ColumnBuilder writer) : IColumnVisitor<bool>
    {
        private readonly ReadOnlySpan<byte> _encoded = encoded;

        public bool Null()
        {
            writer.AppendNull();
            return true;
        }

        public bool Boolean()
        {
            writer.AppendBoolean(_encoded[0] != 0);
            return true;
        }

        public bool Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>
        {
            writer.AppendInt64((long)(BinaryPrimitives.ReadUInt64BigEndian(_encoded) ^ 0x8000_0000_0000_0000UL));
            return true;
        }

        public bool Floating<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            writer.AppendDouble(DoubleOf(BinaryPrimitives.ReadUInt64BigEndian(_encoded)));
            return true;
        }

        public bool Decimal()
        {
            writer.AppendUnscaled((Int128)(BinaryPrimitives.ReadUInt128BigEndian(_encoded) ^ ((UInt128)1 << 127)));
            return true;
        }

        public bool Bytes(bool utf8)
        {
            if (utf8) writer.AppendUtf8(_encoded);
            else writer.AppendBytes(_encoded);
            return true;
        }

        public bool Struct() => ReadStateValue();
        public bool List() => ReadStateValue();

        private bool ReadStateValue()
        {
            int pos = 0;
            StateValueCodec.ReadWithPresence(_encoded, ref pos, writer);
            return true;
        }
    }

    /// <summary>Whether values of <paramref name="type"/> can be encoded.</summary>
    public static bool Supports(SqlType type) => type.Kind is SqlTypeKind.Boolean or SqlTypeKind.TinyInt or SqlTypeKind.SmallInt
        or SqlTypeKind.Int or SqlTypeKind.BigInt or SqlTypeKind.Float or SqlTypeKind.Double or SqlTypeKind.Decimal or SqlTypeKind.Char
        or SqlTypeKind.VarChar or SqlTypeKind.Binary or SqlTypeKind.VarBinary or SqlTypeKind.Date or SqlTypeKind.Time
        or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz or SqlTypeKind.IntervalDayTime or SqlTypeKind.IntervalYearMonth;

    /// <summary>Whether values of <paramref name="type"/> can be encoded for equality alone (FIRST_VALUE, LAST_VALUE,
    /// ARRAY_AGG, LAG, DISTINCT): every type <see cref="Supports"/> takes, and ROW, ARRAY, MULTISET, MAP and VARIANT values
    /// (a VARIANT's bytes, which have no order of their own).</summary>
    public static bool SupportsEquality(SqlType type) =>
        Supports(type) || type.Kind is SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Multiset or SqlTypeKind.Map or SqlTypeKind.Variant;

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
}
