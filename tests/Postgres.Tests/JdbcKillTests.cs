using System.Globalization;
using StreamSql.Postgres.Tests.Fixture;
using StreamSql.Soak.Processes;
using StreamSql.Soak.Rounds;
using Xunit.Abstractions;

namespace StreamSql.Postgres.Tests;

/// <summary>
/// The jdbc sink across crashes, as a user meets it: <c>streamsql -f job.sql</c> runs as a separate process writing into
/// PostgreSQL with periodic checkpoints and dies several times — killed by itself at the crash points of the exactly-once
/// commit (<c>STREAMSQL_JDBC_SINK_FAULT</c>: after a checkpoint completed with the epoch's transaction open; after the
/// transaction committed but before the checkpoint's state knows it) and with SIGKILL from outside at random moments —
/// each time restarted with <c>--from-latest-checkpoint</c>; the last run finishes. Checkpoints go to a directory or,
/// with <c>state.checkpoint-storage</c> = <c>jdbc</c>, to the database.
/// </summary>
public sealed partial class JdbcKillTests : IDisposable
{
    private const string JobName = "jdbckill";
    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(40);

    private string _db = "";
    private bool _jdbcStorage;
    private string? _recoveryPath;

    private readonly KillTestWorkspace _workspace;

    public JdbcKillTests(ITestOutputHelper output) => _workspace = new KillTestWorkspace("streamsql-jdbc", JobName, output.WriteLine);

    public void Dispose() => _workspace.Dispose();

    private string Storage() => _jdbcStorage
        ? $"SET 'state.checkpoint-storage' = 'jdbc';\nSET 'state.checkpoints.jdbc.url' = '{PostgresServer.JdbcUrl(_db)}';\nSET 'state.checkpoints.jdbc.username' = 'postgres';"
        : $"SET 'state.checkpoints.dir' = '{_workspace.Snapshots.CheckpointRoot}';";

    /// <summary>Writes job.sql: checkpointing, <paramref name="settings"/> (more SET lines), the datagen <c>src</c> of
    /// <paramref name="rows"/> ids (with <paramref name="sourceColumns"/>), the sink DDL and the INSERT; after a stop with
    /// savepoint it names the savepoint (<c>SET 'execution.savepoint.path'</c>).</summary>
    private void Script(int rows, int parallelism, string sink, string insert, string sourceColumns = "", string settings = "") => File.WriteAllText(Path.Combine(_workspace.Scratch, "job.sql"), string.Join("\n",
        "SET 'execution.checkpointing.interval' = '300ms';",
        Storage(),
        $"SET 'pipeline.name' = '{JobName}';",
        $"SET 'parallelism.default' = '{parallelism}';",
        "SET 'restart-strategy.type' = 'none';",
        _recoveryPath is null ? "" : $"SET 'execution.savepoint.path' = '{_recoveryPath}';",
        settings,
        $"CREATE TABLE src (id BIGINT{sourceColumns}) WITH ('connector' = 'datagen', 'rows-per-second' = '1500', 'fields.id.kind' = 'sequence', "
        + $"'fields.id.start' = '1', 'fields.id.end' = '{rows}');",
        sink,
        insert));

    private string Jdbc(string table, string extra = "") =>
        $"'connector' = 'jdbc', 'url' = '{PostgresServer.JdbcUrl(_db)}', 'table-name' = '{table}', 'username' = 'postgres', 'password' = 'pw'{extra}";

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_exactly_once_append_sink_killed_in_its_crash_windows_and_at_random_writes_every_row_exactly_once(bool jdbcStorage)
    {
        const int Rows = 6_000;
        _jdbcStorage = jdbcStorage;
        _db = await PostgresServer.Require().CreateDatabaseAsync("kill");
        await Pg.ExecuteAsync(_db, "CREATE TABLE out (id bigint NOT NULL)");
        Script(Rows, 2, $"CREATE TABLE out (id BIGINT) WITH ({Jdbc("out", ", 'sink.delivery-guarantee' = 'exactly-once'")});", "INSERT INTO out SELECT id FROM src;");

        await RunAsync(1, fault: "before-commit@3");
        await RunAsync(2, fault: "after-commit@2");
        await RunAsync(3, fault: null);
        await RunAsync(4, fault: null);
        long before = await CountAsync("out");
        await FinishAsync();

        var rows = await Pg.RowsAsync(_db, "SELECT count(*), count(DISTINCT id), min(id), max(id) FROM out");
        _workspace.Log($"written {rows[0]} ({before} before the final run)");
        if (rows[0] != $"{Rows}|{Rows}|1|{Rows}") Fail($"not exactly once: count|distinct|min|max = {rows[0]}", null);
        Assert.True(before > 0 && before < Rows, Report("the kills did not land mid-job"));
        _workspace.Passed = true;
    }

    /// <summary>The sink committed its rows since the last checkpoint at the end of the input and the process dies before
    /// the job finished: the restored run publishes none of them again.</summary>
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_exactly_once_append_sink_killed_after_its_end_of_input_commit_writes_every_row_exactly_once(bool jdbcStorage)
    {
        const int Rows = 3_000;
        _jdbcStorage = jdbcStorage;
        _db = await PostgresServer.Require().CreateDatabaseAsync("killend");
        await Pg.ExecuteAsync(_db, "CREATE TABLE out (id bigint NOT NULL)");
        Script(Rows, 1, $"CREATE TABLE out (id BIGINT) WITH ({Jdbc("out", ", 'sink.delivery-guarantee' = 'exactly-once'")});", "INSERT INTO out SELECT id FROM src;");

        await RunAsync(1, fault: "after-end-of-input-commit@1");
        long before = await CountAsync("out");
        if (before != Rows) Fail($"the kill came before the end-of-input commit: {before} rows of {Rows} written", null);
        await FinishAsync();

        var rows = await Pg.RowsAsync(_db, "SELECT count(*), count(DISTINCT id), min(id), max(id) FROM out");
        _workspace.Log($"written {rows[0]} ({before} before the final run)");
        if (rows[0] != $"{Rows}|{Rows}|1|{Rows}") Fail($"not exactly once: count|distinct|min|max = {rows[0]}", null);
        _workspace.Passed = true;
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_group_by_into_an_upsert_table_killed_at_random_ends_equal_to_the_batch_result(bool jdbcStorage)
    {
        const int Rows = 12_000;
        _jdbcStorage = jdbcStorage;
        _db = await PostgresServer.Require().CreateDatabaseAsync("killagg");
        await Pg.ExecuteAsync(_db, "CREATE TABLE agg (k integer PRIMARY KEY, n bigint NOT NULL, total bigint NOT NULL)");
        Script(Rows, 2, $"CREATE TABLE agg (k INT, n BIGINT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ({Jdbc("agg", ", 'sink.buffer-flush.max-rows' = '50'")});",
            "INSERT INTO agg SELECT CAST(id % 97 AS INT), COUNT(*), SUM(id) FROM src GROUP BY CAST(id % 97 AS INT);");

        await RunAsync(1, fault: null);
        await RunAsync(2, fault: null);
        await RunAsync(3, fault: null);
        long before = await CountAsync("agg");
        await FinishAsync();

        // The batch result of the same query over the same rows.
        var expected = Enumerable.Range(1, Rows).GroupBy(i => i % 97).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}|{g.Count()}|{g.Sum(i => (long)i)}").ToList();
        var actual = await Pg.TextRowsAsync(_db, "agg", "k, n, total", "k");
        _workspace.Log($"{actual.Count} groups ({before} before the final run)");
        if (!expected.SequenceEqual(actual))
            Fail("the table differs from the batch result: " + string.Join(", ", expected.Except(actual).Take(5)) + " expected, "
                + string.Join(", ", actual.Except(expected).Take(5)) + " found", null);
        _workspace.Passed = true;
    }

    /// <summary>A Top-3 per key (the rank number in the upsert key, so the rank emits <c>+U</c> alone) killed at random
    /// moments and restored, at parallelism 2 and then 1 (the rank buffers rescale by key group): the table ends as the
    /// batch Top-3. Scores are distinct, so the ranking has no ties to depend on arrival order.</summary>
    [SkippableFact]
    public async Task A_top_n_into_an_upsert_table_killed_at_random_ends_equal_to_the_batch_result()
    {
        const int Rows = 12_000;
        _db = await PostgresServer.Require().CreateDatabaseAsync("killrank");
        await Pg.ExecuteAsync(_db, "CREATE TABLE top3 (k integer, rn bigint, id bigint NOT NULL, score bigint NOT NULL, PRIMARY KEY (k, rn))");
        void Job(int parallelism) => Script(Rows, parallelism,
            $"CREATE TABLE top3 (k INT, rn BIGINT, id BIGINT, score BIGINT, PRIMARY KEY (k, rn) NOT ENFORCED) WITH ({Jdbc("top3", ", 'sink.buffer-flush.max-rows' = '50'")});",
            "INSERT INTO top3 SELECT k, rn, id, score FROM (SELECT k, id, score, ROW_NUMBER() OVER (PARTITION BY k ORDER BY score DESC) AS rn "
            + "FROM (SELECT CAST(id % 97 AS INT) AS k, id, id * 7919 % 12007 AS score FROM src)) WHERE rn <= 3;");

        Job(2);
        await RunAsync(1, fault: null);
        await RunAsync(2, fault: null);
        Job(1);
        await RunAsync(3, fault: null);
        await FinishAsync();

        var expected = Enumerable.Range(1, Rows).GroupBy(i => i % 97).OrderBy(g => g.Key)
            .SelectMany(g => g.OrderByDescending(i => i * 7919L % 12007).Take(3).Select((i, r) => $"{g.Key}|{r + 1}|{i}|{i * 7919L % 12007}")).ToList();
        var actual = await Pg.TextRowsAsync(_db, "top3", "k, rn, id, score", "k, rn");
        _workspace.Log($"{actual.Count} rows");
        if (!expected.SequenceEqual(actual))
            Fail("the table differs from the batch result: " + string.Join(", ", expected.Except(actual).Take(5)) + " expected, "
                + string.Join(", ", actual.Except(expected).Take(5)) + " found", null);
        _workspace.Passed = true;
    }

    /// <summary>A deduplication keeping each key's row of the latest rowtime (rowtimes out of order, so rows replace and
    /// fail to replace the kept one) killed at random moments and restored at parallelism 2 and then 1: the table ends as
    /// the batch answer.</summary>
    [SkippableFact]
    public async Task A_rowtime_deduplication_into_an_upsert_table_killed_at_random_ends_equal_to_the_batch_result()
    {
        const int Rows = 12_000;
        _db = await PostgresServer.Require().CreateDatabaseAsync("killdedup");
        await Pg.ExecuteAsync(_db, "CREATE TABLE latest (k integer PRIMARY KEY, id bigint NOT NULL)");
        void Job(int parallelism) => Script(Rows, parallelism,
            $"CREATE TABLE latest (k INT, id BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ({Jdbc("latest", ", 'sink.buffer-flush.max-rows' = '50'")});",
            "INSERT INTO latest SELECT k, id FROM (SELECT CAST(id % 97 AS INT) AS k, id, ROW_NUMBER() OVER (PARTITION BY CAST(id % 97 AS INT) ORDER BY ts DESC) AS rn FROM src) WHERE rn = 1;",
            ", ts AS TO_TIMESTAMP_LTZ(id * 7919 % 12007 * 1000, 3), WATERMARK FOR ts AS ts - INTERVAL '4' HOUR");
        Job(2);
        await RunAsync(1, fault: null);
        await RunAsync(2, fault: null);
        Job(1);
        await RunAsync(3, fault: null);
        await FinishAsync();

        var expected = Enumerable.Range(1, Rows).GroupBy(i => i % 97).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}|{g.MaxBy(i => i * 7919L % 12007)}").ToList();
        var actual = await Pg.TextRowsAsync(_db, "latest", "k, id", "k");
        _workspace.Log($"{actual.Count} rows");
        if (!expected.SequenceEqual(actual))
            Fail("the table differs from the batch result: " + string.Join(", ", expected.Except(actual).Take(5)) + " expected, "
                + string.Join(", ", actual.Except(expected).Take(5)) + " found", null);
        _workspace.Passed = true;
    }

    /// <summary>Keys k = id % 97 counted and kept while below 124 (so keys 1..69 retract their row with the last rows),
    /// written by bucket k / 10: ten keys' rows per sink key, through a SinkUpsertMaterializer, killed at random moments and
    /// restored at parallelism 2 and then 1 (its rows rescale by key group). Buckets 1..6 end deleted, 0 and 7..9 stay.</summary>
    [SkippableFact]
    public async Task A_query_with_several_rows_per_sink_key_killed_at_random_ends_equal_to_the_batch_result()
    {
        const int Rows = 12_000;
        _db = await PostgresServer.Require().CreateDatabaseAsync("killmat");
        await Pg.ExecuteAsync(_db, "CREATE TABLE buckets (b integer PRIMARY KEY, tag text NOT NULL)");
        void Job(int parallelism) => Script(Rows, parallelism,
            $"CREATE TABLE buckets (b INT, tag STRING, PRIMARY KEY (b) NOT ENFORCED) WITH ({Jdbc("buckets", ", 'sink.buffer-flush.max-rows' = '50'")});",
            "INSERT INTO buckets SELECT k / 10, 'live' FROM (SELECT CAST(id % 97 AS INT) AS k, COUNT(*) AS c FROM src GROUP BY CAST(id % 97 AS INT)) WHERE c < 124;");
        Job(2);
        await RunAsync(1, fault: null);
        await RunAsync(2, fault: null);
        Job(1);
        await RunAsync(3, fault: null);
        await FinishAsync();

        var expected = Enumerable.Range(1, Rows).GroupBy(i => i % 97).Where(g => g.Count() < 124)
            .Select(g => g.Key / 10).Distinct().Order().Select(b => $"{b}|live").ToList();
        var actual = await Pg.TextRowsAsync(_db, "buckets", "b, tag", "b");
        _workspace.Log($"{actual.Count} rows");
        if (!expected.SequenceEqual(actual))
            Fail("the table differs from the batch result: " + string.Join(", ", expected.Except(actual).Take(5)) + " expected, "
                + string.Join(", ", actual.Except(expected).Take(5)) + " found", null);
        _workspace.Passed = true;
    }

    private async Task<long> CountAsync(string table) => long.Parse((await Pg.RowsAsync(_db, $"SELECT count(*) FROM {table}"))[0], CultureInfo.InvariantCulture);

    private async Task<List<long>> CompletedCheckpointsAsync()
    {
        if (!_jdbcStorage) return _workspace.Snapshots.CompletedCheckpoints();
        try
        {
            var rows = await Pg.RowsAsync(_db, $"SELECT path FROM streamsql_checkpoint_files WHERE path LIKE '/jdbc/{JobName}/chk-%/_metadata'");
            return rows.Select(p => long.Parse(p.Split("chk-")[1].Split('/')[0], CultureInfo.InvariantCulture)).OrderDescending().ToList();
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == "42P01")
        {
            return new List<long>();
        }
    }

    private ShellJobProcess Start(string? fault)
    {
        var environment = new Dictionary<string, string>();
        if (fault is not null) environment["STREAMSQL_JDBC_SINK_FAULT"] = fault;
        return ShellJobProcess.Start(_workspace.ShellDll, _workspace.Scratch, new[] { "-f", "job.sql", "--from-latest-checkpoint" }, environment);
    }

    private async Task FinishAsync()
    {
        using var last = Start(null);
        var exit = await last.WaitForExitAsync(TimeSpan.FromSeconds(120));
        _workspace.Log($"final run: exit {exit?.ToString(CultureInfo.InvariantCulture) ?? "timeout"} after {last.Elapsed.TotalMilliseconds:0} ms");
        if (exit != 0) Fail("the final run did not finish cleanly", last);
    }

    /// <summary>Run <paramref name="k"/>: killed by itself at <paramref name="fault"/>, or with SIGKILL a random moment after
    /// its first new checkpoint, or (<paramref name="stopWithSavepoint"/>) then stopped with <c>STOP JOB ... WITH SAVEPOINT</c>
    /// from a second script, the later scripts naming the savepoint.</summary>
    private async Task RunAsync(int k, string? fault, bool stopWithSavepoint = false)
    {
        var before = await CompletedCheckpointsAsync();
        using var run = Start(fault);
        if (!await run.WaitForSubmissionAsync(SubmitTimeout)) Fail($"run {k} did not submit its job", run);
        if (fault is not null)
        {
            var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));
            _workspace.Log($"run {k}: fault {fault}, exit {exit?.ToString(CultureInfo.InvariantCulture) ?? "timeout"}, "
                + $"checkpoints before [{string.Join(", ", before)}] after [{string.Join(", ", await CompletedCheckpointsAsync())}]");
            if (exit != ShellJobProcess.KilledExitCode) Fail($"run {k} was to kill itself at {fault} but exited with {exit}", run);
            return;
        }
        long newest = before.Count > 0 ? before[0] : 0;
        while (!run.HasExited && await CompletedCheckpointsAsync() is var now && (now.Count == 0 || now[0] <= newest))
        {
            if (run.Elapsed > SubmitTimeout) Fail($"run {k} completed no checkpoint", run);
            await Task.Delay(10);
        }
        int delay = _workspace.Random.Next(0, 400);
        await Task.Delay(delay);
        if (run.HasExited) Fail($"run {k} ended before the kill: the job is too short for this test", run);
        if (stopWithSavepoint)
        {
            var stop = await SavepointStop.StopAsync(_workspace.ShellDll, _workspace.Scratch, run.JobId!, _workspace.Snapshots.SavepointRoot, SubmitTimeout);
            var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));
            _workspace.Log($"run {k}: STOP JOB WITH SAVEPOINT {delay} ms after a new checkpoint ({stop.Attempts} attempts, {stop.Took.TotalMilliseconds:0} ms): {stop.SavepointPath ?? "no savepoint"}, engine exit "
                + $"{exit?.ToString(CultureInfo.InvariantCulture) ?? "timeout"}\n{stop.Said}");
            if (stop.ExitCode != 0 || stop.SavepointPath is null || exit != 0) Fail($"run {k} did not stop with a savepoint", run);
            _recoveryPath = stop.SavepointPath;
            return;
        }
        run.Kill();
        await run.WaitForExitAsync(TimeSpan.FromSeconds(10));
        _workspace.Log($"run {k}: SIGKILL {delay} ms after a new checkpoint, checkpoints [{string.Join(", ", await CompletedCheckpointsAsync())}]");
    }

    private string Report(string message) => _workspace.Report(message);

    private void Fail(string message, ShellJobProcess? run)
    {
        var text = Report(message) + (run is null ? "" : $"\nstdout:\n{run.Stdout}\nstderr:\n{run.Stderr}");
        Assert.Fail(text);
    }
}
