using Apache.Arrow;
using StreamSql.Connectors.Datagen;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Connectors.Tests.TestTables;

namespace StreamSql.Connectors.Tests;

public sealed class DatagenTests
{
    private static async Task<List<RecordBatch>> Read(Sql.Planner.Catalog.CatalogTable table, int subtask = 0, int parallelism = 1, int maxBatchRows = 1000)
    {
        var reader = new DatagenConnector().CreateReader();
        return await ReadAll(reader, ReaderContext(table, subtask, parallelism, maxBatchRows));
    }

    [Fact]
    public async Task Sequence_is_split_across_subtasks_without_overlap_or_gap()
    {
        var table = Table("t", new[] { ("id", SqlType.BigInt), ("v", SqlType.Int) },
            ("connector", "datagen"), ("rows-per-second", "100000000"), ("fields.id.kind", "sequence"), ("fields.id.start", "5"), ("fields.id.end", "104"));
        var first = Longs(await Read(table, 0, 2, maxBatchRows: 7), 0);
        var second = Longs(await Read(table, 1, 2, maxBatchRows: 7), 0);
        Assert.Equal(50, first.Count);
        Assert.Equal(50, second.Count);
        Assert.Empty(first.Intersect(second));
        var all = first.Concat(second).OrderBy(v => v).ToList();
        Assert.Equal(Enumerable.Range(5, 100).Select(v => (long)v), all);
    }

    /// <summary>Flink's SequenceGenerator deals the values out: subtask s of P emits start + s, start + s + P, ... (so the
    /// subtasks' rows, and event times computed from them, stay abreast), each sequence column alike, and a subtask ends
    /// with its shortest sequence.</summary>
    [Fact]
    public async Task Subtasks_take_every_parallelism_th_value_of_each_sequence_as_flink()
    {
        var table = Table("t", new[] { ("id", SqlType.BigInt), ("s", SqlType.Int) },
            ("connector", "datagen"), ("rows-per-second", "100000000"), ("fields.id.kind", "sequence"), ("fields.id.start", "5"), ("fields.id.end", "104"),
            ("fields.s.kind", "sequence"), ("fields.s.start", "-3"), ("fields.s.end", "7"));
        for (int subtask = 0; subtask < 3; subtask++)
        {
            var batches = await Read(table, subtask, 3, maxBatchRows: 2);
            // s has 11 values: subtasks 0 and 1 get 4 of them, subtask 2 gets 3, and each stops there.
            int rows = subtask < 2 ? 4 : 3;
            Assert.Equal(Enumerable.Range(0, rows).Select(i => 5L + subtask + 3 * i), Longs(batches, 0));
            Assert.Equal(Enumerable.Range(0, rows).Select(i => -3L + subtask + 3 * i), Longs(batches, 1));
        }
    }

    [Fact]
    public async Task Uneven_sequence_split_keeps_every_value()
    {
        var table = Table("t", new[] { ("s", SqlType.String) },
            ("connector", "datagen"), ("rows-per-second", "100000000"), ("fields.s.kind", "sequence"), ("fields.s.start", "1"), ("fields.s.end", "10"));
        var values = new List<string>();
        for (int s = 0; s < 3; s++)
            foreach (var b in await Read(table, s, 3))
                for (int r = 0; r < b.Length; r++) values.Add(((StringArray)b.Column(0)).GetString(r));
        Assert.Equal(Enumerable.Range(1, 10).Select(v => v.ToString()).OrderBy(v => v), values.OrderBy(v => v));
    }

    [Fact]
    public async Task Number_of_rows_bounds_the_source_per_subtask_share()
    {
        var table = Table("t", new[] { ("v", SqlType.Int) }, ("connector", "datagen"), ("rows-per-second", "100000000"), ("number-of-rows", "25"));
        Assert.Equal(13, (await Read(table, 0, 2, 4)).Sum(b => b.Length));
        Assert.Equal(12, (await Read(table, 1, 2, 4)).Sum(b => b.Length));
        Assert.Equal(25, (await Read(table)).Sum(b => b.Length));
    }

    [Fact]
    public async Task Number_of_rows_and_sequence_end_at_the_first_limit()
    {
        var table = Table("t", new[] { ("id", SqlType.Int) }, ("connector", "datagen"), ("rows-per-second", "100000000"), ("number-of-rows", "3"),
            ("fields.id.kind", "sequence"), ("fields.id.start", "1"), ("fields.id.end", "100"));
        Assert.Equal(new long[] { 1, 2, 3 }, Longs(await Read(table), 0));
    }

    [Fact]
    public async Task Random_values_respect_min_max()
    {
        var table = Table("t", new[] { ("i", SqlType.Int), ("d", SqlType.Double), ("b", SqlType.BigInt), ("m", SqlType.Decimal(10, 2)) },
            ("connector", "datagen"), ("rows-per-second", "100000000"), ("number-of-rows", "2000"),
            ("fields.i.min", "-3"), ("fields.i.max", "3"), ("fields.d.min", "0.5"), ("fields.d.max", "0.75"),
            ("fields.b.min", "1000000000000"), ("fields.b.max", "1000000000001"), ("fields.m.min", "1.5"), ("fields.m.max", "2.5"));
        var seen = new HashSet<long>();
        foreach (var batch in await Read(table))
        {
            var i = (Int32Array)batch.Column(0);
            var d = (DoubleArray)batch.Column(1);
            var b = (Int64Array)batch.Column(2);
            var m = (Decimal128Array)batch.Column(3);
            for (int r = 0; r < batch.Length; r++)
            {
                Assert.InRange(i.GetValue(r)!.Value, -3, 3);
                seen.Add(i.GetValue(r)!.Value);
                Assert.InRange(d.GetValue(r)!.Value, 0.5, 0.75);
                Assert.InRange(b.GetValue(r)!.Value, 1000000000000L, 1000000000001L);
                Assert.InRange(m.GetValue(r)!.Value, 1.5m, 2.5m);
            }
        }
        Assert.Equal(7, seen.Count); // both bounds are reachable
    }

    [Fact]
    public async Task Null_rate_makes_about_that_share_null()
    {
        var table = Table("t", new[] { ("a", SqlType.String), ("b", SqlType.Int), ("c", SqlType.Int.AsNotNull()) },
            ("connector", "datagen"), ("rows-per-second", "100000000"), ("number-of-rows", "4000"),
            ("fields.a.null-rate", "1.0"), ("fields.b.null-rate", "0.5"), ("fields.c.null-rate", "0.5"));
        var batches = await Read(table);
        Assert.Equal(4000, batches.Sum(b => b.Column(0).NullCount));
        Assert.InRange(batches.Sum(b => b.Column(1).NullCount), 1600, 2400);
        Assert.Equal(0, batches.Sum(b => b.Column(2).NullCount)); // NOT NULL columns stay non-null
    }

    [Fact]
    public async Task Every_scalar_type_is_generated()
    {
        var types = new (string, SqlType)[]
        {
            ("bo", SqlType.Boolean), ("ti", SqlType.TinyInt), ("si", SqlType.SmallInt), ("i", SqlType.Int), ("bi", SqlType.BigInt),
            ("f", SqlType.Float), ("d", SqlType.Double), ("de", SqlType.Decimal(38, 10)), ("c", SqlType.Char(4)), ("vc", SqlType.VarChar(7)),
            ("s", SqlType.String), ("bin", SqlType.Bytes), ("dt", SqlType.Date), ("tm", SqlType.Time()), ("ts", SqlType.Timestamp(3)),
            ("ltz", SqlType.TimestampLtz(3)), ("ids", SqlType.IntervalDayTime), ("iym", SqlType.IntervalYearMonth),
        };
        var table = Table("t", types, ("connector", "datagen"), ("rows-per-second", "100000000"), ("number-of-rows", "100"),
            ("fields.s.length", "12"), ("fields.ts.max-past", "1 h"),
            ("fields.ids.min", "0"), ("fields.ids.max", "86400000"), ("fields.iym.min", "0"), ("fields.iym.max", "24"));
        var batches = await Read(table);
        Assert.Equal(100, batches.Sum(b => b.Length));
        foreach (var batch in batches)
        {
            for (int r = 0; r < batch.Length; r++)
            {
                Assert.Equal(4, ((StringArray)batch.Column(8)).GetString(r).Length);
                Assert.Equal(7, ((StringArray)batch.Column(9)).GetString(r).Length);
                var s = ((StringArray)batch.Column(10)).GetString(r);
                Assert.Equal(12, s.Length);
                Assert.Matches("^[0-9a-f]+$", s);
                long ts = ((TimestampArray)batch.Column(14)).Values[r];
                Assert.InRange(ts, Now - 3_600_000_000L, Now);
                Assert.Equal(0, ts % 1000); // TIMESTAMP(3): millisecond precision
            }
        }
        // All rows print (the formatter understands every generated column).
        Assert.Equal(100, Rows(batches, table.PhysicalSchema).Count);
    }

    [Fact]
    public async Task Nested_columns_are_generated_part_by_part_with_flinks_option_paths()
    {
        var row = SqlType.Row(["a", "b"], [SqlType.Int, SqlType.String]);
        var table = Table("t", new (string, SqlType)[]
            {
                ("tags", SqlType.Array(SqlType.String)), ("r", row), ("m", SqlType.Map(SqlType.String, SqlType.Int)),
                ("none", SqlType.Array(SqlType.Int)),
            },
            ("connector", "datagen"), ("rows-per-second", "100000000"), ("number-of-rows", "50"),
            ("fields.tags.element.length", "4"), ("fields.r.a.min", "1"), ("fields.r.a.max", "9"), ("fields.r.b.null-rate", "1"),
            ("fields.m.length", "2"), ("fields.m.key.length", "5"), ("fields.m.value.min", "0"), ("fields.m.value.max", "3"),
            ("fields.none.length", "0"));
        var batches = await Read(table);
        Assert.Equal(50, batches.Sum(b => b.Length));
        foreach (var batch in batches)
        {
            var tags = (ListArray)batch.Column(0);
            var fields = (StructArray)batch.Column(1);
            var map = (MapArray)batch.Column(2);
            var none = (ListArray)batch.Column(3);
            for (int r = 0; r < batch.Length; r++)
            {
                Assert.Equal(DatagenFieldSpec.DefaultCollectionSize, tags.GetValueLength(r));
                var elements = (StringArray)tags.GetSlicedValues(r);
                for (int e = 0; e < elements.Length; e++) Assert.Matches("^[0-9a-f]{4}$", elements.GetString(e));
                Assert.InRange(((Int32Array)fields.Fields[0]).GetValue(r)!.Value, 1, 9);
                Assert.True(fields.Fields[1].IsNull(r));
                Assert.Equal(2, map.GetValueLength(r));
                Assert.Equal(0, none.GetValueLength(r));
            }
            var keys = (StringArray)map.Keys;
            for (int e = 0; e < keys.Length; e++) Assert.Equal(5, keys.GetString(e).Length);
            var values = (Int32Array)map.Values;
            for (int e = 0; e < values.Length; e++) Assert.InRange(values.GetValue(e)!.Value, 0, 3);
        }
        Assert.Equal(50, Rows(batches, table.PhysicalSchema).Count);
    }

    [Theory]
    [InlineData("fields.r.x.min", "1", "refers to column 'r.x', which is not a physical column")]
    [InlineData("fields.r.min", "1", "does not apply to column 'r'")]
    [InlineData("fields.r.a.kind", "sequence", "a part of a nested column is random, not a sequence")]
    public void Nested_column_options_are_checked(string key, string value, string message)
    {
        var table = Table("t", new (string, SqlType)[] { ("r", SqlType.Row(["a"], [SqlType.Int])) }, ("connector", "datagen"), (key, value),
            ("fields.r.a.start", "1"), ("fields.r.a.end", "2"));
        var e = Assert.ThrowsAny<Exception>(() => DatagenFieldSpec.ParseAll(table));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task Timestamps_of_precision_9_are_nanoseconds_and_decimals_use_all_38_digits()
    {
        var table = Table("t", new[] { ("ts", SqlType.Timestamp(9)), ("ltz", SqlType.TimestampLtz(7)), ("de", SqlType.Decimal(38, 0)) },
            ("connector", "datagen"), ("rows-per-second", "100000000"), ("number-of-rows", "200"), ("fields.ts.max-past", "1 h"));
        var batches = await Read(table);
        var digits = new HashSet<int>();
        foreach (var batch in batches)
        {
            Assert.Equal(Apache.Arrow.Types.TimeUnit.Nanosecond, ((Apache.Arrow.Types.TimestampType)batch.Column(0).Data.DataType).Unit);
            for (int r = 0; r < batch.Length; r++)
            {
                Assert.InRange(((TimestampArray)batch.Column(0)).Values[r], (Now - 3_600_000_000L) * 1000, Now * 1000);
                Assert.InRange(((TimestampArray)batch.Column(1)).Values[r], (Now - 3_600_000_000L) * 1000, Now * 1000);
                var text = StreamSql.Execution.Types.ValueFormatter.Format(batch.Column(2), r, SqlType.Decimal(38, 0), TimeZoneInfo.Utc);
                digits.Add(text.TrimStart('-').Length);
            }
        }
        // Flink draws DECIMAL(38, 0) from ±(10^38 - 1): nearly every value has 36 to 38 digits.
        Assert.Contains(38, digits);
        Assert.DoesNotContain(39, digits);
    }

    [Fact]
    public async Task Snapshot_and_restore_continue_the_sequence()
    {
        var table = Table("t", new[] { ("id", SqlType.BigInt) }, ("connector", "datagen"), ("rows-per-second", "100000000"),
            ("fields.id.kind", "sequence"), ("fields.id.start", "1"), ("fields.id.end", "20"));
        var reader = new DatagenConnector().CreateReader();
        var context = ReaderContext(table, maxBatchRows: 8);
        await reader.OpenAsync(context, CancellationToken.None);
        var first = await reader.ReadBatchAsync(CancellationToken.None);
        var position = reader.SnapshotPosition();

        var restored = new DatagenConnector().CreateReader();
        var rest = await ReadAll(restored, context, restoreFrom: [position]);
        Assert.Equal(Enumerable.Range(1, 20).Select(v => (long)v), Longs(new[] { first! }.Concat(rest), 0));
    }

    [Fact]
    public async Task Rows_per_second_paces_the_source()
    {
        var table = Table("t", new[] { ("id", SqlType.Int) }, ("connector", "datagen"), ("rows-per-second", "200"), ("number-of-rows", "60"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(60, (await Read(table)).Sum(b => b.Length));
        Assert.InRange(watch.ElapsedMilliseconds, 200, 5000); // 60 rows at 200/s take ~300 ms
    }
}
