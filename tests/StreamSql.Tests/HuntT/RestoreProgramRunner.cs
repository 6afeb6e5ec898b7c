using System.Text.RegularExpressions;

namespace StreamSql.Tests.HuntT;

/// <summary>
/// Runs a <see cref="RestoreProgram"/> as Flink's <c>RestoreTestBase</c> does: the sources (json files in a monitored
/// directory, so the job does not end and no end-of-input watermark fires anything) produce their rows before the
/// savepoint; once the sink has printed the expected rows the job is stopped with a savepoint. Then the rows after
/// the restore are added, the sources are declared bounded (Flink's after-restore source terminates, so its final
/// watermark fires what is left) and the same INSERT resumes from the savepoint in a fresh session.
/// </summary>
internal static partial class RestoreProgramRunner
{
    [GeneratedRegex(@"^(?:\S+> )?([+-][IUD]\[.*\])\s*$", RegexOptions.Multiline)]
    private static partial Regex ChangelogLine();

    public static async Task RunAsync(RestoreProgram program, string directory, int parallelismBefore = 1, int parallelismAfter = 1)
    {
        var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        string savepoint;
        await using (var before = Session(program, synced, directory, parallelismBefore))
        {
            foreach (var source in program.Sources)
            {
                var path = Path.Combine(directory, "input", source.Name);
                Directory.CreateDirectory(path);
                if (program.Sources.Count == 1) await File.WriteAllLinesAsync(Path.Combine(path, "p1.json"), source.Before);
                before.ExecuteSql(SourceDdl(source, path, monitored: true));
            }
            Declare(before, program, directory, before: true);
            Assert.IsType<JobSubmittedResult>(before.ExecuteSql(program.Sql));
            if (program.Sources.Count > 1) await FeedInLockstepAsync(program.Sources, directory);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (Changes(Printed(synced, output)).Count < program.ExpectedBefore.Count && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            await Task.Delay(150); // a row too many would show up now
            var stop = Assert.IsType<TableTextResult>(
                await before.ExecuteSqlAsync($"STOP JOB '{program.Name}' WITH SAVEPOINT").WaitAsync(TimeSpan.FromSeconds(30)));
            savepoint = Assert.Single(stop.Rows)[0]!;
        }
        AssertSameChanges(program, program.ExpectedBefore, Changes(Printed(synced, output)), "before the savepoint");

        var afterOutput = new StringWriter();
        await using (var after = Session(program, afterOutput, directory, parallelismAfter))
        {
            foreach (var source in program.Sources)
            {
                var path = Path.Combine(directory, "input", source.Name);
                await File.WriteAllLinesAsync(Path.Combine(path, "p2.json"), source.After);
                after.ExecuteSql(SourceDdl(source, path, monitored: false));
            }
            Declare(after, program, directory, before: false);
            after.ExecuteSql("SET 'table.dml-sync' = 'true'");
            var resumed = Assert.IsType<JobSubmittedResult>(
                await after.ExecuteSqlAsync($"EXECUTE {program.Sql} FROM SAVEPOINT '{savepoint}'").WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(savepoint, resumed.Job.RestoredFrom);
        }
        AssertSameChanges(program, program.ExpectedAfter, Changes(afterOutput.ToString()), "after the restore");
    }

    /// <summary>Several sources get their rows abreast: row i of every source, then a pause, then row i + 1, as
    /// Flink's values sources emit at the same pace. Otherwise one source could run ahead and which rows are late
    /// (behind the smaller of the two watermarks) would be a race.</summary>
    private static async Task FeedInLockstepAsync(IReadOnlyList<RestoreSource> sources, string directory)
    {
        int rows = sources.Max(s => s.Before.Count);
        for (int i = 0; i < rows; i++)
        {
            foreach (var source in sources)
            {
                if (i >= source.Before.Count) continue;
                var path = Path.Combine(directory, "input", source.Name);
                var hidden = Path.Combine(path, $".p1-{i:D4}.json"); // written whole before the source can see it
                await File.WriteAllTextAsync(hidden, source.Before[i] + "\n");
                File.Move(hidden, Path.Combine(path, $"p1-{i:D4}.json"));
            }
            await Task.Delay(FeedPause);
        }
    }

    /// <summary>Long enough for the monitored sources (<c>source.monitor-interval</c> 10 ms) to read a row and pass it on.</summary>
    private static readonly TimeSpan FeedPause = TimeSpan.FromMilliseconds(60);

    private static StreamSqlEnvironment Session(RestoreProgram program, TextWriter output, string directory, int parallelism)
    {
        var settings = new List<(string, string)>
        {
            ("execution.checkpointing.savepoint-dir", Path.Combine(directory, "savepoints")),
            ("pipeline.name", program.Name),
            ("parallelism.default", parallelism.ToString()),
            // Each row a batch of its own, followed by its watermark: as the watermark of Flink's values source in these
            // programs, whose late rows are late by the watermark of the row before them.
            ("execution.batch.max-rows", "1"),
            ("pipeline.auto-watermark-interval", "0"),
        };
        settings.AddRange(program.Config);
        return Sessions.Create(output, settings.ToArray());
    }

    private static void Declare(StreamSqlEnvironment env, RestoreProgram program, string directory, bool before)
    {
        foreach (var lookup in program.Lookups)
        {
            var path = Path.Combine(directory, "lookup", lookup.Name, before ? "p1" : "p2");
            Directory.CreateDirectory(path);
            File.WriteAllLines(Path.Combine(path, "rows.json"), before ? lookup.Before : lookup.After);
            env.ExecuteSql(SourceDdl(lookup, path, monitored: false));
        }
        env.ExecuteSql($"CREATE TABLE {program.SinkName} ({program.SinkSchema}) WITH ('connector' = 'print')");
        foreach (var statement in program.Setup) env.ExecuteSql(statement);
    }

    private static string SourceDdl(RestoreSource source, string path, bool monitored) =>
        $"CREATE TABLE {source.Name} ({source.Schema}) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = '{source.Format}'" +
        (monitored ? ", 'source.monitor-interval' = '10ms')" : ")");

    private static string Printed(TextWriter synced, StringWriter output)
    {
        lock (synced) return output.ToString();
    }

    private static List<string> Changes(string printed) =>
        ChangelogLine().Matches(printed).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The rows a changelog leaves, each as <c>+I[...]</c> (Flink's materialized results of a sink without a key).</summary>
    private static List<string> Materialize(List<string> changes, string when)
    {
        var rows = new List<string>();
        foreach (var change in changes)
        {
            var row = "+I" + change[2..];
            if (change.StartsWith("+I") || change.StartsWith("+U")) rows.Add(row);
            else Assert.True(rows.Remove(row), $"{when}: {change} retracts a row this run did not insert; printed:\n  {string.Join("\n  ", changes)}");
        }
        return rows;
    }

    /// <summary>The changelogs as multisets (Flink's restore tests compare them in any order).</summary>
    private static void AssertSameChanges(RestoreProgram program, IReadOnlyList<string> expected, List<string> actual, string when)
    {
        var printed = actual;
        if (program.Materialized) actual = Materialize(printed, when);
        if (program.Ordered) Assert.Equal(expected, actual);
        var missing = expected.ToList();
        var unexpected = new List<string>();
        foreach (var row in actual)
            if (!missing.Remove(row)) unexpected.Add(row);
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"changelog {when} differs\n missing:    {string.Join("\n             ", missing)}\n unexpected: {string.Join("\n             ", unexpected)}\n all printed:\n  {string.Join("\n  ", printed)}");
    }
}
