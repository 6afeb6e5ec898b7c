using System.Globalization;
using StreamSql.Soak.Processes;
using Xunit.Abstractions;

namespace StreamSql.EndToEnd;

/// <summary>
/// A batch job killed mid-run, as Flink treats one: a batch job takes no checkpoints (even with
/// <c>execution.checkpointing.interval</c> set), so a killed run leaves no checkpoint and no visible output — its sinks'
/// part files stay hidden in-progress files until the job's input ends — and running the script again (with
/// <c>--from-latest-checkpoint</c>, which finds nothing to restore) computes the whole answer from the start.
/// </summary>
public sealed class BatchModeKillTests : IDisposable
{
    private const string JobName = "batchkill";
    // Enough rows that each subtask's csv part file outgrows its 64 KiB write buffer well before the end: the test's signal
    // that the job is mid-run is a hidden part file with bytes in it.
    private const int Rows = 60_000;
    private const int Groups = 10;
    private readonly KillTestWorkspace _workspace;

    public BatchModeKillTests(ITestOutputHelper output) => _workspace = new KillTestWorkspace("streamsql-e2e", JobName, output.WriteLine);

    public void Dispose() => _workspace.Dispose();

    private string Out => Path.Combine(_workspace.Scratch, "out");
    private string Agg => Path.Combine(_workspace.Scratch, "agg");

    [Fact]
    public async Task A_killed_batch_job_leaves_no_visible_output_and_its_rerun_writes_the_whole_answer_once()
    {
        File.WriteAllText(Path.Combine(_workspace.Scratch, "job.sql"), string.Join("\n",
            "SET 'execution.runtime-mode' = 'batch';",
            "SET 'execution.checkpointing.interval' = '200ms';",
            $"SET 'state.checkpoints.dir' = '{_workspace.Snapshots.CheckpointRoot}';",
            $"SET 'pipeline.name' = '{JobName}';",
            "SET 'parallelism.default' = '2';",
            "SET 'restart-strategy.type' = 'none';",
            "CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '10000', 'fields.id.kind' = 'sequence', "
            + $"'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            $"CREATE TABLE out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Out}', 'format' = 'csv');",
            $"CREATE TABLE agg (g BIGINT, c BIGINT, s BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Agg}', 'format' = 'csv');",
            "EXECUTE STATEMENT SET BEGIN",
            "INSERT INTO out SELECT id FROM src;",
            $"INSERT INTO agg SELECT MOD(id, {Groups}), COUNT(*), SUM(id) FROM src GROUP BY MOD(id, {Groups});",
            "END;"));

        using (var killed = Start())
        {
            Assert.True(await killed.WaitForSubmissionAsync(TimeSpan.FromSeconds(40)), _workspace.Report("the job was not submitted", killed));
            // The real signal that the job is mid-run: the pass-through sink has written rows into a hidden part file.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!HiddenFiles(Out).Any(f => new FileInfo(f).Length > 0) && !killed.HasExited && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            Assert.False(killed.HasExited, _workspace.Report("the job ended before it could be killed mid-run", killed));
            killed.Kill();
            await killed.WaitForExitAsync(TimeSpan.FromSeconds(20));
            _workspace.Log($"killed after {killed.Elapsed.TotalSeconds:F1} s");
            Assert.Empty(VisibleLines(Out));
            Assert.Empty(VisibleLines(Agg));
            Assert.False(HasCheckpoint(), _workspace.Report("a batch job took a checkpoint", killed));
        }

        using (var rerun = Start())
        {
            var exit = await rerun.WaitForExitAsync(TimeSpan.FromSeconds(90));
            Assert.True(exit == 0, _workspace.Report($"the rerun exited with {exit?.ToString(CultureInfo.InvariantCulture) ?? "a timeout"}", rerun));
        }

        var ids = VisibleLines(Out).Select(l => long.Parse(l, CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Rows).Select(i => (long)i), ids);
        var expected = Enumerable.Range(1, Rows).GroupBy(i => i % Groups)
            .Select(g => $"{g.Key},{g.Count()},{g.Sum(i => (long)i)}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, VisibleLines(Agg).Order(StringComparer.Ordinal));
        Assert.False(HasCheckpoint());
        _workspace.Passed = true;
    }

    private ShellJobProcess Start() =>
        ShellJobProcess.Start(_workspace.ShellDll, _workspace.Scratch, ["-f", "job.sql", "--from-latest-checkpoint"]);

    private static IEnumerable<string> AllFiles(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories) : [];

    private static IEnumerable<string> HiddenFiles(string directory) =>
        AllFiles(directory).Where(f => Path.GetFileName(f).StartsWith('.'));

    private static List<string> VisibleLines(string directory) =>
        AllFiles(directory).Where(f => Path.GetRelativePath(directory, f).Split(Path.DirectorySeparatorChar).All(p => !p.StartsWith('.') && !p.StartsWith('_')))
            .SelectMany(File.ReadLines).Where(l => l.Length > 0).ToList();

    private bool HasCheckpoint() =>
        Directory.Exists(_workspace.Snapshots.CheckpointRoot)
        && Directory.EnumerateDirectories(_workspace.Snapshots.CheckpointRoot, "chk-*", SearchOption.AllDirectories).Any();
}
