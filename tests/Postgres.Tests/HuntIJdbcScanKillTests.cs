using System.Globalization;
using StreamSql.Postgres.Tests.Fixture;
using StreamSql.Soak.Processes;
using Xunit.Abstractions;

namespace StreamSql.Postgres.Tests;

/// <summary>
/// A jdbc scan (bounded) into a GROUP BY into a jdbc upsert table, as <c>streamsql -f job.sql</c>, killed with SIGKILL at
/// random moments after checkpoints and restarted with <c>--from-latest-checkpoint</c> until it finishes: each row of the
/// table is counted exactly once — read in primary key order and continued after the last key checkpointed, or for a
/// table without a key skipping the rows checkpointed; postgres-cdc's snapshot startup mode alike. One row per sink flush keeps the job long enough to be killed.
/// </summary>
public sealed class HuntIJdbcScanKillTests : IDisposable
{
    private const string JobName = "huntiscankill";
    private const int Rows = 100_000;
    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(40);

    private readonly KillTestWorkspace _workspace;
    private string _db = "";

    public HuntIJdbcScanKillTests(ITestOutputHelper output) => _workspace = new KillTestWorkspace("streamsql-jdbcscan", JobName, output.WriteLine);

    public void Dispose() => _workspace.Dispose();

    private string Jdbc(string table, string extra = "") =>
        $"'connector' = 'jdbc', 'url' = '{PostgresServer.JdbcUrl(_db)}', 'table-name' = '{table}', 'username' = 'postgres', 'password' = 'pw'{extra}";

    /// <summary>postgres-cdc's <c>'scan.startup.mode' = 'snapshot'</c>, which reads as the jdbc scan does.</summary>
    private string CdcSnapshot()
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(_db);
        return $"'connector' = 'postgres-cdc', 'hostname' = '{b.Host}', 'port' = '{b.Port}', 'username' = '{b.Username}', 'password' = 'pw', "
            + $"'database-name' = '{b.Database}', 'schema-name' = 'public', 'table-name' = 'src', 'slot.name' = 'unused', 'scan.startup.mode' = 'snapshot', "
            + "'scan.incremental.snapshot.chunk.size' = '1000'";
    }

    [SkippableTheory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task A_scan_into_a_group_by_killed_at_random_counts_every_row_exactly_once(bool primaryKey, bool cdcSnapshot)
    {
        _db = await PostgresServer.Require().CreateDatabaseAsync("huntiscankill");
        await Pg.ExecuteAsync(_db, $"CREATE TABLE src (id bigint{(primaryKey ? " PRIMARY KEY" : "")}, v bigint); "
            + $"INSERT INTO src SELECT g, g * 7 FROM generate_series(1, {Rows}) g; "
            + "CREATE TABLE agg (k integer PRIMARY KEY, n bigint NOT NULL, total bigint NOT NULL)");
        File.WriteAllText(Path.Combine(_workspace.Scratch, "job.sql"), string.Join("\n",
            "SET 'execution.checkpointing.interval' = '300ms';",
            $"SET 'state.checkpoints.dir' = '{_workspace.Snapshots.CheckpointRoot}';",
            $"SET 'pipeline.name' = '{JobName}';",
            "SET 'restart-strategy.type' = 'none';",
            "SET 'execution.batch.max-rows' = '20';",
            $"CREATE TABLE src (id BIGINT, v BIGINT{(primaryKey ? ", PRIMARY KEY (id) NOT ENFORCED" : "")}) WITH ({(cdcSnapshot ? CdcSnapshot() : Jdbc("src"))});",
            $"CREATE TABLE agg (k INT, n BIGINT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ({Jdbc("agg", ", 'sink.buffer-flush.max-rows' = '1'")});",
            "INSERT INTO agg SELECT CAST(id % 97 AS INT), COUNT(*), SUM(v) FROM src GROUP BY CAST(id % 97 AS INT);"));

        for (int k = 1; k <= 3; k++) await KillAsync(k);
        using (var last = Start())
        {
            var exit = await last.WaitForExitAsync(TimeSpan.FromSeconds(180));
            _workspace.Log($"final run: exit {exit?.ToString(CultureInfo.InvariantCulture) ?? "timeout"} after {last.Elapsed.TotalMilliseconds:0} ms");
            if (exit != 0) Assert.Fail(_workspace.Report("the final run did not finish cleanly", last));
        }

        var expected = Enumerable.Range(1, Rows).GroupBy(i => i % 97).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}|{g.Count()}|{g.Sum(i => 7L * i)}").ToList();
        var actual = await Pg.TextRowsAsync(_db, "agg", "k, n, total", "k");
        if (!expected.SequenceEqual(actual))
            Assert.Fail(_workspace.Report("the table differs from the batch result: " + string.Join(", ", expected.Except(actual).Take(5)) + " expected, "
                + string.Join(", ", actual.Except(expected).Take(5)) + " found"));
        _workspace.Passed = true;
    }

    /// <summary>The scan split by scan.partition.* and read in parallel, killed at random and restored at another
    /// parallelism each time (2, 3, 1, then 2 to the end): every row within the bounds counted exactly once.</summary>
    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_partitioned_scan_killed_at_random_and_restored_at_other_parallelisms_counts_every_row_exactly_once(bool primaryKey)
    {
        _db = await PostgresServer.Require().CreateDatabaseAsync("huntiscanpkill");
        // g repeats and reaches beyond the bounds; rows outside [lower, upper] and NULLs are not read.
        await Pg.ExecuteAsync(_db, $"CREATE TABLE src (id bigint{(primaryKey ? " PRIMARY KEY" : "")}, g bigint, v bigint); "
            + $"INSERT INTO src SELECT i, CASE WHEN i % 53 = 0 THEN NULL ELSE (i * 31) % 1100 - 40 END, i * 7 FROM generate_series(1, {Rows}) i; "
            + "CREATE TABLE agg (k integer PRIMARY KEY, n bigint NOT NULL, total bigint NOT NULL)");
        void Job(int parallelism) => File.WriteAllText(Path.Combine(_workspace.Scratch, "job.sql"), string.Join("\n",
            "SET 'execution.checkpointing.interval' = '300ms';",
            $"SET 'state.checkpoints.dir' = '{_workspace.Snapshots.CheckpointRoot}';",
            $"SET 'pipeline.name' = '{JobName}';",
            "SET 'restart-strategy.type' = 'none';",
            "SET 'execution.batch.max-rows' = '20';",
            $"SET 'parallelism.default' = '{parallelism}';",
            $"CREATE TABLE src (id BIGINT, g BIGINT, v BIGINT{(primaryKey ? ", PRIMARY KEY (id) NOT ENFORCED" : "")}) WITH ({Jdbc("src",
                ", 'scan.partition.column' = 'g', 'scan.partition.num' = '5', 'scan.partition.lower-bound' = '0', 'scan.partition.upper-bound' = '999'")});",
            $"CREATE TABLE agg (k INT, n BIGINT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ({Jdbc("agg", ", 'sink.buffer-flush.max-rows' = '1'")});",
            "INSERT INTO agg SELECT CAST(id % 97 AS INT), COUNT(*), SUM(v) FROM src GROUP BY CAST(id % 97 AS INT);"));

        int[] parallelisms = [2, 3, 1];
        for (int k = 1; k <= parallelisms.Length; k++)
        {
            Job(parallelisms[k - 1]);
            await KillAsync(k);
        }
        Job(2);
        using (var last = Start())
        {
            var exit = await last.WaitForExitAsync(TimeSpan.FromSeconds(180));
            _workspace.Log($"final run: exit {exit?.ToString(CultureInfo.InvariantCulture) ?? "timeout"} after {last.Elapsed.TotalMilliseconds:0} ms");
            if (exit != 0) Assert.Fail(_workspace.Report("the final run did not finish cleanly", last));
        }

        var expected = await Pg.RowsAsync(_db, "SELECT (id % 97) || '|' || count(*) || '|' || sum(v) FROM src WHERE g BETWEEN 0 AND 999 GROUP BY id % 97 ORDER BY id % 97");
        var actual = await Pg.TextRowsAsync(_db, "agg", "k, n, total", "k");
        if (!expected.SequenceEqual(actual))
            Assert.Fail(_workspace.Report("the table differs from the batch result: " + string.Join(", ", expected.Except(actual).Take(5)) + " expected, "
                + string.Join(", ", actual.Except(expected).Take(5)) + " found"));
        _workspace.Passed = true;
    }

    private ShellJobProcess Start() =>
        ShellJobProcess.Start(_workspace.ShellDll, _workspace.Scratch, new[] { "-f", "job.sql", "--from-latest-checkpoint" }, new Dictionary<string, string>());

    private async Task KillAsync(int k)
    {
        var before = _workspace.Snapshots.CompletedCheckpoints();
        long newest = before.Count > 0 ? before[0] : 0;
        using var run = Start();
        if (!await run.WaitForSubmissionAsync(SubmitTimeout)) Assert.Fail(_workspace.Report($"run {k} did not submit its job", run));
        while (!run.HasExited && _workspace.Snapshots.CompletedCheckpoints() is var now && (now.Count == 0 || now[0] <= newest))
        {
            if (run.Elapsed > SubmitTimeout) Assert.Fail(_workspace.Report($"run {k} completed no checkpoint", run));
            await Task.Delay(10);
        }
        int delay = _workspace.Random.Next(0, 400);
        await Task.Delay(delay);
        if (run.HasExited) Assert.Fail(_workspace.Report($"run {k} ended before the kill: the job is too short for this test", run));
        run.Kill();
        await run.WaitForExitAsync(TimeSpan.FromSeconds(10));
        _workspace.Log($"run {k}: SIGKILL {delay} ms after a new checkpoint, checkpoints [{string.Join(", ", _workspace.Snapshots.CompletedCheckpoints())}]");
    }
}
