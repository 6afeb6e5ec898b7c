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
            SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz => Timestamp((long)v, literal.Type.Precision),
            SqlTypeKind.IntervalDayTime => $"{(long)v}:INTERVAL MILLISECOND",
            SqlTypeKind.IntervalYearMonth => $"{(int)v}:INTERVAL MONTH",
            SqlTypeKind.VarBinary or SqlTypeKind.Binary => "X'" + Convert.ToHexString((byte[])v) + "'",
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        };
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> plus the fraction without trailing zeros (up to nanoseconds).</summary>
    private static string Timestamp(long value, int precision)
    {
        long micros = TimestampEncoding.ToMicros(value, precision);
        long seconds = TimestampEncoding.FloorDiv(micros, TimestampEncoding.MicrosPerSecond);
        long nanosOfSecond = (micros - seconds * TimestampEncoding.MicrosPerSecond) * 1000 + TimestampEncoding.NanosOfMicro(value, precision);
        var text = DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return nanosOfSecond == 0 ? text : text + "." + nanosOfSecond.ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0');
    }
}
