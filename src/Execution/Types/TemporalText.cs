using System.Text;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Types;

/// <summary>
/// Flink's text forms of dates, times, timestamps and intervals (its <c>DateTimeUtils</c>), over our representations:
/// DATE days since epoch, TIME milliseconds of day, TIMESTAMP(p) microseconds (p ≤ 6) or nanoseconds (p 7–9) since the
/// epoch (<see cref="TimestampEncoding"/>), intervals ms / months.
/// </summary>
public static class TemporalText
{
    public const long MicrosPerSecond = 1_000_000;
    public const long MicrosPerDay = 86_400_000_000;
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    /// <summary>A UTC instant in microseconds as the wall-clock microseconds of <paramref name="zone"/>.</summary>
    public static long ToLocalMicros(long utcMicros, TimeZoneInfo zone)
    {
        if (ReferenceEquals(zone, TimeZoneInfo.Utc)) return utcMicros;
        var utc = new DateTime(UnixEpochTicks + utcMicros * 10, DateTimeKind.Utc);
        return utcMicros + (long)zone.GetUtcOffset(utc).TotalMicroseconds;
    }

    /// <summary>Wall-clock microseconds in <paramref name="zone"/> as the UTC instant (a gap or overlap takes the standard offset).</summary>
    public static long ToUtcMicros(long localMicros, TimeZoneInfo zone)
    {
        if (ReferenceEquals(zone, TimeZoneInfo.Utc)) return localMicros;
        var local = new DateTime(UnixEpochTicks + localMicros * 10, DateTimeKind.Unspecified);
        var offset = zone.IsInvalidTime(local) ? zone.BaseUtcOffset : zone.GetUtcOffset(local);
        return localMicros - (long)offset.TotalMicroseconds;
    }

    /// <summary>Wall-clock microseconds in <paramref name="zone"/> as the UTC instant by Java's <c>LocalDateTime.atZone</c>
    /// (Flink's CAST to TIMESTAMP_LTZ): a wall time that repeats takes its earlier instant, one in a gap moves later by it.</summary>
    public static long ToUtcMicrosAtZone(long localMicros, TimeZoneInfo zone)
    {
        if (ReferenceEquals(zone, TimeZoneInfo.Utc)) return localMicros;
        var local = new DateTime(UnixEpochTicks + localMicros * 10, DateTimeKind.Unspecified);
        if (!zone.IsAmbiguousTime(local)) return ToUtcMicros(localMicros, zone);
        var offsets = zone.GetAmbiguousTimeOffsets(local);
        var earliest = offsets[0];
        foreach (var o in offsets)
            if (o > earliest) earliest = o;
        return localMicros - (long)earliest.TotalMicroseconds;
    }

    /// <summary><see cref="ToUtcMicrosAtZone"/> in TIMESTAMP(<paramref name="precision"/>)'s unit.</summary>
    public static long ToUtcAtZone(long localValue, int precision, TimeZoneInfo zone)
    {
        if (ReferenceEquals(zone, TimeZoneInfo.Utc)) return localValue;
        long micros = TimestampEncoding.ToMicros(localValue, precision);
        return localValue + (ToUtcMicrosAtZone(micros, zone) - micros) * TimestampEncoding.UnitsPerMicro(precision);
    }

    /// <summary>A UTC instant of TIMESTAMP_LTZ(<paramref name="precision"/>) as the wall-clock reading of
    /// <paramref name="zone"/>, in the same unit.</summary>
    public static long ToLocal(long utcValue, int precision, TimeZoneInfo zone)
    {
        if (ReferenceEquals(zone, TimeZoneInfo.Utc)) return utcValue;
        long micros = TimestampEncoding.ToMicros(utcValue, precision);
        return utcValue + (ToLocalMicros(micros, zone) - micros) * TimestampEncoding.UnitsPerMicro(precision);
    }

    /// <summary>A wall-clock reading of <paramref name="zone"/> in TIMESTAMP(<paramref name="precision"/>)'s unit as the UTC instant.</summary>
    public static long ToUtc(long localValue, int precision, TimeZoneInfo zone)
    {
        if (ReferenceEquals(zone, TimeZoneInfo.Utc)) return localValue;
        long micros = TimestampEncoding.ToMicros(localValue, precision);
        return localValue + (ToUtcMicros(micros, zone) - micros) * TimestampEncoding.UnitsPerMicro(precision);
    }

    public static void AppendDate(StringBuilder sb, int days)
    {
        var date = DateOnly.FromDayNumber(719_162 + days); // 719162 = day number of 1970-01-01
        Append4(sb, date.Year).Append('-');
        Append2(sb, date.Month).Append('-');
        Append2(sb, date.Day);
    }

    /// <summary><c>HH:mm:ss[.fff]</c> with exactly <paramref name="precision"/> fractional digits (zeros beyond µs).</summary>
    public static void AppendTime(StringBuilder sb, long microsOfDay, int precision) => AppendClock(sb, microsOfDay, 0, precision);

    /// <summary><c>yyyy-MM-dd HH:mm:ss[.f...]</c> with exactly <paramref name="precision"/> fractional digits, of a
    /// TIMESTAMP(<paramref name="precision"/>) value in its unit (µs, or ns for p 7–9).</summary>
    public static void AppendTimestamp(StringBuilder sb, long value, int precision)
    {
        long micros = TimestampEncoding.ToMicros(value, precision);
        long days = FloorDiv(micros, MicrosPerDay);
        AppendDate(sb, (int)days);
        sb.Append(' ');
        AppendClock(sb, micros - days * MicrosPerDay, TimestampEncoding.NanosOfMicro(value, precision), precision);
    }

    public static string FormatDate(int days) { var sb = new StringBuilder(10); AppendDate(sb, days); return sb.ToString(); }
    public static string FormatTime(int millisOfDay, int precision) { var sb = new StringBuilder(12); AppendTime(sb, millisOfDay * 1000L, Math.Min(precision, 3)); return sb.ToString(); }

    /// <summary><see cref="AppendTimestamp"/> as a string.</summary>
    public static string FormatTimestamp(long value, int precision) { var sb = new StringBuilder(29); AppendTimestamp(sb, value, precision); return sb.ToString(); }

    private static void AppendClock(StringBuilder sb, long microsOfDay, int nanosOfMicro, int precision)
    {
        long seconds = microsOfDay / MicrosPerSecond;
        Append2(sb, (int)(seconds / 3600)).Append(':');
        Append2(sb, (int)(seconds / 60 % 60)).Append(':');
        Append2(sb, (int)(seconds % 60));
        if (precision <= 0) return;
        sb.Append('.');
        long nanos = microsOfDay % MicrosPerSecond * 1000 + nanosOfMicro;
        Span<char> nine = stackalloc char[9];
        for (int i = 8; i >= 0; i--) { nine[i] = (char)('0' + nanos % 10); nanos /= 10; }
        sb.Append(nine[..Math.Min(precision, 9)]);
    }

    /// <summary>INTERVAL DAY TO SECOND as Flink prints it: <c>+1 02:03:04.000</c>.</summary>
    public static void AppendIntervalDayTime(StringBuilder sb, long millis)
    {
        sb.Append(millis < 0 ? '-' : '+');
        ulong v = millis < 0 ? (ulong)(-(millis + 1)) + 1 : (ulong)millis;
        ulong ms = v % 1000; v /= 1000;
        ulong s = v % 60; v /= 60;
        ulong m = v % 60; v /= 60;
        ulong h = v % 24; v /= 24;
        sb.Append(v).Append(' ');
        Append2(sb, (int)h).Append(':');
        Append2(sb, (int)m).Append(':');
        Append2(sb, (int)s).Append('.');
        sb.Append((char)('0' + (int)(ms / 100))).Append((char)('0' + (int)(ms / 10 % 10))).Append((char)('0' + (int)(ms % 10)));
    }

    /// <summary>INTERVAL YEAR TO MONTH as Flink prints it: <c>+1-02</c>.</summary>
    public static void AppendIntervalYearMonth(StringBuilder sb, int months)
    {
        sb.Append(months < 0 ? '-' : '+');
        long v = Math.Abs((long)months);
        sb.Append(v / 12).Append('-');
        Append2(sb, (int)(v % 12));
    }

    public static long FloorDiv(long a, long b)
    {
        long q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        return q;
    }

    private static StringBuilder Append2(StringBuilder sb, int v) => sb.Append((char)('0' + v / 10 % 10)).Append((char)('0' + v % 10));

    private static StringBuilder Append4(StringBuilder sb, int v)
    {
        if (v > 9999) return sb.Append('+').Append(v);
        return sb.Append((char)('0' + v / 1000)).Append((char)('0' + v / 100 % 10)).Append((char)('0' + v / 10 % 10)).Append((char)('0' + v % 10));
    }
}
