using System.Buffers.Binary;
using StreamSql.Execution.Columns;
using Wire = StreamSql.Connectors.Kafka.AvroBinary.Parser;

namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>
/// Reads one value written with a writer schema into a column of the table's type: one step of the plan
/// <see cref="AvroResolution"/> builds from a writer schema and the table (Avro's schema resolution). A malformed value
/// throws <see cref="InvalidDataException"/> (or runs off the end of the data).
/// </summary>
internal abstract class AvroValueReader
{
    public abstract void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column);

    /// <summary>The writer wrote <c>null</c> (alone, or as a union branch) into a nullable column.</summary>
    public sealed class Null : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column) => column.AppendNull();
    }

    /// <summary>A writer union: the branch the value names is read with its own step; a branch the table cannot hold (null
    /// into a NOT NULL column) fails the record, not the schema, as in Avro.</summary>
    public sealed class Union(AvroValueReader?[] branches, string?[] refusals) : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column)
        {
            long branch = Wire.Long(data, ref at);
            if (branch < 0 || branch >= branches.Length) throw new InvalidDataException($"union branch {branch} of {branches.Length}");
            var reader = branches[branch] ?? throw new InvalidDataException(refusals[branch]);
            reader.Read(data, ref at, column);
        }
    }

    public sealed class Boolean : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column) => column.AppendBoolean(data[at++] != 0);
    }

    /// <summary>An int or long into an integer, DATE or TIME column (both are zigzag varints on the wire).</summary>
    public sealed class Integer : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column) => column.AppendInt64(Wire.Long(data, ref at));
    }

    /// <summary>An int or long promoted to FLOAT or DOUBLE.</summary>
    public sealed class IntegerToFloating : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column) => column.AppendDouble(Wire.Long(data, ref at));
    }

    public sealed class Float : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column)
        {
            column.AppendDouble(BinaryPrimitives.ReadSingleLittleEndian(data.Slice(at, 4)));
            at += 4;
        }
    }

    public sealed class Double : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column)
        {
            column.AppendDouble(BinaryPrimitives.ReadDoubleLittleEndian(data.Slice(at, 8)));
            at += 8;
        }
    }

    /// <summary>string or bytes (the same on the wire) into a STRING or BYTES column.</summary>
    public sealed class Bytes : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column) => column.AppendUtf8(Wire.Bytes(data, ref at));
    }

    public sealed class Fixed(int size) : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column)
        {
            column.AppendUtf8(data.Slice(at, size));
            at += size;
        }
    }

    /// <summary>An enum into a STRING column: its symbol.</summary>
    public sealed class EnumSymbol(byte[][] symbols) : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column)
        {
            long index = Wire.Long(data, ref at);
            if (index < 0 || index >= symbols.Length) throw new InvalidDataException($"enum symbol {index} of {symbols.Length}");
            column.AppendUtf8(symbols[index]);
        }
    }

    /// <summary>A decimal (bytes, or fixed of <paramref name="size"/> bytes when not negative): big-endian two's complement of
    /// the unscaled value, scaled up to the column's scale by <paramref name="factor"/>.</summary>
    public sealed class Decimal(int size, Int128 factor) : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column)
        {
            Int128 unscaled;
            if (size < 0) unscaled = Unscaled(Wire.Bytes(data, ref at));
            else
            {
                unscaled = Unscaled(data.Slice(at, size));
                at += size;
            }
            column.AppendUnscaled(checked(unscaled * factor));
        }

        private static Int128 Unscaled(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > 16) throw new InvalidDataException($"a decimal of {bytes.Length} bytes");
            Int128 unscaled = bytes.Length > 0 && (bytes[0] & 0x80) != 0 ? Int128.NegativeOne : Int128.Zero;
            foreach (var b in bytes) unscaled = (unscaled << 8) | b;
            return unscaled;
        }
    }

    /// <summary>A long in some unit into microseconds (a TIMESTAMP column): multiplied, or divided rounding down.</summary>
    public sealed class Micros(long multiplier, long divisor) : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column)
        {
            long value = Wire.Long(data, ref at);
            column.AppendInt64(divisor == 1 ? checked(value * multiplier) : Math.DivRem(value, divisor, out long rem) - (rem < 0 ? 1 : 0));
        }
    }

    /// <summary>A time-micros long into a TIME column (milliseconds of the day).</summary>
    public sealed class TimeMicros : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column) => column.AppendInt64(Wire.Long(data, ref at) / 1000);
    }

    public sealed class Array(AvroValueReader items) : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column)
        {
            var values = ((ListColumnBuilder)column).Values;
            for (long count = Wire.BlockCount(data, ref at); count != 0; count = Wire.BlockCount(data, ref at))
                for (long k = 0; k < count; k++) items.Read(data, ref at, values);
            column.AppendListValid();
        }
    }

    public sealed class Map(AvroValueReader values) : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column)
        {
            var entries = ((ListColumnBuilder)column).Values;
            for (long count = Wire.BlockCount(data, ref at); count != 0; count = Wire.BlockCount(data, ref at))
                for (long k = 0; k < count; k++)
                {
                    entries.AppendStructValid();
                    entries.Children[0].AppendUtf8(Wire.Bytes(data, ref at));
                    values.Read(data, ref at, entries.Children[1]);
                }
            column.AppendListValid();
        }
    }

    /// <summary>A writer record into a ROW column (or, at the top, into the table's columns): the writer's fields in the
    /// writer's order, each into the column of the same name or skipped; the columns the writer lacks get NULL (their
    /// default).</summary>
    public sealed class Record(RecordField[] fields, int[] missing) : AvroValueReader
    {
        public override void Read(ReadOnlySpan<byte> data, ref int at, ColumnBuilder column)
        {
            column.AppendStructValid();
            ReadInto(data, ref at, column.Children);
        }

        /// <summary>Reads the fields into <paramref name="columns"/> (by the fields' targets; a null column is not read).</summary>
        public void ReadInto(ReadOnlySpan<byte> data, ref int at, IReadOnlyList<ColumnBuilder?> columns)
        {
            foreach (var field in fields)
            {
                if (field.Target >= 0 && columns[field.Target] is { } target) field.Reader!.Read(data, ref at, target);
                else AvroSkip.Value(field.Writer, data, ref at);
            }
            foreach (int m in missing)
                if (columns[m] is { } target) target.AppendNull();
        }
    }

    /// <summary>A field of a writer record: the column it goes to (-1: skipped) and how it is read.</summary>
    public sealed record RecordField(AvroSchema Writer, int Target, AvroValueReader? Reader);
}
