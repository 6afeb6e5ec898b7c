using System.Text;
using StreamSql.EndToEnd.Runner;

namespace StreamSql.EndToEnd.Recovery;

/// <summary>
/// What a filesystem sink has committed: the lines of its visible files (names starting with '.' or '_' are in-progress
/// or pending part files, invisible to readers), and a multiset comparison that names what is missing and what is
/// duplicated.
/// </summary>
internal static class CommittedOutput
{
    /// <summary>The lines of every visible file below <paramref name="directory"/>.</summary>
    public static List<string> Read(string directory) => ScenarioRunner.VisibleFileLines(directory, out _);

    /// <summary>A listing of the sink directory (hidden files marked), for failure messages.</summary>
    public static string Listing(string directory)
    {
        ScenarioRunner.VisibleFileLines(directory, out var listing);
        return listing;
    }

    /// <summary>Null when <paramref name="actual"/> holds every expected line exactly as often as expected, else a report of
    /// the missing lines, the duplicated ones (with their counts) and the unexpected ones.</summary>
    public static string? CompareExactlyOnce(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var expectedCounts = Count(expected);
        var actualCounts = Count(actual);
        var missing = new List<string>();
        var duplicated = new List<(string Line, int Times)>();
        var unexpected = new List<(string Line, int Times)>();
        foreach (var (line, times) in expectedCounts)
        {
            actualCounts.TryGetValue(line, out var got);
            if (got < times) missing.Add(line);
            else if (got > times) duplicated.Add((line, got));
        }
        foreach (var (line, times) in actualCounts)
            if (!expectedCounts.ContainsKey(line)) unexpected.Add((line, times));
        if (missing.Count == 0 && duplicated.Count == 0 && unexpected.Count == 0) return null;

        var sb = new StringBuilder();
        sb.AppendLine($"committed output differs: expected {expected.Count} rows, got {actual.Count}");
        if (missing.Count > 0) sb.AppendLine($"  missing ({missing.Count}): {Sample(missing)}");
        if (duplicated.Count > 0)
            sb.AppendLine($"  duplicated ({duplicated.Count} distinct): {Sample(duplicated.Select(d => $"{d.Line} (x{d.Times})").ToList())}");
        if (unexpected.Count > 0)
            sb.AppendLine($"  unexpected ({unexpected.Count} distinct): {Sample(unexpected.Select(u => $"{u.Line} (x{u.Times})").ToList())}");
        return sb.ToString();
    }

    /// <summary>Lines of <paramref name="actual"/> that occur more often than once.</summary>
    public static List<string> Duplicates(IReadOnlyList<string> actual) =>
        Count(actual).Where(p => p.Value > 1).Select(p => p.Key).ToList();

    private static Dictionary<string, int> Count(IReadOnlyList<string> lines)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0) continue;
            counts[line] = counts.TryGetValue(line, out var n) ? n + 1 : 1;
        }
        return counts;
    }

    /// <summary>The first values in numeric order when they are numbers (ranges of ids read best), up to 40.</summary>
    private static string Sample(List<string> values)
    {
        values.Sort(CompareNatural);
        const int Max = 40;
        var shown = string.Join(", ", values.Take(Max));
        return values.Count > Max ? shown + $", ... ({values.Count - Max} more)" : shown;
    }

    private static int CompareNatural(string a, string b)
    {
        var ka = LeadingNumber(a);
        var kb = LeadingNumber(b);
        int c = ka.CompareTo(kb);
        return c != 0 ? c : string.CompareOrdinal(a, b);
    }

    private static long LeadingNumber(string s)
    {
        long n = 0;
        int i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && i < 18) n = n * 10 + (s[i++] - '0');
        return i == 0 ? long.MaxValue : n;
    }
}
