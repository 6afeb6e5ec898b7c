using System.Globalization;
using System.Text;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// Java <c>SimpleDateFormat</c>/<c>DateTimeFormatter</c> patterns (as DATE_FORMAT, TO_TIMESTAMP, FROM_UNIXTIME and
/// UNIX_TIMESTAMP take them: <c>yyyy-MM-dd HH:mm:ss</c>, <c>'T'</c> quoted text, <c>SSS</c> fractions, <c>EEE</c>, <c>a</c>...)
/// translated once into a .NET custom format, with literal characters escaped.
/// </summary>
internal sealed class JavaDateFormat
{
    /// <summary>Stands for one fraction digit in <see cref="_printFormat"/>: .NET prints at most 7, Java up to 9.</summary>
    private const char FractionDigit = '\uE000';

    /// <summary>Starts a field .NET's format has no letter for, in <see cref="_printFormat"/>: the marker, the Java letter,
    /// and its count as a character (<see cref="JavaField"/> prints it).</summary>
    private const char FieldMarker = '\uE001';

    private readonly string _format;
    private readonly string _printFormat;

    private readonly SimpleDateFormatParser? _lenientParser;

    private JavaDateFormat(string format, string printFormat, SimpleDateFormatParser? lenientParser)
    {
        _format = format;
        _printFormat = printFormat;
        _lenientParser = lenientParser;
        PrintsWholeSeconds = ReadsOnlyWholeSeconds(printFormat);
    }

    /// <summary>The printed text depends only on the second a value falls in (no fraction, milli-of-day or nano field):
    /// values of one second print the same.</summary>
    public bool PrintsWholeSeconds { get; }

    private static bool ReadsOnlyWholeSeconds(string printFormat)
    {
        for (int i = 0; i < printFormat.Length; i++)
        {
            char c = printFormat[i];
            if (c == '\\' && i + 1 < printFormat.Length)
            {
                c = printFormat[++i];
                if (c == FractionDigit) return false;
                // A Java field: the escaped marker, then its escaped letter.
                if (c == FieldMarker && i + 2 < printFormat.Length && printFormat[i + 2] is 'A' or 'n' or 'N') return false;
                continue;
            }
            // .NET's own fraction letters (a Java letter copied through, such as F).
            if (c is 'f' or 'F') return false;
        }
        return true;
    }

    public static JavaDateFormat Of(string javaPattern) =>
        new(Translate(javaPattern, forPrinting: false), Translate(javaPattern, forPrinting: true), SimpleDateFormatParser.TryCreate(javaPattern));

    public static readonly JavaDateFormat DefaultTimestamp = Of("yyyy-MM-dd HH:mm:ss");

    /// <summary>Formats wall-clock microseconds since the epoch (and nanoseconds past them, for <c>S</c> beyond 6 digits).</summary>
    public string Format(long micros, int nanosOfMicro = 0)
    {
        var dt = new DateTime(621_355_968_000_000_000 + micros * 10, DateTimeKind.Unspecified);
        var text = dt.ToString(_printFormat, CultureInfo.InvariantCulture);
        if (text.IndexOf(FieldMarker) >= 0) text = ReplaceFields(text, dt, micros, nanosOfMicro);
        if (text.IndexOf(FractionDigit) < 0) return text;
        // DateTimeFormatter's S…S: the fraction of the second cut to as many digits (zeros past nanoseconds).
        long nanos = ((micros % 1_000_000 + 1_000_000) % 1_000_000) * 1000 + nanosOfMicro;
        var digits = nanos.ToString("000000000", CultureInfo.InvariantCulture);
        var sb = new StringBuilder(text.Length);
        int run = 0;
        foreach (char c in text)
        {
            if (c == FractionDigit) { sb.Append(run < digits.Length ? digits[run] : '0'); run++; }
            else { run = 0; sb.Append(c); }
        }
        return sb.ToString();
    }

    private static string ReplaceFields(string text, DateTime dt, long micros, int nanosOfMicro)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != FieldMarker) { sb.Append(text[i]); continue; }
            JavaField(sb, text[i + 1], text[i + 2] - '0', dt, micros, nanosOfMicro);
            i += 2;
        }
        return sb.ToString();
    }

    /// <summary>
    /// The letters DateTimeFormatter has and .NET's format does not, as Flink's DATE_FORMAT prints them with the JVM's
    /// usual en_US locale (weeks start on Sunday; week 1 is the one holding January 1st): <c>D</c> day of year, <c>w</c>
    /// week of week-based year, <c>W</c> week of month, <c>Y</c> week-based year, <c>e</c>/<c>c</c> localized day of week
    /// (Sunday 1), <c>Q</c>/<c>q</c> quarter, <c>k</c> clock hour 1-24, <c>K</c> hour of am-pm 0-11, <c>G</c> era,
    /// <c>A</c> milli of day, <c>n</c> nano of second, <c>N</c> nano of day.
    /// </summary>
    private static void JavaField(StringBuilder sb, char letter, int count, DateTime dt, long micros, int nanosOfMicro)
    {
        long nanoOfDay = (micros % 86_400_000_000 + 86_400_000_000) % 86_400_000_000 * 1000 + nanosOfMicro;
        int sundayBased = (int)dt.DayOfWeek;
        switch (letter)
        {
            case 'D': Number(sb, dt.DayOfYear, count); break;
            case 'w': Number(sb, WeekOfWeekBasedYear(dt, out _), count); break;
            case 'W': Number(sb, (dt.Day - 1 + (int)new DateTime(dt.Year, dt.Month, 1).DayOfWeek) / 7 + 1, count); break;
            case 'Y':
                WeekOfWeekBasedYear(dt, out int weekYear);
                if (count == 2) Number(sb, weekYear % 100, 2); else Number(sb, weekYear, count);
                break;
            case 'e' or 'c' when count <= 2: Number(sb, sundayBased + 1, count); break;
            case 'e' or 'c': sb.Append(dt.ToString(count == 3 ? "ddd" : count == 4 ? "dddd" : "ddd", CultureInfo.InvariantCulture)[..(count == 5 ? 1 : ^0)]); break;
            case 'Q' or 'q':
                int quarter = (dt.Month + 2) / 3;
                if (count <= 2) Number(sb, quarter, count);
                else if (count == 3) sb.Append('Q').Append(quarter);
                else if (count == 4) sb.Append(quarter switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => "4th" }).Append(" quarter");
                else sb.Append(quarter);
                break;
            case 'k': Number(sb, dt.Hour == 0 ? 24 : dt.Hour, count); break;
            case 'K': Number(sb, dt.Hour % 12, count); break;
            case 'G': sb.Append(count == 4 ? "Anno Domini" : count == 5 ? "A" : "AD"); break;
            case 'A': Number(sb, nanoOfDay / 1_000_000, count); break;
            case 'n': Number(sb, nanoOfDay % 1_000_000_000, count); break;
            default: Number(sb, nanoOfDay, count); break;
        }
    }

    /// <summary>Java's week of week-based year with Sunday-first weeks and week 1 holding January 1st; the week's year.</summary>
    private static int WeekOfWeekBasedYear(DateTime dt, out int weekYear)
    {
        var weekStart = dt.Date.AddDays(-(int)dt.DayOfWeek);
        weekYear = weekStart.AddDays(6).Year;
        var january1 = new DateTime(weekYear, 1, 1);
        var firstWeekStart = january1.AddDays(-(int)january1.DayOfWeek);
        return (int)((weekStart - firstWeekStart).TotalDays / 7) + 1;
    }

    private static void Number(StringBuilder sb, long value, int minDigits) =>
        sb.Append(value.ToString(new string('0', Math.Max(1, minDigits)), CultureInfo.InvariantCulture));

    /// <summary>Parses text into wall-clock microseconds since the epoch.</summary>
    public bool TryParse(string text, out long micros)
    {
        micros = 0;
        if (!DateTime.TryParseExact(text.Trim(), _format, CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault, out var dt))
            return false;
        // A pattern without a date part means 1970-01-01, as Java's parsers default it.
        if (dt.Year == 1 && dt.DayOfYear == 1) dt = DateTime.UnixEpoch.Add(dt.TimeOfDay);
        micros = (dt.Ticks - 621_355_968_000_000_000) / 10;
        return true;
    }

    /// <summary>Parses as Java's lenient <c>SimpleDateFormat.parse(String)</c> (<see cref="SimpleDateFormatParser"/>), where
    /// Flink does: a prefix of the text, numbers of any width, fields rolling over; patterns it does not handle parse as
    /// <see cref="TryParse"/> does.</summary>
    public bool TryParseLenient(string text, out long micros)
    {
        if (!TryParseLenient(text, out micros, out long? offsetMicros)) return false;
        // A zone in the text: the wall clock of that instant in UTC, the zone these callers parse in.
        if (offsetMicros is { } offset) micros -= offset;
        return true;
    }

    /// <summary>As <see cref="TryParseLenient(string, out long)"/>, with the zone offset (microseconds east of UTC) the
    /// text named through a zone field of the pattern: the wall clock is in that zone, not the session's.</summary>
    public bool TryParseLenient(string text, out long micros, out long? offsetMicros)
    {
        offsetMicros = null;
        return _lenientParser is { } parser ? parser.TryParse(text, out micros, out offsetMicros) : TryParse(text, out micros);
    }

    private static string Translate(string pattern, bool forPrinting)
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            if (c == '\'')
            {
                // Quoted literal; '' is a single quote.
                int end = i + 1;
                if (end < pattern.Length && pattern[end] == '\'') { sb.Append("\\'"); i += 2; continue; }
                while (end < pattern.Length && pattern[end] != '\'') { Escape(sb, pattern[end]); end++; }
                i = end + 1;
                continue;
            }
            if (!char.IsAsciiLetter(c)) { Escape(sb, c); i++; continue; }
            int run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c) run++;
            sb.Append(c switch
            {
                'y' or 'u' => run == 2 ? "yy" : "yyyy",
                'M' or 'L' => new string('M', Math.Min(run, 4)),
                'd' => run >= 2 ? "dd" : "d",
                'H' => run >= 2 ? "HH" : "H",
                'h' => run >= 2 ? "hh" : "h",
                'm' => run >= 2 ? "mm" : "m",
                's' => run >= 2 ? "ss" : "s",
                'S' => forPrinting ? string.Concat(Enumerable.Repeat("\\" + FractionDigit, run)) : new string('f', Math.Min(run, 7)),
                'E' => run >= 4 ? "dddd" : "ddd",
                'a' => "tt",
                'z' or 'Z' or 'X' or 'x' => "zzz",
                'D' or 'w' or 'W' or 'Y' or 'e' or 'c' or 'Q' or 'q' or 'k' or 'K' or 'G' or 'A' or 'n' or 'N' when forPrinting && run <= 9 =>
                    $"\\{FieldMarker}\\{c}\\{(char)('0' + run)}",
                _ => new string(c, run),
            });
            i += run;
        }
        return sb.ToString();
    }

    private static void Escape(StringBuilder sb, char c) => sb.Append('\\').Append(c);
}
