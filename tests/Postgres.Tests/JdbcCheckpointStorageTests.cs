using StreamSql.Postgres.Tests.Fixture;

namespace StreamSql.Postgres.Tests;

/// <summary>
/// <c>execution.checkpointing.storage</c> = <c>jdbc</c>: checkpoints in PostgreSQL tables, with the filesystem storage's
/// behaviour — retention, SHOW CHECKPOINTS, FROM LATEST CHECKPOINT, falling back past a checkpoint that cannot be restored,
/// a checkpoint without metadata never restored — and savepoints still in a directory.
/// </summary>
public sealed class JdbcCheckpointStorageTests : IDisposable
{
    private readonly string _savepoints = Path.Combine(Path.GetTempPath(), "streamsql-jdbc-sp-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_savepoints)) Directory.Delete(_savepoints, recursive: true);
    }

    private StreamSqlEnvironment Session(string db, int rate, string retention = "RETAIN_ON_CANCELLATION")
    {
        var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(20) });
        foreach (var (key, value) in new[]
        {
            ("execution.checkpointing.interval", "200ms"), ("state.checkpoint-storage", "jdbc"), ("state.checkpoints.jdbc.url", PostgresServer.JdbcUrl(db)),
            ("state.checkpoints.jdbc.username", "postgres"), ("state.checkpoints.jdbc.password", "pw"), ("state.checkpoints.num-retained", "2"),
            ("execution.checkpointing.externalized-checkpoint-retention", retention), ("state.savepoints.dir", _savepoints), ("pipeline.name", "seq"),
        })
            env.ExecuteSql($"SET '{key}' = '{value}'");
        env.ExecuteSql($"CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '{rate}', 'number-of-rows' = '20000', "
            + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '20000')");
        env.ExecuteSql($"CREATE TABLE out (id BIGINT) WITH ('connector' = 'jdbc', 'url' = '{PostgresServer.JdbcUrl(db)}', 'table-name' = 'out', "
            + "'username' = 'postgres', 'password' = 'pw', 'sink.delivery-guarantee' = 'exactly-once')");
        return env;
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("timed out waiting until " + what);
            await Task.Delay(50);
        }
    }

    private static Task<List<string>> Checkpoints(string db) =>
        Pg.RowsAsync(db, "SELECT path FROM streamsql_checkpoint_files WHERE path LIKE '%/_metadata' ORDER BY path");

    [SkippableFact]
    public async Task Checkpoints_kept_in_the_database_are_retained_shown_and_restored_from_the_latest()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("chk");
        await Pg.ExecuteAsync(db, "CREATE TABLE out (id bigint)");
        await using (var env = Session(db, rate: 4000))
        {
            var job = Assert.IsType<JobSubmittedResult>(await env.ExecuteSqlAsync("INSERT INTO out SELECT id FROM src")).Job;
            await WaitUntil(() => Task.FromResult(job.Checkpoints.Count >= 4), "four checkpoints completed");
            var shown = Assert.IsType<TableTextResult>(env.ExecuteSql($"SHOW CHECKPOINTS '{job.Id}'"));
            Assert.True(shown.Rows.Count >= 4);
            Assert.True(shown.Rows.Any(r => r.Any(c => c is not null && c.Contains("/jdbc/seq/chk-", StringComparison.Ordinal))), string.Join(" | ", shown.Rows[0]));
            await job.CancelAsync();
        }
        // num-retained = 2: only the newest two are in the table, each with its files.
        var kept = (await Checkpoints(db)).OrderBy(p => long.Parse(p.Split("chk-")[1].Split('/')[0])).ToList();
        Assert.Equal(2, kept.Count);
        Assert.All(kept, p => Assert.StartsWith("/jdbc/seq/chk-", p));
        var files = await Pg.RowsAsync(db, "SELECT count(*) FROM streamsql_checkpoint_files WHERE path NOT LIKE '%/_metadata'");
        Assert.True(int.Parse(files[0]) >= 2);

        await using (var env = Session(db, rate: 400000, retention: "NO_EXTERNALIZED_CHECKPOINTS"))
        {
            var result = Assert.IsType<JobSubmittedResult>(await env.ExecuteSqlAsync("EXECUTE INSERT INTO out SELECT id FROM src FROM LATEST CHECKPOINT"));
            Assert.Contains(result.Notices, n => n.Message.Contains(kept[^1][..^"/_metadata".Length], StringComparison.Ordinal));
            await result.Job.WaitAsync();
            Assert.Null(result.Job.FailureMessage);
        }
        // Exactly once: the rows of the checkpoints before the cancel, then the rest from the restored position.
        Assert.Equal(new[] { "20000|20000|1|20000" }, await Pg.RowsAsync(db, "SELECT count(*), count(DISTINCT id), min(id), max(id) FROM out"));
    }

    [SkippableFact]
    public async Task A_latest_checkpoint_that_cannot_be_restored_is_passed_over_for_the_one_before()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("chk");
        await Pg.ExecuteAsync(db, "CREATE TABLE out (id bigint)");
        await using (var env = Session(db, rate: 4000))
        {
            var job = Assert.IsType<JobSubmittedResult>(await env.ExecuteSqlAsync("INSERT INTO out SELECT id FROM src")).Job;
            await WaitUntil(() => Task.FromResult(job.Checkpoints.Count >= 3), "three checkpoints completed");
            await job.CancelAsync();
        }
        var kept = await Checkpoints(db);
        Assert.Equal(2, kept.Count);
        var newest = kept.OrderBy(p => long.Parse(p.Split("chk-")[1].Split('/')[0])).ToList();
        await Pg.ExecuteAsync(db, $"UPDATE streamsql_checkpoint_files SET content = '\\x00'::bytea WHERE starts_with(path, '{newest[1][..^"_metadata".Length]}') AND path NOT LIKE '%/_metadata'");
        await using (var env = Session(db, rate: 400000, retention: "NO_EXTERNALIZED_CHECKPOINTS"))
        {
            var result = Assert.IsType<JobSubmittedResult>(await env.ExecuteSqlAsync("EXECUTE INSERT INTO out SELECT id FROM src FROM LATEST CHECKPOINT"));
            await result.Job.WaitAsync();
            Assert.Null(result.Job.FailureMessage);
            Assert.Equal(newest[0][..^"/_metadata".Length], result.Job.RestoredFrom);
        }
        // Restored from the older checkpoint: every row is there (the epochs after it were written again, as with any storage).
        Assert.Equal(new[] { "20000|1|20000" }, await Pg.RowsAsync(db, "SELECT count(DISTINCT id), min(id), max(id) FROM out"));
    }

    [SkippableFact]
    public async Task A_checkpoint_without_metadata_is_never_restored_and_savepoints_still_go_to_a_directory()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("chk");
        await Pg.ExecuteAsync(db, "CREATE TABLE out (id bigint)");
        string savepoint;
        await using (var env = Session(db, rate: 4000))
        {
            var job = Assert.IsType<JobSubmittedResult>(await env.ExecuteSqlAsync("INSERT INTO out SELECT id FROM src")).Job;
            await WaitUntil(() => Task.FromResult(job.Checkpoints.Count >= 2), "two checkpoints completed");
            savepoint = (await job.StopWithSavepointAsync()).Path;
        }
        Assert.StartsWith(_savepoints, savepoint);
        Assert.True(File.Exists(Path.Combine(savepoint, "_metadata")));
        // A run that died while writing checkpoint 1000 leaves state files but no _metadata (written only with it in one transaction, so
        // this cannot happen through the storage; it stands for any half-written checkpoint).
        await Pg.ExecuteAsync(db, "INSERT INTO streamsql_checkpoint_files (path, content) VALUES ('/jdbc/seq/chk-1000/op-x-0.operator', '\\x01'::bytea)");
        await using (var env = Session(db, rate: 400000))
        {
            var result = Assert.IsType<JobSubmittedResult>(await env.ExecuteSqlAsync("EXECUTE INSERT INTO out SELECT id FROM src FROM LATEST CHECKPOINT"));
            await result.Job.WaitAsync();
            Assert.Null(result.Job.FailureMessage);
            Assert.DoesNotContain("chk-1000", result.Job.RestoredFrom ?? "");
        }
        Assert.Equal(new[] { "20000|20000" }, await Pg.RowsAsync(db, "SELECT count(*), count(DISTINCT id) FROM out"));
    }

    [SkippableFact]
    public async Task A_missing_url_or_an_unreachable_database_is_a_clear_error()
    {
        PostgresServer.Require();
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null });
        env.ExecuteSql("SET 'execution.checkpointing.interval' = '1s'");
        env.ExecuteSql("SET 'state.checkpoint-storage' = 'jdbc'");
        env.ExecuteSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
        env.ExecuteSql("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')");
        var missing = await Assert.ThrowsAnyAsync<Exception>(() => env.ExecuteSqlAsync("INSERT INTO sink SELECT id FROM src"));
        Assert.Contains("'execution.checkpointing.storage' = 'jdbc' needs the database: set 'execution.checkpointing.jdbc.url'", missing.Message);

        env.ExecuteSql("SET 'state.checkpoints.jdbc.url' = 'jdbc:postgresql://127.0.0.1:1/nowhere'");
        env.ExecuteSql("SET 'state.checkpoints.jdbc.password' = 'hidden-Pass-9'");
        var down = await Assert.ThrowsAnyAsync<Exception>(() => env.ExecuteSqlAsync("INSERT INTO sink SELECT id FROM src"));
        Assert.Contains("checkpoint storage PostgreSQL jdbc:postgresql://127.0.0.1:1/nowhere ('execution.checkpointing.jdbc.url')", down.Message);
        Assert.DoesNotContain("hidden-Pass-9", down.ToString());
    }
}
