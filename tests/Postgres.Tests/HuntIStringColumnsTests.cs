using Npgsql;
using StreamSql.Execution.Batches;
using StreamSql.Postgres.Tests.Fixture;

namespace StreamSql.Postgres.Tests;

/// <summary>
/// PostgreSQL columns of types Flink has no type for (uuid, json, jsonb, inet) declared STRING read as the value's text as
/// PostgreSQL prints it — alike in a postgres-cdc snapshot, in its replication stream, in a jdbc scan and in a lookup join —
/// and a CHAR column keeps its padding.
/// </summary>
public sealed class HuntIStringColumnsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string Schema = "id INT, u STRING, j STRING, jb STRING, ip STRING, c STRING, PRIMARY KEY (id) NOT ENFORCED";

    private const string Row1 = "1, a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11, {\"a\": [1, 2]}, {\"b\": 2}, 10.0.0.1, ab ";

    private static async Task<string> DatabaseAsync(string prefix)
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync(prefix);
        await Pg.ExecuteAsync(db, """
            CREATE TABLE items (id integer PRIMARY KEY, u uuid, j json, jb jsonb, ip inet, c char(3));
            ALTER TABLE items REPLICA IDENTITY FULL;
            INSERT INTO items VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, 2]}', '{"b": 2}', '10.0.0.1', 'ab'),
              (2, NULL, NULL, NULL, NULL, NULL);
            """);
        return db;
    }

    private static StreamSqlEnvironment Environment() =>
        StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });

    [SkippableFact]
    public async Task A_cdc_snapshot_and_its_stream_read_them_alike()
    {
        var db = await DatabaseAsync("huntistrcdc");
        var b = new NpgsqlConnectionStringBuilder(db);
        await using var env = Environment();
        await env.ExecuteSqlAsync($"CREATE TABLE items ({Schema}) WITH ('connector' = 'postgres-cdc', 'hostname' = '{b.Host}', 'port' = '{b.Port}', "
            + $"'username' = '{b.Username}', 'password' = 'pw', 'database-name' = '{b.Database}', 'schema-name' = 'public', 'table-name' = 'items', "
            + "'slot.name' = 'strings')");
        await using var result = await env.QueryAsync("SELECT * FROM items");
        await using var rows = result.ReadRowsAsync(new CancellationTokenSource(Patience * 2).Token).GetAsyncEnumerator();
        Assert.Equal([$"+I[{Row1}]", "+I[2, null, null, null, null, null]"], (await ChangelogRows.ReadAsync(rows, 2, Patience)).Order().ToList());
        await Pg.ExecuteAsync(db, "INSERT INTO items SELECT 3, u, j, jb, ip, c FROM items WHERE id = 1");
        Assert.Equal([$"+I[3{Row1[1..]}]"], await ChangelogRows.ReadAsync(rows, 1, Patience));
    }

    [SkippableFact]
    public async Task A_jdbc_scan_and_a_lookup_join_read_them_alike()
    {
        var db = await DatabaseAsync("huntistrjdbc");
        string jdbc = $"'connector' = 'jdbc', 'url' = '{PostgresServer.JdbcUrl(db)}', 'table-name' = 'items', 'username' = 'postgres', 'password' = 'pw'";
        await using var env = Environment();
        await env.ExecuteSqlAsync($"CREATE TABLE items ({Schema}) WITH ({jdbc})");
        await env.ExecuteSqlAsync("CREATE TABLE keys (id INT, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '2', "
            + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '2')");
        foreach (var query in new[] { "SELECT * FROM items", "SELECT i.* FROM keys AS k JOIN items FOR SYSTEM_TIME AS OF k.pt AS i ON k.id = i.id" })
        {
            await using var result = await env.QueryAsync(query);
            await using var rows = result.ReadRowsAsync(new CancellationTokenSource(Patience * 2).Token).GetAsyncEnumerator();
            Assert.Equal([$"+I[{Row1}]", "+I[2, null, null, null, null, null]"], (await ChangelogRows.ReadAsync(rows, 2, Patience)).Order().ToList());
        }
    }
}
