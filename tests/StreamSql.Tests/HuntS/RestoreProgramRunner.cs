using System.Text.RegularExpressions;

namespace StreamSql.Tests.HuntS;

/// <summary>
/// Runs a <see cref="RestoreProgram"/> as Flink's RestoreTestBase does: the job reads the rows before the savepoint
/// (its sources stay open), is stopped with a savepoint once each sink has printed the changelog Flink's consumed, and
/// is resumed from that savepoint over the rows after it (bounded sources, <c>table.dml-sync</c>); each phase's printed
/// changelog is compared with Flink's, as a multiset of lines or as the table it leaves (<see cref="Comparison"/>).
/// </summary>
internal static partial class RestoreProgramRunner
{
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(20);

    /// <param name="restoreParallelism">The parallelism of the resumed job (the first runs at 1), as the savepoint's key
    /// groups are spread over more subtasks.</param>
    public static async Task RunAsync(RestoreProgram program, int restoreParallelism = 1)
    {
        string dir = StateFixtures.TempDirectory();
        try
        {
            await RunAsync(program, dir, restoreParallelism);
        }
        finally
        {
            StateFixtures.Delete(dir);
        }
    }

    private static async Task RunAsync(RestoreProgram program, string dir, int restoreParallelism)
    {
        var connector = new RestoreValuesConnector();
        foreach (var s in program.Sources)
        {
            connector.Data[DataId(program, s, "before")] = s.Before;
            connector.Data[DataId(program, s, "after")] = s.After;
        }
        var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        string Printed(int from)
        {
            lock (synced) return output.ToString()[from..];
        }

        var options = new StreamSqlOptions { Output = synced, StopTimeout = TimeSpan.FromSeconds(10) };
        options.Connectors.Add(connector);
        options.Connectors.Add(new RestoreSinkConnector());
        options.Settings["execution.checkpointing.savepoint-dir"] = dir;
        options.Settings["pipeline.name"] = program.Id;
        options.Settings["parallelism.default"] = "1";
        options.Settings["table.local-time-zone"] = "UTC";
        // Flink's values source hands its operators one row at a time: one-row batches give its changelog row by row.
        options.Settings["execution.batch.max-rows"] = "1";
        foreach (var (k, v) in program.Config) options.Settings[k] = v;
        await using var env = StreamSqlEnvironment.Create(options);

        foreach (var s in program.Sources) env.ExecuteSql(SourceDdl(program, s, "before", bounded: !program.Restore));
        foreach (var sink in program.Sinks)
            env.ExecuteSql($"CREATE TABLE {sink.Name} ({sink.Schema}) {sink.Clauses} WITH ('connector' = 'hunt-sink'{sink.Options})");
        if (!program.Restore)
        {
            env.ExecuteSql("SET 'table.dml-sync' = 'true'");
            Assert.IsType<JobSubmittedResult>(await env.ExecuteSqlAsync(program.Sql).WaitAsync(PhaseTimeout));
            foreach (var sink in program.Sinks)
                Fail(program, sink, "at the end", Mismatch(program, sink, Lines(Printed(0), sink.Name), sink.Before, [], []), Printed(0));
            return;
        }
        Assert.IsType<JobSubmittedResult>(await env.ExecuteSqlAsync(program.Sql));

        var deadline = DateTime.UtcNow + PhaseTimeout;
        while (!program.Sinks.All(sink => Mismatch(program, sink, Lines(Printed(0), sink.Name), sink.Before, [], []) is null))
        {
            if (DateTime.UtcNow > deadline) break;
            await Task.Delay(10);
        }
        var stop = Assert.IsType<TableTextResult>(
            await env.ExecuteSqlAsync($"STOP JOB '{program.Id}' WITH SAVEPOINT").WaitAsync(TimeSpan.FromSeconds(30)));
        string savepoint = Assert.Single(stop.Rows)[0]!;
        string before = Printed(0);
        foreach (var sink in program.Sinks)
            Fail(program, sink, "before the savepoint", Mismatch(program, sink, Lines(before, sink.Name), sink.Before, [], []), before);

        if (program.PauseBeforeRestore > TimeSpan.Zero) await Task.Delay(program.PauseBeforeRestore);
        foreach (var s in program.Sources)
        {
            env.ExecuteSql($"DROP TABLE {s.Name}");
            env.ExecuteSql(SourceDdl(program, s, "after", bounded: true));
        }
        env.ExecuteSql("SET 'table.dml-sync' = 'true'");
        env.ExecuteSql($"SET 'execution.savepoint.path' = '{savepoint}'");
        env.ExecuteSql($"SET 'parallelism.default' = '{restoreParallelism}'");
        var resumed = Assert.IsType<JobSubmittedResult>(await env.ExecuteSqlAsync(program.Sql).WaitAsync(PhaseTimeout));
        Assert.Equal(savepoint, resumed.Job.RestoredFrom);
        string after = Printed(before.Length);
        foreach (var sink in program.Sinks)
        {
            var beforeLines = Lines(before, sink.Name);
            Fail(program, sink, "after the restore", Mismatch(program, sink, Lines(after, sink.Name), sink.After, beforeLines, sink.Before), before + after);
        }
    }

    private static string DataId(RestoreProgram program, RestoreSource source, string phase) => $"{program.Id}/{source.Name}/{phase}";

    private static string SourceDdl(RestoreProgram program, RestoreSource source, string phase, bool bounded) =>
        $"CREATE TABLE {source.Name} ({source.Schema}) WITH ('connector' = 'hunt-values', 'data-id' = '{DataId(program, source, phase)}', " +
        $"'changelog-mode' = '{source.ChangelogMode}', 'bounded' = '{(bounded ? "true" : "false")}')";

    /// <summary>The changelog lines (<c>+I[...]</c>) <paramref name="sink"/> wrote.</summary>
    private static List<string> Lines(string printed, string sink) =>
        PrintedRow().Matches(printed).Where(m => m.Groups[1].Value == sink).Select(m => m.Groups[2].Value).ToList();

    /// <summary>What differs between a phase's printed changelog and Flink's, or null. For a materialized comparison,
    /// the lines of the earlier phase (ours and Flink's) are applied first.</summary>
    private static string? Mismatch(RestoreProgram program, RestoreSink sink, List<string> actual, IReadOnlyList<string> expected,
        List<string> actualEarlier, IReadOnlyList<string> expectedEarlier)
    {
        if (program.Comparison == Comparison.Changelog)
        {
            var a = actual.Order(StringComparer.Ordinal).ToList();
            var e = expected.Order(StringComparer.Ordinal).ToList();
            return a.SequenceEqual(e) ? null : $"changelog (as a multiset)\n  Flink:\n    {string.Join("\n    ", e)}\n  ours:\n    {string.Join("\n    ", a)}";
        }
        var keys = sink.KeyPositions();
        var ours = Materialize(actualEarlier.Concat(actual), keys);
        var flink = Materialize(expectedEarlier.Concat(expected), keys);
        return ours.SequenceEqual(flink) ? null
            : $"materialized table\n  Flink:\n    {string.Join("\n    ", flink)}\n  ours:\n    {string.Join("\n    ", ours)}\n  our changelog:\n    {string.Join("\n    ", actual)}";
    }

    /// <summary>The rows a changelog leaves: by the key positions when there are some (upserts: <c>+I</c>/<c>+U</c> put
    /// the row, <c>-U</c>/<c>-D</c> delete its key), else as a multiset.</summary>
    private static List<string> Materialize(IEnumerable<string> changelog, int[] keys)
    {
        var byKey = new Dictionary<string, string>();
        var counts = new Dictionary<string, int>();
        foreach (string line in changelog)
        {
            bool add = line.StartsWith("+", StringComparison.Ordinal);
            string row = line[3..^1];
            if (keys.Length > 0)
            {
                var fields = row.Split(", ");
                string key = string.Join(", ", keys.Select(k => fields[k]));
                if (add) byKey[key] = row;
                else byKey.Remove(key);
            }
            else counts[row] = counts.GetValueOrDefault(row) + (add ? 1 : -1);
        }
        var rows = keys.Length > 0 ? byKey.Values.ToList() : counts.SelectMany(c => Enumerable.Repeat(c.Value < 0 ? "(retracted absent) " + c.Key : c.Key, Math.Abs(c.Value))).ToList();
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static void Fail(RestoreProgram program, RestoreSink sink, string phase, string? mismatch, string printed)
    {
        if (mismatch is not null)
            Assert.Fail($"{program.Id}: sink {sink.Name} {phase}: {mismatch}\nprinted:\n{printed}");
    }

    [GeneratedRegex(@"^(\w+)> ([+-][IUD]\[.*\])\r?$", RegexOptions.Multiline)]
    private static partial Regex PrintedRow();
}
