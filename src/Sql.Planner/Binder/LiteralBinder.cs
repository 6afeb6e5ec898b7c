using System.Globalization;
using System.Numerics;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>Types and converts literals the way Flink (Calcite) does: <c>1</c> is INT NOT NULL, <c>1.50</c> DECIMAL(3, 2) NOT NULL,
/// <c>1e3</c> DOUBLE NOT NULL, <c>'abc'</c> CHAR(3) NOT NULL, interval literals milliseconds or months.</summary>
internal static class LiteralBinder
{
    private static readonly DateTime Epoch = DateTime.UnixEpoch;

    public static Literal Bind(LiteralExpression literal)
    {
        string text = literal.Text ?? "";
        try
        {
            return literal.Kind switch
            {
                LiteralKind.Null => new Literal(null, SqlType.Null),
                LiteralKind.Boolean => new Literal(bool.Parse(text), SqlType.Boolean.AsNotNull()),
                LiteralKind.Integer => Integer(text, literal),
                LiteralKind.Decimal => Decimal(text, literal),
                LiteralKind.Double => new Literal(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), SqlType.Double.AsNotNull()),
                LiteralKind.String => new Literal(text, SqlType.Char(text.Length).AsNotNull()),
                LiteralKind.Binary => Binary(text),
                LiteralKind.Date => new Literal(ParseDate(text), SqlType.Date.AsNotNull()),
                LiteralKind.Time => Time(text),
                LiteralKind.Timestamp => Timestamp(text, literal),
                _ => throw new SqlValidationException($"Unknown literal kind {literal.Kind}", literal.Span),
            };
        }
        catch (FormatException)
        {
            throw new SqlValidationException($"Illegal {literal.Kind.ToString().ToUpperInvariant()} literal '{text}'", literal.Span);
        }
    }

    private static Literal Integer(string text, LiteralExpression literal)
    {
        var value = BigInteger.Parse(text, CultureInfo.InvariantCulture);
        if (value >= int.MinValue && value <= int.MaxValue) return new Literal((long)value, SqlType.Int.AsNotNull());
        if (value >= long.MinValue && value <= long.MaxValue) return new Literal((long)value, SqlType.BigInt.AsNotNull());
        int digits = BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture).Length;
        if (digits > SqlType.MaxDecimalPrecision)
            throw new SqlValidationException($"Numeric literal '{text}' out of range", literal.Span);
        return new Literal(DecimalValue.Parse(text), SqlType.Decimal(digits, 0).AsNotNull());
    }

    private static Literal Decimal(string text, LiteralExpression literal)
    {
        var (precision, scale) = DecimalValue.PrecisionAndScale(text);
        if (precision > SqlType.MaxDecimalPrecision
            || DecimalValue.TryParse(text, precision, scale, out var value) != DecimalParseStatus.Ok)
            throw new SqlValidationException($"Numeric literal '{text}' out of range: a DECIMAL holds at most {SqlType.MaxDecimalPrecision} digits", literal.Span);
        return new Literal(value, SqlType.Decimal(precision, scale).AsNotNull());
    }

    private static Literal Binary(string text)
    {
        var bytes = System.Convert.FromHexString(text);
        return new Literal(bytes, new SqlType(SqlTypeKind.Binary, Precision: Math.Max(1, bytes.Length)).AsNotNull());
    }

    public static int ParseDate(string text)
    {
        var d = DateOnly.ParseExact(text.Trim(), new[] { "yyyy-MM-dd", "yyyy-M-d" }, CultureInfo.InvariantCulture);
        return d.DayNumber - DateOnly.FromDateTime(Epoch).DayNumber;
    }

    /// <summary>A TIME literal keeps its milliseconds but is TIME(0) whatever its fraction digits: Flink's planner turns
    /// every Calcite TIME into TIME(0) (FlinkTypeFactory.toLogicalType), so <c>TIME '19:01:02.123'</c> prints 19:01:02.</summary>
    private static Literal Time(string text)
    {
        var (nanos, _) = ParseTimeOfDay(text.Trim());
        return new Literal((int)(nanos / 1_000_000), SqlType.Time(0).AsNotNull());
    }

    /// <summary>Parses <c>HH:mm[:ss[.fffffffff]]</c>; returns nanoseconds of the day and the fractional precision (≤ 9).</summary>
    private static (long Nanos, int Precision) ParseTimeOfDay(string text)
    {
        var parts = text.Split(':');
        if (parts.Length < 2 || parts.Length > 3) throw new FormatException();
        long h = long.Parse(parts[0], CultureInfo.InvariantCulture), m = long.Parse(parts[1], CultureInfo.InvariantCulture);
        long nanos = 0;
        int precision = 0;
        if (parts.Length == 3)
        {
            var sec = parts[2].Split('.');
            nanos = long.Parse(sec[0], NumberStyles.None, CultureInfo.InvariantCulture) * 1_000_000_000;
            if (sec.Length == 2)
            {
                precision = sec[1].Length;
                if (precision is 0 or > TimestampEncoding.MaxPrecision) throw new FormatException();
                nanos += long.Parse(sec[1].PadRight(9, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }
        if (h > 23 || m > 59 || nanos >= 60_000_000_000) throw new FormatException();
        return ((h * 3600 + m * 60) * 1_000_000_000 + nanos, precision);
    }

    /// <summary>A TIMESTAMP literal: TIMESTAMP(p) with p its fraction digits, in the unit of <see cref="TimestampEncoding"/>.</summary>
    private static Literal Timestamp(string text, LiteralExpression literal)
    {
        text = text.Trim();
        int sep = text.IndexOfAny(new[] { ' ', 'T' });
        int days = ParseDate(sep < 0 ? text : text[..sep]);
        var (nanos, precision) = sep < 0 ? (0L, 0) : ParseTimeOfDay(text[(sep + 1)..]);
        long micros = days * TimestampEncoding.MicrosPerDay + nanos / 1000;
        if (!TimestampEncoding.TryFromMicros(micros, (int)(nanos % 1000), precision, out long value))
            throw new SqlValidationException(
                $"TIMESTAMP literal '{text}' is out of range: TIMESTAMP({precision}) holds {TimestampEncoding.NanosecondRange}", literal.Span);
        return new Literal(value, SqlType.Timestamp(precision).AsNotNull());
    }

    /// <summary>An interval literal: milliseconds (DAY TO SECOND family) or months (YEAR TO MONTH family).</summary>
    public static Literal Interval(IntervalExpression interval)
    {
        string text = interval.Value.Trim();
        int sign = 1;
        if (text.StartsWith('-')) { sign = -1; text = text[1..].Trim(); }
        else if (text.StartsWith('+')) text = text[1..].Trim();
        var from = interval.From;
        var to = interval.To ?? from;
        try
        {
            if (from is TimeUnit.Year or TimeUnit.Quarter or TimeUnit.Month)
            {
                long months = (from, to) switch
                {
                    (TimeUnit.Year, TimeUnit.Year) => Whole(text) * 12,
                    (TimeUnit.Year, TimeUnit.Month) => YearToMonth(text),
                    (TimeUnit.Quarter, TimeUnit.Quarter) => Whole(text) * 3,
                    (TimeUnit.Month, TimeUnit.Month) => Whole(text),
                    _ => throw new FormatException(),
                };
                return new Literal((int)(sign * months), SqlType.IntervalYearMonth.AsNotNull());
            }
            decimal ms = DayTime(text, from, to);
            return new Literal(sign * (long)Math.Round(ms), SqlType.IntervalDayTime.AsNotNull());
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            string unit = interval.To is null ? from.ToString().ToUpperInvariant() : $"{from.ToString().ToUpperInvariant()} TO {to.ToString().ToUpperInvariant()}";
            throw new SqlValidationException($"Illegal interval literal format '{interval.Value}' for INTERVAL {unit}", interval.Span);
        }
    }

    private static long Whole(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static long YearToMonth(string text)
    {
        var p = text.Split('-');
        if (p.Length != 2) throw new FormatException();
        long months = Whole(p[1]);
        if (months > 11) throw new FormatException();
        return Whole(p[0]) * 12 + months;
    }

    private static decimal Seconds(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>Milliseconds of a day-time interval written as <c>d h:m:s.f</c> with the fields from..to present.</summary>
    private static decimal DayTime(string text, TimeUnit from, TimeUnit to)
    {
        if (from == to)
        {
            return from switch
            {
                TimeUnit.Week => Whole(text) * 7 * 86_400_000m,
                TimeUnit.Day => Whole(text) * 86_400_000m,
                TimeUnit.Hour => Whole(text) * 3_600_000m,
                TimeUnit.Minute => Whole(text) * 60_000m,
                TimeUnit.Second => Seconds(text) * 1000m,
                _ => throw new FormatException(),
            };
        }
        // Split "d h:m:s.f" into its numeric fields in order.
        var fields = new List<string>();
        var dayAndRest = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (from == TimeUnit.Day)
        {
            if (dayAndRest.Length != 2) throw new FormatException();
            fields.Add(dayAndRest[0]);
            fields.AddRange(dayAndRest[1].Split(':'));
        }
        else
        {
            if (dayAndRest.Length != 1) throw new FormatException();
            fields.AddRange(dayAndRest[0].Split(':'));
        }
        var units = new List<TimeUnit>();
        foreach (var u in new[] { TimeUnit.Day, TimeUnit.Hour, TimeUnit.Minute, TimeUnit.Second })
            if (u >= from && u <= to) units.Add(u);
        if (units.Count < 2 || units.Count != fields.Count) throw new FormatException();
        decimal ms = 0;
        for (int i = 0; i < units.Count; i++)
        {
            ms += units[i] switch
            {
                TimeUnit.Day => Whole(fields[i]) * 86_400_000m,
                TimeUnit.Hour => Whole(fields[i]) * 3_600_000m,
                TimeUnit.Minute => Whole(fields[i]) * 60_000m,
                _ => Seconds(fields[i]) * 1000m,
            };
        }
        return ms;
    }
}
