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

    private static async Task<List<string>> ReadAsync(IAsyncEnumerator<ChangelogRow> rows, int count)
    {
        var read = new List<string>();
        var deadline = DateTime.UtcNow + Patience;
        while (read.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"gave up after {string.Join("; ", read)}");
            Assert.True(await rows.MoveNextAsync(), "the query ended");
            read.Add(rows.Current.ToString());
        }
        return read;
    }

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
}
