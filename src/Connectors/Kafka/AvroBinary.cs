using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Kafka;

/// <summary>
/// Flink's <c>avro</c> format for Kafka records: one record in Avro binary encoding (no container, no schema id), with
/// the schema Flink derives from the row type (AvroSchemaConverter): a record of the columns in order; a nullable column is
/// the union <c>["null", T]</c> (branch 0 = null); BOOLEAN boolean; TINYINT, SMALLINT, INT int; BIGINT long; FLOAT float;
/// DOUBLE double; STRING string; BYTES bytes; DECIMAL bytes (decimal: big-endian two's complement of the unscaled
/// value); DATE int (days); TIME int (time-millis); TIMESTAMP / TIMESTAMP_LTZ of precision up to 3 a long of milliseconds,
/// up to 6 of microseconds (which logical type that is, and which timestamps a table may have, is
/// <see cref="AvroTimestampMapping"/>'s); ROW a nested record; ARRAY/MULTISET an array; MAP (STRING keys) a map.
/// </summary>
internal static class AvroBinary
{
    /// <summary>Whether the format can hold a column of this SQL type: a VARIANT (stored as bytes) is refused by name, as
    /// Flink's avro schema derivation has no Avro type for it.</summary>
    public static string? Unsupported(Sql.Planner.Types.SqlType type) =>
        ContainsVariant(type) ? "the avro format does not support VARIANT columns" : Unsupported(Execution.Types.ArrowTypeMapping.ToArrow(type));

    private static bool ContainsVariant(Sql.Planner.Types.SqlType type) =>
        type.Kind == Sql.Planner.Types.SqlTypeKind.Variant || type.Elements?.Any(ContainsVariant) == true;

    /// <summary>Whether the format can hold a column of this Arrow type.</summary>
    public static string? Unsupported(IArrowType type) => ColumnKinds.Of(type) switch
    {
        ColumnKind.Boolean or ColumnKind.Int8 or ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Int64 or ColumnKind.Float32
            or ColumnKind.Float64 or ColumnKind.Decimal128 or ColumnKind.Date32 or ColumnKind.Time32Millis or ColumnKind.TimestampMicros
            or ColumnKind.Utf8 or ColumnKind.Binary => null,
        ColumnKind.Struct => ((StructType)type).Fields.Select(f => Unsupported(f.DataType)).FirstOrDefault(e => e is not null),
        ColumnKind.List => Unsupported(((ListType)type).ValueDataType),
        ColumnKind.Map when ((MapType)type).KeyField.DataType is not StringType => "the avro format holds MAP columns with STRING keys only",
        ColumnKind.Map => Unsupported(((MapType)type).ValueField.DataType),
        var kind => $"the avro format does not support {type.Name} columns yet",
    };

    /// <summary>Whether a column of this type is written in milliseconds (timestamp-millis: TIMESTAMP(p ≤ 3)); a timestamp
    /// nested in a ROW is taken as TIMESTAMP(3).</summary>
    public static bool Millis(Sql.Planner.Types.SqlType type) => type.Precision <= 3;

    /// <summary>A field of a nested ROW: its SQL precision is not at hand, so a timestamp is taken as TIMESTAMP(3).</summary>
    private static bool Millis(Field nested) => true;

    internal sealed class Parser(Schema schema, IReadOnlyList<bool> millis) : IRecordParser
    {
        public bool IsSkipped(ReadOnlySpan<byte> record) => false;

        public string? TryAppend(ReadOnlySpan<byte> record, ColumnBuilder[] columns)
        {
            int at = 0;
            try
            {
                for (int c = 0; c < columns.Length; c++)
                    Read(record, ref at, schema.GetFieldByIndex(c), columns[c], millis[c]);
            }
            catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidDataException or OverflowException)
            {
                return $"not an Avro record of the table's columns ({e.Message.TrimEnd('.')})";
            }
            return at == record.Length ? null : $"not an Avro record of the table's columns ({record.Length - at} bytes left over)";
        }

        private static void Read(ReadOnlySpan<byte> data, ref int at, Field field, ColumnBuilder column, bool millis)
        {
            if (field.IsNullable)
            {
                long branch = Long(data, ref at);
                if (branch == 0)
                {
                    column.AppendNull();
                    return;
                }
                if (branch != 1) throw new InvalidDataException($"union branch {branch} of column '{field.Name}'");
            }
            switch (ColumnKinds.Of(field.DataType))
            {
                case ColumnKind.Boolean: column.AppendBoolean(data[at++] != 0); break;
                case ColumnKind.Int8 or ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Int64 or ColumnKind.Date32 or ColumnKind.Time32Millis:
                    column.AppendInt64(Long(data, ref at));
                    break;
                case ColumnKind.TimestampMicros:
                    long t = Long(data, ref at);
                    column.AppendInt64(millis ? t * 1000 : t);
                    break;
                case ColumnKind.Float32:
                    column.AppendDouble(BinaryPrimitives.ReadSingleLittleEndian(data.Slice(at, 4)));
                    at += 4;
                    break;
                case ColumnKind.Float64:
                    column.AppendDouble(BinaryPrimitives.ReadDoubleLittleEndian(data.Slice(at, 8)));
                    at += 8;
                    break;
                case ColumnKind.Utf8 or ColumnKind.Binary:
                    column.AppendUtf8(Bytes(data, ref at));
                    break;
                case ColumnKind.Decimal128:
                    var bytes = Bytes(data, ref at);
                    if (bytes.Length > 16) throw new InvalidDataException($"a decimal of {bytes.Length} bytes in column '{field.Name}'");
                    Int128 unscaled = bytes.Length > 0 && (bytes[0] & 0x80) != 0 ? Int128.NegativeOne : Int128.Zero;
                    foreach (var b in bytes) unscaled = (unscaled << 8) | b;
                    column.AppendUnscaled(unscaled);
                    break;
                case ColumnKind.Struct:
                    var st = (StructType)field.DataType;
                    column.AppendStructValid();
                    for (int i = 0; i < st.Fields.Count; i++) Read(data, ref at, st.Fields[i], column.Children[i], Millis(st.Fields[i]));
                    break;
                case ColumnKind.List:
                    {
                        var element = ((ListType)field.DataType).ValueField;
                        var values = ((ListColumnBuilder)column).Values;
                        for (long count = BlockCount(data, ref at); count != 0; count = BlockCount(data, ref at))
                            for (long k = 0; k < count; k++) Read(data, ref at, element, values, Millis(element));
                        column.AppendListValid();
                        break;
                    }
                case ColumnKind.Map:
                    {
                        var value = ((MapType)field.DataType).ValueField;
                        var entries = ((ListColumnBuilder)column).Values;
                        for (long count = BlockCount(data, ref at); count != 0; count = BlockCount(data, ref at))
                            for (long k = 0; k < count; k++)
                            {
                                entries.AppendStructValid();
                                entries.Children[0].AppendUtf8(Bytes(data, ref at));
                                Read(data, ref at, value, entries.Children[1], Millis(value));
                            }
                        column.AppendListValid();
                        break;
                    }
                default: throw new InvalidDataException($"column '{field.Name}' has a type the avro format does not read");
            }
        }

        /// <summary>The item count of the next block of an array or map (0 ends it); a negative count is followed by the
        /// block's size in bytes, which a reader going item by item skips.</summary>
        internal static long BlockCount(ReadOnlySpan<byte> data, ref int at)
        {
            long count = Long(data, ref at);
            if (count >= 0) return count;
            Long(data, ref at);
            return -count;
        }

        internal static ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> data, ref int at)
        {
            long n = Long(data, ref at);
            if (n < 0 || n > data.Length - at) throw new InvalidDataException($"a length of {n} bytes");
            var bytes = data.Slice(at, (int)n);
            at += (int)n;
            return bytes;
        }

        internal static long Long(ReadOnlySpan<byte> data, ref int at)
        {
            ulong raw = 0;
            for (int shift = 0; ; shift += 7)
            {
                if (shift > 63) throw new InvalidDataException("a varint longer than 10 bytes");
                byte b = data[at++];
                raw |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) break;
            }
            return (long)(raw >> 1) ^ -(long)(raw & 1);
        }
    }

    internal sealed class Encoder(IReadOnlyList<bool> millis) : IRowEncoder
    {
        private readonly byte[] _scratch = new byte[16];

        public void Write(Batch batch, int row, Stream output)
        {
            for (int c = 0; c < batch.ColumnCount; c++)
                Write(batch.Column(c), batch.Schema.GetFieldByIndex(c), row, output, millis[c]);
        }

        private void Write(IArrowArray column, Field field, int row, Stream output, bool millis)
        {
            if (field.IsNullable)
            {
                bool isNull = column.IsNull(row);
                Long(output, isNull ? 0 : 1);
                if (isNull) return;
            }
            var view = new ColumnView(column);
            switch (view.Kind)
            {
                case ColumnKind.Boolean: output.WriteByte(view.GetBoolean(row) ? (byte)1 : (byte)0); break;
                case ColumnKind.Int8 or ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Int64 or ColumnKind.Date32 or ColumnKind.Time32Millis:
                    Long(output, view.GetInt64(row));
                    break;
                case ColumnKind.TimestampMicros:
                    long t = view.GetInt64(row);
                    Long(output, millis ? Math.DivRem(t, 1000, out long rem) - (rem < 0 ? 1 : 0) : t);
                    break;
                case ColumnKind.Float32:
                    BinaryPrimitives.WriteSingleLittleEndian(_scratch, (float)view.GetDouble(row));
                    output.Write(_scratch, 0, 4);
                    break;
                case ColumnKind.Float64:
                    BinaryPrimitives.WriteDoubleLittleEndian(_scratch, view.GetDouble(row));
                    output.Write(_scratch, 0, 8);
                    break;
                case ColumnKind.Utf8 or ColumnKind.Binary:
                    var bytes = view.GetBytes(row);
                    Long(output, bytes.Length);
                    output.Write(bytes);
                    break;
                case ColumnKind.Decimal128:
                    // Java's BigInteger.toByteArray(): the shortest big-endian two's complement.
                    var unscaled = view.GetUnscaled(row);
                    int length = 16;
                    for (int i = 0; i < 16; i++) _scratch[15 - i] = (byte)(unscaled >> (8 * i));
                    int start = 0;
                    while (start < 15 && ((_scratch[start] == 0 && (_scratch[start + 1] & 0x80) == 0) || (_scratch[start] == 0xFF && (_scratch[start + 1] & 0x80) != 0))) start++;
                    Long(output, length - start);
                    output.Write(_scratch, start, length - start);
                    break;
                case ColumnKind.Struct:
                    var st = (StructType)field.DataType;
                    var s = (StructArray)column;
                    // StructArray.Fields are sliced with the struct (Arrow C# 23): its row is the same row in them.
                    for (int i = 0; i < st.Fields.Count; i++) Write(s.Fields[i], st.Fields[i], row, output, Millis(st.Fields[i]));
                    break;
                case ColumnKind.List:
                    {
                        // One block of all the items, then the empty block that ends the array.
                        var list = (ListArray)column;
                        var element = ((ListType)field.DataType).ValueField;
                        int first = list.ValueOffsets[row], end = list.ValueOffsets[row + 1];
                        if (end > first)
                        {
                            Long(output, end - first);
                            for (int e = first; e < end; e++) Write(list.Values, element, e, output, Millis(element));
                        }
                        Long(output, 0);
                        break;
                    }
                case ColumnKind.Map:
                    {
                        var map = (MapArray)column;
                        var type = (MapType)field.DataType;
                        var entries = map.KeyValues;
                        int first = map.ValueOffsets[row], end = map.ValueOffsets[row + 1];
                        if (end > first)
                        {
                            Long(output, end - first);
                            for (int e = first; e < end; e++)
                            {
                                Write(entries.Fields[0], type.KeyField, e, output, millis: true);
                                Write(entries.Fields[1], type.ValueField, e, output, Millis(type.ValueField));
                            }
                        }
                        Long(output, 0);
                        break;
                    }
                default: throw new InvalidOperationException($"column '{field.Name}' has a type the avro format does not write");
            }
        }

        internal static void Long(Stream output, long value)
        {
            ulong v = (ulong)((value << 1) ^ (value >> 63));
            while (v >= 0x80)
            {
                output.WriteByte((byte)(v | 0x80));
                v >>= 7;
            }
            output.WriteByte((byte)v);
        }
    }
}
