using Apache.Arrow;
using StreamSql.Connectors.Postgres;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Types;
using StreamSql.Postgres.Tests.Fixture;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Postgres.Tests;

/// <summary>
/// The jdbc scan read in parallel, as Flink's JdbcRowDataInputFormat with JdbcNumericBetweenParametersProvider: the bounds
/// cut into scan.partition.num BETWEEN ranges with Flink's arithmetic, split i read by subtask i % parallelism, each split's
/// progress checkpointed so that a restore at any parallelism reads every row exactly once (readers driven directly
/// against the real PostgreSQL, subtask by subtask).
/// </summary>
public sealed class JdbcParallelScanTests
{
    private const long Lower = -3, Upper = 96;
    private const int Splits = 7;

    [Theory]
    [InlineData(1L, 10L, 3, "1..4 5..7 8..10")]
    [InlineData(0L, 99L, 4, "0..24 25..49 50..74 75..99")]
    [InlineData(-5L, 5L, 2, "-5..0 1..5")]
    [InlineData(1L, 3L, 5, "1..1 2..2 3..3")]
    [InlineData(7L, 7L, 1, "7..7")]
    public void The_bounds_are_cut_as_flink_cuts_them(long lower, long upper, int count, string expected) =>
        Assert.Equal(expected, string.Join(' ', JdbcScanSplit.Between(lower, upper, count).Select(s => $"{s.Lower}..{s.Upper}")));

    [Fact]
    public void The_splits_cover_the_range_exactly_and_differ_in_size_by_at_most_one()
    {
        var random = new Random(42);
        for (int round = 0; round < 2000; round++)
        {
            long lower = random.NextInt64(-1_000_000, 1_000_000), upper = lower + random.NextInt64(0, round % 3 == 0 ? 50 : 5_000_000);
            if (round % 10 == 1) (lower, upper) = (long.MinValue / 2 + random.NextInt64(1, 1000), long.MaxValue / 2 - random.NextInt64(0, 1000));
            if (round % 10 == 2) (lower, upper) = (long.MinValue + random.NextInt64(2, 1000), -1 - random.NextInt64(0, 1000));
            int count = random.Next(1, 70);
            var splits = JdbcScanSplit.Between(lower, upper, count);
            Assert.Equal((int)Math.Min(count, upper - lower + 1), splits.Count);
            Assert.Equal(lower, splits[0].Lower);
            Assert.Equal(upper, splits[^1].Upper);
            for (int i = 0; i < splits.Count; i++)
            {
                Assert.Equal(i, splits[i].Index);
                Assert.True(splits[i].Lower <= splits[i].Upper);
                if (i > 0) Assert.Equal(splits[i - 1].Upper + 1, splits[i].Lower);
            }
            var sizes = splits.Select(s => s.Upper!.Value - s.Lower!.Value + 1).ToList();
            Assert.True(sizes.Max() - sizes.Min() <= 1, $"sizes {string.Join(",", sizes)} of [{lower}, {upper}] in {count}");
            // The longer ranges come first.
            Assert.Equal(sizes.OrderByDescending(s => s), sizes);
        }
    }

    private static async Task<string> TableAsync(string name, bool primaryKey)
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync(name);
        // g spreads over and beyond the bounds, with NULLs and repeated values; rows are deleted and reinserted so the
        // physical order differs from the key order.
        await Pg.ExecuteAsync(db, $"CREATE TABLE src (id bigint{(primaryKey ? " PRIMARY KEY" : "")}, g bigint, v bigint); "
            + "INSERT INTO src SELECT i, CASE WHEN i % 41 = 0 THEN NULL ELSE (i * 37) % 120 - 10 END, i * 3 FROM generate_series(1, 3000) i; "
            + "DELETE FROM src WHERE id % 5 = 0; INSERT INTO src SELECT i, (i * 37) % 120 - 10, i * 3 FROM generate_series(1, 3000) i WHERE i % 5 = 0");
        return db;
    }

    private static CatalogTable Table(string db, bool partitioned, long lower = Lower, long upper = Upper, int splits = Splits)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["connector"] = "jdbc", ["url"] = PostgresServer.JdbcUrl(db), ["table-name"] = "src", ["username"] = "postgres", ["password"] = "pw",
        };
        if (partitioned)
        {
            options["scan.partition.column"] = "g";
            options["scan.partition.num"] = splits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            options["scan.partition.lower-bound"] = lower.ToString(System.Globalization.CultureInfo.InvariantCulture);
            options["scan.partition.upper-bound"] = upper.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var columns = new List<TableColumn> { new PhysicalColumn("id", SqlType.BigInt), new PhysicalColumn("g", SqlType.BigInt), new PhysicalColumn("v", SqlType.BigInt) };
        return new CatalogTable("src", columns, null, System.Array.Empty<string>(), System.Array.Empty<string>(), options, null, false);
    }

    private static SourceReaderContext Context(CatalogTable table, int subtask, int parallelism, int maxBatchRows) =>
        new(table, [0, 1, 2], System.Array.Empty<string>(), ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema), subtask, parallelism, maxBatchRows,
            Configuration.Empty.With("table.local-time-zone", "UTC"), SystemClock.Instance);

    /// <summary>One run: every subtask reads <paramref name="batchesOf"/>(subtask) batches (int.MaxValue: to the end), then is checkpointed.</summary>
    private static async Task<(List<List<string>> Rows, List<byte[]> Positions)> RunAsync(CatalogTable table, int parallelism,
        IReadOnlyList<byte[]>? restoreFrom, Func<int, int> batchesOf, int maxBatchRows = 50)
    {
        var rows = new List<List<string>>();
        var positions = new List<byte[]>();
        for (int s = 0; s < parallelism; s++)
        {
            await using var reader = new JdbcConnector().CreateReader();
            await reader.OpenAsync(Context(table, s, parallelism, maxBatchRows), CancellationToken.None);
            if (restoreFrom is not null) reader.RestorePositions(restoreFrom);
            var mine = new List<string>();
            for (int read = 0; read < batchesOf(s); read++)
            {
                if (await reader.ReadBatchAsync(CancellationToken.None) is not { } batch) break;
                var id = (Int64Array)batch.Column(0);
                var g = (Int64Array)batch.Column(1);
                for (int r = 0; r < batch.Length; r++) mine.Add($"{id.GetValue(r)}|{(g.IsNull(r) ? "null" : g.GetValue(r))}");
            }
            positions.Add(reader.SnapshotPosition());
            rows.Add(mine);
        }
        return (rows, positions);
    }

    private static Task<List<string>> ExpectedAsync(string db, string where = "") =>
        Pg.RowsAsync(db, $"SELECT id || '|' || coalesce(g::text, 'null') FROM src {where} ORDER BY 1");

    private static List<string> Sorted(IEnumerable<string> rows) => rows.Order(StringComparer.Ordinal).ToList();

    [SkippableTheory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(3, false)]
    public async Task Each_subtask_reads_exactly_the_rows_of_its_splits(int parallelism, bool primaryKey)
    {
        var db = await TableAsync("jdbcpscan", primaryKey);
        var (rows, _) = await RunAsync(Table(db, partitioned: true), parallelism, null, _ => int.MaxValue);
        var splits = JdbcScanSplit.Between(Lower, Upper, Splits);
        for (int s = 0; s < parallelism; s++)
        {
            var ranges = splits.Where(x => x.Index % parallelism == s).Select(x => $"g BETWEEN {x.Lower} AND {x.Upper}");
            var expected = await ExpectedAsync(db, "WHERE " + string.Join(" OR ", ranges));
            Assert.NotEmpty(expected);
            Assert.Equal(Sorted(expected), Sorted(rows[s]));
        }
        Assert.Equal(await ExpectedAsync(db, $"WHERE g BETWEEN {Lower} AND {Upper}"), Sorted(rows.SelectMany(r => r)));
    }

    [SkippableFact]
    public async Task Without_partition_options_subtask_0_reads_the_whole_table()
    {
        var db = await TableAsync("jdbcpwhole", primaryKey: true);
        var (rows, _) = await RunAsync(Table(db, partitioned: false), 3, null, _ => int.MaxValue);
        Assert.Equal(await ExpectedAsync(db), Sorted(rows[0]));
        Assert.Empty(rows[1]);
        Assert.Empty(rows[2]);
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Stopped_and_resumed_at_other_parallelisms_every_row_is_read_once(bool primaryKey)
    {
        var db = await TableAsync("jdbcprescale", primaryKey);
        var table = Table(db, partitioned: true);
        // Subtasks stop inside a split, between splits, before starting, or at the end.
        var first = await RunAsync(table, 2, null, s => s == 0 ? 3 : 9, maxBatchRows: 40);
        var second = await RunAsync(table, 3, first.Positions, s => s switch { 0 => 0, 1 => 5, _ => int.MaxValue }, maxBatchRows: 17);
        var third = await RunAsync(table, 1, second.Positions, _ => 4, maxBatchRows: 23);
        var last = await RunAsync(table, 4, third.Positions, _ => int.MaxValue);
        var all = new[] { first, second, third, last }.SelectMany(run => run.Rows.SelectMany(r => r));
        Assert.Equal(await ExpectedAsync(db, $"WHERE g BETWEEN {Lower} AND {Upper}"), Sorted(all));
        // Nothing is left after the end.
        var again = await RunAsync(table, 2, last.Positions, _ => int.MaxValue);
        Assert.All(again.Rows, Assert.Empty);
    }

    [SkippableFact]
    public async Task The_same_parallelism_continues_each_subtask_where_it_stopped()
    {
        var db = await TableAsync("jdbcpsame", primaryKey: true);
        var table = Table(db, partitioned: true);
        var whole = await RunAsync(table, 3, null, _ => int.MaxValue, maxBatchRows: 30);
        var head = await RunAsync(table, 3, null, s => s * 3 + 1, maxBatchRows: 30);
        var tail = await RunAsync(table, 3, head.Positions, _ => int.MaxValue, maxBatchRows: 30);
        for (int s = 0; s < 3; s++) Assert.Equal(whole.Rows[s], head.Rows[s].Concat(tail.Rows[s]));
    }

    [SkippableFact]
    public async Task A_checkpoint_of_the_single_read_is_continued_and_one_of_other_splits_is_refused()
    {
        var db = await TableAsync("jdbcpcompat", primaryKey: true);
        // Format 1 (the read before it was split): the whole table read by subtask 0 up to key 1000, subtask 1 idle.
        byte[] V1(bool ended, long rows, string[]? key)
        {
            using var stream = new MemoryStream();
            using (var w = new BinaryWriter(stream))
            {
                w.Write((byte)1);
                w.Write(ended);
                w.Write(rows);
                w.Write(key?.Length ?? -1);
                foreach (var k in key ?? []) w.Write(k);
            }
            return stream.ToArray();
        }
        var rest = await RunAsync(Table(db, partitioned: false), 3, [V1(false, 0, ["1000"]), V1(false, 0, null)], _ => int.MaxValue);
        Assert.Equal(await ExpectedAsync(db, "WHERE id > 1000"), Sorted(rest.Rows.SelectMany(r => r)));

        var head = await RunAsync(Table(db, partitioned: true), 2, null, _ => 2);
        var changed = Table(db, partitioned: true, splits: Splits + 1);
        var reader = new JdbcConnector().CreateReader();
        await reader.OpenAsync(Context(changed, 0, 2, 50), CancellationToken.None);
        var error = Assert.Throws<InvalidOperationException>(() => reader.RestorePositions(head.Positions));
        Assert.Contains($"The jdbc table 'src' continues from a checkpoint taken while reading it in {Splits} split(s) of [{Lower}, {Upper}], "
            + $"but its scan.partition.* options now make {Splits + 1} split(s)", error.Message);
        var garbage = Assert.Throws<InvalidDataException>(() => reader.RestorePositions([head.Positions[0], [2, 0, 0]]));
        Assert.Contains("subtask 1 of the jdbc table 'src' cannot be read", garbage.Message);
        await reader.DisposeAsync();
    }
}
