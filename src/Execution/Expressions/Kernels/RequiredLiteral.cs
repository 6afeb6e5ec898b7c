using System.Text;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// The longest run of plain characters that every match of a regular expression must contain (<c>channel_id=</c> in
/// <c>(&amp;|^)channel_id=([^&amp;]*)</c>), found conservatively: only sequences at the top level of a pattern without
/// top-level alternation or inline options count, and a character followed by a quantifier is left out. Lets a kernel
/// reject a value by a byte search before running the regex engine on it.
/// </summary>
internal static class RequiredLiteral
{
    /// <summary>The required text, or null when none of at least two characters is certain.</summary>
    public static string? Of(string pattern)
    {
        if (pattern.Contains("(?", StringComparison.Ordinal)) return null;
        var run = new StringBuilder();
        string best = "";
        void Flush()
        {
            if (run.Length > best.Length) best = run.ToString();
            run.Clear();
        }
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 >= pattern.Length) return null;
                    char escaped = pattern[++i];
                    if (char.IsAsciiLetterOrDigit(escaped)) Flush(); // a class (\d, \w), an anchor (\b) or a back reference
                    else run.Append(escaped);
                    break;
                case '(':
                    Flush();
                    i = Skip(pattern, i, '(', ')');
                    if (i < 0) return null;
                    break;
                case '[':
                    Flush();
                    i = SkipClass(pattern, i);
                    if (i < 0) return null;
                    break;
                case '*' or '?' or '+' or '{':
                    // The quantified atom may be absent or repeated: drop it from the run.
                    if (run.Length > 0) run.Length--;
                    Flush();
                    if (c == '{')
                    {
                        int close = pattern.IndexOf('}', i);
                        if (close < 0) return null;
                        i = close;
                    }
                    break;
                case '|' or ')':
                    return null;
                case '.' or '^' or '$':
                    Flush();
                    break;
                default:
                    run.Append(c);
                    break;
            }
        }
        Flush();
        return best.Length >= 2 ? best : null;
    }

    /// <summary>The index of the parenthesis closing the group opened at <paramref name="open"/>, or -1.</summary>
    private static int Skip(string pattern, int open, char opening, char closing)
    {
        int depth = 0;
        for (int i = open; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\') { i++; continue; }
            if (c == '[') { i = SkipClass(pattern, i); if (i < 0) return -1; continue; }
            if (c == opening) depth++;
            else if (c == closing && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>The index of the ']' closing the character class opened at <paramref name="open"/>, or -1.</summary>
    private static int SkipClass(string pattern, int open)
    {
        int i = open + 1;
        if (i < pattern.Length && pattern[i] == '^') i++;
        if (i < pattern.Length && pattern[i] == ']') i++;
        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\') { i++; continue; }
            if (pattern[i] == ']') return i;
        }
        return -1;
    }
}
