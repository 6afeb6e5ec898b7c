using System.Buffers.Binary;

namespace StreamSql.Execution.Types.Variants;

/// <summary>
/// The binary layout of a VARIANT cell: Flink's <c>BinaryVariant</c> (the Parquet variant encoding, shared with Spark)
/// stored as one Arrow Binary cell, the metadata (version byte, key dictionary) followed by the value. The metadata
/// ends where its last key ends, so the pair needs no length prefix. Keeping Flink's exact bytes keeps its equality:
/// two variants are equal (GROUP BY, COUNT(DISTINCT), joins) when metadata and value bytes are, as
/// <c>BinaryVariant.equals</c> compares them.
/// </summary>
/// <remarks>Value header byte: the low 2 bits are the basic type (primitive, short string, object, array), the upper 6
/// the type information (primitive type id, string length, or object/array size and offset widths).</remarks>
public static class VariantEncoding
{
    public const int Primitive = 0, ShortString = 1, Object = 2, Array = 3;

    public const int NullId = 0, TrueId = 1, FalseId = 2, Int1 = 3, Int2 = 4, Int4 = 5, Int8 = 6, DoubleId = 7,
        Decimal4 = 8, Decimal8 = 9, Decimal16 = 10, DateId = 11, TimestampLtzId = 12, TimestampId = 13, FloatId = 14,
        BinaryId = 15, LongString = 16;

    public const int Version = 1;
    public const int MaxShortStringSize = 63;
    /// <summary>Neither metadata nor value may exceed 16 MiB (Flink's <c>SIZE_LIMIT</c>).</summary>
    public const int SizeLimit = 16 * 1024 * 1024;
    public const int U8Max = 0xFF, U16Max = 0xFFFF, U24Max = 0xFFFFFF;

    public static int BasicType(ReadOnlySpan<byte> value, int pos) => value[pos] & 0x3;

    public static int TypeInfo(ReadOnlySpan<byte> value, int pos) => (value[pos] >> 2) & 0x3F;

    public static byte PrimitiveHeader(int typeId) => (byte)(typeId << 2);

    public static byte ShortStringHeader(int size) => (byte)((size << 2) | ShortString);

    public static byte ObjectHeader(bool largeSize, int idSize, int offsetSize) =>
        (byte)(((largeSize ? 1 : 0) << 6) | ((idSize - 1) << 4) | ((offsetSize - 1) << 2) | Object);

    public static byte ArrayHeader(bool largeSize, int offsetSize) =>
        (byte)(((largeSize ? 1 : 0) << 4) | ((offsetSize - 1) << 2) | Array);

    /// <summary>The smallest unsigned width (1–3 bytes) that holds <paramref name="value"/>.</summary>
    public static int IntegerSize(int value) => value <= U8Max ? 1 : value <= U16Max ? 2 : 3;

    public static int ReadUnsigned(ReadOnlySpan<byte> bytes, int pos, int size)
    {
        int result = 0;
        for (int i = 0; i < size; i++) result |= bytes[pos + i] << (8 * i);
        return result;
    }

    public static long ReadSigned(ReadOnlySpan<byte> bytes, int pos, int size) => size switch
    {
        1 => (sbyte)bytes[pos],
        2 => BinaryPrimitives.ReadInt16LittleEndian(bytes[pos..]),
        4 => BinaryPrimitives.ReadInt32LittleEndian(bytes[pos..]),
        _ => BinaryPrimitives.ReadInt64LittleEndian(bytes[pos..]),
    };

    public static void WriteLittleEndian(Span<byte> bytes, int pos, long value, int size)
    {
        for (int i = 0; i < size; i++) bytes[pos + i] = (byte)(value >> (8 * i));
    }

    /// <summary>The length of the metadata at the start of a cell.</summary>
    public static int MetadataLength(ReadOnlySpan<byte> cell)
    {
        if (cell.IsEmpty || (cell[0] & 0x0F) != Version) throw Malformed();
        int offsetSize = ((cell[0] >> 6) & 0x3) + 1;
        int keys = ReadUnsigned(cell, 1, offsetSize);
        int stringStart = 1 + offsetSize + (keys + 1) * offsetSize;
        return stringStart + ReadUnsigned(cell, 1 + offsetSize + keys * offsetSize, offsetSize);
    }

    /// <summary>Dictionary key <paramref name="id"/> of <paramref name="metadata"/> as UTF-8.</summary>
    public static ReadOnlySpan<byte> MetadataKey(ReadOnlySpan<byte> metadata, int id)
    {
        int offsetSize = ((metadata[0] >> 6) & 0x3) + 1;
        int keys = ReadUnsigned(metadata, 1, offsetSize);
        if ((uint)id >= (uint)keys) throw Malformed();
        int offsetStart = 1 + offsetSize;
        int stringStart = offsetStart + (keys + 1) * offsetSize;
        int start = ReadUnsigned(metadata, offsetStart + id * offsetSize, offsetSize);
        int end = ReadUnsigned(metadata, offsetStart + (id + 1) * offsetSize, offsetSize);
        return metadata.Slice(stringStart + start, end - start);
    }

    /// <summary>The layout of the object or array whose header is at <paramref name="pos"/>.</summary>
    public readonly record struct Container(int Size, int IdSize, int OffsetSize, int IdStart, int OffsetStart, int DataStart)
    {
        public int Offset(ReadOnlySpan<byte> value, int i) => ReadUnsigned(value, OffsetStart + OffsetSize * i, OffsetSize);
        public int Id(ReadOnlySpan<byte> value, int i) => ReadUnsigned(value, IdStart + IdSize * i, IdSize);
    }

    public static Container ObjectLayout(ReadOnlySpan<byte> value, int pos)
    {
        int info = TypeInfo(value, pos);
        bool large = ((info >> 4) & 0x1) != 0;
        int idSize = ((info >> 2) & 0x3) + 1, offsetSize = (info & 0x3) + 1;
        int sizeBytes = large ? 4 : 1;
        int size = ReadUnsigned(value, pos + 1, sizeBytes);
        int idStart = pos + 1 + sizeBytes;
        int offsetStart = idStart + size * idSize;
        return new Container(size, idSize, offsetSize, idStart, offsetStart, offsetStart + (size + 1) * offsetSize);
    }

    public static Container ArrayLayout(ReadOnlySpan<byte> value, int pos)
    {
        int info = TypeInfo(value, pos);
        bool large = ((info >> 2) & 0x1) != 0;
        int offsetSize = (info & 0x3) + 1;
        int sizeBytes = large ? 4 : 1;
        int size = ReadUnsigned(value, pos + 1, sizeBytes);
        int offsetStart = pos + 1 + sizeBytes;
        return new Container(size, 0, offsetSize, offsetStart, offsetStart, offsetStart + (size + 1) * offsetSize);
    }

    /// <summary>The number of bytes of the value at <paramref name="pos"/> (Flink's <c>valueSize</c>).</summary>
    public static int ValueSize(ReadOnlySpan<byte> value, int pos)
    {
        switch (BasicType(value, pos))
        {
            case ShortString: return 1 + TypeInfo(value, pos);
            case Object: { var c = ObjectLayout(value, pos); return c.DataStart - pos + c.Offset(value, c.Size); }
            case Array: { var c = ArrayLayout(value, pos); return c.DataStart - pos + c.Offset(value, c.Size); }
        }
        return TypeInfo(value, pos) switch
        {
            NullId or TrueId or FalseId => 1,
            Int1 => 2,
            Int2 => 3,
            Int4 or DateId or FloatId => 5,
            Int8 or DoubleId or TimestampId or TimestampLtzId => 9,
            Decimal4 => 6,
            Decimal8 => 10,
            Decimal16 => 18,
            BinaryId or LongString => 5 + ReadUnsigned(value, pos + 1, 4),
            var id => throw new VariantException($"Unknown primitive type in variant: {id}"),
        };
    }

    public static VariantException Malformed() => new("MALFORMED_VARIANT");
}

/// <summary>A variant value that cannot be read or built (Flink's <c>VariantTypeException</c>).</summary>
public sealed class VariantException(string message) : Exception(message);
