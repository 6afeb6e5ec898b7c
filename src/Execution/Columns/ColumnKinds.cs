using Apache.Arrow.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Columns;

/// <summary>The one place that maps SQL and Arrow types to <see cref="ColumnKind"/>s and dispatches on them.</summary>
/// <remarks>The Arrow side accepts exactly the types <see cref="Types.ArrowTypeMapping"/> produces, so every column the
/// runtime builds or reads has a kind, and a foreign layout is refused by name instead of being misread.</remarks>
public static class ColumnKinds
{
    /// <summary>The kind of the Arrow column of <paramref name="type"/> (per <see cref="Types.ArrowTypeMapping"/>).</summary>
    public static ColumnKind Of(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Null => ColumnKind.Null,
        SqlTypeKind.Boolean => ColumnKind.Boolean,
        SqlTypeKind.TinyInt => ColumnKind.Int8,
        SqlTypeKind.SmallInt => ColumnKind.Int16,
        SqlTypeKind.Int or SqlTypeKind.IntervalYearMonth => ColumnKind.Int32,
        SqlTypeKind.BigInt => ColumnKind.Int64,
        SqlTypeKind.Float => ColumnKind.Float32,
        SqlTypeKind.Double => ColumnKind.Float64,
        SqlTypeKind.Decimal => ColumnKind.Decimal128,
        SqlTypeKind.Date => ColumnKind.Date32,
        SqlTypeKind.Time => ColumnKind.Time32Millis,
        SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz =>
            TimestampEncoding.IsNanos(type.Precision) ? ColumnKind.TimestampNanos : ColumnKind.TimestampMicros,
        SqlTypeKind.IntervalDayTime => ColumnKind.DurationMillis,
        SqlTypeKind.Char or SqlTypeKind.VarChar => ColumnKind.Utf8,
        // A VARIANT cell is its metadata followed by its value (VariantEncoding): bytes, compared and hashed as bytes,
        // as Flink's BinaryVariant.equals compares value and metadata.
        SqlTypeKind.Binary or SqlTypeKind.VarBinary or SqlTypeKind.Variant => ColumnKind.Binary,
        SqlTypeKind.Row => ColumnKind.Struct,
        SqlTypeKind.Array or SqlTypeKind.Multiset => ColumnKind.List,
        SqlTypeKind.Map => ColumnKind.Map,
        _ => throw new NotSupportedException($"type {type} has no column layout"),
    };

    /// <summary>The kind of an Arrow column of <paramref name="type"/>.</summary>
    /// <exception cref="NotSupportedException">An Arrow type the runtime never lays out (e.g. UInt32, Time64).</exception>
    public static ColumnKind Of(IArrowType type) => type.TypeId switch
    {
        ArrowTypeId.Null => ColumnKind.Null,
        ArrowTypeId.Boolean => ColumnKind.Boolean,
        ArrowTypeId.Int8 => ColumnKind.Int8,
        ArrowTypeId.Int16 => ColumnKind.Int16,
        ArrowTypeId.Int32 => ColumnKind.Int32,
        ArrowTypeId.Int64 => ColumnKind.Int64,
        ArrowTypeId.Float => ColumnKind.Float32,
        ArrowTypeId.Double => ColumnKind.Float64,
        ArrowTypeId.Decimal128 => ColumnKind.Decimal128,
        ArrowTypeId.Date32 => ColumnKind.Date32,
        ArrowTypeId.Time32 when ((Time32Type)type).Unit == TimeUnit.Millisecond => ColumnKind.Time32Millis,
        ArrowTypeId.Timestamp when ((TimestampType)type).Unit == TimeUnit.Microsecond => ColumnKind.TimestampMicros,
        ArrowTypeId.Timestamp when ((TimestampType)type).Unit == TimeUnit.Nanosecond => ColumnKind.TimestampNanos,
        ArrowTypeId.Duration when ((DurationType)type).Unit == TimeUnit.Millisecond => ColumnKind.DurationMillis,
        ArrowTypeId.String => ColumnKind.Utf8,
        ArrowTypeId.Binary => ColumnKind.Binary,
        ArrowTypeId.Struct => ColumnKind.Struct,
        ArrowTypeId.List => ColumnKind.List,
        ArrowTypeId.Map => ColumnKind.Map,
        _ => throw new NotSupportedException($"Arrow type {type.Name} is not a column layout of the runtime"),
    };

    /// <summary>Calls the method of <paramref name="visitor"/> for <paramref name="kind"/>'s storage family.</summary>
    public static TResult Accept<TVisitor, TResult>(ColumnKind kind, ref TVisitor visitor)
        where TVisitor : IColumnVisitor<TResult>, allows ref struct
        => kind switch
        {
            ColumnKind.Null => visitor.Null(),
            ColumnKind.Boolean => visitor.Boolean(),
            ColumnKind.Int8 => visitor.Integer<sbyte>(kind),
            ColumnKind.Int16 => visitor.Integer<short>(kind),
            ColumnKind.Int32 or ColumnKind.Date32 or ColumnKind.Time32Millis => visitor.Integer<int>(kind),
            ColumnKind.Int64 or ColumnKind.TimestampMicros or ColumnKind.TimestampNanos or ColumnKind.DurationMillis =>
                visitor.Integer<long>(kind),
            ColumnKind.Float32 => visitor.Floating<float>(),
            ColumnKind.Float64 => visitor.Floating<double>(),
            ColumnKind.Decimal128 => visitor.Decimal(),
            ColumnKind.Utf8 => visitor.Bytes(utf8: true),
            ColumnKind.Binary => visitor.Bytes(utf8: false),
            ColumnKind.Struct => visitor.Struct(),
            ColumnKind.List or ColumnKind.Map => visitor.List(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

    /// <summary><see cref="Accept{TVisitor, TResult}"/> for a visitor passed by value (a small one built at the call).</summary>
    public static TResult Accept<TVisitor, TResult>(ColumnKind kind, TVisitor visitor)
        where TVisitor : IColumnVisitor<TResult>, allows ref struct
        => Accept<TVisitor, TResult>(kind, ref visitor);
}
