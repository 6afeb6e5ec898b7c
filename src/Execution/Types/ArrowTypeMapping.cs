using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Types;

/// <summary>
/// The one mapping from SQL types to Arrow types used everywhere in the runtime:
/// BOOLEAN→Boolean, TINYINT→Int8, SMALLINT→Int16, INT→Int32, BIGINT→Int64, FLOAT→Float, DOUBLE→Double,
/// DECIMAL(p,s)→Decimal128(p,s), CHAR/VARCHAR/STRING→Utf8, BINARY/VARBINARY/BYTES→Binary, DATE→Date32 (days),
/// TIME→Time32(ms), TIMESTAMP(p)→Timestamp(µs, no zone), TIMESTAMP_LTZ(p)→Timestamp(µs, "UTC") — nanoseconds instead of
/// microseconds for p 7–9 (see <see cref="TimestampEncoding"/>),
/// INTERVAL DAY TO SECOND→Duration(ms), INTERVAL YEAR TO MONTH→Int32 (months), NULL→Null,
/// ARRAY→List, MAP→Map, ROW→Struct.
/// </summary>
public static class ArrowTypeMapping
{
    public static IArrowType ToArrow(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Null => NullType.Default,
        SqlTypeKind.Boolean => BooleanType.Default,
        SqlTypeKind.TinyInt => Int8Type.Default,
        SqlTypeKind.SmallInt => Int16Type.Default,
        SqlTypeKind.Int => Int32Type.Default,
        SqlTypeKind.BigInt => Int64Type.Default,
        SqlTypeKind.Float => FloatType.Default,
        SqlTypeKind.Double => DoubleType.Default,
        SqlTypeKind.Decimal => new Decimal128Type(type.Precision, type.Scale),
        SqlTypeKind.Char or SqlTypeKind.VarChar => StringType.Default,
        SqlTypeKind.Binary or SqlTypeKind.VarBinary => BinaryType.Default,
        SqlTypeKind.Date => Date32Type.Default,
        SqlTypeKind.Time => new Time32Type(TimeUnit.Millisecond),
        SqlTypeKind.Timestamp => new TimestampType(TimestampUnit(type), (string?)null),
        SqlTypeKind.TimestampLtz => new TimestampType(TimestampUnit(type), "UTC"),
        SqlTypeKind.IntervalDayTime => DurationType.Millisecond,
        SqlTypeKind.IntervalYearMonth => Int32Type.Default,
        SqlTypeKind.Array or SqlTypeKind.Multiset => new ListType(new Apache.Arrow.Field("element", ToArrow(type.Elements![0]), type.Elements[0].Nullable)),
        SqlTypeKind.Map => new MapType(
            new Apache.Arrow.Field("key", ToArrow(type.Elements![0]), false),
            new Apache.Arrow.Field("value", ToArrow(type.Elements[1]), type.Elements[1].Nullable)),
        SqlTypeKind.Row => new StructType(RowFields(type)),
        _ => throw new NotSupportedException($"type {type} has no Arrow mapping"),
    };

    private static TimeUnit TimestampUnit(SqlType type) => TimestampEncoding.IsNanos(type.Precision) ? TimeUnit.Nanosecond : TimeUnit.Microsecond;

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
