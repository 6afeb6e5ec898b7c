using System.Globalization;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>Flink's parsing of text into values (<c>BinaryStringDataUtil</c>, <c>DateTimeUtils</c>): surrounding
/// whitespace is ignored; integers may carry a fraction that is dropped (<c>'1.5'</c> → 1) but must fit the type.</summary>
internal static class TextParsing
{
    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "t" or "true" or "y" or "yes" or "1": value = true; return true;
            case "f" or "false" or "n" or "no" or "0": value = false; return true;
            default: value = false; return false;
        }
    }

    public static bool TryParseInteger(string text, SqlTypeKind kind, out long value)
    {
        value = 0;
        var s = text.AsSpan().Trim();
        if (s.Length == 0) return false;
        int i = 0;
        bool negative = false;
        if (s[0] is '+' or '-') { negative = s[0] == '-'; i++; }
        if (i >= s.Length) return false;
        long limit = kind switch { SqlTypeKind.TinyInt => sbyte.MaxValue, SqlTypeKind.SmallInt => short.MaxValue, SqlTypeKind.Int => int.MaxValue, _ => long.MaxValue };
        ulong max = negative ? (ulong)limit + 1 : (ulong)limit;
        ulong acc = 0;
        int digits = 0;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '.') break;
            if (c is < '0' or > '9') return false;
            acc = acc * 10 + (ulong)(c - '0');
            if (acc > max) return false;
            digits++;
        }
        if (i < s.Length)
        {
            // A fraction: digits only, dropped.
            for (i++; i < s.Length; i++) if (s[i] is < '0' or > '9') return false;
        }
        if (digits == 0) return false;
        value = negative ? (long)(0 - acc) : (long)acc;
        return true;
    }

    public static bool TryParseDouble(string text, out double value)
    {
        var s = text.Trim();
        if (s.Length > 0 && (s[^1] is 'd' or 'D' or 'f' or 'F')) s = s[..^1];
        switch (s)
        {
            case "NaN": value = double.NaN; return true;
            case "Infinity" or "+Infinity": value = double.PositiveInfinity; return true;
            case "-Infinity": value = double.NegativeInfinity; return true;
        }
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !s.Contains("∞");
    }

    /// <summary><c>yyyy-MM-dd</c> (also single-digit month/day, and a time part that is ignored).</summary>
    public static bool TryParseDate(string text, out int days)
    {
        days = 0;
        var s = text.AsSpan().Trim();
        int pos = 0;
        if (!TryDate(s, ref pos, out var date)) return false;
        if (pos < s.Length && s[pos] is not (' ' or 'T')) return false;
        days = date.DayNumber - 719_162;
        return true;
    }

    /// <summary><c>HH:mm[:ss[.fffffffff]]</c>, as microseconds of the day (digits beyond µs dropped).</summary>
    public static bool TryParseTime(string text, out long micros)
    {
        var s = text.AsSpan().Trim();
        int pos = 0;
        bool ok = TryTime(s, ref pos, out long nanos) && pos == s.Length;
        micros = nanos / 1000;
        return ok;
    }

    /// <summary><c>yyyy-MM-dd[( |T)HH:mm[:ss[.fffffffff]]]</c> as microseconds since the epoch (no zone), digits beyond µs dropped.</summary>
    public static bool TryParseTimestamp(string text, out long micros) => TryParseTimestamp(text, out micros, out _);

    /// <summary><c>yyyy-MM-dd[( |T)HH:mm[:ss[.fffffffff]]]</c> as microseconds since the epoch (no zone) and the
    /// nanoseconds past them.</summary>
    public static bool TryParseTimestamp(string text, out long micros, out int nanosOfMicro)
    {
        micros = 0;
        nanosOfMicro = 0;
        var s = text.AsSpan().Trim();
        int pos = 0;
        if (!TryDate(s, ref pos, out var date)) return false;
        long dayMicros = (date.DayNumber - 719_162L) * TemporalText.MicrosPerDay;
        if (pos == s.Length) { micros = dayMicros; return true; }
        if (s[pos] is not (' ' or 'T')) return false;
        pos++;
        if (!TryTime(s, ref pos, out long nanosOfDay)) return false;
        if (pos != s.Length) return false;
        micros = dayMicros + nanosOfDay / 1000;
        nanosOfMicro = (int)(nanosOfDay % 1000);
        return true;
    }

    private static bool TryDate(ReadOnlySpan<char> s, ref int pos, out DateOnly date)
    {
        date = default;
        if (!TryNumber(s, ref pos, 1, 4, out int year) || !Expect(s, ref pos, '-')) return false;
        if (!TryNumber(s, ref pos, 1, 2, out int month) || !Expect(s, ref pos, '-')) return false;
        if (!TryNumber(s, ref pos, 1, 2, out int day)) return false;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || year < 1) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryTime(ReadOnlySpan<char> s, ref int pos, out long nanos)
    {
        nanos = 0;
        if (!TryNumber(s, ref pos, 1, 2, out int hour) || !Expect(s, ref pos, ':')) return false;
        if (!TryNumber(s, ref pos, 1, 2, out int minute)) return false;
        int second = 0;
        long fraction = 0;
        if (pos < s.Length && s[pos] == ':')
        {
            pos++;
            if (!TryNumber(s, ref pos, 1, 2, out second)) return false;
            if (pos < s.Length && s[pos] == '.')
            {
                pos++;
                int digits = 0;
                while (pos < s.Length && char.IsAsciiDigit(s[pos]))
                {
                    if (digits < 9) fraction = fraction * 10 + (s[pos] - '0');
                    digits++;
                    pos++;
                }
                if (digits == 0 || digits > 9) return false;
                for (int d = digits; d < 9; d++) fraction *= 10;
            }
        }
        if (hour > 23 || minute > 59 || second > 59) return false;
        nanos = ((hour * 60L + minute) * 60 + second) * 1_000_000_000 + fraction;
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> s, ref int pos, int minDigits, int maxDigits, out int value)
    {
        value = 0;
        int start = pos;
        while (pos < s.Length && pos - start < maxDigits && char.IsAsciiDigit(s[pos]))
        {
            value = value * 10 + (s[pos] - '0');
            pos++;
        }
        return pos - start >= minDigits;
    }

    private static bool Expect(ReadOnlySpan<char> s, ref int pos, char c)
    {
        if (pos >= s.Length || s[pos] != c) return false;
        pos++;
        return true;
    }
}
