namespace StreamSql.Soak.Output;

/// <summary>
/// What a filesystem sink has committed: the lines of its visible files. Files or folders whose name starts with '.' or
/// '_' are in-progress or pending part files (<c>.part-….inprogress</c>, <c>.part-….pending</c>) or markers
/// (<c>_SUCCESS</c>), invisible to readers, as in Flink's file sink.
/// </summary>
public static class CommittedOutput
{
    /// <summary>The lines of every visible file below <paramref name="directory"/>.</summary>
    public static List<string> Read(string directory) => VisibleLines(directory, out _);

    /// <summary>A listing of the sink directory (hidden files marked), for failure messages.</summary>
    public static string Listing(string directory)
    {
        VisibleLines(directory, out var listing);
        return listing;
    }

    /// <summary>The lines (trailing blanks removed, trailing empty lines dropped) of every visible file below
    /// <paramref name="directory"/>, files in ordinal path order; <paramref name="listing"/> names every file, the hidden
    /// ones marked.</summary>
    public static List<string> VisibleLines(string directory, out string listing)
    {
        var lines = new List<string>();
        if (!Directory.Exists(directory))
        {
            listing = "(the directory does not exist)";
            return lines;
        }
        var all = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var shown = new List<string>();
        foreach (var file in all)
        {
            var relative = Path.GetRelativePath(directory, file);
            var hidden = IsHidden(relative);
            shown.Add(hidden ? $"{relative} (hidden)" : relative);
            if (hidden) continue;
            // A part file can be renamed away (a commit) between the listing and the read: it is read under its new name
            // by the next look.
            if (TryReadAllText(file) is { } text) lines.AddRange(SplitLines(text));
        }
        listing = shown.Count == 0 ? "(none)" : string.Join(", ", shown);
        return lines;
    }

    /// <summary>The lines of a sink directory's committed files and of the pending files written since
    /// <paramref name="sinceUtc"/> (the current run's output, committed or about to be).</summary>
    public static IEnumerable<string> LinesCommittedOrPendingSince(string directory, DateTime sinceUtc)
    {
        if (!Directory.Exists(directory)) yield break;
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var fileName = Path.GetFileName(file);
            bool committed = !IsHidden(fileName);
            bool pendingOfThisRun = fileName.EndsWith(".pending", StringComparison.Ordinal) && File.GetLastWriteTimeUtc(file) >= sinceUtc;
            if (!committed && !pendingOfThisRun) continue;
            if (TryReadAllText(file) is not { } text) continue;
            foreach (var line in SplitLines(text)) yield return line;
        }
    }

    /// <summary>True when a path below a sink directory names a file readers must not see.</summary>
    public static bool IsHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.') || p.StartsWith('_'));

    /// <summary>Null when <paramref name="actual"/> holds every expected line exactly as often as expected, else a report of
    /// the missing lines, the duplicated ones (with their counts) and the unexpected ones.</summary>
    public static string? CompareExactlyOnce(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var comparison = OutputComparison.Of(expected, actual);
        return comparison.IsExactlyOnce ? null : comparison.Describe();
    }

    /// <summary>Lines of <paramref name="actual"/> that occur more often than once.</summary>
    public static List<string> Duplicates(IReadOnlyList<string> actual) =>
        OutputComparison.Count(actual).Where(p => p.Value > 1).Select(p => p.Key).ToList();

    internal static string? TryReadAllText(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    internal static List<string> SplitLines(string text)
    {
        var result = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            result.Add(line.TrimEnd());
        while (result.Count > 0 && result[^1].Length == 0) result.RemoveAt(result.Count - 1);
        return result;
    }
}
