using System.Text;
using System.Text.RegularExpressions;

namespace StreamSql.EndToEnd.Runner;

/// <summary>
/// Compares actual output lines with expected ones and, on a mismatch, says which lines are
/// missing and which are unexpected.
/// </summary>
public static partial class LineMatcher
{
    /// <summary>
    /// Keeps the lines the print sink writes (<c>+I[...]</c>, <c>-U[...]</c>, <c>+U[...]</c>,
    /// <c>-D[...]</c>, optionally behind a <c>prefix&gt; </c>) and drops the subtask number from the
    /// prefix: Flink writes <c>N&gt; </c> or <c>identifier:N&gt; </c> when the sink runs in parallel,
    /// and which subtask prints which row is not deterministic.
    /// </summary>
    public static List<string> PrintRows(IEnumerable<string> lines)
    {
        var rows = new List<string>();
        foreach (var line in lines)
        {
            var m = PrintRow().Match(line);
            if (!m.Success) continue;
            var identifier = m.Groups["id"].Success ? m.Groups["id"].Value : "";
            rows.Add(identifier.Length > 0 ? $"{identifier}> {m.Groups["row"].Value}" : m.Groups["row"].Value);
        }
        return rows;
    }

    /// <summary>Splits text into lines without line terminators, trailing spaces and ANSI colour codes.</summary>
    public static List<string> SplitLines(string text)
    {
        var result = new List<string>();
        foreach (var line in Ansi().Replace(text, "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            result.Add(line.TrimEnd());
        while (result.Count > 0 && result[^1].Length == 0) result.RemoveAt(result.Count - 1);
        return result;
    }

    /// <summary>Returns null when <paramref name="actual"/> matches, else a description of the difference.</summary>
    public static string? Compare(IReadOnlyList<string> expected, IReadOnlyList<string> actual, LineComparison how)
    {
        if (how.Contains) return CompareContains(expected, actual, how.Ordered);
        if (how.Ordered) return CompareOrdered(expected, actual);

        var missing = new List<string>();
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in actual) remaining[line] = remaining.GetValueOrDefault(line) + 1;
        foreach (var line in expected)
        {
            if (remaining.TryGetValue(line, out var n) && n > 0) remaining[line] = n - 1;
            else missing.Add(line);
        }
        var unexpected = new List<string>();
        foreach (var line in actual)
        {
            if (remaining.TryGetValue(line, out var n) && n > 0)
            {
                unexpected.Add(line);
                remaining[line] = n - 1;
            }
        }
        if (missing.Count == 0 && unexpected.Count == 0) return null;
        var sb = new StringBuilder();
        sb.AppendLine($"expected {expected.Count} line(s) in any order, got {actual.Count}");
        AppendList(sb, "missing (expected, not produced)", missing);
        AppendList(sb, "unexpected (produced, not expected)", unexpected);
        return sb.ToString();
    }

    private static string? CompareOrdered(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var n = Math.Min(expected.Count, actual.Count);
        var first = 0;
        while (first < n && expected[first] == actual[first]) first++;
        if (first == expected.Count && first == actual.Count) return null;
        var sb = new StringBuilder();
        sb.AppendLine($"expected {expected.Count} line(s) in this order, got {actual.Count}; first difference at line {first + 1}");
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : null;
            var a = i < actual.Count ? actual[i] : null;
            if (e == a) sb.AppendLine($"    {e}");
            else
            {
                if (e is not null) sb.AppendLine($"  - {e}");
                if (a is not null) sb.AppendLine($"  + {a}");
            }
        }
        sb.AppendLine("  ('-' expected, '+' produced)");
        return sb.ToString();
    }

    private static string? CompareContains(IReadOnlyList<string> expected, IReadOnlyList<string> actual, bool ordered)
    {
        var used = new bool[actual.Count];
        var start = 0;
        var missing = new List<string>();
        foreach (var e in expected)
        {
            var found = -1;
            for (var i = ordered ? start : 0; i < actual.Count; i++)
            {
                if (!used[i] && actual[i].Contains(e, StringComparison.Ordinal))
                {
                    found = i;
                    break;
                }
            }
            if (found < 0) missing.Add(e);
            else
            {
                used[found] = true;
                start = found + 1;
            }
        }
        if (missing.Count == 0) return null;
        var sb = new StringBuilder();
        sb.AppendLine($"expected {expected.Count} line(s) to appear{(ordered ? " in this order" : "")} as substrings of the output");
        AppendList(sb, "not found", missing);
        return sb.ToString();
    }

    private static void AppendList(StringBuilder sb, string title, List<string> lines)
    {
        if (lines.Count == 0) return;
        sb.AppendLine($"  {title}:");
        foreach (var line in lines) sb.AppendLine($"    {line}");
    }

    [GeneratedRegex(@"^(?:(?:(?<id>[^\s>:]+):\d+|\d+|(?<id>[^\s>]+))> )?(?<row>[+-][IUD]\[.*\])$")]
    private static partial Regex PrintRow();

    [GeneratedRegex(@"\x1B\[[0-9;?]*[ -/]*[@-~]")]
    private static partial Regex Ansi();
}
