using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Types;

/// <summary>
/// The one mapping from SQL types to Arrow types used everywhere in the runtime:
/// BOOLEAN→Boolean, TINYINT→Int8, SMALLINT→Int16, INT→Int32, BIGINT→Int64, FLOAT→Float, DOUBLE→Double,
/// DECIMAL(p,s)→Decimal128(p,s), CHAR/VARCHAR/STRING→Utf8, BINARY/VARBINARY/BYTES→Binary, DATE→Date32 (days),
/// TIME→Time32(ms), TIMESTAMP(p)→Timestamp(µs, no zone), TIMESTAMP_LTZ(p)→Timestamp(µs, "UTC") — nanoseconds instead of
/// microseconds for p 7–9 (see <see cref="TimestampEncoding"/>),
/// INTERVAL DAY TO SECOND→Duration(ms), INTERVAL YEAR TO MONTH→Int32 (months), NULL→Null,
/// ARRAY→List, MAP→Map, ROW→Struct, VARIANT→Binary (Flink's encoded metadata and value, see <c>VariantEncoding</c>).
/// </summary>
public static class ArrowTypeMapping
{
    /// <remarks>Which layout a SQL type takes is decided once, by <see cref="ColumnKinds.Of(SqlType)"/>; this adds the
    /// Arrow type's parameters (precision and scale, time zone, element and field types).</remarks>
    public static IArrowType ToArrow(SqlType type) => ColumnKinds.Of(type) switch
    {
        ColumnKind.Null => NullType.Default,
        ColumnKind.Boolean => BooleanType.Default,
        ColumnKind.Int8 => Int8Type.Default,
        ColumnKind.Int16 => Int16Type.Default,
        ColumnKind.Int32 => Int32Type.Default,
        ColumnKind.Int64 => Int64Type.Default,
        ColumnKind.Float32 => FloatType.Default,
        ColumnKind.Float64 => DoubleType.Default,
        ColumnKind.Decimal128 => new Decimal128Type(type.Precision, type.Scale),
        ColumnKind.Date32 => Date32Type.Default,
        ColumnKind.Time32Millis => new Time32Type(TimeUnit.Millisecond),
        ColumnKind.TimestampMicros => new TimestampType(TimeUnit.Microsecond, Zone(type)),
        ColumnKind.TimestampNanos => new TimestampType(TimeUnit.Nanosecond, Zone(type)),
        ColumnKind.DurationMillis => DurationType.Millisecond,
        ColumnKind.Utf8 => StringType.Default,
        ColumnKind.Binary => BinaryType.Default,
        ColumnKind.List => new ListType(new Apache.Arrow.Field("element", ToArrow(type.Elements![0]), type.Elements[0].Nullable)),
        ColumnKind.Map => new MapType(
            new Apache.Arrow.Field("key", ToArrow(type.Elements![0]), false),
            new Apache.Arrow.Field("value", ToArrow(type.Elements[1]), type.Elements[1].Nullable)),
        ColumnKind.Struct => new StructType(RowFields(type)),
        var kind => throw new NotSupportedException($"column kind {kind} has no Arrow type"),
    };

    /// <summary>TIMESTAMP_LTZ is an instant: its Arrow type carries the zone "UTC"; TIMESTAMP carries none.</summary>
    private static string? Zone(SqlType type) => type.Kind == SqlTypeKind.TimestampLtz ? "UTC" : null;

    private static List<Apache.Arrow.Field> RowFields(SqlType type)
    {
        var fields = new List<Apache.Arrow.Field>(type.Elements!.Count);
        for (int i = 0; i < type.Elements.Count; i++)
            fields.Add(new Apache.Arrow.Field(type.FieldNames![i], ToArrow(type.Elements[i]), type.Elements[i].Nullable));
        return fields;
    }

    public static Apache.Arrow.Field ToArrowField(StreamSql.Sql.Planner.Types.Field field) =>
        new(field.Name, ToArrow(field.Type), field.Type.Nullable);

    public static Schema ToArrowSchema(RowSchema schema)
    {
        var builder = new Schema.Builder();
        foreach (var f in schema.Fields) builder.Field(ToArrowField(f));
        return builder.Build();
    }
}
