using System.Buffers.Binary;
using Apache.Arrow;
using StreamSql.Execution.Columns;

namespace StreamSql.Execution.State;

/// <summary>
/// One value of a row kept in state, in the <see cref="KeySerializer"/> encoding, written from and read into Arrow columns
/// of any type: the reader of every serialized key and row (<see cref="Groups.KeyDecoder"/>), and the writer of ROW,
/// ARRAY, MULTISET and MAP values for <see cref="KeySerializer"/> (whose batch paths write atomic values themselves), so
/// rows with nested columns are stored and read back whole (joins, Top-N, deduplication, OVER, pattern matching). A ROW
/// is its fields one after another; an ARRAY or MULTISET a varint count then its elements; a MAP a varint count then its
/// entries, each a ROW of key and value. Every value starts with its presence byte. The same value always gives the same
/// bytes (a MAP's entries in their stored order), so a retraction finds the row it retracts and nested values can be
/// grouped on.
/// </summary>
internal static class StateValueCodec
{
    /// <summary>The encoded size of the value at <paramref name="row"/> with its presence byte.</summary>
    public static int SizeWithPresence(ColumnView column, int row)
    {
        if (column.IsNull(row)) return 1;
        return 1 + column.Kind switch
        {
            ColumnKind.Null => 0,
            ColumnKind.Boolean => 1,
            ColumnKind.Float32 => 4,
            ColumnKind.Float64 => 8,
            ColumnKind.Decimal128 => 16,
            ColumnKind.Utf8 or ColumnKind.Binary => BytesSize(column.GetBytes(row).Length),
            ColumnKind.Struct => StructSize(column, row),
            ColumnKind.List or ColumnKind.Map => ListSize(column, row),
            _ => VarInt.Size(ZigZag(column.GetInt64(row))),
        };
    }

    /// <summary>Writes the value at <paramref name="row"/> with its presence byte at <paramref name="pos"/> (the buffer
    /// holds <see cref="SizeWithPresence"/> bytes there); returns the position after it.</summary>
    public static int WriteWithPresence(ColumnView column, int row, byte[] buffer, int pos)
    {
        if (column.IsNull(row))
        {
            buffer[pos] = 0;
            return pos + 1;
        }
        buffer[pos++] = 1;
        switch (column.Kind)
        {
            case ColumnKind.Null:
                return pos;
            case ColumnKind.Boolean:
                buffer[pos] = column.GetBoolean(row) ? (byte)1 : (byte)0;
                return pos + 1;
            case ColumnKind.Float32:
            {
                float value = (float)column.GetDouble(row);
                if (value == 0f) value = 0f;
                if (float.IsNaN(value)) value = float.NaN;
                BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(pos), value);
                return pos + 4;
            }
            case ColumnKind.Float64:
            {
                double value = column.GetDouble(row);
                if (value == 0d) value = 0d;
                if (double.IsNaN(value)) value = double.NaN;
                BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(pos), value);
                return pos + 8;
            }
            case ColumnKind.Decimal128:
                BinaryPrimitives.WriteInt128LittleEndian(buffer.AsSpan(pos), column.GetUnscaled(row));
                return pos + 16;
            case ColumnKind.Utf8 or ColumnKind.Binary:
            {
                var bytes = column.GetBytes(row);
                pos = VarInt.Write(buffer, pos, (uint)bytes.Length);
                bytes.CopyTo(buffer.AsSpan(pos));
                return pos + bytes.Length;
            }
            case ColumnKind.Struct:
            {
                var data = column.Data;
                // A struct's children are not sliced by its offset.
                for (int f = 0; f < data.Children.Length; f++)
                    pos = WriteWithPresence(new ColumnView(data.Children[f]), data.Offset + row, buffer, pos);
                return pos;
            }
            case ColumnKind.List or ColumnKind.Map:
            {
                var offsets = column.Offsets;
                int start = offsets[row], end = offsets[row + 1];
                pos = VarInt.Write(buffer, pos, (uint)(end - start));
                var elements = new ColumnView(column.Data.Children[0]);
                for (int e = start; e < end; e++) pos = WriteWithPresence(elements, e, buffer, pos);
                return pos;
            }
            default:
                return VarInt.Write(buffer, pos, ZigZag(column.GetInt64(row)));
        }
    }

    /// <summary>Reads one value with its presence byte at <paramref name="pos"/> into <paramref name="into"/>.</summary>
    public static void ReadWithPresence(ReadOnlySpan<byte> bytes, ref int pos, ColumnBuilder into)
    {
        if (bytes[pos++] == 0)
        {
            into.AppendNull();
            return;
        }
        Read(bytes, ref pos, into);
    }

    /// <summary>Reads one present value (after its presence byte) into <paramref name="into"/>.</summary>
    public static void Read(ReadOnlySpan<byte> bytes, ref int pos, ColumnBuilder into) => Read(bytes, ref pos, into, ColumnKinds.Of(into.Type));

    /// <summary>As <see cref="Read(ReadOnlySpan{byte}, ref int, ColumnBuilder)"/> with the builder's kind known (a decoder
    /// reading many rows of the same columns works it out once, not per value).</summary>
    public static void Read(ReadOnlySpan<byte> bytes, ref int pos, ColumnBuilder into, ColumnKind kind)
    {
        switch (kind)
        {
            case ColumnKind.Null:
                into.AppendNull();
                break;
            case ColumnKind.Boolean:
                into.AppendBoolean(bytes[pos++] != 0);
                break;
            case ColumnKind.Float32:
                into.AppendDouble(BinaryPrimitives.ReadSingleLittleEndian(bytes[pos..]));
                pos += 4;
                break;
            case ColumnKind.Float64:
                into.AppendDouble(BinaryPrimitives.ReadDoubleLittleEndian(bytes[pos..]));
                pos += 8;
                break;
            case ColumnKind.Decimal128:
                into.AppendUnscaled(BinaryPrimitives.ReadInt128LittleEndian(bytes[pos..]));
                pos += 16;
                break;
            case ColumnKind.Utf8 or ColumnKind.Binary:
            {
                int length = (int)VarInt.Read(bytes, ref pos);
                into.AppendUtf8(bytes.Slice(pos, length));
                pos += length;
                break;
            }
            case ColumnKind.Struct:
                foreach (var child in into.Children) ReadWithPresence(bytes, ref pos, child);
                into.AppendStructValid();
                break;
            case ColumnKind.List or ColumnKind.Map:
            {
                int count = (int)VarInt.Read(bytes, ref pos);
                var values = ((ListColumnBuilder)into).Values;
                for (int e = 0; e < count; e++) ReadWithPresence(bytes, ref pos, values);
                into.AppendListValid();
                break;
            }
            default:
            {
                ulong z = VarInt.Read(bytes, ref pos);
                into.AppendInt64((long)(z >> 1) ^ -(long)(z & 1));
                break;
            }
        }
    }

    private static int StructSize(ColumnView column, int row)
    {
        var data = column.Data;
        int size = 0;
        for (int f = 0; f < data.Children.Length; f++) size += SizeWithPresence(new ColumnView(data.Children[f]), data.Offset + row);
        return size;
    }

    private static int ListSize(ColumnView column, int row)
    {
        var offsets = column.Offsets;
        int start = offsets[row], end = offsets[row + 1];
        int size = VarInt.Size((uint)(end - start));
        var elements = new ColumnView(column.Data.Children[0]);
        for (int e = start; e < end; e++) size += SizeWithPresence(elements, e);
        return size;
    }

    private static int BytesSize(int length) => VarInt.Size((uint)length) + length;

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
