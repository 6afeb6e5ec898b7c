using System.Globalization;
using StreamSql.Soak.Processes;
using StreamSql.Soak.Rounds;
using Xunit.Abstractions;

namespace StreamSql.Kafka.Tests;

/// <summary>
/// ChangelogNormalize across crashes: <c>streamsql -f job.sql</c> reads an upsert-kafka topic (upserts, repeated rows and
/// tombstones of many keys), aggregates it by group into an exactly-once upsert-kafka sink, and is killed with SIGKILL at
/// random moments after checkpoints, restored each time with <c>--from-latest-checkpoint</c> at another parallelism. The
/// normalize's last-row-per-key state must come back with the source offsets: if it were lost, a key seen again would
/// count as new and the sums would drift. The committed output, read as a table (last value per key, tombstones delete),
/// must equal the aggregation of the rows the input leaves.
/// </summary>
public sealed class UpsertKafkaKillTests : IDisposable
{
    private const string JobName = "upsertkill";
    private const int Records = 200_000;
    private const int Keys = 4_000;
    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(30);

    private readonly MockKafkaCluster _cluster = new();
    private readonly KillTestWorkspace _workspace;

    public UpsertKafkaKillTests(ITestOutputHelper output)
    {
        _workspace = new KillTestWorkspace("streamsql-kafka", JobName, output.WriteLine);
        Log($"cluster {_cluster.BootstrapServers}");
    }

    public void Dispose()
    {
        _cluster.Dispose();
        _workspace.Dispose();
    }

    private string MarkerLock => Path.Combine(_workspace.Scratch, "marker.lock");

    private JobSnapshotFolders Snapshots => _workspace.Snapshots;

    private void Log(string line) => _workspace.Log(line);

    [Fact]
    public Task An_upsert_source_aggregated_and_killed_at_random_ends_with_the_exact_table() =>
        KilledAtRandomEndsWithTheExactTableAsync("INSERT INTO by_group SELECT grp, COUNT(*), SUM(CAST(v AS BIGINT)) FROM users GROUP BY grp;",
            rows => rows.Sum(r => (long)r.Value).ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// A LEFT JOIN of two aggregations by group (the right one over the rows with v &gt;= 500 only, so some groups are
    /// padded, and stop being padded when such a row arrives) into the upsert-kafka sink keyed by the join key: the join's
    /// output is keyed by it, so as in Flink the sink asks for no -U, the aggregations send bare +U, and the join keeps each
    /// side's row by its key, replacing it on a +U (state that must come back whole after each kill, at another
    /// parallelism). The committed table must equal the join of the aggregations of the rows the input leaves.
    /// </summary>
    [Fact]
    public Task A_left_join_of_aggregations_into_an_upsert_sink_keyed_by_the_join_key_killed_at_random_ends_with_the_exact_table() =>
        KilledAtRandomEndsWithTheExactTableAsync("INSERT INTO by_group SELECT a.grp, a.n, b.total FROM (SELECT grp, COUNT(*) AS n FROM users GROUP BY grp) a "
            + "LEFT JOIN (SELECT grp, SUM(CAST(v AS BIGINT)) AS total FROM users WHERE v >= 500 GROUP BY grp) b ON a.grp = b.grp;",
            rows => rows.Any(r => r.Value >= 500) ? rows.Where(r => r.Value >= 500).Sum(r => (long)r.Value).ToString(CultureInfo.InvariantCulture) : "null");

    /// <param name="insert">Writes each group's count n and total into by_group (keyed by grp).</param>
    /// <param name="total">The expected total of a group's live rows, as the committed JSON has it.</param>
    private async Task KilledAtRandomEndsWithTheExactTableAsync(string insert, Func<IReadOnlyList<(int Group, int Value)>, string> total)
    {
        _cluster.CreateTopic("users", 3);
        _cluster.CreateTopic("by-group", 2);
        _cluster.CreateTopic("streamsql-sink-progress", 1);
        var data = new Random(17);
        var live = new Dictionary<int, (int Group, int Value)>();
        var records = new List<(int, string, string?)>(Records);
        for (int i = 0; i < Records; i++)
        {
            int id = data.Next(Keys);
            int partition = id % 3;
            int pick = data.Next(10);
            if (pick == 0)
            {
                records.Add((partition, id.ToString(CultureInfo.InvariantCulture), null));
                live.Remove(id);
            }
            else if (pick == 1 && live.TryGetValue(id, out var same))
                records.Add((partition, id.ToString(CultureInfo.InvariantCulture), Json(id, same.Group, same.Value)));
            else
            {
                var row = (Group: data.Next(40), Value: data.Next(-100, 1000));
                records.Add((partition, id.ToString(CultureInfo.InvariantCulture), Json(id, row.Group, row.Value)));
                live[id] = row;
            }
        }
        // The input arrives in four parts, the next only after a run was killed, and the source is bounded at the offsets the
        // last part ends at: a run killed before the last part cannot have read to the end, however fast the machine.
        const int Parts = 4;
        void ProducePart(int part) => _cluster.ProduceUpserts("users", records.Skip(part * Records / Parts).Take(Records / Parts));
        string stops = string.Join(";", Enumerable.Range(0, 3).Select(p => $"partition:{p},offset:{records.Count(r => r.Item1 == p)}"));
        void Script(int parallelism) => File.WriteAllText(Path.Combine(_workspace.Scratch, "job.sql"), string.Join("\n",
            "SET 'execution.checkpointing.interval' = '200ms';",
            $"SET 'state.checkpoints.dir' = '{Snapshots.CheckpointRoot}';",
            $"SET 'pipeline.name' = '{JobName}';",
            $"SET 'parallelism.default' = '{parallelism}';",
            $"CREATE TABLE users (id INT, grp INT, v INT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'users', "
            + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'key.format' = 'csv', 'value.format' = 'json', "
            + $"'scan.bounded.mode' = 'specific-offsets', 'scan.bounded.specific-offsets' = '{stops}');",
            $"CREATE TABLE by_group (grp INT, n BIGINT, total BIGINT, PRIMARY KEY (grp) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'by-group', "
            + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'key.format' = 'json', 'value.format' = 'json', "
            + "'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'upsert-kill');",
            insert));

        int[] parallelisms = [2, 3, 1];
        for (int k = 0; k < parallelisms.Length; k++)
        {
            ProducePart(k);
            Script(parallelisms[k]);
            await RunAsync(k + 1);
        }
        ProducePart(Parts - 1);
        Script(2);
        using (var last = Start())
        {
            var exit = await last.WaitForExitAsync(TimeSpan.FromSeconds(180));
            Log($"final run: exit {exit?.ToString(CultureInfo.InvariantCulture) ?? "timeout"} after {last.Elapsed.TotalMilliseconds:0} ms");
            if (exit != 0) Fail("the final run did not finish cleanly", last);
        }

        var expected = live.Values.GroupBy(r => r.Group)
            .ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => $"{g.Count()}|{total([.. g])}");
        var actual = new Dictionary<string, string>();
        foreach (var record in Enumerable.Range(0, 2).SelectMany(p => _cluster.ReadLog("by-group", p).Committed()))
        {
            using var key = System.Text.Json.JsonDocument.Parse(record.KeyText!);
            string grp = key.RootElement.GetProperty("grp").GetInt32().ToString(CultureInfo.InvariantCulture);
            if (record.ValueText is null)
            {
                actual.Remove(grp);
                continue;
            }
            using var value = System.Text.Json.JsonDocument.Parse(record.ValueText);
            var totalValue = value.RootElement.GetProperty("total");
            actual[grp] = $"{value.RootElement.GetProperty("n").GetInt64()}|{(totalValue.ValueKind == System.Text.Json.JsonValueKind.Null ? "null" : totalValue.GetInt64().ToString(CultureInfo.InvariantCulture))}";
        }
        var wrong = expected.Where(e => actual.GetValueOrDefault(e.Key) != e.Value).Select(e => $"{e.Key}: {actual.GetValueOrDefault(e.Key) ?? "none"} for {e.Value}")
            .Concat(actual.Keys.Except(expected.Keys).Select(k => $"{k}: {actual[k]} for none")).Take(10).ToList();
        Log($"{expected.Count} groups expected, {actual.Count} in the committed output");
        if (wrong.Count > 0) Fail($"the output table is wrong: {string.Join("; ", wrong)}", null);
        _workspace.Passed = true;
    }

    private static string Json(int id, int group, int value) =>
        $"{{\"id\": {id}, \"grp\": {group}, \"v\": {value}}}";

    private ShellJobProcess Start() =>
        ShellJobProcess.Start(_workspace.ShellDll, _workspace.Scratch, new[] { "-f", "job.sql", "--from-latest-checkpoint" },
            new Dictionary<string, string> { ["STREAMSQL_KAFKA_SINK_MARKER_LOCK"] = MarkerLock });

    /// <summary>Runs the job until it completed a new checkpoint, then kills it a random moment later (it cannot have ended:
    /// the last part of the input is not there yet).</summary>
    private async Task RunAsync(int k)
    {
        var before = Snapshots.CompletedCheckpoints();
        using var run = Start();
        if (!await run.WaitForSubmissionAsync(SubmitTimeout)) Fail($"run {k} did not submit its job", run);
        long newest = before.Count > 0 ? before[0] : 0;
        while (!run.HasExited && Snapshots.CompletedCheckpoints() is var now && (now.Count == 0 || now[0] <= newest))
        {
            if (run.Elapsed > SubmitTimeout) Fail($"run {k} completed no checkpoint", run);
            await Task.Delay(10);
        }
        int delay = _workspace.Random.Next(0, 300);
        await Task.Delay(delay);
        if (run.HasExited) Fail($"run {k} ended before its kill, before the last part of its input was there", run);
        using (await OutsideMarkerWindowAsync())
        {
            run.Kill();
            await run.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        Log($"run {k}: SIGKILL {delay} ms after a new checkpoint, checkpoints [{string.Join(", ", Snapshots.CompletedCheckpoints())}]");
    }

    /// <summary>The sink's marker sub-window (see <see cref="KafkaKillTests"/>): only a broker's read_committed filtering can
    /// judge it, so the kill waits until the sink is outside it.</summary>
    private async Task<IDisposable> OutsideMarkerWindowAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return new FileStream(MarkerLock, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(1);
            }
        }
    }

    private void Fail(string message, ShellJobProcess? run)
    {
        var text = _workspace.Report(message, run);
        Assert.Fail(text);
    }
}
