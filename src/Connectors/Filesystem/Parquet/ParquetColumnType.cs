using Parquet.Meta;
using Parquet.Schema;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

using Field = Parquet.Schema.Field;

namespace StreamSql.Connectors.Filesystem.Parquet;

/// <summary>The Parquet physical types a column is stored as (the file's <c>type</c>), before any logical annotation; INT96
/// (legacy timestamps of Spark, Hive and Impala) is read, never written.</summary>
internal enum ParquetPhysical { Boolean, Int32, Int64, Float, Double, ByteArray, Int96 }

/// <summary>
/// How one SQL column lies in a Parquet file, as Flink's <c>ParquetSchemaConverter</c> and DuckDB agree: TINYINT/SMALLINT
/// as INT32 annotated INT(8|16), INT, DATE and TIME(ms) as INT32, BIGINT and TIMESTAMP[_LTZ] as INT64 (micros for p ≤ 6,
/// nanos above; LTZ is adjusted to UTC), DECIMAL as INT32 (p ≤ 9), INT64 (p ≤ 18) or big-endian two's-complement bytes,
/// strings as UTF-8 BYTE_ARRAY, bytes as BYTE_ARRAY. Values are written in their physical form (no per-value
/// conversion): the logical annotations are set on the footer (<see cref="Annotate"/>).
/// </summary>
internal sealed record ParquetColumnType(string Name, SqlType Type, ColumnKind Kind, ParquetPhysical Physical)
{
    /// <summary>The mapping of a column, or an error naming the column and its type when Parquet cannot hold it here.</summary>
    public static ParquetColumnType For(string name, SqlType type)
    {
        var kind = ColumnKinds.Of(type);
        if (ParquetNestedNode.IsNested(type))
            return new ParquetColumnType(name, type, kind, ParquetPhysical.ByteArray) { Nested = ParquetNestedNode.For(name, type) };
        ParquetPhysical? physical = kind switch
        {
            ColumnKind.Boolean => ParquetPhysical.Boolean,
            ColumnKind.Int8 or ColumnKind.Int16 or ColumnKind.Date32 or ColumnKind.Time32Millis => ParquetPhysical.Int32,
            ColumnKind.Int32 when type.Kind == SqlTypeKind.Int => ParquetPhysical.Int32,
            ColumnKind.Int64 or ColumnKind.TimestampMicros or ColumnKind.TimestampNanos => ParquetPhysical.Int64,
            ColumnKind.Float32 => ParquetPhysical.Float,
            ColumnKind.Float64 => ParquetPhysical.Double,
            ColumnKind.Decimal128 => type.Precision <= 9 ? ParquetPhysical.Int32 : type.Precision <= 18 ? ParquetPhysical.Int64 : ParquetPhysical.ByteArray,
            ColumnKind.Utf8 or ColumnKind.Binary => ParquetPhysical.ByteArray,
            _ => null,
        };
        if (physical is null)
            throw new NotSupportedException($"Column '{name}' of type {type} cannot be stored in the parquet format "
                + "(supported: BOOLEAN, TINYINT..BIGINT, FLOAT, DOUBLE, DECIMAL, CHAR/VARCHAR/STRING, BINARY/VARBINARY/BYTES, DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ, "
                + "and ROW, ARRAY, MAP of them).");
        return new ParquetColumnType(name, type, kind, physical.Value);
    }

    /// <summary>The layout of a ROW, ARRAY or MAP column (its leaves are flat column types); null for a flat column.</summary>
    public ParquetNestedNode? Nested { get; init; }

    /// <summary>The field Parquet.Net writes: a flat column's (<see cref="CreateField"/>) or a nested column's group.</summary>
    public Field CreateSchemaField() => Nested is { } nested ? nested.CreateField(leaf => For(leaf.Name, leaf.Type).CreateField()) : CreateField();

    /// <summary>The field Parquet.Net writes: its CLR type is the physical value type handed to it.</summary>
    public DataField CreateField() => Kind switch
    {
        ColumnKind.Boolean => new DataField<bool>(Name, Type.Nullable),
        ColumnKind.Int8 => new DataField<sbyte>(Name, Type.Nullable),
        ColumnKind.Int16 => new DataField<short>(Name, Type.Nullable),
        ColumnKind.Float32 => new DataField<float>(Name, Type.Nullable),
        ColumnKind.Float64 => new DataField<double>(Name, Type.Nullable),
        _ => Physical switch
        {
            ParquetPhysical.Int32 => new DataField<int>(Name, Type.Nullable),
            ParquetPhysical.Int64 => new DataField<long>(Name, Type.Nullable),
            _ => new DataField<byte[]>(Name, Type.Nullable),
        },
    };

    /// <summary>Sets the logical (and legacy converted) type of this column's schema element.</summary>
    public void Annotate(SchemaElement element)
    {
        switch (Kind)
        {
            case ColumnKind.Utf8:
                element.ConvertedType = ConvertedType.UTF8;
                element.LogicalType = new LogicalType { STRING = new StringType() };
                break;
            case ColumnKind.Date32:
                element.ConvertedType = ConvertedType.DATE;
                element.LogicalType = new LogicalType { DATE = new DateType() };
                break;
            case ColumnKind.Time32Millis:
                element.ConvertedType = ConvertedType.TIME_MILLIS;
                element.LogicalType = new LogicalType { TIME = new TimeType { IsAdjustedToUTC = false, Unit = new TimeUnit { MILLIS = new MilliSeconds() } } };
                break;
            case ColumnKind.TimestampMicros or ColumnKind.TimestampNanos:
                bool utc = Type.Kind == SqlTypeKind.TimestampLtz, nanos = Kind == ColumnKind.TimestampNanos;
                element.ConvertedType = nanos ? null : ConvertedType.TIMESTAMP_MICROS;
                element.LogicalType = new LogicalType
                {
                    TIMESTAMP = new TimestampType
                    {
                        IsAdjustedToUTC = utc,
                        Unit = nanos ? new TimeUnit { NANOS = new NanoSeconds() } : new TimeUnit { MICROS = new MicroSeconds() },
                    },
                };
                break;
            case ColumnKind.Decimal128:
                element.ConvertedType = ConvertedType.DECIMAL;
                element.Precision = Type.Precision;
                element.Scale = Type.Scale;
                element.LogicalType = new LogicalType { DECIMAL = new DecimalType { Precision = Type.Precision, Scale = Type.Scale } };
                break;
        }
    }

    /// <summary>The physical type of a file's schema element.</summary>
    public static ParquetPhysical? PhysicalOf(SchemaElement element) => element.Type switch
    {
        global::Parquet.Meta.Type.BOOLEAN => ParquetPhysical.Boolean,
        global::Parquet.Meta.Type.INT32 => ParquetPhysical.Int32,
        global::Parquet.Meta.Type.INT64 => ParquetPhysical.Int64,
        global::Parquet.Meta.Type.INT96 => ParquetPhysical.Int96,
        global::Parquet.Meta.Type.FLOAT => ParquetPhysical.Float,
        global::Parquet.Meta.Type.DOUBLE => ParquetPhysical.Double,
        global::Parquet.Meta.Type.BYTE_ARRAY or global::Parquet.Meta.Type.FIXED_LEN_BYTE_ARRAY => ParquetPhysical.ByteArray,
        _ => null,
    };
}
