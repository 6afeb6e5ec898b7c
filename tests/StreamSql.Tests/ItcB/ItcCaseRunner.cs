using System.Text.RegularExpressions;

namespace StreamSql.Tests.ItcB;

/// <summary>
/// Runs an <see cref="ItcCase"/> as a bounded job (<c>CREATE TABLE ... AS</c> the query into a print sink, synchronously)
/// and compares the rows its changelog leaves with Flink's expected rows, with mini-batch off and on (Flink's
/// <c>MiniBatchMode</c> parameter: it changes only how changes are batched, never the final rows).
/// </summary>
internal static partial class ItcCaseRunner
{
    [GeneratedRegex(@"^([+-][IUD])\[(.*)\]\s*$", RegexOptions.Multiline)]
    private static partial Regex ChangelogLine();

    /// <summary>Each case by name, mini-batch off and on.</summary>
    public static TheoryData<string, bool> Variants(IEnumerable<ItcCase> cases)
    {
        var data = new TheoryData<string, bool>();
        foreach (var c in cases) { data.Add(c.Name, false); data.Add(c.Name, true); }
        return data;
    }

    public static Task RunAsync(IEnumerable<ItcCase> cases, string name, bool miniBatch) => RunAsync(cases.Single(c => c.Name == name), miniBatch);

    public static async Task RunAsync(ItcCase test, bool miniBatch)
    {
        var directory = StateFixtures.TempDirectory();
        try { await RunAsync(test, miniBatch, directory); }
        finally { StateFixtures.Delete(directory); }
    }

    private static string TableDdl(ItcTable table, string directory)
    {
        var path = Path.Combine(directory, table.Name);
        Directory.CreateDirectory(path);
        File.WriteAllLines(Path.Combine(path, "rows.json"), table.Rows);
        return $"CREATE TABLE {table.Name} ({table.Schema}) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'json')";
    }

    private static async Task RunAsync(ItcCase test, bool miniBatch, string directory)
    {
        var output = new StringWriter();
        var settings = new List<(string, string)>
        {
            ("table.dml-sync", "true"),
            ("table.local-time-zone", "UTC"),
            // Each row a batch followed by its watermark, as the ITCases' per-record watermark assigners.
            ("execution.batch.max-rows", "1"),
            ("pipeline.auto-watermark-interval", "0"),
        };
        settings.AddRange(test.Config);
        if (miniBatch)
        {
            settings.Add(("table.exec.mini-batch.enabled", "true"));
            settings.Add(("table.exec.mini-batch.allow-latency", "1 s"));
            settings.Add(("table.exec.mini-batch.size", "3"));
        }
        await using (var env = Sessions.Create(TextWriter.Synchronized(output), settings.ToArray()))
        {
            foreach (var table in test.Tables) env.ExecuteSql(TableDdl(table, directory));
            foreach (var view in test.Views) env.ExecuteSql(view);
            Assert.IsType<JobSubmittedResult>(await env.ExecuteSqlAsync($"CREATE TABLE sink_t WITH ('connector' = 'print') AS {test.Query}")
                .WaitAsync(TimeSpan.FromSeconds(30)));
        }
        var printed = output.ToString();
        var actual = Materialize(test.Name, printed).Select(Unspaced).ToList();
        var expected = test.Expected.Select(Unspaced).ToList();
        if (!test.Ordered)
        {
            expected.Sort(StringComparer.Ordinal);
            actual.Sort(StringComparer.Ordinal);
        }
        Assert.True(expected.SequenceEqual(actual),
            $"{test.Name} (mini-batch {(miniBatch ? "on" : "off")}):\n expected: {string.Join(" | ", expected)}\n actual:   {string.Join(" | ", actual)}\n printed:\n{printed}");
    }

    /// <summary>A row as both spellings agree on: the print sink joins fields with <c>", "</c>, Flink's test sinks
    /// with <c>","</c>, and a string field may itself hold <c>", "</c>.</summary>
    private static string Unspaced(string row) => row.Replace(", ", ",");

    /// <summary>The rows a changelog leaves (as Flink's <c>TestingRetractSink.getRetractResults</c>): a retraction takes
    /// back an equal row; retracting a row never inserted fails.</summary>
    private static List<string> Materialize(string name, string printed)
    {
        var rows = new List<string>();
        foreach (Match m in ChangelogLine().Matches(printed))
        {
            var kind = m.Groups[1].Value;
            var row = m.Groups[2].Value;
            if (kind is "+I" or "+U") rows.Add(row);
            else Assert.True(rows.Remove(row), $"{name}: {kind}[{row}] retracts a row never inserted; printed:\n{printed}");
        }
        return rows;
    }
}
