using Npgsql;
using StreamSql.Postgres.Tests.Fixture;

namespace StreamSql.Postgres.Tests.Lookup;

/// <summary>
/// Lookup joins against a real PostgreSQL table that changes while the job runs: without a cache every row sees the
/// table as it is when the row is joined; with a PARTIAL cache a key keeps the rows it first found until its entry
/// expires; missing keys drop rows (INNER) or pad them with NULLs (LEFT); a server that is down fails the job after the
/// retries.
/// </summary>
public sealed class LookupJoinTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static async Task<(StreamSqlEnvironment Env, string Connection)> SetUpAsync(string dimOptions, string? user = null)
    {
        var server = PostgresServer.Require();
        var connection = await server.CreateDatabaseAsync("lookup");
        await ExecuteAsync(connection, """
            CREATE TABLE dim (id INT PRIMARY KEY, code TEXT, name TEXT, weight NUMERIC(10, 2));
            INSERT INTO dim VALUES (1, 'a', 'one', 1.5), (2, 'b', 'two', 2.25);
            """);
        var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });
        var builder = new NpgsqlConnectionStringBuilder(connection);
        // Keys 1, 2, 3, 1, 2, 3, ... at 40 rows a second, with the row number to order them by.
        await env.ExecuteSqlAsync("""
            CREATE TABLE o (seq BIGINT, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'rows-per-second' = '40',
              'fields.seq.kind' = 'sequence', 'fields.seq.start' = '0', 'fields.seq.end' = '100000')
            """);
        await env.ExecuteSqlAsync($"""
            CREATE TABLE dim (id INT, code STRING, name STRING, weight DECIMAL(10, 2)) WITH ('connector' = 'jdbc',
              'url' = '{PostgresServer.JdbcUrl(connection)}', 'table-name' = 'dim', 'username' = '{user ?? builder.Username}',
              'password' = '{builder.Password}'{dimOptions})
            """);
        return (env, connection);
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads joined rows (seq, key, name, ...) until <paramref name="done"/> says so; fails after <see cref="Patience"/>.</summary>
    private static async Task<List<object?[]>> ReadUntilAsync(IAsyncEnumerator<ChangelogRow> result, Func<List<object?[]>, bool> done)
    {
        var rows = new List<object?[]>();
        var deadline = DateTime.UtcNow + Patience;
        while (!done(rows))
        {
            Assert.True(DateTime.UtcNow < deadline, $"gave up after {rows.Count} rows");
            Assert.True(await result.MoveNextAsync(), "the query ended");
            rows.Add(result.Current.Values.ToArray());
        }
        return rows;
    }

    private static async Task<(QueryResult Result, IAsyncEnumerator<ChangelogRow> Rows)> QueryAsync(StreamSqlEnvironment env, string sql)
    {
        var result = await env.QueryAsync(sql);
        return (result, result.ReadRowsAsync(new CancellationTokenSource(Patience * 2).Token).GetAsyncEnumerator());
    }

    [SkippableFact]
    public async Task Without_a_cache_rows_see_the_table_as_it_is_when_they_are_joined()
    {
        var (env, connection) = await SetUpAsync("");
        await using var _ = env;
        var (query, result) = await QueryAsync(env, """
            SELECT o.seq, d.id, d.name, d.weight FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON CAST(o.seq % 3 AS INT) + 1 = d.id
            """);
        await using var ___ = query;
        await using var ____ = result;
        var before = await ReadUntilAsync(result, rows => rows.Count >= 10);
        // Key 3 is not in the table: an inner join drops its rows.
        Assert.All(before, r => Assert.Contains((int)r[1]!, new[] { 1, 2 }));
        Assert.All(before, r => Assert.Equal((int)r[1]! == 1 ? "one" : "two", r[2]));
        Assert.All(before, r => Assert.Equal((int)r[1]! == 1 ? 1.5m : 2.25m, Convert.ToDecimal(r[3])));

        await ExecuteAsync(connection, "UPDATE dim SET name = 'ONE' WHERE id = 1; INSERT INTO dim VALUES (3, 'c', 'three', 3)");
        var after = await ReadUntilAsync(result, rows => rows.Any(r => (string?)r[2] == "ONE") && rows.Any(r => (int)r[1]! == 3));
        // Once a row saw the change, every later row sees it.
        long firstNew = after.Where(r => (string?)r[2] == "ONE").Min(r => (long)r[0]!);
        Assert.All(after.Where(r => (long)r[0]! > firstNew && (int)r[1]! == 1), r => Assert.Equal("ONE", r[2]));
        Assert.Contains(after, r => (int)r[1]! == 3 && (string?)r[2] == "three");
    }

    [SkippableFact]
    public async Task A_partial_cache_serves_what_it_holds_until_the_entry_expires_and_caches_missing_keys()
    {
        var (env, connection) = await SetUpAsync(", 'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '100', " +
            "'lookup.partial-cache.expire-after-write' = '5 s'");
        await using var _ = env;
        var (query, result) = await QueryAsync(env, """
            SELECT o.seq, CAST(o.seq % 3 AS INT) + 1 AS k, d.name FROM o LEFT JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON CAST(o.seq % 3 AS INT) + 1 = d.id
            """);
        await using var ___ = query;
        await using var ____ = result;
        var first = await ReadUntilAsync(result, rows => rows.Count >= 6);
        // LEFT JOIN: key 3 has no row and comes out with NULLs.
        Assert.Contains(first, r => (int)r[1]! == 3 && r[2] is null);

        long lastBefore = first.Max(r => (long)r[0]!);
        await ExecuteAsync(connection, "UPDATE dim SET name = 'ONE' WHERE id = 1; INSERT INTO dim VALUES (3, 'c', 'three', 3)");
        var rows = await ReadUntilAsync(result, rows => rows.Any(r => (string?)r[2] == "ONE") && rows.Any(r => (string?)r[2] == "three"));
        // Rows generated a second (40 rows) after the change were still served by the cache: the old name, and NULL for
        // the key that was missing; after the entries expired (5 s after they were written) the new rows come through.
        var late = rows.Where(r => (long)r[0]! > lastBefore + 40).ToList();
        Assert.Contains(late, r => (int)r[1]! == 1 && (string?)r[2] == "one");
        Assert.Contains(late, r => (int)r[1]! == 3 && r[2] is null);
    }

    [SkippableFact]
    public async Task Keys_on_several_columns_and_extra_conditions_on_the_table()
    {
        var (env, _) = await SetUpAsync("");
        await using var __ = env;
        var (query, result) = await QueryAsync(env, """
            SELECT o.seq, d.id, d.name FROM o LEFT JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d
              ON CAST(o.seq % 3 AS INT) + 1 = d.id AND d.code = CASE WHEN o.seq % 3 = 0 THEN 'a' ELSE 'x' END AND d.weight < 2
            """);
        await using var ___ = query;
        await using var ____ = result;
        var rows = await ReadUntilAsync(result, rows => rows.Count >= 9);
        foreach (var r in rows)
        {
            // Only key 1 has code 'a' and weight < 2; the other rows are padded.
            if ((long)r[0]! % 3 == 0) Assert.Equal("one", r[2]);
            else Assert.Null(r[1]);
        }
    }

    [SkippableFact]
    public async Task A_server_that_is_down_fails_the_job_after_the_retries_naming_the_table()
    {
        var (env, _) = await SetUpAsync(", 'lookup.max-retries' = '1'", user: "nobody_here");
        await using var __ = env;
        var e = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var result = await env.QueryAsync("SELECT o.seq, d.name FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON CAST(o.seq AS INT) = d.id");
            using var timeout = new CancellationTokenSource(Patience);
            await foreach (var _ in result.ReadRowsAsync(timeout.Token)) { }
        });
        var message = e.ToString();
        Assert.Contains("jdbc table 'dim'", message);
        Assert.Contains("after 1 retries ('lookup.max-retries')", message);
    }

    [SkippableFact]
    public async Task Against_a_slow_table_the_lookups_of_several_batches_overlap_up_to_the_capacity_and_rows_keep_their_order()
    {
        var (env, connection) = await SetUpAsync("");
        await using var _ = env;
        // Every query of the view takes 300 ms and logs when it ran (an InitPlan: once per lookup query).
        await ExecuteAsync(connection, """
            CREATE TABLE lookups (started TIMESTAMPTZ, finished TIMESTAMPTZ);
            CREATE FUNCTION slow_lookup() RETURNS INT LANGUAGE plpgsql VOLATILE AS $$
              DECLARE t TIMESTAMPTZ := clock_timestamp();
              BEGIN PERFORM pg_sleep(0.3); INSERT INTO lookups VALUES (t, clock_timestamp()); RETURN 1; END $$;
            CREATE VIEW slow_dim AS SELECT * FROM dim WHERE (SELECT slow_lookup()) = 1;
            """);
        var builder = new NpgsqlConnectionStringBuilder(connection);
        await env.ExecuteSqlAsync($"""
            CREATE TABLE slow (id INT, code STRING, name STRING, weight DECIMAL(10, 2)) WITH ('connector' = 'jdbc',
              'url' = '{PostgresServer.JdbcUrl(connection)}', 'table-name' = 'slow_dim', 'username' = '{builder.Username}',
              'password' = '{builder.Password}')
            """);
        await env.ExecuteSqlAsync("SET 'table.exec.async-lookup.buffer-capacity' = '4'");
        var (query, result) = await QueryAsync(env, """
            SELECT o.seq, d.id, d.name FROM o LEFT JOIN slow FOR SYSTEM_TIME AS OF o.pt AS d ON CAST(o.seq % 3 AS INT) + 1 = d.id
            """);
        await using var ___ = query;
        await using var ____ = result;
        var rows = await ReadUntilAsync(result, rows => rows.Count >= 30);

        // ORDERED: the rows come out in input order, each with its own key's row.
        var seqs = rows.Select(r => (long)r[0]!).ToList();
        Assert.Equal(seqs.Order(), seqs);
        Assert.All(rows, r => Assert.Equal((long)r[0]! % 3 == 2 ? null : (long)r[0]! % 3 == 0 ? "one" : "two", r[2]));

        // The server saw lookups run side by side (one batch at a time would never overlap), never more than the capacity.
        var runs = new List<(DateTime Started, DateTime Finished)>();
        await using (var c = new NpgsqlConnection(connection))
        {
            await c.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT started, finished FROM lookups", c);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) runs.Add((reader.GetDateTime(0), reader.GetDateTime(1)));
        }
        int most = runs.Max(r => runs.Count(o => o.Started <= r.Started && r.Started < o.Finished));
        Assert.InRange(most, 2, 4);
    }
}
