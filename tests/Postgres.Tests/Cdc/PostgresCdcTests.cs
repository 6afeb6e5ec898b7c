using Npgsql;
using StreamSql.Execution.Batches;
using StreamSql.Postgres.Tests.Fixture;

namespace StreamSql.Postgres.Tests.Cdc;

/// <summary>The postgres-cdc source against a real server: the snapshot, then inserts, updates and deletes as they happen.</summary>
public sealed class PostgresCdcTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        await command.ExecuteNonQueryAsync();
    }

    private static string Ddl(string connection, string name, string mode, string slot)
    {
        var b = new NpgsqlConnectionStringBuilder(connection);
        return $"""
            CREATE TABLE {name} (id INT, name STRING, amount DECIMAL(10, 2), at TIMESTAMP(6), PRIMARY KEY (id) NOT ENFORCED) WITH (
              'connector' = 'postgres-cdc', 'hostname' = '{b.Host}', 'port' = '{b.Port}', 'username' = '{b.Username}', 'password' = '{b.Password}',
              'database-name' = '{b.Database}', 'schema-name' = 'public', 'table-name' = 'items', 'slot.name' = '{slot}',
              'decoding.plugin.name' = 'pgoutput', 'changelog-mode' = '{mode}', 'debezium.snapshot.mode' = 'initial')
            """;
    }

    private static Task<List<string>> ReadAsync(IAsyncEnumerator<ChangelogRow> rows, int count) => ChangelogRows.ReadAsync(rows, count, Patience);

    [SkippableFact]
    public async Task Snapshot_then_inserts_updates_and_deletes_with_before_images_under_replica_identity_full()
    {
        var connection = await PostgresServer.Require().CreateDatabaseAsync("cdc");
        await ExecuteAsync(connection, """
            CREATE TABLE items (id INT PRIMARY KEY, name TEXT, amount NUMERIC(10, 2), at TIMESTAMP);
            ALTER TABLE items REPLICA IDENTITY FULL;
            INSERT INTO items VALUES (1, 'one', 1.50, '2026-12-03 10:00:00.25'), (2, 'two', NULL, NULL);
            """);
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });
        await env.ExecuteSqlAsync(Ddl(connection, "items", "all", "slot_full"));
        await using var result = await env.QueryAsync("SELECT * FROM items");
        await using var rows = result.ReadRowsAsync(new CancellationTokenSource(Patience * 2).Token).GetAsyncEnumerator();
        var snapshot = await ReadAsync(rows, 2);
        Assert.Equal(["+I[1, one, 1.50, 2026-12-03T10:00:00.25]", "+I[2, two, null, null]"], snapshot.Order().ToList());

        await ExecuteAsync(connection, """
            INSERT INTO items VALUES (3, 'three', 3, '2026-12-03 11:00:00');
            UPDATE items SET name = 'ONE', amount = 1.75 WHERE id = 1;
            DELETE FROM items WHERE id = 2;
            """);
        var changes = await ReadAsync(rows, 4);
        Assert.Equal(
            ["+I[3, three, 3.00, 2026-12-03T11:00:00]", "-U[1, one, 1.50, 2026-12-03T10:00:00.25]", "+U[1, ONE, 1.75, 2026-12-03T10:00:00.25]", "-D[2, two, null, null]"],
            changes);
    }

    [SkippableFact]
    public async Task Upsert_mode_works_with_the_default_replica_identity_and_all_mode_refuses_it()
    {
        var connection = await PostgresServer.Require().CreateDatabaseAsync("cdcup");
        await ExecuteAsync(connection, "CREATE TABLE items (id INT PRIMARY KEY, name TEXT, amount NUMERIC(10, 2), at TIMESTAMP); INSERT INTO items VALUES (1, 'one', 1, NULL);");
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });
        await env.ExecuteSqlAsync(Ddl(connection, "items", "upsert", "slot_up"));
        await env.ExecuteSqlAsync(Ddl(connection, "items_all", "all", "slot_all"));
        await using var result = await env.QueryAsync("SELECT * FROM items");
        await using var rows = result.ReadRowsAsync(new CancellationTokenSource(Patience * 2).Token).GetAsyncEnumerator();
        Assert.Equal(["+I[1, one, 1.00, null]"], await ReadAsync(rows, 1));
        await ExecuteAsync(connection, "UPDATE items SET name = 'ONE' WHERE id = 1; DELETE FROM items WHERE id = 1;");
        // Normalized downstream (ChangelogNormalize keyed by id): the before image comes from its state.
        Assert.Equal(["-U[1, one, 1.00, null]", "+U[1, ONE, 1.00, null]", "-D[1, ONE, 1.00, null]"], await ReadAsync(rows, 3));

        var e = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var all = await env.QueryAsync("SELECT * FROM items_all");
            await using var allRows = all.ReadRowsAsync(new CancellationTokenSource(Patience).Token).GetAsyncEnumerator();
            await allRows.MoveNextAsync();
        });
        Assert.Contains("REPLICA IDENTITY FULL", e.ToString());
    }

    [SkippableFact]
    public async Task An_update_that_leaves_a_large_value_untouched_still_carries_it_under_replica_identity_full()
    {
        var connection = await PostgresServer.Require().CreateDatabaseAsync("cdctoast");
        await ExecuteAsync(connection, """
            CREATE TABLE items (id INT PRIMARY KEY, name TEXT, amount NUMERIC(10, 2), at TIMESTAMP);
            ALTER TABLE items REPLICA IDENTITY FULL;
            INSERT INTO items VALUES (0, 'zero', 0, NULL);
            """);
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });
        await env.ExecuteSqlAsync("SET 'restart-strategy.type' = 'none'");
        await env.ExecuteSqlAsync(Ddl(connection, "items", "all", "slot_toast"));
        await using var result = await env.QueryAsync("SELECT id, CHAR_LENGTH(name) AS len, amount, at FROM items");
        await using var rows = result.ReadRowsAsync(new CancellationTokenSource(Patience * 2).Token).GetAsyncEnumerator();
        // A change committed while the slot is still being created belongs to the snapshot, not the stream. The slot
        // shows in pg_replication_slots before it is consistent, so only a snapshot row read back proves the stream is next.
        Assert.Equal(["+I[0, 4, 0.00, null]"], await ReadAsync(rows, 1));
        // Random hex does not compress below the TOAST threshold: the value is stored out of line.
        await ExecuteAsync(connection, """
            INSERT INTO items SELECT 1, string_agg(md5(random()::text), ''), 1, NULL FROM generate_series(1, 400);
            UPDATE items SET amount = 2 WHERE id = 1;
            """);
        Assert.Equal(["+I[1, 12800, 1.00, null]", "-U[1, 12800, 1.00, null]", "+U[1, 12800, 2.00, null]"], await ReadAsync(rows, 3));
    }

    [SkippableFact]
    public async Task Metadata_columns_name_the_table_and_carry_the_commit_time_and_row_kind_with_zero_for_snapshot_rows()
    {
        var connection = await PostgresServer.Require().CreateDatabaseAsync("cdcmeta");
        await ExecuteAsync(connection, """
            CREATE TABLE items (id INT PRIMARY KEY, name TEXT, amount NUMERIC(10, 2), at TIMESTAMP);
            ALTER TABLE items REPLICA IDENTITY FULL;
            INSERT INTO items VALUES (1, 'one', 1, NULL);
            """);
        var b = new NpgsqlConnectionStringBuilder(connection);
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });
        await env.ExecuteSqlAsync($"""
            CREATE TABLE items (id INT, name STRING, db STRING METADATA FROM 'database_name' VIRTUAL, sch STRING METADATA FROM 'schema_name' VIRTUAL,
              tbl STRING METADATA FROM 'table_name' VIRTUAL, op_ts TIMESTAMP_LTZ(3) METADATA VIRTUAL, kind STRING METADATA FROM 'row_kind' VIRTUAL,
              PRIMARY KEY (id) NOT ENFORCED) WITH (
              'connector' = 'postgres-cdc', 'hostname' = '{b.Host}', 'port' = '{b.Port}', 'username' = '{b.Username}', 'password' = '{b.Password}',
              'database-name' = '{b.Database}', 'schema-name' = 'public', 'table-name' = 'items', 'slot.name' = 'slot_meta')
            """);
        await using var result = await env.QueryAsync("SELECT id, name, db, sch, tbl, op_ts, kind, UNIX_TIMESTAMP(CAST(op_ts AS STRING), 'yyyy-MM-dd HH:mm:ss.SSS') AS secs FROM items");
        await using var rows = result.ReadRowsAsync(new CancellationTokenSource(Patience * 2).Token).GetAsyncEnumerator();
        var snapshot = await ReadAsync(rows, 1);
        Assert.Equal([$"+I[1, one, {b.Database}, public, items, 1970-01-01T00:00:00Z, +I, 0]"], snapshot);

        var before = await Pg.RowsAsync(connection, "SELECT floor(extract(epoch FROM now()))::bigint");
        await ExecuteAsync(connection, "UPDATE items SET name = 'ONE' WHERE id = 1; INSERT INTO items VALUES (2, 'two', 2, NULL);");
        var after = await Pg.RowsAsync(connection, "SELECT ceil(extract(epoch FROM now()))::bigint");
        var changes = new List<ChangelogRow>();
        for (int i = 0; i < 3; i++)
        {
            Assert.True(await rows.MoveNextAsync());
            changes.Add(rows.Current);
        }
        Assert.Equal(["-U[1, one, -U]", "+U[1, ONE, +U]", "+I[2, two, +I]"],
            changes.Select(r => $"{r.Kind.ShortString()}[{r[0]}, {r[1]}, {r[6]}]").ToList());
        foreach (var row in changes)
        {
            long secs = Convert.ToInt64(row[7], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(secs, long.Parse(before[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(after[0], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_metadata_column_of_the_wrong_type_or_key_is_refused_naming_it()
    {
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null });
        const string with = "WITH ('connector' = 'postgres-cdc', 'hostname' = 'h', 'username' = 'u', 'password' = 'p', 'database-name' = 'd', " +
                            "'schema-name' = 'public', 'table-name' = 't', 'slot.name' = 's')";
        var wrongType = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await env.ExecuteSqlAsync($"CREATE TABLE a (id INT, ts BIGINT METADATA FROM 'op_ts' VIRTUAL) {with}");
            await using var r = await env.QueryAsync("SELECT * FROM a");
        });
        Assert.Contains("'op_ts'", wrongType.Message);
        Assert.Contains("column 'ts'", wrongType.Message);
        // The key is the source's to know: checked where the table is read (as Flink), not at CREATE TABLE.
        await env.ExecuteSqlAsync($"CREATE TABLE b (id INT, x STRING METADATA FROM 'tablename' VIRTUAL) {with}");
        var unknown = await Assert.ThrowsAnyAsync<Exception>(async () => await env.ExecuteSqlAsync("EXPLAIN SELECT * FROM b"));
        Assert.Contains("Unable to create a source for reading table 'default_catalog.default_database.b'", unknown.Message);
        Assert.Contains("table_name", unknown.Message);
    }
}
