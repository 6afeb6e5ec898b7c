using System.Text;

namespace StreamSql.Sql.Planner.Types;

/// <summary>
/// A logical SQL type (Flink's <c>LogicalType</c>): kind, parameters and nullability.
/// Physical representation (Arrow) is the runtime's business; the planner only reasons about these.
/// </summary>
/// <param name="Precision">DECIMAL precision, TIMESTAMP/TIME fractional precision, CHAR/VARCHAR/BINARY length.</param>
/// <param name="Scale">DECIMAL scale.</param>
/// <param name="Elements">ARRAY/MULTISET element; MAP key and value; ROW field types.</param>
/// <param name="FieldNames">ROW field names.</param>
/// <param name="IsRowtime">A time attribute column (event time). Only TIMESTAMP(3) / TIMESTAMP_LTZ(3) can be one.</param>
/// <param name="IsProctime">A processing-time attribute (PROCTIME()).</param>
public sealed record SqlType(
    SqlTypeKind Kind,
    bool Nullable = true,
    int Precision = 0,
    int Scale = 0,
    IReadOnlyList<SqlType>? Elements = null,
    IReadOnlyList<string>? FieldNames = null,
    bool IsRowtime = false,
    bool IsProctime = false)
{
    public const int MaxVarCharLength = int.MaxValue;
    public const int MaxDecimalPrecision = 38;

    public static SqlType Null { get; } = new(SqlTypeKind.Null);
    public static SqlType Boolean { get; } = new(SqlTypeKind.Boolean);
    public static SqlType TinyInt { get; } = new(SqlTypeKind.TinyInt);
    public static SqlType SmallInt { get; } = new(SqlTypeKind.SmallInt);
    public static SqlType Int { get; } = new(SqlTypeKind.Int);
    public static SqlType BigInt { get; } = new(SqlTypeKind.BigInt);
    public static SqlType Float { get; } = new(SqlTypeKind.Float);
    public static SqlType Double { get; } = new(SqlTypeKind.Double);
    public static SqlType String { get; } = new(SqlTypeKind.VarChar, Precision: MaxVarCharLength);
    public static SqlType Bytes { get; } = new(SqlTypeKind.VarBinary, Precision: MaxVarCharLength);
    public static SqlType Date { get; } = new(SqlTypeKind.Date);
    public static SqlType IntervalDayTime { get; } = new(SqlTypeKind.IntervalDayTime);
    public static SqlType IntervalYearMonth { get; } = new(SqlTypeKind.IntervalYearMonth);
    public static SqlType Variant { get; } = new(SqlTypeKind.Variant);

    public static SqlType Decimal(int precision, int scale) => new(SqlTypeKind.Decimal, Precision: precision, Scale: scale);
    public static SqlType Char(int length) => new(SqlTypeKind.Char, Precision: length);
    public static SqlType VarChar(int length) => new(SqlTypeKind.VarChar, Precision: length);
    public static SqlType Time(int precision = 0) => new(SqlTypeKind.Time, Precision: precision);
    public static SqlType Timestamp(int precision = 6) => new(SqlTypeKind.Timestamp, Precision: precision);
    public static SqlType TimestampLtz(int precision = 6) => new(SqlTypeKind.TimestampLtz, Precision: precision);
    public static SqlType Array(SqlType element) => new(SqlTypeKind.Array, Elements: new[] { element });
    public static SqlType Map(SqlType key, SqlType value) => new(SqlTypeKind.Map, Elements: new[] { key, value });
    public static SqlType Row(IReadOnlyList<string> names, IReadOnlyList<SqlType> types) => new(SqlTypeKind.Row, Elements: types, FieldNames: names);

    public SqlType WithNullable(bool nullable) => Nullable == nullable ? this : this with { Nullable = nullable };
    public SqlType AsNotNull() => WithNullable(false);
    /// <summary>This type without time-attribute markers (what a time attribute becomes once materialized by an expression).</summary>
    public SqlType WithoutTimeAttribute() => IsRowtime || IsProctime ? this with { IsRowtime = false, IsProctime = false } : this;

    public bool IsNumeric => Kind is SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt
        or SqlTypeKind.Float or SqlTypeKind.Double or SqlTypeKind.Decimal;
    public bool IsExactInteger => Kind is SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt;
    public bool IsApproximate => Kind is SqlTypeKind.Float or SqlTypeKind.Double;
    public bool IsCharacterString => Kind is SqlTypeKind.Char or SqlTypeKind.VarChar;
    public bool IsBinaryString => Kind is SqlTypeKind.Binary or SqlTypeKind.VarBinary;
    public bool IsTimestamp => Kind is SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz;
    public bool IsDateTime => Kind is SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz;
    public bool IsInterval => Kind is SqlTypeKind.IntervalDayTime or SqlTypeKind.IntervalYearMonth;
    public bool IsTimeAttribute => IsRowtime || IsProctime;

    /// <summary>The type as Flink prints it: <c>BIGINT NOT NULL</c>, <c>VARCHAR(10)</c>, <c>STRING</c>, <c>TIMESTAMP(3) *ROWTIME*</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Kind switch
        {
            SqlTypeKind.Null => "NULL",
            SqlTypeKind.Boolean => "BOOLEAN",
            SqlTypeKind.TinyInt => "TINYINT",
            SqlTypeKind.SmallInt => "SMALLINT",
            SqlTypeKind.Int => "INT",
            SqlTypeKind.BigInt => "BIGINT",
            SqlTypeKind.Float => "FLOAT",
            SqlTypeKind.Double => "DOUBLE",
            SqlTypeKind.Decimal => $"DECIMAL({Precision}, {Scale})",
            SqlTypeKind.Char => $"CHAR({Precision})",
            SqlTypeKind.VarChar => Precision == MaxVarCharLength ? "STRING" : $"VARCHAR({Precision})",
            SqlTypeKind.Binary => $"BINARY({Precision})",
            SqlTypeKind.VarBinary => Precision == MaxVarCharLength ? "BYTES" : $"VARBINARY({Precision})",
            SqlTypeKind.Date => "DATE",
            SqlTypeKind.Time => $"TIME({Precision})",
            SqlTypeKind.Timestamp => $"TIMESTAMP({Precision})",
            SqlTypeKind.TimestampLtz => $"TIMESTAMP_LTZ({Precision})",
            // Flink's planner (FlinkTypeFactory.toLogicalType) makes every year-month interval INTERVAL MONTH and every
            // day-time one INTERVAL SECOND(3), whatever qualifier the SQL wrote.
            SqlTypeKind.IntervalYearMonth => "INTERVAL MONTH",
            SqlTypeKind.IntervalDayTime => "INTERVAL SECOND(3)",
            SqlTypeKind.Array => $"ARRAY<{Elements![0]}>",
            SqlTypeKind.Multiset => $"MULTISET<{Elements![0]}>",
            SqlTypeKind.Map => $"MAP<{Elements![0]}, {Elements![1]}>",
            SqlTypeKind.Row => "ROW<" + string.Join(", ", RowFields()) + ">",
            SqlTypeKind.Variant => "VARIANT",
            _ => Kind.ToString().ToUpperInvariant(),
        });
        if (!Nullable) sb.Append(" NOT NULL");
        if (IsRowtime) sb.Append(" *ROWTIME*");
        if (IsProctime) sb.Append(" *PROCTIME*");
        return sb.ToString();
    }

    private IEnumerable<string> RowFields()
    {
        for (int i = 0; i < Elements!.Count; i++)
            yield return $"`{FieldNames![i]}` {Elements[i]}";
    }

    public bool Equals(SqlType? other) =>
        other is not null && Kind == other.Kind && Nullable == other.Nullable && Precision == other.Precision && Scale == other.Scale
        && IsRowtime == other.IsRowtime && IsProctime == other.IsProctime
        && SequenceEqual(Elements, other.Elements) && SequenceEqual(FieldNames, other.FieldNames);

    public override int GetHashCode() => HashCode.Combine(Kind, Nullable, Precision, Scale, IsRowtime, IsProctime, Elements?.Count ?? -1);

    private static bool SequenceEqual<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null || a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
            if (!EqualityComparer<T>.Default.Equals(a[i], b[i])) return false;
        return true;
    }
}
