namespace StreamSql.Shell.Tests;

/// <summary>An updating SELECT in a script shows Flink's row-at-a-time changelog in the tableau result, as Flink's SQL
/// client does (found in the conformance hunt, hunta).</summary>
public sealed class HuntAShellChangelogTests
{
    [Fact]
    public async Task An_updating_select_shows_each_rows_update()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"streamsql-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "bids.csv"), "s1,4\ns2,5\ns1,2\n");
            var script = Path.Combine(dir, "job.sql");
            await File.WriteAllTextAsync(script,
                $"CREATE TABLE bids (supplier STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '{Path.Combine(dir, "bids.csv")}', 'format' = 'csv');\n"
                + "SELECT supplier, COUNT(*) AS n FROM bids GROUP BY supplier;\n");
            var output = new StringWriter();
            int code = await ShellApp.RunAsync(new[] { "-f", script }, new StringReader(""), output, new StringWriter(), terminal: false)
                .WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(0, code);
            var rows = output.ToString().ReplaceLineEndings("\n").Split('\n')
                .Where(l => l.StartsWith("| +", StringComparison.Ordinal) || l.StartsWith("| -", StringComparison.Ordinal))
                .Select(l => string.Join(" ", l.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                .ToList();
            Assert.Equal(new[] { "+I s1 1", "+I s2 1", "-U s1 1", "+U s1 2" }, rows);
            Assert.Contains("Received a total of 4 rows", output.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
