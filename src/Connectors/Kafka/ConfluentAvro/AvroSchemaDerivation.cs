using System.Text;
using System.Text.Json;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>
/// The Avro schema Flink derives from a table's columns (AvroSchemaConverter.convertToSchema), as JSON in the form Avro's
/// Schema.toString gives: a record named <c>record</c> in namespace <c>org.apache.flink.avro.generated</c>; a nullable
/// column is the union <c>["null", T]</c> with default null; a nested ROW is a record named after the path to it
/// (<c>record_address</c>); the logical types follow what <see cref="AvroBinary"/> writes: DATE date, TIME time-millis,
/// DECIMAL bytes decimal(p, s), a column's TIMESTAMP / TIMESTAMP_LTZ timestamp-millis up to precision 3 and
/// timestamp-micros above, a timestamp nested in a ROW, ARRAY or MAP timestamp-millis.
/// </summary>
internal static class AvroSchemaDerivation
{
    public const string RecordName = "record";
    public const string Namespace = "org.apache.flink.avro.generated";

    /// <param name="legacyTimestamps">Flink's legacy timestamp mapping (<c>avro.timestamp_mapping.legacy</c>, the default):
    /// TIMESTAMP is <c>timestamp-*</c>; otherwise TIMESTAMP is <c>local-timestamp-*</c> and TIMESTAMP_LTZ <c>timestamp-*</c>.</param>
    public static string Of(IReadOnlyList<string> names, IReadOnlyList<SqlType> types, bool legacyTimestamps = true)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "record");
            json.WriteString("name", RecordName);
            json.WriteString("namespace", Namespace);
            Fields(json, names, types, RecordName, nested: false, legacyTimestamps);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Fields(Utf8JsonWriter json, IReadOnlyList<string> names, IReadOnlyList<SqlType> types, string rowName, bool nested, bool legacy)
    {
        json.WriteStartArray("fields");
        for (int i = 0; i < names.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("name", names[i]);
            json.WritePropertyName("type");
            Type(json, types[i], rowName + "_" + names[i], nested, legacy);
            if (types[i].Nullable) json.WriteNull("default");
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Type(Utf8JsonWriter json, SqlType type, string rowName, bool nested, bool legacy)
    {
        if (type.Nullable)
        {
            json.WriteStartArray();
            json.WriteStringValue("null");
        }
        switch (type.Kind)
        {
            case SqlTypeKind.Boolean: json.WriteStringValue("boolean"); break;
            case SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.IntervalYearMonth: json.WriteStringValue("int"); break;
            case SqlTypeKind.BigInt: json.WriteStringValue("long"); break;
            case SqlTypeKind.Float: json.WriteStringValue("float"); break;
            case SqlTypeKind.Double: json.WriteStringValue("double"); break;
            case SqlTypeKind.Char or SqlTypeKind.VarChar: json.WriteStringValue("string"); break;
            case SqlTypeKind.Binary or SqlTypeKind.VarBinary: json.WriteStringValue("bytes"); break;
            case SqlTypeKind.Date: Logical(json, "int", "date"); break;
            case SqlTypeKind.Time: Logical(json, "int", "time-millis"); break;
            case SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz:
                Logical(json, "long", (legacy || type.Kind == SqlTypeKind.TimestampLtz ? "timestamp-" : "local-timestamp-")
                    + (nested || AvroBinary.Millis(type) ? "millis" : "micros"));
                break;
            case SqlTypeKind.Decimal:
                json.WriteStartObject();
                json.WriteString("type", "bytes");
                json.WriteString("logicalType", "decimal");
                json.WriteNumber("precision", type.Precision);
                json.WriteNumber("scale", type.Scale);
                json.WriteEndObject();
                break;
            case SqlTypeKind.Row:
                json.WriteStartObject();
                json.WriteString("type", "record");
                json.WriteString("name", rowName);
                Fields(json, type.FieldNames!, type.Elements!, rowName, nested: true, legacy);
                json.WriteEndObject();
                break;
            case SqlTypeKind.Array:
                json.WriteStartObject();
                json.WriteString("type", "array");
                json.WritePropertyName("items");
                Type(json, type.Elements![0], rowName, nested: true, legacy);
                json.WriteEndObject();
                break;
            case SqlTypeKind.Map:
                json.WriteStartObject();
                json.WriteString("type", "map");
                json.WritePropertyName("values");
                Type(json, type.Elements![1], rowName, nested: true, legacy);
                json.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"the avro-confluent format has no Avro type for {type}");
        }
        if (type.Nullable) json.WriteEndArray();
    }

    private static void Logical(Utf8JsonWriter json, string type, string logicalType)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("logicalType", logicalType);
        json.WriteEndObject();
    }
}
