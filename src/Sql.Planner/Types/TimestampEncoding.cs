namespace StreamSql.Sql.Planner.Types;

/// <summary>
/// How a TIMESTAMP(p) or TIMESTAMP_LTZ(p) value is held: one 64-bit count since 1970-01-01 00:00:00 (a wall-clock
/// reading for TIMESTAMP, a UTC instant for TIMESTAMP_LTZ) in <b>microseconds for p ≤ 6</b> and <b>nanoseconds for
/// p 7–9</b>. Flink keeps every precision up to 9 (its <c>TimestampData</c> is milliseconds plus nanoseconds of the
/// millisecond); two units keep the common precisions (0–6) on the years 0001–9999 that <c>DATE</c> covers, at the price
/// of a narrower range for 7–9: a 64-bit nanosecond count spans 1677-09-21 00:12:43.145224192 to
/// 2262-04-11 23:47:16.854775807, and a value outside it is refused where it would be made (literal, CAST, file).
/// Arrow columns carry the same unit (Timestamp(µs) / Timestamp(ns)), literals the same number.
/// </summary>
public static class TimestampEncoding
{
    /// <summary>The largest precision held in microseconds.</summary>
    public const int MaxMicrosecondPrecision = 6;

    public const int MaxPrecision = 9;

    public const long MicrosPerSecond = 1_000_000;
    public const long MicrosPerDay = 86_400_000_000;
    public const long NanosPerMicro = 1000;

    /// <summary>The range of the nanosecond unit (TIMESTAMP(7) to TIMESTAMP(9)), as Flink writes timestamps.</summary>
    public const string NanosecondRange = "1677-09-21 00:12:43.145224192 to 2262-04-11 23:47:16.854775807";

    /// <summary>Whether TIMESTAMP(<paramref name="precision"/>) counts nanoseconds (p 7–9) rather than microseconds.</summary>
    public static bool IsNanos(int precision) => precision > MaxMicrosecondPrecision;

    /// <summary>Whether <paramref name="type"/> is a TIMESTAMP or TIMESTAMP_LTZ held in nanoseconds.</summary>
    public static bool IsNanos(SqlType type) => type.IsTimestamp && IsNanos(type.Precision);

    /// <summary>Units of TIMESTAMP(<paramref name="precision"/>) in one microsecond: 1, or 1000 for nanoseconds.</summary>
    public static long UnitsPerMicro(int precision) => IsNanos(precision) ? NanosPerMicro : 1;

    /// <summary>The value's whole microseconds (floored, so a pre-1970 value keeps its nanoseconds non-negative).</summary>
    public static long ToMicros(long value, int precision) => IsNanos(precision) ? FloorDiv(value, NanosPerMicro) : value;

    /// <summary>The nanoseconds past <see cref="ToMicros"/> (0–999; 0 for a microsecond precision).</summary>
    public static int NanosOfMicro(long value, int precision) => IsNanos(precision) ? (int)(value - FloorDiv(value, NanosPerMicro) * NanosPerMicro) : 0;

    /// <summary>Microseconds (plus nanoseconds of the microsecond) as a TIMESTAMP(<paramref name="precision"/>) value,
    /// truncated to the precision; false when it leaves the nanosecond range.</summary>
    public static bool TryFromMicros(long micros, int nanosOfMicro, int precision, out long value)
    {
        if (!IsNanos(precision)) { value = Truncate(micros, precision); return true; }
        try { value = checked(micros * NanosPerMicro + nanosOfMicro); }
        catch (OverflowException) { value = 0; return false; }
        value = Truncate(value, precision);
        return true;
    }

    /// <summary>A TIMESTAMP(<paramref name="from"/>) value as TIMESTAMP(<paramref name="to"/>): digits beyond
    /// <paramref name="to"/> dropped (toward the past, as <c>LocalDateTime.truncatedTo</c>); false when it leaves the
    /// nanosecond range.</summary>
    public static bool TryConvert(long value, int from, int to, out long result) =>
        TryFromMicros(ToMicros(value, from), NanosOfMicro(value, from), to, out result);

    /// <summary>Drops the fraction digits beyond <paramref name="precision"/> from a value in that precision's unit.</summary>
    public static long Truncate(long value, int precision)
    {
        int digits = (IsNanos(precision) ? MaxPrecision : MaxMicrosecondPrecision) - Math.Clamp(precision, 0, MaxPrecision);
        if (digits <= 0) return value;
        long unit = Pow10[digits];
        return FloorDiv(value, unit) * unit;
    }

    private static readonly long[] Pow10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    public static long FloorDiv(long a, long b)
    {
        long q = a / b;
        if (a % b != 0 && (a < 0) != (b < 0)) q--;
        return q;
    }
}
