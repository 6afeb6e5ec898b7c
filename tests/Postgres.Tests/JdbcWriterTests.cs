using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Connectors.Postgres;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Types;
using StreamSql.Postgres.Tests.Fixture;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using SqlType = StreamSql.Sql.Planner.Types.SqlType;

namespace StreamSql.Postgres.Tests;

/// <summary>The jdbc sink writer driven directly: changelog handling, the exactly-once commit protocol, errors, retries.</summary>
public sealed class JdbcWriterTests
{
    private static CatalogTable Table(string db, string guarantee, bool keyed = true, string table = "counts", string password = "pw", string? url = null) =>
        new("counts", new List<TableColumn> { new PhysicalColumn("word", SqlType.String.AsNotNull()), new PhysicalColumn("n", SqlType.BigInt) }, null,
            keyed ? new[] { "word" } : System.Array.Empty<string>(), System.Array.Empty<string>(), new Dictionary<string, string>
            {
                ["connector"] = "jdbc", ["url"] = url ?? PostgresServer.JdbcUrl(db), ["table-name"] = table, ["username"] = "postgres", ["password"] = password,
                ["sink.delivery-guarantee"] = guarantee, ["sink.buffer-flush.max-rows"] = "0", ["sink.buffer-flush.interval"] = "0",
                ["sink.max-retries"] = "2",
            }, null, false);

    private static Batch Changes(params (RowKind Kind, string Word, long N)[] rows)
    {
        var words = new StringArray.Builder();
        var counts = new Int64Array.Builder();
        foreach (var (_, w, n) in rows)
        {
            words.Append(w);
            counts.Append(n);
        }
        var schema = new Schema(new[] { new Field("word", StringType.Default, false), new Field("n", Int64Type.Default, true) }, null);
        return new Batch(new RecordBatch(schema, new IArrowArray[] { words.Build(), counts.Build() }, rows.Length), rows.Select(r => r.Kind).ToArray());
    }

    private static async Task<JdbcWriter> OpenAsync(CatalogTable table, string owner = "job/op", int subtask = 0, TextWriter? diagnostics = null, IClock? clock = null)
    {
        new JdbcConnector().Validate(table);
        var writer = new JdbcWriter { Backoff = _ => TimeSpan.FromMilliseconds(200) };
        await writer.OpenAsync(new SinkWriterContext(table, ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema),
            table.PrimaryKey.Count > 0 ? Sql.Planner.Types.ChangelogMode.Upsert : Sql.Planner.Types.ChangelogMode.InsertOnly,
            "job", subtask, 1, Configuration.Empty, clock ?? SystemClock.Instance, TextWriter.Null) { OutputOwner = owner, Diagnostics = diagnostics ?? TextWriter.Null },
            CancellationToken.None);
        return writer;
    }

    private static async Task<string> CountsDatabaseAsync(bool keyed = true)
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("writer");
        await Pg.ExecuteAsync(db, keyed ? "CREATE TABLE counts (word text PRIMARY KEY, n bigint)" : "CREATE TABLE counts (word text, n bigint)");
        return db;
    }

    [SkippableTheory]
    [InlineData("at-least-once")]
    [InlineData("exactly-once")]
    public async Task The_last_change_per_key_wins_and_a_retraction_without_its_update_deletes_the_key(string guarantee)
    {
        var db = await CountsDatabaseAsync();
        await Pg.ExecuteAsync(db, "INSERT INTO counts VALUES ('gone', 9), ('kept', 1)");
        await using (var writer = await OpenAsync(Table(db, guarantee)))
        {
            await writer.WriteAsync(Changes((RowKind.Insert, "a", 1), (RowKind.Insert, "b", 1), (RowKind.UpdateBefore, "a", 1),
                (RowKind.UpdateAfter, "a", 2), (RowKind.Delete, "b", 1), (RowKind.Delete, "gone", 9)), CancellationToken.None);
            // -U alone deletes the key's row, as Flink's reduced buffer treats UPDATE_BEFORE (its new row, if any, comes as +U).
            await writer.WriteAsync(Changes((RowKind.UpdateBefore, "kept", 1), (RowKind.UpdateBefore, "moved", 1), (RowKind.UpdateAfter, "moved", 2)),
                CancellationToken.None);
            var handle = await writer.PrepareCommitAsync(1, CancellationToken.None);
            Assert.Equal(guarantee == "exactly-once", handle is not null);
            if (guarantee == "exactly-once") Assert.Empty(await Pg.RowsAsync(db, "SELECT * FROM counts WHERE word = 'a'"));
            await writer.CommitAsync(1, handle is null ? System.Array.Empty<byte[]>() : new[] { handle }, CancellationToken.None);
        }
        Assert.Equal(new[] { "a|2", "moved|2" }, await Pg.TextRowsAsync(db, "counts", "word, n", "word"));
    }

    [SkippableFact]
    public async Task An_exactly_once_epoch_restored_after_its_commit_is_not_written_again_and_one_not_committed_is()
    {
        var db = await CountsDatabaseAsync(keyed: false);
        byte[] first, second;
        await using (var writer = await OpenAsync(Table(db, "exactly-once", keyed: false)))
        {
            await writer.WriteAsync(Changes((RowKind.Insert, "a", 1), (RowKind.Insert, "b", 2)), CancellationToken.None);
            first = (await writer.PrepareCommitAsync(1, CancellationToken.None))!;
            await writer.WriteAsync(Changes((RowKind.Insert, "c", 3)), CancellationToken.None);
            second = (await writer.PrepareCommitAsync(2, CancellationToken.None))!;
            // Checkpoint 1 completes and commits; the process dies before checkpoint 2's commit.
            await writer.CommitAsync(1, new[] { first }, CancellationToken.None);
        }
        Assert.Equal(new[] { "a|1", "b|2" }, await Pg.TextRowsAsync(db, "counts", "word, n", "word"));

        // A restore from checkpoint 2 hands both committables to a new writer (a new run): 1 was committed, 2 was not.
        await using (var restored = await OpenAsync(Table(db, "exactly-once", keyed: false)))
        {
            await restored.CommitAsync(2, new[] { first, second }, CancellationToken.None);
            await restored.CommitAsync(2, new[] { first, second }, CancellationToken.None);
        }
        Assert.Equal(new[] { "a|1", "b|2", "c|3" }, await Pg.TextRowsAsync(db, "counts", "word, n", "word"));
        Assert.Equal(new[] { "job/op|0|1", "job/op|0|2" }, await Pg.RowsAsync(db, "SELECT sink, subtask, checkpoint_id FROM streamsql_sink_progress ORDER BY checkpoint_id"));
    }

    /// <remarks>A progress row stays while a checkpoint that can still be restored may hold its committable: checkpoint 2,
    /// whose barrier passed before epoch 1 was committed, holds committable 1, so row 1 stays until checkpoint 3 completes.
    /// A run restored from checkpoint 3 drops the earlier run's rows once its own first checkpoint completes.</remarks>
    [SkippableFact]
    public async Task Progress_rows_go_once_no_restorable_checkpoint_can_hold_their_epoch()
    {
        var db = await CountsDatabaseAsync(keyed: false);
        async Task<List<string>> Progress() => await Pg.RowsAsync(db, "SELECT checkpoint_id FROM streamsql_sink_progress ORDER BY run, checkpoint_id");
        byte[] third, fourth;
        await using (var writer = await OpenAsync(Table(db, "exactly-once", keyed: false)))
        {
            await writer.WriteAsync(Changes((RowKind.Insert, "a", 1)), CancellationToken.None);
            var first = (await writer.PrepareCommitAsync(1, CancellationToken.None))!;
            await writer.WriteAsync(Changes((RowKind.Insert, "b", 2)), CancellationToken.None);
            var second = (await writer.PrepareCommitAsync(2, CancellationToken.None))!;
            await writer.CommitAsync(1, new[] { first }, CancellationToken.None);
            Assert.Equal(new[] { "1" }, await Progress());
            await writer.CommitAsync(2, new[] { second }, CancellationToken.None);
            Assert.Equal(new[] { "1", "2" }, await Progress());
            await writer.WriteAsync(Changes((RowKind.Insert, "c", 3)), CancellationToken.None);
            third = (await writer.PrepareCommitAsync(3, CancellationToken.None))!;
            await writer.CommitAsync(3, new[] { third }, CancellationToken.None);
            Assert.Equal(new[] { "3" }, await Progress());
        }
        await using (var restored = await OpenAsync(Table(db, "exactly-once", keyed: false)))
        {
            await restored.CommitAsync(3, new[] { third }, CancellationToken.None);
            Assert.Equal(new[] { "3" }, await Progress());
            await restored.WriteAsync(Changes((RowKind.Insert, "d", 4)), CancellationToken.None);
            fourth = (await restored.PrepareCommitAsync(4, CancellationToken.None))!;
            await restored.CommitAsync(4, new[] { fourth }, CancellationToken.None);
            Assert.Equal(new[] { "4" }, await Progress());
        }
        await using (var again = await OpenAsync(Table(db, "exactly-once", keyed: false)))
            await again.CommitAsync(4, new[] { fourth }, CancellationToken.None);
        Assert.Equal(new[] { "a|1", "b|2", "c|3", "d|4" }, await Pg.TextRowsAsync(db, "counts", "word, n", "word"));
    }

    [SkippableFact]
    public async Task A_fresh_run_of_the_same_job_is_not_mistaken_for_an_earlier_one()
    {
        var db = await CountsDatabaseAsync(keyed: false);
        for (int run = 0; run < 2; run++)
        {
            await using var writer = await OpenAsync(Table(db, "exactly-once", keyed: false));
            await writer.WriteAsync(Changes((RowKind.Insert, "a", run)), CancellationToken.None);
            var handle = (await writer.PrepareCommitAsync(1, CancellationToken.None))!;
            await writer.CommitAsync(1, new[] { handle }, CancellationToken.None);
        }
        Assert.Equal(new[] { "a|0", "a|1" }, await Pg.TextRowsAsync(db, "counts", "word, n", "n"));
    }

    [SkippableFact]
    public async Task Problems_with_the_target_table_are_named_at_open()
    {
        var db = await CountsDatabaseAsync();
        var missing = await Assert.ThrowsAnyAsync<Exception>(() => OpenAsync(Table(db, "at-least-once", table: "nope")));
        Assert.Contains("cannot find the table 'nope' (option 'table-name')", missing.Message);
        Assert.Contains("counts", missing.Message);

        await Pg.ExecuteAsync(db, "CREATE TABLE other (word text PRIMARY KEY, m bigint)");
        var column = await Assert.ThrowsAnyAsync<Exception>(() => OpenAsync(Table(db, "at-least-once", table: "other")));
        Assert.Contains("writes column 'n', but the PostgreSQL table public.other (option 'table-name') has no such column; its columns are: word, m", column.Message);

        await Pg.ExecuteAsync(db, "CREATE TABLE typed (word text PRIMARY KEY, n date)");
        var type = await Assert.ThrowsAnyAsync<Exception>(() => OpenAsync(Table(db, "at-least-once", table: "typed")));
        Assert.Contains("cannot write column 'n' of type BIGINT into column \"n\" of type date of the PostgreSQL table public.typed (option 'table-name')", type.Message);

        await Pg.ExecuteAsync(db, "CREATE TABLE nokey (word text, n bigint)");
        var key = await Assert.ThrowsAnyAsync<Exception>(() => OpenAsync(Table(db, "at-least-once", table: "nokey")));
        Assert.Contains("has no primary key or unique index on exactly those columns", key.Message);

        var url = Assert.ThrowsAny<Exception>(() => new JdbcConnector().Validate(Table(db, "at-least-once", url: "jdbc:mysql://localhost/x")));
        Assert.Contains("Invalid value for option 'url' of table 'counts': only PostgreSQL is supported", url.Message);
    }

    [SkippableFact]
    public async Task A_wrong_password_is_a_clear_error_that_never_shows_the_password()
    {
        var db = await CountsDatabaseAsync();
        // Roles belong to the whole server: a name of this run's own.
        var role = "jdbc_user_" + Guid.NewGuid().ToString("N")[..8];
        await Pg.ExecuteAsync(db, $"CREATE ROLE {role} LOGIN PASSWORD 'right-secret'");
        var table = Table(db, "at-least-once", password: "wrong-Secret-42") with { };
        table = table with { Options = new Dictionary<string, string>(table.Options) { ["username"] = role } };
        // The test server trusts loopback connections; a refused login is forced with a role that may not log in instead.
        await Pg.ExecuteAsync(db, $"ALTER ROLE {role} NOLOGIN");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => OpenAsync(table));
        Assert.Contains("The jdbc table 'counts' cannot connect to PostgreSQL at 127.0.0.1:", error.Message);
        Assert.Contains("(options 'url', 'username', 'password')", error.Message);
        Assert.DoesNotContain("wrong-Secret-42", error.ToString());
    }

    [SkippableFact]
    public async Task A_server_that_stays_down_fails_after_the_retries_and_one_that_comes_back_is_written_to()
    {
        PostgresServer.Require();
        using var server = PgProcess.Start();
        var db = server.ConnectionString;
        await Pg.ExecuteAsync(db, "CREATE TABLE counts (word text PRIMARY KEY, n bigint)");
        var diagnostics = new StringWriter();
        await using (var writer = await OpenAsync(Table(db, "at-least-once"), diagnostics: diagnostics))
        {
            await writer.WriteAsync(Changes((RowKind.Insert, "a", 1)), CancellationToken.None);
            await writer.PrepareCommitAsync(1, CancellationToken.None);

            server.TakeDown();
            await writer.WriteAsync(Changes((RowKind.Insert, "b", 2)), CancellationToken.None);
            var down = await Assert.ThrowsAnyAsync<Exception>(async () => await writer.PrepareCommitAsync(2, CancellationToken.None));
            Assert.Contains("The jdbc", down.Message);
            Assert.Contains("'counts'", down.Message);
            Assert.Contains("'sink.max-retries' = 2", down.Message);
            Assert.Contains("tried 3 times", down.Message);
            Assert.Equal(2, diagnostics.ToString().Split('\n').Count(l => l.Contains("retrying", StringComparison.Ordinal)));
            Assert.DoesNotContain("pw", down.Message.Replace("password", "", StringComparison.Ordinal));
        }

        server.BringBack();
        await using (var writer = await OpenAsync(Table(db, "at-least-once") is var t ? t with { Options = new Dictionary<string, string>(t.Options) { ["sink.max-retries"] = "20" } } : null!))
        {
            server.TakeDown();
            await writer.WriteAsync(Changes((RowKind.Insert, "c", 3)), CancellationToken.None);
            var back = Task.Run(async () =>
            {
                await Task.Delay(600);
                server.BringBack();
            });
            await writer.PrepareCommitAsync(3, CancellationToken.None);
            await back;
        }
        Npgsql.NpgsqlConnection.ClearAllPools();
        Assert.Equal(new[] { "a|1", "c|3" }, await Pg.TextRowsAsync(db, "counts", "word, n", "word"));
    }

    private sealed class ManualClock : IClock
    {
        public long Millis { get; set; }
        public long NowMicros() => Millis * 1000;
        public long MonotonicMillis() => Millis;
    }

    [SkippableFact]
    public async Task At_least_once_a_partly_full_buffer_is_flushed_once_the_interval_passed_without_more_rows()
    {
        var db = await CountsDatabaseAsync();
        var table = Table(db, "at-least-once");
        table = table with { Options = new Dictionary<string, string>(table.Options) { ["sink.buffer-flush.max-rows"] = "100", ["sink.buffer-flush.interval"] = "1s" } };
        var clock = new ManualClock { Millis = 5_000 };
        await using var writer = await OpenAsync(table, clock: clock);
        Assert.Equal(long.MaxValue, writer.NextDueMillis);
        clock.Millis = 5_200;
        await writer.WriteAsync(Changes((RowKind.Insert, "a", 1)), CancellationToken.None);
        Assert.Equal(6_000, writer.NextDueMillis);
        await writer.OnTimerAsync(5_999, CancellationToken.None);
        Assert.Empty(await Pg.RowsAsync(db, "SELECT * FROM counts"));
        clock.Millis = 6_000;
        await writer.OnTimerAsync(6_000, CancellationToken.None);
        Assert.Equal(["a|1"], await Pg.RowsAsync(db, "SELECT word, n FROM counts"));
        Assert.Equal(long.MaxValue, writer.NextDueMillis);
    }

    [SkippableFact]
    public async Task Exactly_once_and_a_zero_interval_have_no_timer()
    {
        var db = await CountsDatabaseAsync();
        await using var exactly = await OpenAsync(Table(db, "exactly-once"));
        await exactly.WriteAsync(Changes((RowKind.Insert, "a", 1)), CancellationToken.None);
        Assert.Equal(long.MaxValue, exactly.NextDueMillis);
        await using var untimed = await OpenAsync(Table(db, "at-least-once"), owner: "job/other");
        await untimed.WriteAsync(Changes((RowKind.Insert, "b", 1)), CancellationToken.None);
        Assert.Equal(long.MaxValue, untimed.NextDueMillis);
    }
}
