namespace StreamSql.Tests;

/// <summary>What a filesystem sink (csv, one BIGINT per line) has in its directory, and waiting for it.</summary>
internal static class SinkFiles
{
    /// <summary>The rows of the visible (committed) part files, sorted; with <paramref name="includePending"/> also those of
    /// closed part files waiting for their commit. A file committed (renamed) while it is listed is skipped.</summary>
    public static List<long> Rows(string directory, bool includePending = false)
    {
        var rows = new List<long>();
        if (!Directory.Exists(directory)) return rows;
        foreach (var file in Directory.GetFiles(directory))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') && !(includePending && name.EndsWith(".pending", StringComparison.Ordinal))) continue;
            string[] lines;
            try
            {
                lines = File.ReadAllLines(file);
            }
            catch (FileNotFoundException)
            {
                continue;
            }
            foreach (var line in lines)
                if (line.Length > 0) rows.Add(long.Parse(line));
        }
        rows.Sort();
        return rows;
    }

    public static async Task WaitUntil(Func<bool> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("timed out waiting until " + what);
            await Task.Delay(20);
        }
    }
}
