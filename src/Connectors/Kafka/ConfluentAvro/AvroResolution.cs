using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>
/// Avro schema resolution from a writer schema (fetched from the registry) to the table's columns (the reader schema
/// Flink derives from them, <see cref="AvroSchemaDerivation"/>): record fields matched by name in any order, writer fields
/// without a column skipped, a nullable column the writer lacks read as NULL (its default), the promotions int → long →
/// float → double and string ↔ bytes, a writer union resolved per value. Beyond the specification, as Flink's converters
/// read them: an enum into STRING, a timestamp of any Avro unit into TIMESTAMP, time-micros into TIME, a decimal of a
/// smaller scale into DECIMAL.
/// </summary>
internal static class AvroResolution
{
    /// <summary>The plan that reads a record of <paramref name="writer"/> into the table's columns.</summary>
    /// <param name="columns">The table's fields the format holds, in order, with their names.</param>
    /// <param name="targets">Per field: its slot among the columns being filled, or -1 when it is not read.</param>
    /// <param name="millis">Per field: a timestamp column whose Avro unit, when the writer's long carries none, is milliseconds.</param>
    /// <exception cref="FormatException">The writer schema cannot be read into the columns; the message says where.</exception>
    public static AvroValueReader.Record Plan(AvroSchema writer, IReadOnlyList<Field> columns, IReadOnlyList<int> targets, IReadOnlyList<bool> millis)
    {
        if (writer is not AvroRecord record) throw new FormatException($"the writer schema is {writer.Describe()}, not a record");
        return Record(record, columns, targets, millis, "");
    }

    private static AvroValueReader.Record Record(AvroRecord writer, IReadOnlyList<Field> columns, IReadOnlyList<int> targets, IReadOnlyList<bool>? millis, string path)
    {
        var fields = new AvroValueReader.RecordField[writer.Fields.Count];
        var seen = new bool[columns.Count];
        for (int i = 0; i < fields.Length; i++)
        {
            var w = writer.Fields[i];
            int column = IndexOf(columns, w.Name);
            if (column < 0 || targets[column] < 0)
            {
                fields[i] = new AvroValueReader.RecordField(w.Type, -1, null);
                if (column >= 0) seen[column] = true;
                continue;
            }
            seen[column] = true;
            fields[i] = new AvroValueReader.RecordField(w.Type, targets[column],
                Value(w.Type, columns[column], millis?[column] ?? true, path + columns[column].Name));
        }
        var missing = new List<int>();
        for (int c = 0; c < columns.Count; c++)
        {
            if (seen[c]) continue;
            if (!columns[c].IsNullable)
                throw new FormatException($"the writer's {writer.Describe()} has no field '{path}{columns[c].Name}', which is NOT NULL in the table (a missing field is read as its default, NULL)");
            if (targets[c] >= 0) missing.Add(targets[c]);
        }
        return new AvroValueReader.Record(fields, missing.ToArray());
    }

    private static int IndexOf(IReadOnlyList<Field> columns, string name)
    {
        for (int i = 0; i < columns.Count; i++)
            if (columns[i].Name == name) return i;
        return -1;
    }

    private static AvroValueReader Value(AvroSchema writer, Field column, bool millis, string path)
    {
        if (writer is AvroUnion union)
        {
            var branches = new AvroValueReader?[union.Branches.Count];
            var refusals = new string?[branches.Length];
            string? firstRefusal = null;
            for (int b = 0; b < branches.Length; b++)
            {
                try
                {
                    branches[b] = Value(union.Branches[b], column, millis, path);
                }
                catch (FormatException e)
                {
                    refusals[b] = e.Message;
                    firstRefusal ??= e.Message;
                }
            }
            if (branches.All(b => b is null)) throw new FormatException(firstRefusal ?? $"field '{path}' is an empty union");
            return new AvroValueReader.Union(branches, refusals);
        }
        if (writer is AvroPrimitive { Kind: AvroPrimitiveKind.Null })
            return column.IsNullable ? new AvroValueReader.Null() : throw Mismatch(writer, column, path, "a null for a NOT NULL column");
        var kind = ColumnKinds.Of(column.DataType);
        switch (kind)
        {
            case ColumnKind.Boolean when Is(writer, AvroPrimitiveKind.Boolean):
                return new AvroValueReader.Boolean();
            case ColumnKind.Int8 or ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Date32 when Is(writer, AvroPrimitiveKind.Int):
                return new AvroValueReader.Integer();
            case ColumnKind.Int64 when Is(writer, AvroPrimitiveKind.Int) || Is(writer, AvroPrimitiveKind.Long):
                return new AvroValueReader.Integer();
            case ColumnKind.Time32Millis when Is(writer, AvroPrimitiveKind.Int):
                return new AvroValueReader.Integer();
            case ColumnKind.Time32Millis when writer is AvroPrimitive { Kind: AvroPrimitiveKind.Long, LogicalType: "time-micros" }:
                return new AvroValueReader.TimeMicros();
            case ColumnKind.Float32 or ColumnKind.Float64 when Is(writer, AvroPrimitiveKind.Int) || Is(writer, AvroPrimitiveKind.Long):
                return new AvroValueReader.IntegerToFloating();
            case ColumnKind.Float32 or ColumnKind.Float64 when Is(writer, AvroPrimitiveKind.Float):
                return new AvroValueReader.Float();
            case ColumnKind.Float64 when Is(writer, AvroPrimitiveKind.Double):
                return new AvroValueReader.Double();
            case ColumnKind.Utf8 or ColumnKind.Binary when Is(writer, AvroPrimitiveKind.String) || Is(writer, AvroPrimitiveKind.Bytes):
                return new AvroValueReader.Bytes();
            case ColumnKind.Binary when writer is AvroFixed f:
                return new AvroValueReader.Fixed(f.Size);
            case ColumnKind.Utf8 when writer is AvroEnum e:
                return new AvroValueReader.EnumSymbol(e.Symbols.Select(Encoding.UTF8.GetBytes).ToArray());
            case ColumnKind.Decimal128 when Is(writer, AvroPrimitiveKind.Bytes) || writer is AvroFixed:
                return Decimal(writer, (Decimal128Type)column.DataType, path);
            case ColumnKind.TimestampMicros when Is(writer, AvroPrimitiveKind.Long) || Is(writer, AvroPrimitiveKind.Int):
                return ((AvroPrimitive)writer).LogicalType switch
                {
                    "timestamp-millis" or "local-timestamp-millis" => new AvroValueReader.Micros(1000, 1),
                    "timestamp-micros" or "local-timestamp-micros" => new AvroValueReader.Micros(1, 1),
                    "timestamp-nanos" or "local-timestamp-nanos" => new AvroValueReader.Micros(1, 1000),
                    _ => new AvroValueReader.Micros(millis ? 1000 : 1, 1),
                };
            case ColumnKind.Struct when writer is AvroRecord r:
                var st = (StructType)column.DataType;
                return Record(r, st.Fields, Enumerable.Range(0, st.Fields.Count).ToList(), null, path + ".");
            case ColumnKind.List when writer is AvroArray a:
                return new AvroValueReader.Array(Value(a.Items, ((ListType)column.DataType).ValueField, true, path + "[]"));
            case ColumnKind.Map when writer is AvroMap m:
                return new AvroValueReader.Map(Value(m.Values, ((MapType)column.DataType).ValueField, true, path + "{}"));
        }
        throw Mismatch(writer, column, path, null);
    }

    private static bool Is(AvroSchema schema, AvroPrimitiveKind kind) => schema is AvroPrimitive p && p.Kind == kind;

    private static AvroValueReader Decimal(AvroSchema writer, Decimal128Type column, string path)
    {
        var (logical, scale) = writer switch
        {
            AvroPrimitive p => (p.LogicalType, p.Scale),
            AvroFixed f => (f.LogicalType, f.Scale),
            _ => (null, 0),
        };
        // Without the decimal logical type the bytes are the unscaled value at the column's scale, as Avro reads them.
        int from = logical == "decimal" ? scale : column.Scale;
        if (from > column.Scale)
            throw new FormatException($"field '{path}' is a decimal of scale {from}, which DECIMAL({column.Precision}, {column.Scale}) cannot hold without rounding");
        Int128 factor = 1;
        for (int i = from; i < column.Scale; i++) factor *= 10;
        return new AvroValueReader.Decimal(writer is AvroFixed f2 ? f2.Size : -1, factor);
    }

    private static FormatException Mismatch(AvroSchema writer, Field column, string path, string? why) =>
        new($"field '{path}' is {writer.Describe()} in the writer schema, which cannot be read into the column of type {Describe(column.DataType)}"
            + (why is null ? "" : $" ({why})"));

    private static string Describe(IArrowType type) => ColumnKinds.Of(type) switch
    {
        ColumnKind.Boolean => "BOOLEAN",
        ColumnKind.Int8 => "TINYINT",
        ColumnKind.Int16 => "SMALLINT",
        ColumnKind.Int32 => "INT",
        ColumnKind.Int64 => "BIGINT",
        ColumnKind.Float32 => "FLOAT",
        ColumnKind.Float64 => "DOUBLE",
        ColumnKind.Decimal128 => "DECIMAL",
        ColumnKind.Date32 => "DATE",
        ColumnKind.Time32Millis => "TIME",
        ColumnKind.TimestampMicros => "TIMESTAMP",
        ColumnKind.Utf8 => "STRING",
        ColumnKind.Binary => "BYTES",
        ColumnKind.Struct => "ROW",
        ColumnKind.List => "ARRAY",
        ColumnKind.Map => "MAP",
        _ => type.Name,
    };
}
