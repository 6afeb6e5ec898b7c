using System.Globalization;
using StreamSql.Soak.Processes;
using StreamSql.Soak.Rounds;
using Xunit.Abstractions;

namespace StreamSql.Kafka.Tests;

/// <summary>
/// Exactly-once into Kafka across crashes, as a user meets it: <c>streamsql -f job.sql</c> runs as a separate process
/// writing a datagen sequence into an exactly-once kafka sink with periodic checkpoints, and dies several times — killed
/// by itself at the two crash points of the sink's commit (<c>STREAMSQL_KAFKA_SINK_FAULT</c>: after a checkpoint completed
/// and before its Kafka transaction began; with the epoch's records in an open transaction) and with SIGKILL from outside
/// at random moments (outside only the sub-window between an epoch's marker and its commit acknowledgement, see
/// <see cref="MarkerLock"/>) — each time restarted with <c>--from-latest-checkpoint</c>; the last run finishes. Every input row
/// must be committed exactly once, decided from the log's commit/abort markers (the mock cluster's read_committed view
/// proves nothing: it does not hide aborted or open transactions).
/// </summary>
public sealed class KafkaKillTests : IDisposable
{
    private const string JobName = "kafkakill";
    private const int Rows = 6_000;
    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(30);

    private readonly MockKafkaCluster _cluster = new();
    private readonly KillTestWorkspace _workspace;
    private string _outTopic = "eo-out";
    private int _outPartitions = 3;

    public KafkaKillTests(ITestOutputHelper output)
    {
        _workspace = new KillTestWorkspace("streamsql-kafka", JobName, output.WriteLine);
        Log($"cluster {_cluster.BootstrapServers}");
    }

    public void Dispose()
    {
        _cluster.Dispose();
        _workspace.Dispose();
    }

    /// <summary>The sink holds this file (created exclusively) from writing an epoch's marker until its commit is acknowledged; the test
    /// takes it before a random SIGKILL. That sub-window's outcome only a broker's read_committed filtering can tell, which
    /// the mock does not do (on a real broker the restore decides it right); every other moment stays open to the kills.</summary>
    private string MarkerLock => Path.Combine(_workspace.Scratch, "marker.lock");

    private JobSnapshotFolders Snapshots => _workspace.Snapshots;

    private void Log(string line) => _workspace.Log(line);

    [Fact]
    public async Task An_exactly_once_sink_killed_in_its_crash_windows_and_at_random_commits_every_row_exactly_once()
    {
        _cluster.CreateTopic("eo-out", 3);
        _cluster.CreateTopic("streamsql-sink-progress", 1);
        File.WriteAllText(Path.Combine(_workspace.Scratch, "job.sql"), string.Join("\n",
            "SET 'execution.checkpointing.interval' = '300ms';",
            $"SET 'state.checkpoints.dir' = '{Snapshots.CheckpointRoot}';",
            $"SET 'pipeline.name' = '{JobName}';",
            "SET 'parallelism.default' = '2';",
            $"CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '1500', 'fields.id.kind' = 'sequence', "
            + $"'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            $"CREATE TABLE out (id BIGINT) WITH ('connector' = 'kafka', 'topic' = 'eo-out', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', "
            + "'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'kill-job');",
            "INSERT INTO out SELECT id FROM src;"));

        // The two crash points inside the sink's commit, injected exactly; then kills from outside at random moments.
        await RunAsync(1, fault: "before-commit@3");
        await RunAsync(2, fault: "after-data@2");
        await RunAsync(3, fault: null);
        await RunAsync(4, fault: null);
        int committedBefore = Committed().Count;

        using (var last = Start(null))
        {
            var exit = await last.WaitForExitAsync(TimeSpan.FromSeconds(90));
            Log($"final run: exit {exit?.ToString(CultureInfo.InvariantCulture) ?? "timeout"} after {last.Elapsed.TotalMilliseconds:0} ms");
            if (exit != 0) Fail("the final run did not finish cleanly", last);
        }

        var committed = Committed();
        var duplicates = committed.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).Take(10).ToList();
        var missing = Enumerable.Range(1, Rows).Select(i => (long)i).Except(committed).Take(10).ToList();
        var logs = Enumerable.Range(0, 3).Select(p => _cluster.ReadLog("eo-out", p)).ToList();
        int notCommitted = logs.Sum(l => l.Aborted().Count + l.Open().Count);
        Log($"committed {committed.Count} records ({committedBefore} before the final run); {notCommitted} records of aborted or dead transactions in the log");
        if (duplicates.Count > 0 || missing.Count > 0 || committed.Count != Rows)
            Fail($"not exactly once: {committed.Count} committed, duplicates [{string.Join(", ", duplicates)}], missing [{string.Join(", ", missing)}]", null);
        Assert.True(committedBefore > 0 && committedBefore < Rows, Report("the kills did not land mid-job"));
        Assert.True(notCommitted > 0, Report("no run died with records in an open transaction: the 'after-data' crash point was not met"));
        _workspace.Passed = true;
    }

    [Fact]
    public async Task An_at_least_once_sink_killed_at_random_loses_no_row()
    {
        const int Expected = 3_000;
        _cluster.CreateTopic("alo-out", 2);
        (_outTopic, _outPartitions) = ("alo-out", 2);
        File.WriteAllText(Path.Combine(_workspace.Scratch, "job.sql"), string.Join("\n",
            "SET 'execution.checkpointing.interval' = '300ms';",
            $"SET 'state.checkpoints.dir' = '{Snapshots.CheckpointRoot}';",
            $"SET 'pipeline.name' = '{JobName}';",
            $"CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '1500', 'fields.id.kind' = 'sequence', "
            + $"'fields.id.start' = '1', 'fields.id.end' = '{Expected}');",
            $"CREATE TABLE out (id BIGINT) WITH ('connector' = 'kafka', 'topic' = 'alo-out', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', "
            + "'format' = 'json', 'sink.delivery-guarantee' = 'at-least-once');",
            "INSERT INTO out SELECT id FROM src;"));
        await RunAsync(1, fault: null);
        await RunAsync(2, fault: null);
        using (var last = Start(null))
        {
            var exit = await last.WaitForExitAsync(TimeSpan.FromSeconds(90));
            if (exit != 0) Fail("the final run did not finish cleanly", last);
        }

        var written = Committed();
        var missing = Enumerable.Range(1, Expected).Select(i => (long)i).Except(written).Take(10).ToList();
        Log($"written {written.Count} records for {Expected} rows ({written.Count - written.Distinct().Count()} duplicates, as at-least-once allows)");
        if (missing.Count > 0) Fail($"rows lost: [{string.Join(", ", missing)}]", null);
        _workspace.Passed = true;
    }

    [Fact]
    public async Task A_kafka_to_kafka_job_killed_and_restored_at_other_parallelisms_reads_and_commits_every_record_exactly_once()
    {
        const int Records = 300_000, Partitions = 4;
        _cluster.CreateTopic("in", Partitions);
        _cluster.CreateTopic("eo-out", 3);
        _cluster.CreateTopic("streamsql-sink-progress", 1);
        // The input arrives in three parts, the next only after a run was killed, and the source is bounded at the offsets the
        // last part ends at: a killed run cannot have read to the end however fast the machine, so every kill lands mid-job.
        void Produce(int from, int to) => _cluster.Produce("in",
            Enumerable.Range(from, to - from + 1).Select(i => (i % Partitions, (string?)null, $"{{\"id\": {i}, \"pad\": \"{new string('x', i % 50)}\"}}")));
        string stops = string.Join(";", Enumerable.Range(0, Partitions).Select(p => $"partition:{p},offset:{Records / Partitions}"));
        void Script(int parallelism) => File.WriteAllText(Path.Combine(_workspace.Scratch, "job.sql"), string.Join("\n",
            "SET 'execution.checkpointing.interval' = '200ms';",
            $"SET 'state.checkpoints.dir' = '{Snapshots.CheckpointRoot}';",
            $"SET 'pipeline.name' = '{JobName}';",
            $"SET 'parallelism.default' = '{parallelism}';",
            $"CREATE TABLE src (id BIGINT, pad STRING) WITH ('connector' = 'kafka', 'topic' = 'in', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', "
            + $"'format' = 'json', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'specific-offsets', 'scan.bounded.specific-offsets' = '{stops}');",
            $"CREATE TABLE out (id BIGINT) WITH ('connector' = 'kafka', 'topic' = 'eo-out', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', "
            + "'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'k2k');",
            "INSERT INTO out SELECT id FROM src WHERE id % 3 <> 0;"));

        Produce(1, Records / 3);
        // The crash window first (the first commit of the run), then random kills.
        Script(2);
        await RunAsync(1, fault: "before-commit@1");
        Script(3);
        await RunAsync(2, fault: null);
        Produce(Records / 3 + 1, 2 * Records / 3);
        Script(1);
        await RunAsync(3, fault: null);
        int committedBefore = Committed().Count;
        Produce(2 * Records / 3 + 1, Records);
        Script(2);
        using (var last = Start(null))
        {
            var exit = await last.WaitForExitAsync(TimeSpan.FromSeconds(120));
            Log($"final run: exit {exit?.ToString(CultureInfo.InvariantCulture) ?? "timeout"} after {last.Elapsed.TotalMilliseconds:0} ms");
            if (exit != 0) Fail("the final run did not finish cleanly", last);
        }

        var expected = Enumerable.Range(1, Records).Where(i => i % 3 != 0).Select(i => (long)i).ToList();
        var committed = Committed();
        var duplicates = committed.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).Take(10).ToList();
        var missing = expected.Except(committed).Take(10).ToList();
        Log($"committed {committed.Count} of {expected.Count} records ({committedBefore} before the final run)");
        if (duplicates.Count > 0 || missing.Count > 0 || committed.Count != expected.Count)
            Fail($"not exactly once: {committed.Count} committed, duplicates [{string.Join(", ", duplicates)}], missing [{string.Join(", ", missing)}]", null);
        Assert.True(committedBefore > 0, Report("no run committed anything before the final run"));
        _workspace.Passed = true;
    }

    private List<long> Committed() =>
        _cluster.CommittedValues(_outTopic, _outPartitions).Select(v => System.Text.Json.JsonDocument.Parse(v).RootElement.GetProperty("id").GetInt64()).ToList();

    private ShellJobProcess Start(string? fault)
    {
        var environment = new Dictionary<string, string> { ["STREAMSQL_KAFKA_SINK_MARKER_LOCK"] = MarkerLock };
        if (fault is not null) environment["STREAMSQL_KAFKA_SINK_FAULT"] = fault;
        return ShellJobProcess.Start(_workspace.ShellDll, _workspace.Scratch, new[] { "-f", "job.sql", "--from-latest-checkpoint" }, environment);
    }

    private async Task RunAsync(int k, string? fault)
    {
        var before = Snapshots.CompletedCheckpoints();
        using var run = Start(fault);
        if (!await run.WaitForSubmissionAsync(SubmitTimeout)) Fail($"run {k} did not submit its job", run);
        if (fault is not null)
        {
            var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Log($"run {k}: fault {fault}, exit {exit?.ToString(CultureInfo.InvariantCulture) ?? "timeout"}, committed {Committed().Count}, "
                + $"checkpoints before [{string.Join(", ", before)}] after [{string.Join(", ", Snapshots.CompletedCheckpoints())}]");
            if (exit != ShellJobProcess.KilledExitCode) Fail($"run {k} was to kill itself at {fault} but exited with {exit}", run);
            return;
        }
        long newest = before.Count > 0 ? before[0] : 0;
        while (!run.HasExited && Snapshots.CompletedCheckpoints() is var now && (now.Count == 0 || now[0] <= newest))
        {
            if (run.Elapsed > SubmitTimeout) Fail($"run {k} completed no checkpoint", run);
            await Task.Delay(10);
        }
        int delay = _workspace.Random.Next(0, 400);
        await Task.Delay(delay);
        if (run.HasExited) Fail($"run {k} ended before the kill: the job is too short for this test", run);
        using (await OutsideMarkerWindowAsync())
        {
            run.Kill();
            await run.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        Log($"run {k}: SIGKILL {delay} ms after a new checkpoint, committed {Committed().Count}, checkpoints [{string.Join(", ", Snapshots.CompletedCheckpoints())}]");
    }

    private async Task<IDisposable> OutsideMarkerWindowAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                // Created exclusively (O_EXCL), deleted on close: the sink waits while it exists.
                return new FileStream(MarkerLock, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(1);
            }
        }
    }

    private string Report(string message) => _workspace.Report(message);

    private void Fail(string message, ShellJobProcess? run)
    {
        var text = _workspace.Report(message, run);
        Assert.Fail(text);
    }
}
