using Apache.Arrow;
using Npgsql;
using StreamSql.Connectors.Postgres;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Types;
using StreamSql.Postgres.Tests.Fixture;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using SqlType = StreamSql.Sql.Planner.Types.SqlType;

namespace StreamSql.Postgres.Tests.Cdc;

using static CdcSnapshotHarness;

/// <summary>
/// The postgres-cdc snapshot driven through the reader itself: a large table read in bounded batches, and a snapshot cut
/// short by a failure (the reader dropped after a checkpoint's position was taken) continued by a new reader restored
/// from that position, twice, while rows change: replaying every change emitted onto the rows emitted must give the
/// table as PostgreSQL holds it, with no row or change seen twice.
/// </summary>
public sealed class PostgresCdcSnapshotTests
{
    [SkippableFact]
    public async Task A_large_table_is_read_in_batches_of_the_runtime_batch_size_and_its_changes_follow()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdcbig");
        await Pg.ExecuteAsync(db, """
            CREATE TABLE items (id INT PRIMARY KEY, g INT, v BIGINT);
            ALTER TABLE items REPLICA IDENTITY FULL;
            INSERT INTO items SELECT i, i % 7, i * 3 FROM generate_series(1, 200000) AS i;
            """);
        await using var reader = await OpenAsync(Table(db, "cdcbig"), 4096);
        var replica = new CdcReplica();
        int batches = 0, largest = 0;
        long sum = 0;
        while (replica.Rows.Count < 200_000)
        {
            var batch = await reader.ReadChangesAsync(CancellationToken.None);
            Assert.NotNull(batch);
            if (batch.Length == 0) continue;
            batches++;
            largest = Math.Max(largest, batch.Length);
            var values = (Int64Array)batch.Data.Column(2);
            for (int r = 0; r < batch.Length; r++) sum += values.GetValue(r)!.Value;
            replica.Apply(batch);
        }
        var totals = await Pg.RowsAsync(db, "SELECT count(*), sum(v)::bigint FROM items");
        Assert.Equal(totals[0], $"{replica.Rows.Count}|{sum}");
        Assert.Equal(4096, largest);
        Assert.Equal((200_000 + 4095) / 4096, batches);

        await Pg.ExecuteAsync(db, "UPDATE items SET v = -1 WHERE id = 7; DELETE FROM items WHERE id = 8; INSERT INTO items VALUES (200001, 1, 1);");
        await CatchUpAsync(reader, replica, db);
    }

    /// <remarks>In upsert mode (the default replica identity) updates arrive without before images, a key change as a
    /// delete of the old key and the new row, a delete with the key alone.</remarks>
    [SkippableTheory]
    [InlineData("all")]
    [InlineData("upsert")]
    public async Task A_snapshot_cut_short_twice_continues_after_its_last_key_and_no_change_is_lost_or_repeated(string mode)
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdcresume");
        await Pg.ExecuteAsync(db, $"""
            CREATE TABLE items (id INT PRIMARY KEY, g INT, v BIGINT);
            {(mode == "all" ? "ALTER TABLE items REPLICA IDENTITY FULL;" : "")}
            INSERT INTO items SELECT i, i % 7, i FROM generate_series(1, 10000) AS i;
            """);
        var table = Table(db, "cdcresume", mode: mode);
        var replica = new CdcReplica(upsert: mode == "upsert");

        // Run 1 emits ids 1..3000, a checkpoint stores that, then it reads on (output the failure throws away) and dies.
        byte[] checkpoint;
        await using (var first = await OpenAsync(table, 1000))
        {
            for (int i = 0; i < 3; i++) replica.Apply((await first.ReadChangesAsync(CancellationToken.None))!);
            checkpoint = first.SnapshotPosition();
            Assert.Equal(PostgresCdcPhase.Snapshot, PostgresCdcPosition.Decode(checkpoint, "items").Phase);
            await first.ReadChangesAsync(CancellationToken.None);
        }
        // While the job is down: changes to emitted rows, rows not yet read, and an update moving a row across the cut.
        await Pg.ExecuteAsync(db, """
            UPDATE items SET v = v + 100000 WHERE id IN (5, 2999, 3001, 7000);
            DELETE FROM items WHERE id IN (10, 3002, 9000);
            INSERT INTO items VALUES (20001, 1, 1), (0, 2, 2);
            UPDATE items SET id = 15000 WHERE id = 20;
            UPDATE items SET id = 21 - 100 WHERE id = 6000;
            """);

        // Run 2 continues under a new snapshot, emits two more batches, is checkpointed and dies too.
        await using (var second = await OpenAsync(table, 1000, checkpoint))
        {
            for (int i = 0; i < 2; i++) replica.Apply((await second.ReadChangesAsync(CancellationToken.None))!);
            checkpoint = second.SnapshotPosition();
            var position = PostgresCdcPosition.Decode(checkpoint, "items");
            Assert.Equal(PostgresCdcPhase.Snapshot, position.Phase);
            Assert.Equal(2, position.Segments.Count);
            Assert.True(position.Segments[1].Lsn > position.Segments[0].Lsn);
        }
        await Pg.ExecuteAsync(db, """
            UPDATE items SET v = -v WHERE id IN (1, 4000, 4999, 5001, 9999, 15000);
            DELETE FROM items WHERE id IN (2, 4500, 8000);
            UPDATE items SET id = 30000 WHERE id = 3;
            UPDATE items SET id = 4 - 1000 WHERE id = 9998;
            """);

        // Run 3 reads the rest, then the stream; changes while it reads the snapshot and after it come once too.
        await using var third = await OpenAsync(table, 1000, checkpoint);
        replica.Apply((await third.ReadChangesAsync(CancellationToken.None))!);
        await Pg.ExecuteAsync(db, "UPDATE items SET g = 99 WHERE id IN (11, 4100, 9500); INSERT INTO items VALUES (40000, 4, 4); DELETE FROM items WHERE id = 12;");
        await CatchUpAsync(third, replica, db);
        await Pg.ExecuteAsync(db, "UPDATE items SET v = 0 WHERE id IN (13, 5500, 9700); DELETE FROM items WHERE id = 40000;");
        await CatchUpAsync(third, replica, db);
        Assert.Equal(PostgresCdcPhase.Stream, PostgresCdcPosition.Decode(third.SnapshotPosition(), "items").Phase);
    }

    [SkippableFact]
    public async Task A_checkpoint_during_the_snapshot_of_a_table_without_a_primary_key_cannot_be_continued_and_says_why()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdcnokey");
        await Pg.ExecuteAsync(db, """
            CREATE TABLE items (id INT, g INT, v BIGINT);
            ALTER TABLE items REPLICA IDENTITY FULL;
            INSERT INTO items SELECT i, 0, i FROM generate_series(1, 100) AS i;
            """);
        var table = Table(db, "cdcnokey");
        byte[] checkpoint;
        await using (var first = await OpenAsync(table, 10))
        {
            Assert.Equal(10, (await first.ReadChangesAsync(CancellationToken.None))!.Length);
            checkpoint = first.SnapshotPosition();
        }
        await using var second = await OpenAsync(table, 10, checkpoint);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () => await second.ReadChangesAsync(CancellationToken.None));
        Assert.Contains("taken during its snapshot", e.Message);
        Assert.Contains("it has no primary key", e.Message);
        Assert.Contains("'scan.incremental.snapshot.chunk.key-column'", e.Message);
        Assert.Contains("start the job without the checkpoint", e.Message);
    }

    [SkippableFact]
    public async Task A_snapshot_by_a_text_key_continues_in_byte_order_whatever_the_collation()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdctext");
        // The column orders linguistically (ICU); keys whose byte order differs: case, accents, digits, a character outside the BMP.
        await Pg.ExecuteAsync(db, """
            CREATE TABLE items (id TEXT COLLATE "und-x-icu" PRIMARY KEY, g INT, v BIGINT);
            ALTER TABLE items REPLICA IDENTITY FULL;
            INSERT INTO items SELECT (ARRAY['a', 'B', 'é', 'Z', '1', '😀', 'ß', 'Ä'])[1 + i % 8] || i::text, i % 7, i FROM generate_series(1, 4000) AS i;
            """);
        var table = Table(db, "cdctext", SqlType.String);
        var replica = new CdcReplica();
        byte[] checkpoint;
        await using (var first = await OpenAsync(table, 500))
        {
            for (int i = 0; i < 3; i++) replica.Apply((await first.ReadChangesAsync(CancellationToken.None))!);
            checkpoint = first.SnapshotPosition();
        }
        var cut = PostgresCdcPosition.Decode(checkpoint, "items").Segments[^1].UpperKey![0];
        // Changes below and above the cut, a row moved across it each way, and new keys on both sides.
        await Pg.ExecuteAsync(db, $"""
            UPDATE items SET v = -v WHERE id IN (SELECT id FROM items ORDER BY id COLLATE "C" LIMIT 5);
            UPDATE items SET v = -v WHERE id IN (SELECT id FROM items ORDER BY id COLLATE "C" DESC LIMIT 5);
            UPDATE items SET id = id || '~' WHERE id = (SELECT id FROM items WHERE id COLLATE "C" < '{cut}' ORDER BY id COLLATE "C" LIMIT 1);
            UPDATE items SET id = '0' || id WHERE id = (SELECT id FROM items WHERE id COLLATE "C" > '{cut}' ORDER BY id COLLATE "C" DESC LIMIT 1);
            DELETE FROM items WHERE id = (SELECT id FROM items WHERE id COLLATE "C" > '{cut}' ORDER BY id COLLATE "C" LIMIT 1);
            INSERT INTO items VALUES ('', 0, 0), ('ÿÿ', 0, 0), ('{cut}0', 0, 0);
            """);
        await using var second = await OpenAsync(table, 500, checkpoint);
        await CatchUpAsync(second, replica, db);
        await Pg.ExecuteAsync(db, $"UPDATE items SET g = 99 WHERE id IN ('', '{cut}', '{cut}0')");
        await CatchUpAsync(second, replica, db);
    }
}
