using Apache.Arrow;
using Npgsql;
using StreamSql.Connectors.Postgres;
using StreamSql.Execution.Types;
using StreamSql.Postgres.Tests.Fixture;
using SqlType = StreamSql.Sql.Planner.Types.SqlType;

namespace StreamSql.Postgres.Tests.Cdc;

/// <summary>
/// Snapshot readers sharing one exported snapshot, each with its share of the chunks (<see cref="PostgresChunkShare"/>):
/// together they read every row of the table as of the snapshot exactly once, whatever changes after it, by a unique and
/// by a non-unique chunk key, also when the table has fewer chunks than readers.
/// </summary>
public sealed class PostgresSnapshotShareTests
{
    [SkippableTheory]
    [InlineData("id", 2, 1000)]
    [InlineData("id", 3, 700)]
    [InlineData("g", 2, 300)]
    [InlineData("id", 4, 50_000)]
    public async Task Readers_of_one_snapshot_with_their_shares_of_the_chunks_read_every_row_once(string chunkKey, int readers, int chunkSize)
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdcshare");
        // By g: a table without a primary key, chunked by a column of 13 rows per value.
        await Pg.ExecuteAsync(db, $"""
            CREATE TABLE items (id INT NOT NULL{(chunkKey == "id" ? " PRIMARY KEY" : "")}, g INT NOT NULL, v BIGINT);
            CREATE INDEX items_g ON items (g);
            INSERT INTO items SELECT i, i / 13, i * 7 FROM generate_series(1, 10000) AS i;
            """);
        var expected = (await Pg.RowsAsync(db, "SELECT id, g, v FROM items")).Order(StringComparer.Ordinal).ToList();

        await using var exporter = new NpgsqlConnection(db);
        await exporter.OpenAsync();
        await using var exporting = await exporter.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        string snapshot;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", exporter, exporting))
            snapshot = (string)(await export.ExecuteScalarAsync())!;
        // Changes after the snapshot: no reader sees them.
        await Pg.ExecuteAsync(db, "DELETE FROM items WHERE id % 5 = 0; UPDATE items SET v = -1 WHERE id % 7 = 0; INSERT INTO items VALUES (20000, 0, 0);");

        var table = CdcSnapshotHarness.Table(db, "unused");
        var types = table.PhysicalSchema.Fields.Select(c => c.Type).ToList();
        var schema = ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema);
        var fields = types.Select(t => PostgresFieldReader.For(t)!).ToArray();
        var metadata = new PostgresCdcMetadata([], "db", "public", "items");
        var rows = new List<string>();
        var perReader = new int[readers];
        for (int r = 0; r < readers; r++)
        {
            await using var connection = new NpgsqlConnection(db);
            await connection.OpenAsync();
            var (key, why) = await PostgresSnapshotKey.LoadAsync(connection, "public", "items", chunkKey == "id" ? null : chunkKey, "items", CancellationToken.None);
            Assert.True(key is { Indexed: true }, why);
            var reader = await PostgresSnapshotReader.OpenAsync(connection, snapshot, "\"public\".\"items\"", ["id", "g", "v"], types, schema, fields, metadata,
                key, null, chunkSize, 100, CancellationToken.None, new PostgresChunkShare(r, readers));
            await using (reader)
            {
                while (await reader.ReadAsync(256, CancellationToken.None) is { } batch)
                {
                    var ids = (Int32Array)batch.Data.Column(0);
                    var groups = (Int32Array)batch.Data.Column(1);
                    var values = (Int64Array)batch.Data.Column(2);
                    for (int i = 0; i < batch.Length; i++) rows.Add($"{ids.GetValue(i)}|{groups.GetValue(i)}|{values.GetValue(i)}");
                    perReader[r] += batch.Length;
                }
            }
        }

        Assert.Equal(expected, rows.Order(StringComparer.Ordinal).ToList());
        int chunks = (int)Math.Ceiling(10000.0 / chunkSize); // about: a chunk by g runs over to the end of its last value
        for (int r = 0; r < readers; r++)
            Assert.True(r < chunks ? perReader[r] > 0 : perReader[r] == 0, $"reader {r} of {readers} read {perReader[r]} rows ({chunks} chunks)");
    }

    /// <summary>Segments read by different readers (or at different times) with gaps between them: a change is held by the
    /// segment whose range holds its row, when it committed before that segment's LSN; a row in a gap is held by none.</summary>
    [SkippableFact]
    public async Task A_change_is_held_by_the_segment_whose_key_range_holds_its_row()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdccover");
        await Pg.ExecuteAsync(db, "CREATE TABLE items (id INT PRIMARY KEY, g INT, v BIGINT)");
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        var (key, why) = await PostgresSnapshotKey.LoadAsync(connection, "public", "items", null, "items", CancellationToken.None);
        Assert.True(key is not null, why);
        // (-inf, 100] as of 50, (200, 300] as of 50, (300, +inf) as of 80; (100, 200] not read yet.
        var coverage = new PostgresSnapshotCoverage(key!,
            [new PostgresSnapshotSegment(50, null, ["100"]), new PostgresSnapshotSegment(50, ["200"], ["300"]), new PostgresSnapshotSegment(80, ["300"], null)]);
        Assert.Equal(80UL, coverage.Until);
        Assert.True(coverage.Holds(["-5"], 49));
        Assert.True(coverage.Holds(["100"], 49));
        Assert.False(coverage.Holds(["100"], 50));
        Assert.False(coverage.Holds(["150"], 10));
        Assert.False(coverage.Holds(["200"], 10));
        Assert.True(coverage.Holds(["201"], 10));
        Assert.True(coverage.Holds(["300"], 49));
        Assert.False(coverage.Holds(["300"], 60));
        Assert.True(coverage.Holds(["301"], 60));
        Assert.True(coverage.Holds(["1000"], 79));
        Assert.False(coverage.Holds(["1000"], 80));
    }

    [SkippableFact]
    public async Task The_gaps_between_segments_are_the_key_ranges_no_segment_read()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdcgaps");
        await Pg.ExecuteAsync(db, "CREATE TABLE items (id INT PRIMARY KEY, g INT, v BIGINT)");
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        var (key, _) = await PostgresSnapshotKey.LoadAsync(connection, "public", "items", null, "items", CancellationToken.None);
        static PostgresSnapshotSegment S(string? lower, string? upper) => new(1, lower is null ? null : [lower], upper is null ? null : [upper]);
        static PostgresKeyRange R(string? after, string? until) => new(after is null ? null : [after], until is null ? null : [until]);

        Assert.Equal([R(null, null)], PostgresSnapshotGaps.Of(key!, []));
        Assert.Equal([], PostgresSnapshotGaps.Of(key!, [S(null, "100"), S("100", null)]));
        Assert.Equal([R("100", "200")], PostgresSnapshotGaps.Of(key!, [S("300", null), S("200", "300"), S(null, "100")]));
        Assert.Equal([R(null, "-7"), R("20", "30"), R("40", null)], PostgresSnapshotGaps.Of(key!, [S("30", "40"), S("-7", "9"), S("9", "20")]));
    }

    [SkippableFact]
    public async Task Readers_of_a_key_range_read_its_rows_only()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdcrange");
        await Pg.ExecuteAsync(db, "CREATE TABLE items (id INT PRIMARY KEY, g INT NOT NULL, v BIGINT); INSERT INTO items SELECT i, i, i FROM generate_series(1, 1000) AS i;");
        await using var exporter = new NpgsqlConnection(db);
        await exporter.OpenAsync();
        await using var exporting = await exporter.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        string snapshot;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", exporter, exporting))
            snapshot = (string)(await export.ExecuteScalarAsync())!;
        var table = CdcSnapshotHarness.Table(db, "unused");
        var types = table.PhysicalSchema.Fields.Select(c => c.Type).ToList();
        var schema = ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema);
        var fields = types.Select(t => PostgresFieldReader.For(t)!).ToArray();
        var ids = new List<int>();
        for (int r = 0; r < 2; r++)
        {
            await using var connection = new NpgsqlConnection(db);
            await connection.OpenAsync();
            var (key, _) = await PostgresSnapshotKey.LoadAsync(connection, "public", "items", null, "items", CancellationToken.None);
            await using var reader = await PostgresSnapshotReader.OpenAsync(connection, snapshot, "\"public\".\"items\"", ["id", "g", "v"], types, schema, fields,
                new PostgresCdcMetadata([], "db", "public", "items"), key, ["100"], 30, 7, CancellationToken.None, new PostgresChunkShare(r, 2), ["300"]);
            while (await reader.ReadAsync(64, CancellationToken.None) is { } batch)
                for (int i = 0; i < batch.Length; i++) ids.Add(((Int32Array)batch.Data.Column(0)).GetValue(i)!.Value);
        }
        Assert.Equal(Enumerable.Range(101, 200), ids.Order());
    }
}
