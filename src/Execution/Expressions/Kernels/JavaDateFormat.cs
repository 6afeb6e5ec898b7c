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

    private readonly string _format;
    private readonly string _printFormat;

    private JavaDateFormat(string format, string printFormat)
    {
        _format = format;
        _printFormat = printFormat;
    }

    public static JavaDateFormat Of(string javaPattern) => new(Translate(javaPattern, forPrinting: false), Translate(javaPattern, forPrinting: true));

    public static readonly JavaDateFormat DefaultTimestamp = Of("yyyy-MM-dd HH:mm:ss");

    /// <summary>Formats wall-clock microseconds since the epoch (and nanoseconds past them, for <c>S</c> beyond 6 digits).</summary>
    public string Format(long micros, int nanosOfMicro = 0)
    {
        var dt = new DateTime(621_355_968_000_000_000 + micros * 10, DateTimeKind.Unspecified);
        var text = dt.ToString(_printFormat, CultureInfo.InvariantCulture);
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
                _ => new string(c, run),
            });
            i += run;
        }
        return sb.ToString();
    }

    private static void Escape(StringBuilder sb, char c) => sb.Append('\\').Append(c);
}
