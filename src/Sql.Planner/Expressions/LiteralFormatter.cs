using System.Globalization;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Expressions;

/// <summary>Prints literals the way EXPLAIN shows them.</summary>
public static class LiteralFormatter
{
    public static string Format(Literal literal)
    {
        object? v = literal.Value;
        if (v is null) return "null:" + literal.Type.Kind.ToString().ToUpperInvariant();
        return literal.Type.Kind switch
        {
            SqlTypeKind.Char or SqlTypeKind.VarChar => "'" + ((string)v).Replace("'", "''") + "'",
            SqlTypeKind.Boolean => (bool)v ? "true" : "false",
            SqlTypeKind.Double or SqlTypeKind.Float => ((double)v).ToString("R", CultureInfo.InvariantCulture),
            SqlTypeKind.Decimal => ((DecimalValue)v).ToString(),
            SqlTypeKind.Date => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz =>
                DateTime.UnixEpoch.AddTicks((long)v * 10).ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
            SqlTypeKind.IntervalDayTime => $"{(long)v}:INTERVAL MILLISECOND",
            SqlTypeKind.IntervalYearMonth => $"{(int)v}:INTERVAL MONTH",
            SqlTypeKind.VarBinary or SqlTypeKind.Binary => "X'" + Convert.ToHexString((byte[])v) + "'",
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        };
    }
}
