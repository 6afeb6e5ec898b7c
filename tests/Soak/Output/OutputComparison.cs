using System.Text;

namespace StreamSql.Soak.Output;

/// <summary>
/// Committed rows against the expected multiset: how many expected rows are missing (lost), how many rows are there more
/// often than expected (duplicated), and how many rows were never expected at all (unexpected), with samples of each.
/// </summary>
/// <param name="Lost">Expected rows not committed (a row expected twice and committed once counts once).</param>
/// <param name="Duplicated">Committed rows beyond their expected count (a row committed three times and expected once counts
/// twice).</param>
/// <param name="Unexpected">Committed rows that were not expected at all.</param>
public sealed record OutputComparison(
    int ExpectedRows,
    int ActualRows,
    long Lost,
    long Duplicated,
    long Unexpected,
    IReadOnlyList<string> MissingLines,
    IReadOnlyList<(string Line, int Times)> DuplicatedLines,
    IReadOnlyList<(string Line, int Times)> UnexpectedLines)
{
    private const int SampleSize = 40;

    public bool IsExactlyOnce => Lost == 0 && Duplicated == 0 && Unexpected == 0;

    public static OutputComparison Of(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var expectedCounts = Count(expected);
        var actualCounts = Count(actual);
        var missing = new List<string>();
        var duplicated = new List<(string Line, int Times)>();
        var unexpected = new List<(string Line, int Times)>();
        long lost = 0, extra = 0, strangers = 0;
        foreach (var (line, times) in expectedCounts)
        {
            actualCounts.TryGetValue(line, out var got);
            if (got < times)
            {
                missing.Add(line);
                lost += times - got;
            }
            else if (got > times)
            {
                duplicated.Add((line, got));
                extra += got - times;
            }
        }
        foreach (var (line, times) in actualCounts)
        {
            if (expectedCounts.ContainsKey(line)) continue;
            unexpected.Add((line, times));
            strangers += times;
        }
        return new OutputComparison(expected.Count, actual.Count, lost, extra, strangers, missing, duplicated, unexpected);
    }

    /// <summary>How often each non-empty line occurs.</summary>
    public static Dictionary<string, int> Count(IReadOnlyList<string> lines)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0) continue;
            counts[line] = counts.TryGetValue(line, out var n) ? n + 1 : 1;
        }
        return counts;
    }

    /// <summary>What differs, with samples (ids in numeric order).</summary>
    public string Describe()
    {
        if (IsExactlyOnce) return $"committed output is exactly the {ExpectedRows} expected rows";
        var sb = new StringBuilder();
        sb.AppendLine($"committed output differs: expected {ExpectedRows} rows, got {ActualRows}");
        if (MissingLines.Count > 0) sb.AppendLine($"  missing ({MissingLines.Count}): {Sample(MissingLines.ToList())}");
        if (DuplicatedLines.Count > 0)
            sb.AppendLine($"  duplicated ({DuplicatedLines.Count} distinct): {Sample(DuplicatedLines.Select(d => $"{d.Line} (x{d.Times})").ToList())}");
        if (UnexpectedLines.Count > 0)
            sb.AppendLine($"  unexpected ({UnexpectedLines.Count} distinct): {Sample(UnexpectedLines.Select(u => $"{u.Line} (x{u.Times})").ToList())}");
        return sb.ToString();
    }

    private static string Sample(List<string> values)
    {
        values.Sort(CompareNatural);
        var shown = string.Join(", ", values.Take(SampleSize));
        return values.Count > SampleSize ? shown + $", ... ({values.Count - SampleSize} more)" : shown;
    }

    /// <summary>Numbers first in numeric order (ranges of ids read best), then the rest.</summary>
    private static int CompareNatural(string a, string b)
    {
        int c = LeadingNumber(a).CompareTo(LeadingNumber(b));
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
