namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// Parses text the way Java's lenient <c>SimpleDateFormat.parse(String)</c> does, for the functions Flink evaluates with
/// it (<c>UNIX_TIMESTAMP</c>, <c>TO_DATE(s, format)</c>, <c>DATE_FORMAT(string, format)</c>): the text may go on past
/// the pattern (<c>'2020-01-01 00:00:01.500'</c> reads as <c>'2020-01-01 00:00:01'</c> with <c>yyyy-MM-dd HH:mm:ss</c>),
/// a number takes as many digits as it has (<c>2020-1-5 1:2:3</c>) unless the next field abuts it (<c>yyyyMMdd</c>),
/// spaces before a field are skipped, fields out of range roll over (month 13 is January of the next year), and missing
/// fields are those of 1970-01-01 00:00:00. A zone field (<see cref="TryParseZone"/>: <c>X</c>, <c>Z</c>, <c>z</c>) gives
/// the offset the wall clock is in. Patterns with other letters than y M d H h k K m s S a E X Z z are not handled here (<see cref="TryCreate"/>
/// returns null).
/// </summary>
internal sealed class SimpleDateFormatParser
{
    private readonly record struct Token(char Letter, int Count, string? Literal, bool Abutting);

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private readonly Token[] _tokens;

    private SimpleDateFormatParser(Token[] tokens) => _tokens = tokens;

    public static SimpleDateFormatParser? TryCreate(string pattern)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            if (c == '\'')
            {
                int end = i + 1;
                if (end < pattern.Length && pattern[end] == '\'') { tokens.Add(new Token('\0', 0, "'", false)); i += 2; continue; }
                var text = new System.Text.StringBuilder();
                while (end < pattern.Length && pattern[end] != '\'') text.Append(pattern[end++]);
                if (end >= pattern.Length) return null;
                tokens.Add(new Token('\0', 0, text.ToString(), false));
                i = end + 1;
                continue;
            }
            if (!char.IsAsciiLetter(c)) { tokens.Add(new Token('\0', 0, c.ToString(), false)); i++; continue; }
            if ("yMdHhkKmsSaEXZz".IndexOf(c) < 0) return null;
            int run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c) run++;
            tokens.Add(new Token(c, run, null, false));
            i += run;
        }
        // A numeric field followed directly by another numeric field reads exactly its count of digits.
        for (int t = 0; t + 1 < tokens.Count; t++)
            if (IsNumeric(tokens[t]) && IsNumeric(tokens[t + 1])) tokens[t] = tokens[t] with { Abutting = true };
        return new SimpleDateFormatParser(tokens.ToArray());
    }

    private static bool IsNumeric(Token token) =>
        token.Literal is null && "aEXZz".IndexOf(token.Letter) < 0 && !(token.Letter == 'M' && token.Count >= 3);

    /// <summary>Wall-clock microseconds since the epoch of the text's prefix that matches the pattern, and the zone offset
    /// (microseconds east of UTC) the text gave, if the pattern has a zone field.</summary>
    public bool TryParse(string text, out long micros, out long? offsetMicros)
    {
        micros = 0;
        offsetMicros = null;
        long year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0;
        int hourOfHalfDay = -1;
        bool pm = false, twoDigitYear = false;
        int at = 0;
        foreach (var token in _tokens)
        {
            if (token.Literal is { } literal)
            {
                if (at + literal.Length > text.Length || string.CompareOrdinal(text, at, literal, 0, literal.Length) != 0) return false;
                at += literal.Length;
                continue;
            }
            while (at < text.Length && (text[at] == ' ' || text[at] == '\t')) at++;
            if (at >= text.Length) return false;
            switch (token.Letter)
            {
                case 'a':
                    if (MatchesIgnoringCase(text, at, "AM")) { pm = false; at += 2; }
                    else if (MatchesIgnoringCase(text, at, "PM")) { pm = true; at += 2; }
                    else return false;
                    continue;
                case 'E':
                    if (!SkipName(text, ref at, DayNames, out _)) return false;
                    continue;
                case 'X' or 'Z' or 'z':
                    if (!TryParseZone(text, ref at, token.Letter, token.Count, out long offsetMinutes)) return false;
                    offsetMicros = offsetMinutes * 60_000_000L;
                    continue;
                case 'M' when token.Count >= 3:
                    if (!SkipName(text, ref at, MonthNames, out int monthIndex)) return false;
                    month = monthIndex + 1;
                    continue;
            }
            int start = at, limit = token.Abutting ? Math.Min(text.Length, at + token.Count) : text.Length;
            long value = 0;
            while (at < limit && char.IsAsciiDigit(text[at]) && value < 100_000_000_000L) value = value * 10 + (text[at++] - '0');
            if (at == start) return false;
            switch (token.Letter)
            {
                case 'y': year = value; twoDigitYear = token.Count <= 2 && at - start == 2; break;
                case 'M': month = value; break;
                case 'd': day = value; break;
                case 'H': hour = value; break;
                case 'k': hour = value == 24 ? 0 : value; break;
                case 'h': hourOfHalfDay = (int)(value % 12); break;
                case 'K': hourOfHalfDay = (int)value; break;
                case 'm': minute = value; break;
                case 's': second = value; break;
                case 'S': millis = value; break;
            }
        }
        if (hourOfHalfDay >= 0) hour = hourOfHalfDay + (pm ? 12 : 0);
        if (twoDigitYear)
        {
            // SimpleDateFormat's default century: the hundred years starting 80 years ago.
            int startYear = DateTime.UtcNow.Year - 80;
            year += startYear / 100 * 100;
            if (year < startYear) year += 100;
        }
        if (year < 1 || year > 9999) return false;
        try
        {
            var date = new DateOnly((int)year, 1, 1).AddMonths((int)(month - 1)).AddDays((int)(day - 1));
            long days = date.DayNumber - 719_162L;
            micros = checked(days * 86_400_000_000L + ((hour * 60 + minute) * 60 + second) * 1_000_000L + millis * 1000L);
            return true;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// A zone as SimpleDateFormat's <c>subParseNumericZone</c> reads it: <c>X</c> is ISO 8601 (<c>Z</c> for UTC; sign and two
    /// hour digits, then as the count says nothing (1), two minute digits (2) or a colon and two (3)); <c>Z</c> takes
    /// <c>Z</c> or RFC 822 <c>+hhmm</c>; <c>z</c> takes <c>+hhmm</c>, <c>UTC</c>, or <c>GMT</c> alone or with
    /// <c>+h[h]:mm</c>.
    /// </summary>
    private static bool TryParseZone(string text, ref int at, char letter, int count, out long offsetMinutes)
    {
        offsetMinutes = 0;
        if (letter is 'X' or 'Z' && text[at] == 'Z') { at++; return true; }
        if (letter == 'X')
        {
            return TryParseSignedOffset(text, ref at, requireTwoHourDigits: true, minutes: count == 1 ? MinutesPart.None : count == 2 ? MinutesPart.Digits : MinutesPart.AfterColon, out offsetMinutes);
        }
        if (letter == 'z' && (MatchesIgnoringCase(text, at, "GMT") || MatchesIgnoringCase(text, at, "UTC")))
        {
            bool gmt = MatchesIgnoringCase(text, at, "GMT");
            at += 3;
            if (!gmt || at >= text.Length || text[at] is not ('+' or '-')) return true;
            return TryParseSignedOffset(text, ref at, requireTwoHourDigits: false, MinutesPart.AfterColon, out offsetMinutes);
        }
        return TryParseSignedOffset(text, ref at, requireTwoHourDigits: true, MinutesPart.Digits, out offsetMinutes);
    }

    private enum MinutesPart { None, Digits, AfterColon }

    private static bool TryParseSignedOffset(string text, ref int at, bool requireTwoHourDigits, MinutesPart minutes, out long offsetMinutes)
    {
        offsetMinutes = 0;
        int i = at;
        if (i >= text.Length || text[i] is not ('+' or '-')) return false;
        int sign = text[i++] == '-' ? -1 : 1;
        if (i >= text.Length || !char.IsAsciiDigit(text[i])) return false;
        int hours = text[i++] - '0';
        if (i < text.Length && char.IsAsciiDigit(text[i])) hours = hours * 10 + (text[i++] - '0');
        else if (requireTwoHourDigits) return false;
        if (hours > 23) return false;
        int mins = 0;
        bool colon = minutes is MinutesPart.AfterColon;
        if (minutes is not MinutesPart.None)
        {
            if (colon) { if (i >= text.Length || text[i] != ':') return false; i++; }
            if (i + 1 >= text.Length || !char.IsAsciiDigit(text[i]) || !char.IsAsciiDigit(text[i + 1])) return false;
            mins = (text[i] - '0') * 10 + (text[i + 1] - '0');
            i += 2;
            if (mins > 59) return false;
        }
        offsetMinutes = sign * (hours * 60L + mins);
        at = i;
        return true;
    }

    private static bool MatchesIgnoringCase(string text, int at, string word) =>
        at + word.Length <= text.Length && string.Compare(text, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>Reads a full or three-letter English name at <paramref name="at"/>, the longest that matches.</summary>
    private static bool SkipName(string text, ref int at, string[] names, out int index)
    {
        for (index = 0; index < names.Length; index++)
        {
            if (MatchesIgnoringCase(text, at, names[index])) { at += names[index].Length; return true; }
        }
        for (index = 0; index < names.Length; index++)
        {
            if (MatchesIgnoringCase(text, at, names[index][..3])) { at += 3; return true; }
        }
        return false;
    }
}
