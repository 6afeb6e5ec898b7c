using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions.UserDefined;

/// <summary>
/// The SQL type of a .NET parameter or return type of a user-defined function, as Flink's reflective extraction maps Java
/// classes (<c>long</c> → BIGINT, <c>String</c> → STRING, <c>BigDecimal</c> → DECIMAL(38, 18)).
/// </summary>
public static class ClrTypeMapping
{
    /// <summary>The types a parameter or result may have, for error messages.</summary>
    public const string SupportedTypes = "bool, sbyte, short, int, long, float, double, decimal, string, byte[] (and nullable value types)";

    /// <summary>The SQL type of <paramref name="clrType"/> (nullable for reference types and <see cref="Nullable{T}"/>), or null
    /// when the type has no mapping.</summary>
    public static SqlType? ToSql(Type clrType)
    {
        var underlying = Nullable.GetUnderlyingType(clrType);
        bool nullable = underlying is not null || !clrType.IsValueType;
        var type = underlying ?? clrType;
        SqlType? sql =
            type == typeof(bool) ? SqlType.Boolean
            : type == typeof(sbyte) ? SqlType.TinyInt
            : type == typeof(short) ? SqlType.SmallInt
            : type == typeof(int) ? SqlType.Int
            : type == typeof(long) ? SqlType.BigInt
            : type == typeof(float) ? SqlType.Float
            : type == typeof(double) ? SqlType.Double
            : type == typeof(decimal) ? SqlType.Decimal(SqlType.MaxDecimalPrecision, DecimalScale)
            : type == typeof(string) ? SqlType.String
            : type == typeof(byte[]) ? SqlType.Bytes
            : null;
        return sql?.WithNullable(nullable);
    }

    /// <summary>The scale of DECIMAL values passed as <see cref="decimal"/> (Flink's default for <c>BigDecimal</c>).</summary>
    public const int DecimalScale = 18;
}
