using System.Globalization;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Common;

/// <summary>How timestamps are written: Flink's <c>SQL</c> (<c>2020-01-01 12:00:00.123</c>) or <c>ISO-8601</c> (<c>2020-01-01T12:00:00.123</c>).</summary>
internal enum TimestampStyle { Sql, Iso8601 }

/// <summary>
/// Cell values as text the way Flink's CSV and JSON formats write and read them: timestamps with a trimmed fraction
/// (<c>2020-01-01 12:00:00.123</c>, TIMESTAMP_LTZ with a trailing <c>Z</c>), dates <c>yyyy-MM-dd</c>, times <c>HH:mm:ss[.fff]</c>,
/// doubles as Java prints them, binary as base64.
/// </summary>
internal static class FlinkText
{
    private const long MicrosPerDay = 86_400_000_000L;

    public static string Format(IArrowArray array, int row, TimestampStyle style)
    {
        var column = new ColumnView(array);
        switch (column.Kind)
        {
            case ColumnKind.Boolean: return column.GetBoolean(row) ? "true" : "false";
            case ColumnKind.Int8 or ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Int64 or ColumnKind.DurationMillis:
                return column.GetInt64(row).ToString(CultureInfo.InvariantCulture);
            case ColumnKind.Float32: return JavaDouble(column.GetDouble(row), isFloat: true);
            case ColumnKind.Float64: return JavaDouble(column.GetDouble(row), isFloat: false);
            case ColumnKind.Decimal128: return JavaNumberFormat.DecimalPlain(column.GetUnscaled(row), ((Decimal128Type)array.Data.DataType).Scale);
            case ColumnKind.Utf8: return column.GetString(row);
            case ColumnKind.Binary: return Convert.ToBase64String(column.GetBytes(row));
            case ColumnKind.Date32: return FormatDate(column.GetInt64(row));
            case ColumnKind.Time32Millis: return FormatTime(column.GetInt64(row) * 1000);
            case ColumnKind.TimestampMicros or ColumnKind.TimestampNanos:
                return FormatTimestamp(column.GetInt64(row), column.Kind == ColumnKind.TimestampNanos, style,
                    utcZone: array.Data.DataType is TimestampType { Timezone: not null and not "" });
            default: throw new NotSupportedException($"values of type {array.Data.DataType.Name} cannot be written as text");
        }
    }

    public static string FormatDate(long days) => DateOnly.FromDayNumber((int)(days + DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber))
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FormatTime(long microsOfDay) => FormatTime(microsOfDay, 0);

    private static string FormatTime(long microsOfDay, int nanosOfMicro)
    {
        var sb = new StringBuilder(18);
        long seconds = microsOfDay / 1_000_000;
        sb.Append((seconds / 3600).ToString("00", CultureInfo.InvariantCulture)).Append(':')
          .Append((seconds / 60 % 60).ToString("00", CultureInfo.InvariantCulture)).Append(':')
          .Append((seconds % 60).ToString("00", CultureInfo.InvariantCulture));
        AppendFraction(sb, microsOfDay % 1_000_000 * 1000 + nanosOfMicro);
        return sb.ToString();
    }

    /// <summary>A timestamp column's value (microseconds, or nanoseconds when <paramref name="nanos"/>: TIMESTAMP(7..9)) as text.</summary>
    public static string FormatTimestamp(long value, bool nanos, TimestampStyle style, bool utcZone)
    {
        Span<byte> text = stackalloc byte[MaxTimestampUtf8Length];
        return Encoding.ASCII.GetString(text[..FormatTimestamp(value, nanos, style, utcZone, text)]);
    }

    /// <summary>The longest timestamp text: <c>yyyy-MM-dd HH:mm:ss.fffffffffZ</c>.</summary>
    public const int MaxTimestampUtf8Length = 30;

    /// <summary><see cref="FormatTimestamp(long, bool, TimestampStyle, bool)"/> as ASCII into <paramref name="text"/> (at
    /// least <see cref="MaxTimestampUtf8Length"/> bytes); returns the length.</summary>
    public static int FormatTimestamp(long value, bool nanos, TimestampStyle style, bool utcZone, Span<byte> text)
    {
        long second = SecondOf(value, nanos, out long nanosOfSecond);
        FormatSecond(second, style, text);
        int length = SecondLength + FormatFraction(nanosOfSecond, text[SecondLength..]);
        if (utcZone) text[length++] = (byte)'Z';
        return length;
    }

    /// <summary>The length of <see cref="FormatSecond"/>'s text: <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public const int SecondLength = 19;

    /// <summary>The epoch second a timestamp column's value falls in (floor), and the nanoseconds past it.</summary>
    public static long SecondOf(long value, bool nanos, out long nanosOfSecond)
    {
        int precision = nanos ? TimestampEncoding.MaxPrecision : TimestampEncoding.MaxMicrosecondPrecision;
        long micros = TimestampEncoding.ToMicros(value, precision);
        long second = TimestampEncoding.FloorDiv(micros, TimestampEncoding.MicrosPerSecond);
        nanosOfSecond = (micros - second * TimestampEncoding.MicrosPerSecond) * 1000 + TimestampEncoding.NanosOfMicro(value, precision);
        return second;
    }

    /// <summary>An epoch second as <c>yyyy-MM-dd HH:mm:ss</c> (<c>T</c> between for ISO-8601) into the first
    /// <see cref="SecondLength"/> bytes of <paramref name="text"/>; the date as <see cref="FormatDate"/> writes it
    /// (DateOnly's range: years 1..9999, four digits).</summary>
    public static void FormatSecond(long second, TimestampStyle style, Span<byte> text)
    {
        long days = TimestampEncoding.FloorDiv(second, 86_400);
        int secondOfDay = (int)(second - days * 86_400);
        var date = DateOnly.FromDayNumber((int)(days + DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber));
        Digits(text, 0, date.Year, 4);
        text[4] = (byte)'-';
        Digits(text, 5, date.Month, 2);
        text[7] = (byte)'-';
        Digits(text, 8, date.Day, 2);
        text[10] = style == TimestampStyle.Sql ? (byte)' ' : (byte)'T';
        Digits(text, 11, secondOfDay / 3600, 2);
        text[13] = (byte)':';
        Digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = (byte)':';
        Digits(text, 17, secondOfDay % 60, 2);
    }

    /// <summary>A fraction of a second as <c>.</c> and its digits without trailing zeros (nothing for zero), as
    /// <see cref="AppendFraction"/> writes it; returns the length (at most 10).</summary>
    public static int FormatFraction(long nanosOfSecond, Span<byte> text)
    {
        if (nanosOfSecond == 0) return 0;
        text[0] = (byte)'.';
        int digits = 9;
        while (nanosOfSecond % 10 == 0) { nanosOfSecond /= 10; digits--; }
        Digits(text, 1, (int)nanosOfSecond, digits);
        return digits + 1;
    }

    /// <summary>Writes <paramref name="value"/> (non-negative, below 10^<paramref name="width"/>) as exactly
    /// <paramref name="width"/> decimal digits, zero-padded.</summary>
    private static void Digits(Span<byte> text, int at, int value, int width)
    {
        for (int i = at + width - 1; i >= at; i--)
        {
            text[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    private static bool IsNanos(TimestampType type) => type.Unit == TimeUnit.Nanosecond;

    /// <summary>Fraction digits without trailing zeros (Flink's appendFraction(NANO_OF_SECOND, 0, 9)).</summary>
    private static void AppendFraction(StringBuilder sb, long nanosOfSecond)
    {
        if (nanosOfSecond == 0) return;
        var digits = nanosOfSecond.ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0');
        sb.Append('.').Append(digits);
    }

    /// <summary>Java's Double.toString / Float.toString: <c>1.0</c>, <c>0.001</c>, <c>1.0E7</c>, <c>1.5E-4</c>.</summary>
    public static string JavaDouble(double value, bool isFloat)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (value == 0) return 1 / value < 0 ? "-0.0" : "0.0";
        string r = isFloat ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
        double abs = Math.Abs(value);
        if (abs >= 1e-3 && abs < 1e7)
        {
            if (r.Contains('E')) r = decimal.Parse(r, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            return r.Contains('.') ? r : r + ".0";
        }
        // Scientific: d.dddE[-]n
        string mantissa, exponent;
        int e = r.IndexOfAny(new[] { 'E', 'e' });
        if (e < 0)
        {
            int exp = (int)Math.Floor(Math.Log10(abs));
            var m = value / Math.Pow(10, exp);
            mantissa = (isFloat ? ((float)m).ToString("R", CultureInfo.InvariantCulture) : m.ToString("R", CultureInfo.InvariantCulture));
            exponent = exp.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            mantissa = r[..e];
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }
        if (!mantissa.Contains('.')) mantissa += ".0";
        return mantissa + "E" + exponent;
    }

    /// <summary>Parses <paramref name="text"/> for a column of <paramref name="type"/> and appends it; returns an error message or null.</summary>
    public static string? TryAppend(ColumnBuilder column, IArrowType type, ReadOnlySpan<char> text)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (type)
        {
            case BooleanType:
                // Java's Boolean.parseBoolean, as Flink's csv and json formats and partition values read it: any text but
                // 'true' (in any case) is FALSE, never an error.
                column.AppendBoolean(text.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
                return null;
            case Int8Type or Int16Type or Int32Type or Int64Type or DurationType:
            {
                if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, inv, out var v)) return $"'{text}' is not an integer";
                var (min, max) = type switch
                {
                    Int8Type => (sbyte.MinValue, sbyte.MaxValue),
                    Int16Type => (short.MinValue, short.MaxValue),
                    Int32Type => (int.MinValue, (long)int.MaxValue),
                    _ => (long.MinValue, long.MaxValue),
                };
                if (v < min || v > max) return $"{text} is out of range for {type.Name}";
                column.AppendInt64(v);
                return null;
            }
            case FloatType or DoubleType:
            {
                // Java's Double.parseDouble / Float.parseFloat, as Flink's formats read numbers: a sign on NaN and Infinity,
                // and a type suffix (1.5d, 2f), are allowed.
                var t = text.Trim();
                if (t.Length > 1 && t[^1] is 'd' or 'D' or 'f' or 'F' && (char.IsAsciiDigit(t[^2]) || t[^2] == '.')) t = t[..^1];
                if (t.Length > 0 && t[0] == '+' && (t[1..].SequenceEqual("NaN") || t[1..].SequenceEqual("Infinity"))) t = t[1..];
                double v;
                if (t.SequenceEqual("NaN") || t.SequenceEqual("-NaN")) v = double.NaN;
                else if (t.SequenceEqual("Infinity")) v = double.PositiveInfinity;
                else if (t.SequenceEqual("-Infinity")) v = double.NegativeInfinity;
                else if (!double.TryParse(t, NumberStyles.Float, inv, out v)) return $"'{text}' is not a number";
                column.AppendDouble(v);
                return null;
            }
            case Decimal128Type d:
                switch (DecimalValue.TryParse(text, d.Precision, d.Scale, out var value))
                {
                    case DecimalParseStatus.Ok: column.AppendUnscaled(value.Unscaled); return null;
                    // Flink's formats read the BigDecimal and keep DecimalData.fromBigDecimal's null when it does not fit.
                    case DecimalParseStatus.Overflow: column.AppendNull(); return null;
                    default: return $"'{text}' is not a DECIMAL";
                }
            case StringType:
                column.AppendString(text);
                return null;
            case BinaryType:
            {
                var bytes = new byte[text.Length * 3 / 4 + 3];
                if (!Convert.TryFromBase64Chars(text, bytes, out int n)) return $"'{text}' is not base64";
                column.AppendUtf8(bytes.AsSpan(0, n));
                return null;
            }
            case Date32Type:
                if (!TryParseDate(text.Trim(), out var days)) return $"'{text}' is not a DATE (yyyy-MM-dd)";
                column.AppendInt64(days);
                return null;
            case Time32Type:
                if (!TryParseTime(text.Trim(), out var timeMicros)) return $"'{text}' is not a TIME (HH:mm:ss)";
                column.AppendInt64(timeMicros / 1000);
                return null;
            case TimestampType ts:
                if (!TryParseTimestamp(text.Trim(), out var micros, out int nanosOfMicro)) return $"'{text}' is not a TIMESTAMP (yyyy-MM-dd HH:mm:ss[.fff])";
                return TryAppendTimestamp(column, ts, micros, nanosOfMicro, text);
            default:
                return $"values of type {type.Name} cannot be read from text";
        }
    }

    /// <summary>Appends a timestamp read from <paramref name="text"/> in the column's unit; returns an error message or null.</summary>
    public static string? TryAppendTimestamp(ColumnBuilder column, TimestampType type, long micros, int nanosOfMicro, ReadOnlySpan<char> text)
    {
        if (!IsNanos(type)) { column.AppendInt64(micros); return null; }
        if (!TimestampEncoding.TryFromMicros(micros, nanosOfMicro, TimestampEncoding.MaxPrecision, out long nanos))
            return $"'{text}' is out of range: TIMESTAMP(7) to TIMESTAMP(9) hold {TimestampEncoding.NanosecondRange}";
        column.AppendInt64(nanos);
        return null;
    }

    public static bool TryParseDate(ReadOnlySpan<char> text, out long days)
    {
        days = 0;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
        days = date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        return true;
    }

    /// <summary>
    /// A DATE as <c>java.sql.Date.valueOf</c> reads it (Flink's csv format): <c>yyyy-[m]m-[d]d</c>, a four-digit year, a month
    /// of 1..12 and a day of 1..31 of one or two digits, nothing around them; a day past the month's end rolls into the next
    /// month (<c>2023-02-30</c> is 2023-03-02), as the lenient <c>java.util.Date</c> constructor behind it does.
    /// </summary>
    public static bool TryParseJavaSqlDate(ReadOnlySpan<char> text, out long days)
    {
        days = 0;
        int firstDash = text.IndexOf('-');
        if (firstDash != 4) return false;
        int secondDash = text[5..].IndexOf('-');
        if (secondDash < 0) return false;
        secondDash += 5;
        int monthLength = secondDash - firstDash - 1, dayLength = text.Length - secondDash - 1;
        if (monthLength is < 1 or > 2 || dayLength is < 1 or > 2) return false;
        if (!Digits(text[..4], out int year) || !Digits(text.Slice(5, monthLength), out int month)
            || !Digits(text[(secondDash + 1)..], out int day)) return false;
        if (month is < 1 or > 12 || day is < 1 or > 31 || year < 1) return false;
        days = new DateOnly(year, month, 1).DayNumber + day - 1 - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        return true;
    }

    /// <summary>
    /// A TIMESTAMP as <c>java.sql.Timestamp.valueOf</c> reads it (Flink's csv format): trimmed, <c>yyyy-[m]m-[d]d h:m:s[.f{1,9}]</c>
    /// with a space between date and time and any number of digits in the clock fields, which roll over as the lenient
    /// <c>java.util.Date</c> fields do (<c>2024-1-5 9:5:7</c> is 2024-01-05 09:05:07; <c>24:00:00</c> is the next midnight).
    /// </summary>
    public static bool TryParseJavaSqlTimestamp(ReadOnlySpan<char> text, out long micros, out int nanosOfMicro)
    {
        micros = 0;
        nanosOfMicro = 0;
        text = text.Trim();
        int space = text.IndexOf(' ');
        if (space <= 0 || !TryParseJavaSqlDate(text[..space], out long days)) return false;
        var clock = text[(space + 1)..];
        int firstColon = clock.IndexOf(':');
        int secondColon = firstColon < 0 ? -1 : clock[(firstColon + 1)..].IndexOf(':');
        if (firstColon <= 0 || secondColon <= 0) return false;
        secondColon += firstColon + 1;
        var secondsText = clock[(secondColon + 1)..];
        int period = secondsText.IndexOf('.');
        var fraction = period < 0 ? ReadOnlySpan<char>.Empty : secondsText[(period + 1)..];
        if (period >= 0) secondsText = secondsText[..period];
        if (period >= 0 && fraction.Length is 0 or > 9) return false;
        if (clock[..firstColon].Length > 9 || clock[(firstColon + 1)..secondColon].Length > 9 || secondsText.Length is 0 or > 9
            || !Digits(clock[..firstColon], out int hour) || !Digits(clock[(firstColon + 1)..secondColon], out int minute)
            || !Digits(secondsText, out int second) || !Digits(fraction, out int digits)) return false;
        long nanos = digits;
        for (int i = fraction.Length; i < 9; i++) nanos *= 10;
        long seconds = hour * 3600L + minute * 60L + second;
        micros = days * MicrosPerDay + seconds * 1_000_000 + nanos / 1000;
        nanosOfMicro = (int)(nanos % 1000);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>HH:mm[:ss[.f{1,9}]] into microseconds of the day (digits beyond µs dropped).</summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, out long micros)
    {
        bool ok = TryParseClock(text, out long nanos);
        micros = nanos / 1000;
        return ok;
    }

    /// <summary>HH:mm[:ss[.f{1,9}]] into nanoseconds of the day.</summary>
    private static bool TryParseClock(ReadOnlySpan<char> text, out long nanos)
    {
        nanos = 0;
        if (text.Length < 5 || text[2] != ':') return false;
        if (!TwoDigits(text, 0, out var h) || !TwoDigits(text, 3, out var m) || h > 23 || m > 59) return false;
        long s = 0, fraction = 0;
        if (text.Length > 5)
        {
            if (text.Length < 8 || text[5] != ':' || !TwoDigits(text, 6, out var sec) || sec > 59) return false;
            s = sec;
            if (text.Length > 8)
            {
                if (text[8] != '.' || text.Length == 9 || text.Length > 18) return false;
                var f = text[9..];
                long scale = 100_000_000;
                foreach (var c in f)
                {
                    if (c is < '0' or > '9') return false;
                    fraction += (c - '0') * scale;
                    scale /= 10;
                }
            }
        }
        nanos = ((h * 60L + m) * 60 + s) * 1_000_000_000 + fraction;
        return true;
    }

    /// <summary><c>yyyy-MM-dd[ |T]HH:mm[:ss[.fraction]][Z]</c>, or a bare date (midnight), into microseconds since the epoch.</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<char> text, out long micros) => TryParseTimestamp(text, out micros, out _);

    /// <summary><c>yyyy-MM-dd[ |T]HH:mm[:ss[.fraction]][Z]</c>, or a bare date (midnight), into microseconds since the
    /// epoch and the nanoseconds past them.</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<char> text, out long micros, out int nanosOfMicro)
    {
        micros = 0;
        nanosOfMicro = 0;
        if (text.Length > 0 && (text[^1] == 'Z' || text[^1] == 'z')) text = text[..^1];
        if (text.Length < 10 || !TryParseDate(text[..10], out var days)) return false;
        long time = 0;
        if (text.Length > 10)
        {
            if (text[10] != ' ' && text[10] != 'T') return false;
            if (!TryParseClock(text[11..], out time)) return false;
        }
        micros = days * MicrosPerDay + time / 1000;
        nanosOfMicro = (int)(time % 1000);
        return true;
    }

    private static bool TwoDigits(ReadOnlySpan<char> text, int at, out int value)
    {
        value = 0;
        if (at + 1 >= text.Length || !char.IsAsciiDigit(text[at]) || !char.IsAsciiDigit(text[at + 1])) return false;
        value = (text[at] - '0') * 10 + text[at + 1] - '0';
        return true;
    }
}
