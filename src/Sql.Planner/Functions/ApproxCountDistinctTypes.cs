using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>The argument types of APPROX_COUNT_DISTINCT: those Flink's <c>AggFunctionFactory</c> has a hashing function for
/// (TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ, CHAR, VARCHAR).</summary>
public static class ApproxCountDistinctTypes
{
    public static bool Supports(SqlType type) => type.Kind is SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int
        or SqlTypeKind.BigInt or SqlTypeKind.Float or SqlTypeKind.Double or SqlTypeKind.Decimal or SqlTypeKind.Date or SqlTypeKind.Time
        or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz or SqlTypeKind.Char or SqlTypeKind.VarChar;
}
