using System.Globalization;
using System.Text;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Orders two text forms of a key column as PostgreSQL orders the values (<see cref="PostgresKeyOrder"/>). The server's
/// <c>DateStyle</c> is ISO on the connections that read them, so a date is <c>2026-12-03</c> (<c>0044-03-15 BC</c>,
/// five-digit years after 9999) and a timestamp adds <c> 10:00:00.5</c> and, for timestamptz, an offset (<c>+00</c>).
/// </summary>
internal static class PostgresKeyComparer
{
    /// <exception cref="FormatException">A text is not a value of the column's type.</exception>
    public static int Compare(PostgresKeyOrder order, string a, string b) => order switch
    {
        PostgresKeyOrder.Integer => long.Parse(a, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            .CompareTo(long.Parse(b, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
        PostgresKeyOrder.Numeric => CompareNumeric(a, b),
        PostgresKeyOrder.Temporal => Instant(a).CompareTo(Instant(b)),
        PostgresKeyOrder.Collated => Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b)),
        _ => string.CompareOrdinal(a, b),
    };

    private static int CompareNumeric(string a, string b)
    {
        int ra = NumericRank(a), rb = NumericRank(b);
        if (ra != rb || ra != 1) return ra.CompareTo(rb);
        var (na, ia, fa) = Split(a);
        var (nb, ib, fb) = Split(b);
        bool za = IsZero(ia, fa), zb = IsZero(ib, fb);
        int sa = za ? 0 : na ? -1 : 1, sb = zb ? 0 : nb ? -1 : 1;
        if (sa != sb) return sa.CompareTo(sb);
        if (sa == 0) return 0;
        int magnitude = ia.Length != ib.Length ? ia.Length.CompareTo(ib.Length) : ia.Span.SequenceCompareTo(ib.Span);
        if (magnitude == 0)
        {
            // Fractions compare digit by digit, the shorter padded with zeros.
            int n = Math.Max(fa.Length, fb.Length);
            for (int i = 0; i < n && magnitude == 0; i++)
                magnitude = (i < fa.Length ? fa.Span[i] : '0').CompareTo(i < fb.Length ? fb.Span[i] : '0');
        }
        return sa * Math.Sign(magnitude);
    }

    private static int NumericRank(string text) => text switch
    {
        "-Infinity" => 0,
        "Infinity" => 2,
        "NaN" => 3,
        _ => 1,
    };

    /// <summary>The sign, the integer digits without leading zeros and the fraction digits of a plain decimal.</summary>
    private static (bool Negative, ReadOnlyMemory<char> Integer, ReadOnlyMemory<char> Fraction) Split(string text)
    {
        var s = text.AsMemory();
        bool negative = s.Length > 0 && s.Span[0] == '-';
        if (negative || (s.Length > 0 && s.Span[0] == '+')) s = s[1..];
        int dot = s.Span.IndexOf('.');
        var integer = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? ReadOnlyMemory<char>.Empty : s[(dot + 1)..];
        int lead = 0;
        while (lead < integer.Length && integer.Span[lead] == '0') lead++;
        foreach (char c in s.Span)
            if (c is not (>= '0' and <= '9') and not '.') throw new FormatException($"'{text}' is not a numeric value");
        return (negative, integer[lead..], fraction);
    }

    private static bool IsZero(ReadOnlyMemory<char> integer, ReadOnlyMemory<char> fraction) =>
        integer.Length == 0 && !fraction.Span.ContainsAnyExcept('0');

    /// <summary>Microseconds from 1970-01-01 UTC (proleptic Gregorian, year 0 = 1 BC); infinities beyond every instant.</summary>
    private static Int128 Instant(string text)
    {
        if (text == "infinity") return Int128.MaxValue;
        if (text == "-infinity") return Int128.MinValue;
        var s = text.AsSpan();
        bool bc = s.EndsWith(" BC", StringComparison.Ordinal);
        if (bc) s = s[..^3];
        int at = 0;
        long year = Digits(s, ref at, text);
        Expect(s, ref at, '-', text);
        long month = Digits(s, ref at, text);
        Expect(s, ref at, '-', text);
        long day = Digits(s, ref at, text);
        Int128 micros = 0;
        if (at < s.Length && s[at] == ' ')
        {
            at++;
            long hour = Digits(s, ref at, text);
            Expect(s, ref at, ':', text);
            long minute = Digits(s, ref at, text);
            Expect(s, ref at, ':', text);
            long second = Digits(s, ref at, text);
            long fraction = 0;
            if (at < s.Length && s[at] == '.')
            {
                at++;
                int start = at;
                fraction = Digits(s, ref at, text);
                for (int d = at - start; d < 6; d++) fraction *= 10;
            }
            micros = ((hour * 60 + minute) * 60 + second) * 1_000_000L + fraction;
            if (at < s.Length && s[at] is '+' or '-')
            {
                int sign = s[at] == '-' ? -1 : 1;
                at++;
                long offset = Digits(s, ref at, text) * 3600;
                if (at < s.Length && s[at] == ':') { at++; offset += Digits(s, ref at, text) * 60; }
                if (at < s.Length && s[at] == ':') { at++; offset += Digits(s, ref at, text); }
                micros -= sign * offset * 1_000_000L;
            }
        }
        if (at != s.Length) throw new FormatException($"'{text}' is not an ISO date or timestamp");
        if (bc) year = 1 - year;
        return DaysFromCivil(year, month, day) * (Int128)86_400_000_000L + micros;
    }

    /// <summary>Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).</summary>
    private static long DaysFromCivil(long year, long month, long day)
    {
        year -= month <= 2 ? 1 : 0;
        long era = (year >= 0 ? year : year - 399) / 400;
        long yearOfEra = year - era * 400;
        long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    private static long Digits(ReadOnlySpan<char> s, ref int at, string text)
    {
        int start = at;
        long value = 0;
        while (at < s.Length && s[at] is >= '0' and <= '9' && at - start < 18) value = value * 10 + (s[at++] - '0');
        if (at == start) throw new FormatException($"'{text}' is not an ISO date or timestamp");
        return value;
    }

    private static void Expect(ReadOnlySpan<char> s, ref int at, char c, string text)
    {
        if (at >= s.Length || s[at] != c) throw new FormatException($"'{text}' is not an ISO date or timestamp");
        at++;
    }
}
