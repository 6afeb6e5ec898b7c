using StreamSql.Execution.Runtime;

namespace StreamSql.Tests;

/// <summary>
/// Flink's final-checkpoint rule: output a sink wrote after its last barrier is committed only by a checkpoint that holds
/// the sink's final state, so a failure between the end of a bounded input and that checkpoint replays the input
/// without publishing any row twice. Ordinary savepoints publish nothing.
/// </summary>
public sealed class FinalCheckpointTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private string Dir(string name) => Path.Combine(_dir, name);

    private StreamSqlEnvironment Session(string interval, params (string, string)[] settings)
    {
        var all = new List<(string, string)>
        {
            ("execution.checkpointing.interval", interval),
            ("state.checkpoints.dir", Dir("checkpoints")),
            ("state.savepoints.dir", Dir("savepoints")),
            ("restart-strategy.type", "fixed-delay"),
            ("restart-strategy.fixed-delay.attempts", "3"),
            ("restart-strategy.fixed-delay.delay", "1s"),
        };
        all.AddRange(settings);
        return Sessions.Create(null, all.ToArray());
    }

    private static List<long> Committed(string directory, bool includePending = false) => SinkFiles.Rows(directory, includePending);

    /// <summary>The part names (visible or pending) in a sink directory.</summary>
    private static HashSet<string> PartNames(string directory)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory)) names.Add(PartName(file));
        return names;
    }

    private static string PartName(string file)
    {
        var name = Path.GetFileName(file);
        if (name.StartsWith('.')) name = name[1..];
        int suffix = name.IndexOf(".pending", StringComparison.Ordinal);
        return suffix > 0 ? name[..suffix] : name;
    }

    /// <summary>Rows in closed part files (pending or committed) not among <paramref name="except"/>.</summary>
    private static int RowsOfNewParts(string directory, HashSet<string> except)
    {
        int rows = 0;
        foreach (var file in Directory.GetFiles(directory))
        {
            if (file.EndsWith(".inprogress", StringComparison.Ordinal) || except.Contains(PartName(file))) continue;
            try
            {
                rows += File.ReadAllLines(file).Count(l => l.Length > 0);
            }
            catch (FileNotFoundException)
            {
            }
        }
        return rows;
    }

    private static Task WaitUntil(Func<bool> condition, string what) => SinkFiles.WaitUntil(condition, what);

    private static IEnumerable<long> Range(long from, long count)
    {
        for (long i = 0; i < count; i++) yield return from + i;
    }

    [Fact]
    public async Task A_failure_after_a_bounded_member_ended_and_before_the_next_checkpoint_publishes_none_of_its_rows_twice()
    {
        var input = Dir("in");
        Directory.CreateDirectory(input);
        File.WriteAllLines(Path.Combine(input, "a.csv"), Range(1, 100).Select(i => i.ToString()));
        // Checkpointing is on, but no periodic checkpoint comes during the test: the failure is always "before the next one".
        await using var env = Session("1h");
        env.ExecuteSql("CREATE TABLE short_src (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', "
            + "'fields.id.start' = '1', 'fields.id.end' = '4000')");
        env.ExecuteSql($"CREATE TABLE long_src (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{input}', 'format' = 'csv', "
            + "'source.monitor-interval' = '50ms')");
        env.ExecuteSql($"CREATE TABLE short_out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Dir("short")}', 'format' = 'csv')");
        // One row per part file: each is closed (flushed, pending) as soon as it is written, so the test sees what was read.
        env.ExecuteSql($"CREATE TABLE long_out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Dir("long")}', 'format' = 'csv', "
            + "'sink.rolling-policy.file-size' = '1b')");
        env.ExecuteSql("EXECUTE STATEMENT SET BEGIN INSERT INTO short_out SELECT id FROM short_src; "
            + "INSERT INTO long_out SELECT id FROM long_src; END");
        var job = Assert.Single(env.Jobs);

        await WaitUntil(() => Committed(Dir("short"), includePending: true).Count == 4000, "the short member wrote all its rows");
        await WaitUntil(() => Committed(Dir("long"), includePending: true).Count == 100, "the long member read its first file");
        var firstRun = PartNames(Dir("short"));
        // The long member fails on a malformed record; the run restarts from the beginning (no checkpoint completed).
        File.WriteAllLines(Path.Combine(input, "b.csv"), ["101", "not-a-number"]);
        await WaitUntil(() => job.Status == JobStatus.Restarting, "the job failed and waits to restart");
        File.WriteAllLines(Path.Combine(input, "b.csv"), ["101", "102"]);
        await WaitUntil(() => job.Status == JobStatus.Running, "the job restarted");
        await WaitUntil(() => RowsOfNewParts(Dir("short"), except: firstRun) == 4000, "the short member wrote all its rows again");
        await WaitUntil(() => Committed(Dir("long"), includePending: true).Distinct().Count() == 102, "the long member read both files again");

        var savepoint = await job.StopWithSavepointAsync();
        await job.WaitAsync();
        Assert.Equal(JobStatus.Finished, job.Status);
        Assert.True(savepoint.IsSavepoint);
        Assert.Equal(Range(1, 4000), Committed(Dir("short")));
        Assert.Equal(Range(1, 102), Committed(Dir("long")));
    }

    [Fact]
    public async Task A_bounded_job_commits_its_output_through_a_final_checkpoint_and_finishes()
    {
        await using var env = Session("1h");
        env.ExecuteSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', "
            + "'fields.id.start' = '1', 'fields.id.end' = '5000')");
        env.ExecuteSql($"CREATE TABLE out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Dir("out")}', 'format' = 'csv')");
        env.ExecuteSql("INSERT INTO out SELECT id FROM src");
        var job = Assert.Single(env.Jobs);
        await job.WaitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(JobStatus.Finished, job.Status);
        Assert.Equal(Range(1, 5000), Committed(Dir("out")));
        // The checkpoint that committed it is the job's last; it holds every operator at its end.
        Assert.NotNull(job.LatestCheckpoint);
        Assert.False(job.LatestCheckpoint!.IsSavepoint);
    }

    [Fact]
    public async Task A_failure_after_an_ordinary_savepoint_recovers_without_publishing_anything_twice()
    {
        var input = Dir("in");
        Directory.CreateDirectory(input);
        File.WriteAllLines(Path.Combine(input, "a.csv"), Range(1, 200).Select(i => i.ToString()));
        // No periodic checkpoint completes during the test: recovery goes back to the beginning.
        await using var env = Session("1h");
        env.ExecuteSql($"CREATE TABLE src (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{input}', 'format' = 'csv', "
            + "'source.monitor-interval' = '50ms')");
        env.ExecuteSql($"CREATE TABLE out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Dir("out")}', 'format' = 'csv', "
            + "'sink.rolling-policy.file-size' = '1b')");
        env.ExecuteSql("INSERT INTO out SELECT id FROM src");
        var job = Assert.Single(env.Jobs);
        await WaitUntil(() => Committed(Dir("out"), includePending: true).Count == 200, "the first file was read");
        await job.TriggerSavepointAsync();
        var beforeFailure = PartNames(Dir("out"));
        // The job fails after the savepoint and before any checkpoint: it restarts from the beginning and reads a.csv again.
        File.WriteAllLines(Path.Combine(input, "c.csv"), ["201", "not-a-number"]);
        await WaitUntil(() => job.Status == JobStatus.Restarting, "the job failed and waits to restart");
        File.WriteAllLines(Path.Combine(input, "c.csv"), ["201", "202"]);
        await WaitUntil(() => RowsOfNewParts(Dir("out"), except: beforeFailure) >= 202, "the restarted run read everything");
        await job.StopWithSavepointAsync();
        await job.WaitAsync();
        Assert.Equal(JobStatus.Finished, job.Status);
        Assert.Equal(Range(1, 202), Committed(Dir("out")));
    }

    [Fact]
    public async Task A_job_with_two_live_inputs_resumed_from_its_aligned_checkpoint_writes_every_row_once()
    {
        (string, string)[] settings = [("parallelism.default", "2"), ("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION")];
        string Tables(int rate) =>
            $"CREATE TABLE a (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '{rate}', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '8000');"
            + $"CREATE TABLE b (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '{rate}', 'fields.id.kind' = 'sequence', 'fields.id.start' = '100001', 'fields.id.end' = '108000');"
            + $"CREATE TABLE out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Dir("out")}', 'format' = 'csv');";
        const string Insert = "INSERT INTO out SELECT id FROM a WHERE id % 2 = 0 UNION ALL SELECT id FROM b";
        await using (var env = Session("100ms", settings))
        {
            await env.ExecuteScriptAsync(Tables(3000));
            env.ExecuteSql(Insert);
            var job = Assert.Single(env.Jobs);
            await WaitUntil(() => job.Checkpoints.Count >= 4 && Committed(Dir("out")).Count > 0, "checkpoints of both inputs completed");
            await job.CancelAsync();
        }
        var options = new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10), RestoreFromLatestCheckpoint = true };
        foreach (var (k, v) in settings) options.Settings[k] = v;
        options.Settings["execution.checkpointing.interval"] = "100ms";
        options.Settings["state.checkpoints.dir"] = Dir("checkpoints");
        await using (var env = StreamSqlEnvironment.Create(options))
        {
            await env.ExecuteScriptAsync(Tables(100000));
            env.ExecuteSql(Insert);
            var job = Assert.Single(env.Jobs);
            Assert.NotNull(job.RestoredFrom);
            await job.WaitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(JobStatus.Finished, job.Status);
        }
        var expected = Range(1, 8000).Where(i => i % 2 == 0).Concat(Range(100001, 8000));
        Assert.Equal(expected, Committed(Dir("out")));
    }

    [Fact]
    public async Task Rows_written_before_an_ordinary_savepoint_are_not_published_until_a_checkpoint_completes()
    {
        await using var env = Session("1h");
        env.ExecuteSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', "
            + "'fields.id.start' = '1', 'fields.id.end' = '1000000')");
        env.ExecuteSql($"CREATE TABLE out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Dir("out")}', 'format' = 'csv', "
            + "'sink.rolling-policy.file-size' = '200b')");
        env.ExecuteSql("INSERT INTO out SELECT id FROM src");
        var job = Assert.Single(env.Jobs);
        await WaitUntil(() => Committed(Dir("out"), includePending: true).Count > 500, "rows were written");
        var savepoint = await job.TriggerSavepointAsync();
        Assert.True(savepoint.IsSavepoint);
        await Task.Delay(300);
        // Flink 1.15+: a savepoint is not a checkpoint; it commits no side effects. A failure now recovers from the last
        // checkpoint, and anything the savepoint had published would be written again.
        Assert.Empty(Committed(Dir("out")));
        await job.CancelAsync();
    }
}
