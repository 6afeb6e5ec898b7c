using System.Globalization;
using Npgsql;
using StreamSql.Postgres.Tests.Fixture;
using StreamSql.Soak.Processes;
using StreamSql.Soak.Rounds;
using Xunit.Abstractions;

namespace StreamSql.Postgres.Tests.Cdc;

/// <summary>
/// Change data capture across crashes, as a user meets it: <c>streamsql -f job.sql</c> runs as a separate process reading
/// a table through postgres-cdc into a GROUP BY (count and sum per group) that an exactly-once jdbc sink upserts into
/// another table, while the test keeps inserting, updating and deleting rows — also while the job is down. The process
/// is killed with SIGKILL twice (restarted with <c>--from-latest-checkpoint</c>), then stopped with a savepoint (SIGTERM)
/// and restarted <c>--from-savepoint</c>. A change read twice or lost would leave a count or a sum off, so at the end
/// the sink's table must equal the same aggregation computed by PostgreSQL.
/// </summary>
public sealed class PostgresCdcKillTests : IDisposable
{
    private const string JobName = "cdckill";
    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(60);


    private readonly KillTestWorkspace _workspace;

    public PostgresCdcKillTests(ITestOutputHelper output) => _workspace = new KillTestWorkspace("streamsql-pgcdc", JobName, output.WriteLine);

    public void Dispose() => _workspace.Dispose();

    [SkippableFact]
    public async Task Changes_made_while_the_job_runs_and_while_it_is_down_reach_the_sink_exactly_once_after_kills_and_a_savepoint()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdckill");
        await Pg.ExecuteAsync(db, """
            CREATE TABLE items (id INT PRIMARY KEY, g INT NOT NULL, v BIGINT NOT NULL);
            ALTER TABLE items REPLICA IDENTITY FULL;
            INSERT INTO items SELECT i, i % 5, i FROM generate_series(1, 200) AS i;
            CREATE TABLE summary (g INT PRIMARY KEY, n BIGINT, total BIGINT);
            """);
        WriteJob(db, batchRows: null);

        using var stopChanges = new CancellationTokenSource();
        var changes = ChangeRowsAsync(db, 201, stopChanges.Token);
        try
        {
            await KillAfterACheckpointAsync(1, ["--from-latest-checkpoint"]);
            await Task.Delay(300);
            await KillAfterACheckpointAsync(2, ["--from-latest-checkpoint"]);
            await Task.Delay(300);
            string savepoint = await StopWithSavepointAsync(3);
            await Task.Delay(300);
            using var last = Start(["--from-savepoint", savepoint]);
            if (!await last.WaitForSubmissionAsync(SubmitTimeout)) Fail("the last run did not submit its job", last);
            await Task.Delay(1500);
            stopChanges.Cancel();
            int made = await changes;
            _workspace.Log($"{made} changes made");

            await AssertSinkHoldsTheAggregationAsync(db, last, TimeSpan.FromSeconds(60));
        }
        finally
        {
            stopChanges.Cancel();
            try { await changes; } catch (OperationCanceledException) { }
            try
            {
                await Pg.ExecuteAsync(db, "SELECT pg_drop_replication_slot('cdckill')");
            }
            catch (PostgresException)
            {
                // Still held by a dying process: the database is a throwaway one.
            }
        }
        _workspace.Passed = true;
    }

    /// <summary>job.sql: the table read through postgres-cdc into a GROUP BY upserted by an exactly-once jdbc sink
    /// (<paramref name="batchRows"/>: the runtime's batch size, so a snapshot spans many batches and checkpoints).</summary>
    private void WriteJob(string db, int? batchRows, string checkpointInterval = "300ms")
    {
        var b = new NpgsqlConnectionStringBuilder(db);
        File.WriteAllText(Path.Combine(_workspace.Scratch, "job.sql"), string.Join("\n",
            $"SET 'execution.checkpointing.interval' = '{checkpointInterval}';",
            batchRows is { } rows ? $"SET 'execution.batch.max-rows' = '{rows}';" : "",
            $"SET 'state.checkpoints.dir' = '{_workspace.Snapshots.CheckpointRoot}';",
            $"SET 'execution.checkpointing.savepoint-dir' = '{_workspace.Snapshots.SavepointRoot}';",
            $"SET 'pipeline.name' = '{JobName}';",
            $"CREATE TABLE items (id INT, g INT, v BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'postgres-cdc', 'hostname' = '{b.Host}', "
            + $"'port' = '{b.Port}', 'username' = '{b.Username}', 'password' = '{b.Password}', 'database-name' = '{b.Database}', 'schema-name' = 'public', "
            + "'table-name' = 'items', 'slot.name' = 'cdckill', 'decoding.plugin.name' = 'pgoutput');",
            $"CREATE TABLE summary (g INT, n BIGINT, total BIGINT, PRIMARY KEY (g) NOT ENFORCED) WITH ('connector' = 'jdbc', "
            + $"'url' = '{PostgresServer.JdbcUrl(db)}', 'table-name' = 'summary', 'username' = '{b.Username}', 'password' = '{b.Password}', "
            + "'sink.delivery-guarantee' = 'exactly-once');",
            "INSERT INTO summary SELECT g, COUNT(*), SUM(v) FROM items GROUP BY g;"));
    }

    /// <summary>
    /// A large table's snapshot read in small batches, so checkpoints complete while it is read: the process is killed
    /// after a checkpoint that committed part of the snapshot, restored (it continues after the last key that checkpoint
    /// holds, under a new snapshot), killed again, and run to the end while rows change throughout. The sink must hold the
    /// table's aggregation exactly: a snapshot row emitted twice, or a change the continued snapshot already holds
    /// emitted again, would leave a count or a sum off.
    /// </summary>
    [SkippableFact]
    public async Task A_snapshot_killed_while_it_is_read_continues_after_its_last_checkpointed_key_exactly_once()
    {
        const int rows = 200_000;
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdcsnapkill");
        await Pg.ExecuteAsync(db, $"""
            CREATE TABLE items (id INT PRIMARY KEY, g INT NOT NULL, v BIGINT NOT NULL);
            ALTER TABLE items REPLICA IDENTITY FULL;
            INSERT INTO items SELECT i, i % 5, i FROM generate_series(1, {rows}) AS i;
            CREATE TABLE summary (g INT PRIMARY KEY, n BIGINT, total BIGINT);
            """);
        WriteJob(db, batchRows: 50, checkpointInterval: "100ms");

        using var stopChanges = new CancellationTokenSource();
        var changes = ChangeRowsAsync(db, rows + 1, stopChanges.Token);
        int cutShort = 0;
        try
        {
            for (int k = 1; k <= 2; k++)
            {
                await KillWhileTheSnapshotIsPartlyCommittedAsync(db, k, rows, k == 1 ? [] : ["--from-latest-checkpoint"]);
                // The sink commits what a completed checkpoint holds: a partial count means the kill cut the snapshot.
                long n = await CommittedRowsAsync(db);
                _workspace.Log($"run {k}: the sink holds {n} rows");
                if (n > 0 && n < rows * 19 / 20) cutShort++;
            }
            using var last = Start(["--from-latest-checkpoint"]);
            if (!await last.WaitForSubmissionAsync(SubmitTimeout)) Fail("the last run did not submit its job", last);
            await Task.Delay(1500);
            stopChanges.Cancel();
            _workspace.Log($"{await changes} changes made");

            await AssertSinkHoldsTheAggregationAsync(db, last, TimeSpan.FromSeconds(120));
        }
        finally
        {
            stopChanges.Cancel();
            try { await changes; } catch (OperationCanceledException) { }
            try
            {
                await Pg.ExecuteAsync(db, "SELECT pg_drop_replication_slot('cdckill')");
            }
            catch (PostgresException)
            {
                // Still held by a dying process: the database is a throwaway one.
            }
        }
        if (cutShort == 0) Fail("no kill landed while the snapshot was read (the sink held none or all of it each time)", null);
        _workspace.Passed = true;
    }

    /// <summary>Random inserts, updates (value and group) and deletes, each its own transaction, until cancelled.</summary>
    private static async Task<int> ChangeRowsAsync(string db, int next, CancellationToken stop)
    {
        var random = new Random(7);
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync(CancellationToken.None);
        int made = 0;
        while (!stop.IsCancellationRequested)
        {
            string sql = random.Next(3) switch
            {
                0 => $"INSERT INTO items VALUES ({next}, {next % 5}, {random.Next(1000)})",
                1 => $"UPDATE items SET v = v + {random.Next(1, 100)}, g = {random.Next(6)} WHERE id = {random.Next(1, next)}",
                _ => $"DELETE FROM items WHERE id = {random.Next(1, next)}",
            };
            if (sql.StartsWith("INSERT", StringComparison.Ordinal)) next++;
            await using (var command = new NpgsqlCommand(sql, connection)) await command.ExecuteNonQueryAsync(CancellationToken.None);
            made++;
            try { await Task.Delay(5, stop); } catch (OperationCanceledException) { break; }
        }
        return made;
    }

    private ShellJobProcess Start(IEnumerable<string> arguments) =>
        ShellJobProcess.Start(_workspace.ShellDll, _workspace.Scratch, new[] { "-f", "job.sql" }.Concat(arguments), new Dictionary<string, string>());

    private async Task KillAfterACheckpointAsync(int k, string[] arguments)
    {
        var before = _workspace.Snapshots.CompletedCheckpoints();
        using var run = Start(arguments);
        if (!await run.WaitForSubmissionAsync(SubmitTimeout)) Fail($"run {k} did not submit its job", run);
        long newest = before.Count > 0 ? before[0] : 0;
        while (!run.HasExited && _workspace.Snapshots.CompletedCheckpoints() is var now && (now.Count == 0 || now[0] <= newest))
        {
            if (run.Elapsed > SubmitTimeout) Fail($"run {k} completed no checkpoint", run);
            await Task.Delay(10);
        }
        int delay = _workspace.Random.Next(0, 400);
        await Task.Delay(delay);
        if (run.HasExited) Fail($"run {k} ended before the kill", run);
        run.Kill();
        await run.WaitForExitAsync(TimeSpan.FromSeconds(10));
        _workspace.Log($"run {k}: SIGKILL {delay} ms after a new checkpoint, checkpoints [{string.Join(", ", _workspace.Snapshots.CompletedCheckpoints())}]");
    }

    /// <summary>
    /// Kills the run as soon as the sink has committed part of the snapshot (after a short random delay, so the kill lands
    /// at different points of the next checkpoint), rather than at a fixed time after a checkpoint: how fast a snapshot is
    /// read depends on the machine, and a kill after it was read whole would not test its continuation.
    /// </summary>
    private async Task KillWhileTheSnapshotIsPartlyCommittedAsync(string db, int k, int rows, string[] arguments)
    {
        using var run = Start(arguments);
        if (!await run.WaitForSubmissionAsync(SubmitTimeout)) Fail($"run {k} did not submit its job", run);
        long start = await CommittedRowsAsync(db);
        long n = start;
        while (!run.HasExited && n <= start && n < rows * 19 / 20)
        {
            if (run.Elapsed > SubmitTimeout) Fail($"run {k} committed no part of the snapshot", run);
            await Task.Delay(5);
            n = await CommittedRowsAsync(db);
        }
        int delay = _workspace.Random.Next(0, 150);
        await Task.Delay(delay);
        if (run.HasExited) Fail($"run {k} ended before the kill", run);
        run.Kill();
        await run.WaitForExitAsync(TimeSpan.FromSeconds(10));
        _workspace.Log($"run {k}: SIGKILL {delay} ms after the sink held {n} rows, checkpoints [{string.Join(", ", _workspace.Snapshots.CompletedCheckpoints())}]");
    }

    private static async Task<long> CommittedRowsAsync(string db)
    {
        var committed = await Pg.RowsAsync(db, "SELECT coalesce(sum(n), 0) FROM summary");
        return long.Parse(committed[0], CultureInfo.InvariantCulture);
    }

    private async Task<string> StopWithSavepointAsync(int k)
    {
        var before = _workspace.Snapshots.CompletedCheckpoints();
        using var run = Start(["--from-latest-checkpoint"]);
        if (!await run.WaitForSubmissionAsync(SubmitTimeout)) Fail($"run {k} did not submit its job", run);
        long newest = before.Count > 0 ? before[0] : 0;
        while (!run.HasExited && _workspace.Snapshots.CompletedCheckpoints() is var now && (now.Count == 0 || now[0] <= newest))
        {
            if (run.Elapsed > SubmitTimeout) Fail($"run {k} completed no checkpoint", run);
            await Task.Delay(10);
        }
        await Task.Delay(_workspace.Random.Next(0, 400));
        run.Terminate();
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var savepoints = _workspace.Snapshots.CompletedSavepoints();
        _workspace.Log($"run {k}: SIGTERM, exit {exit?.ToString(CultureInfo.InvariantCulture) ?? "timeout"}, savepoints [{string.Join(", ", savepoints)}]");
        if (savepoints.Count == 0) Fail($"run {k} wrote no savepoint", run);
        return savepoints[^1];
    }

    /// <summary>Waits until the sink table equals PostgreSQL's own aggregation of the source table, then stops the last run.</summary>
    private async Task AssertSinkHoldsTheAggregationAsync(string db, ShellJobProcess last, TimeSpan patience)
    {
        var expected = await Pg.RowsAsync(db, "SELECT g, count(*), sum(v) FROM items GROUP BY g ORDER BY g");
        var deadline = DateTime.UtcNow + patience;
        List<string> actual;
        while (!(actual = await Pg.RowsAsync(db, "SELECT g, n, total FROM summary ORDER BY g")).SequenceEqual(expected))
        {
            if (DateTime.UtcNow > deadline || last.HasExited)
                Fail($"the sink does not hold the table's aggregation: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]", last);
            await Task.Delay(200);
        }
        _workspace.Log($"summary = [{string.Join(", ", actual)}]");
        last.Kill();
        await last.WaitForExitAsync(TimeSpan.FromSeconds(10));
    }

    private void Fail(string message, ShellJobProcess? run)
    {
        Assert.Fail(_workspace.Report(message, run));
    }
}
