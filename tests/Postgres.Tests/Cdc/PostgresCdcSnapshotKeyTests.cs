using StreamSql.Connectors.Postgres;
using StreamSql.Postgres.Tests.Fixture;
using StreamSql.Sql.Planner.Connectors;

namespace StreamSql.Postgres.Tests.Cdc;

using static CdcSnapshotHarness;

/// <summary>
/// A snapshot cut short continues after its last key whatever the key: each primary key type whose text form orders
/// otherwise than its values (negative and fractional numbers, BC dates and five-digit years, bytes), a composite key,
/// and a table without a primary key chunked by a column that is not unique. The snapshot is read in chunks and fetches
/// smaller than the batches, so chunk, fetch and batch ends all fall in different places.
/// </summary>
public sealed class PostgresCdcSnapshotKeyTests
{
    private static Dictionary<string, string> Chunking(int chunk, int fetch, string? keyColumn = null)
    {
        var options = new Dictionary<string, string>
        {
            ["scan.incremental.snapshot.chunk.size"] = chunk.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["scan.snapshot.fetch.size"] = fetch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (keyColumn is not null) options["scan.incremental.snapshot.chunk.key-column"] = keyColumn;
        return options;
    }

    /// <param name="columns">The key columns' definitions.</param>
    /// <param name="values">The key columns' values for the row of id <c>{0}</c>.</param>
    [SkippableTheory]
    [InlineData("smallint", "k smallint", "({0} - 2000) % 30000", "k")]
    [InlineData("bigint", "k bigint", "({0} - 2000) * 3000000000", "k")]
    [InlineData("numeric", "k numeric", "({0} - 2000) * 1.25 + ({0} % 3) * 1e25", "k")]
    [InlineData("timestamp", "k timestamp(3)", "timestamp '0100-01-01 00:00:00 BC' + {0} * interval '3 years 1 day 1.5 seconds'", "k")]
    [InlineData("timestamptz", "k timestamptz", "timestamptz '0100-01-01 00:00:00+00 BC' + {0} * interval '3 years 1 day 0.25 seconds'", "k")]
    [InlineData("date", "k date", "date '0500-01-01 BC' + {0} * 1000", "k")]
    [InlineData("varchar", "k varchar(40)", "'k' || {0}::text", "k")]
    [InlineData("bytea", "k bytea", "convert_to({0}::text || repeat('!', {0} % 3), 'UTF8')", "k")]
    [InlineData("composite", "a int, b text", "{0} % 10, {0}::text", "a, b")]
    public async Task A_snapshot_by_a_primary_key_of_any_type_cut_short_twice_loses_and_repeats_nothing(string name, string columns, string values, string key)
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdckey" + name);
        string Key(string id) => string.Format(System.Globalization.CultureInfo.InvariantCulture, values, $"({id})");
        await Pg.ExecuteAsync(db, $"""
            CREATE TABLE items ({columns}, id INT NOT NULL, g INT, v BIGINT, PRIMARY KEY ({key}));
            ALTER TABLE items REPLICA IDENTITY FULL;
            INSERT INTO items SELECT {Key("i")}, i, i % 7, i FROM generate_series(1, 4000) AS i;
            """);
        string Move(int from, int to) => $"UPDATE items SET ({key}, id) = ({Key(to.ToString(System.Globalization.CultureInfo.InvariantCulture))}, {to}) WHERE id = {from};";
        var table = Table(db, "cdckey" + name, extra: Chunking(700, 128));
        var replica = new CdcReplica();

        byte[] checkpoint;
        await using (var first = await OpenAsync(table, 500))
        {
            for (int i = 0; i < 3; i++) replica.Apply((await first.ReadChangesAsync(CancellationToken.None))!);
            checkpoint = first.SnapshotPosition();
            Assert.Single(PostgresCdcPosition.Decode(checkpoint, "items").Segments);
            await first.ReadChangesAsync(CancellationToken.None);
        }
        await Pg.ExecuteAsync(db, $"""
            UPDATE items SET v = v + 100000 WHERE id IN (5, 1000, 1999, 2001, 3000, 3999);
            DELETE FROM items WHERE id IN (10, 2002, 3500);
            INSERT INTO items SELECT {Key("i")}, i, 1, 1 FROM (VALUES (20001), (-7)) AS n(i);
            {Move(20, 15000)}
            {Move(3990, -50)}
            """);
        await using (var second = await OpenAsync(table, 500, checkpoint))
        {
            for (int i = 0; i < 2; i++) replica.Apply((await second.ReadChangesAsync(CancellationToken.None))!);
            checkpoint = second.SnapshotPosition();
            Assert.Equal(2, PostgresCdcPosition.Decode(checkpoint, "items").Segments.Count);
        }
        await Pg.ExecuteAsync(db, $"""
            UPDATE items SET v = -v WHERE id IN (1, 1500, 2500, 3998, 15000);
            DELETE FROM items WHERE id IN (2, 2600);
            {Move(3, 30000)}
            {Move(3980, -1000)}
            """);
        await using var third = await OpenAsync(table, 500, checkpoint);
        replica.Apply((await third.ReadChangesAsync(CancellationToken.None))!);
        await Pg.ExecuteAsync(db, $"UPDATE items SET g = 99 WHERE id IN (11, 2100, 3900); DELETE FROM items WHERE id = 12; {Move(13, 40000)}");
        await CatchUpAsync(third, replica, db);
        Assert.Equal(PostgresCdcPhase.Stream, PostgresCdcPosition.Decode(third.SnapshotPosition(), "items").Phase);
    }

    [SkippableFact]
    public async Task A_table_without_a_primary_key_chunked_by_a_column_that_is_not_unique_continues_after_whole_key_values()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdcchunkkey");
        // Seven rows share each value of k; batches of 100 rows and chunks of 50 would cut through a value. The index on k
        // makes the chunks range scans (without one the snapshot is one chunk).
        await Pg.ExecuteAsync(db, """
            CREATE TABLE items (id INT NOT NULL, k INT NOT NULL, g INT, v BIGINT);
            ALTER TABLE items REPLICA IDENTITY FULL;
            INSERT INTO items SELECT i, i / 7, i % 5, i FROM generate_series(1, 3000) AS i;
            CREATE INDEX ON items (k);
            """);
        var table = Table(db, "cdcchunkkey", extra: Chunking(50, 16, "k"));
        var replica = new CdcMultisetReplica();
        byte[] checkpoint;
        await using (var first = await OpenAsync(table, 100))
        {
            for (int i = 0; i < 3; i++)
            {
                var batch = (await first.ReadChangesAsync(CancellationToken.None))!;
                Assert.InRange(batch.Length, 100, 106);
                replica.Apply(batch);
            }
            checkpoint = first.SnapshotPosition();
            await first.ReadChangesAsync(CancellationToken.None);
        }
        var cut = int.Parse(PostgresCdcPosition.Decode(checkpoint, "items").Segments[^1].UpperKey![0], System.Globalization.CultureInfo.InvariantCulture);
        // Rows of the last value emitted, of the next one, and rows moved across the cut both ways.
        await Pg.ExecuteAsync(db, $"""
            UPDATE items SET v = -v WHERE k IN ({cut}, {cut + 1}, 1, 400);
            DELETE FROM items WHERE id IN (SELECT min(id) FROM items WHERE k = {cut} UNION SELECT max(id) FROM items WHERE k = {cut + 1});
            INSERT INTO items VALUES (5000, {cut}, 0, 0), (5001, {cut + 1}, 0, 0), (5002, 0, 0, 0);
            UPDATE items SET k = 420 WHERE id = 30;
            UPDATE items SET k = 2 WHERE id = 2000;
            """);
        await using (var second = await OpenAsync(table, 100, checkpoint))
        {
            for (int i = 0; i < 2; i++) replica.Apply((await second.ReadChangesAsync(CancellationToken.None))!);
            checkpoint = second.SnapshotPosition();
        }
        await Pg.ExecuteAsync(db, "UPDATE items SET g = 9 WHERE k IN (3, 200, 420); DELETE FROM items WHERE k = 300; UPDATE items SET k = 0 WHERE k = 410;");
        await using var third = await OpenAsync(table, 100, checkpoint);
        await CatchUpAsync(third, replica, db);
        await Pg.ExecuteAsync(db, "UPDATE items SET v = 1 WHERE k IN (5, 100); INSERT INTO items VALUES (6000, 7, 7, 7);");
        await CatchUpAsync(third, replica, db);
    }

    [SkippableTheory]
    [InlineData("CREATE TABLE items (id INT NOT NULL, k INT, g INT, v BIGINT)", "k", "may be NULL")]
    [InlineData("CREATE TABLE items (id INT PRIMARY KEY, k INT NOT NULL, g INT, v BIGINT)", "k", "not a column of the primary key")]
    [InlineData("CREATE TABLE items (id INT NOT NULL, g INT, v BIGINT)", "nope", "not a column of public.items")]
    [InlineData("CREATE TABLE items (id INT NOT NULL, k point NOT NULL, g INT, v BIGINT)", "k", "of type point")]
    public async Task A_chunk_key_column_that_cannot_order_the_snapshot_is_an_error_naming_the_option(string ddl, string column, string reason)
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdcbadchunk");
        await Pg.ExecuteAsync(db, ddl + "; ALTER TABLE items REPLICA IDENTITY FULL;");
        await using var reader = await OpenAsync(Table(db, "cdcbadchunk", extra: Chunking(10, 10, column)), 10);
        var e = await Assert.ThrowsAsync<ConnectorOptionException>(async () => await reader.ReadChangesAsync(CancellationToken.None));
        Assert.Contains("'scan.incremental.snapshot.chunk.key-column'", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("scan.incremental.snapshot.chunk.size")]
    [InlineData("scan.snapshot.fetch.size")]
    public void A_chunk_or_fetch_size_below_two_is_an_error_naming_the_option(string option)
    {
        var table = Table("Host=localhost;Username=u;Password=p;Database=d", "s", extra: new Dictionary<string, string> { [option] = "1" });
        var e = Assert.Throws<ConnectorOptionException>(() => new PostgresCdcConnector().Validate(table));
        Assert.Contains($"'{option}'", e.Message);
        Assert.Contains("must be larger than 1", e.Message);
    }
}
