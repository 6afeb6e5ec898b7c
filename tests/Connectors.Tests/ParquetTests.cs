using Apache.Arrow;
using DuckDB.NET.Data;
using StreamSql.Connectors.Common;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Connectors.Tests.TestTables;

namespace StreamSql.Connectors.Tests;

/// <summary>The filesystem connector's parquet format: every type written and read back (by us and by DuckDB), files
/// DuckDB wrote read by us, compression, positions, and bad files refused naming the file and column.</summary>
public sealed class ParquetTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-pq-" + Guid.NewGuid().ToString("N"));

    public ParquetTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static readonly (string, SqlType)[] AllTypes =
    {
        ("bo", SqlType.Boolean), ("ti", SqlType.TinyInt), ("si", SqlType.SmallInt), ("i", SqlType.Int), ("bi", SqlType.BigInt),
        ("f", SqlType.Float), ("d", SqlType.Double), ("de5", SqlType.Decimal(5, 2)), ("de", SqlType.Decimal(12, 3)), ("de38", SqlType.Decimal(38, 10)),
        ("s", SqlType.String), ("vc", SqlType.VarChar(10)), ("ch", SqlType.Char(3)), ("bin", SqlType.Bytes),
        ("dt", SqlType.Date), ("tm", SqlType.Time()), ("ts", SqlType.Timestamp(3)), ("ts9", SqlType.Timestamp(9)), ("ltz", SqlType.TimestampLtz(6)),
    };

    /// <summary>What DuckDB prints for each column of <see cref="SampleRows"/> row r (NULL for the last row).</summary>
    private static string[] DuckDbText(int r) =>
    [
        r % 2 == 0 ? "true" : "false", (-r).ToString(), (r * 300).ToString(), (r * 100_000).ToString(), (long.MaxValue - r).ToString(),
        (r + 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture), "", (r * 1.25m - 3).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        (r * 1.125m - 2).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
        "", Strings[r], "v" + r, "c" + r, "", DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + 18000 + r).ToString("yyyy-MM-dd"), "", "", "", "",
    ];

    private static readonly string[] Strings = { "plain", "with, comma", "ünïcödé €", "", "multi\nline" };

    internal static RecordBatch SampleRows(int count = 5, int nullRows = 1)
    {
        var schema = ArrowTypeMapping.ToArrowSchema(new RowSchema(AllTypes.Select(c => new StreamSql.Sql.Planner.Types.Field(c.Item1, c.Item2)).ToList()));
        var columns = schema.FieldsList.Select(f => ColumnBuilder.Create(f.DataType)).ToArray();
        long ts = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;
        for (int r = 0; r < count; r++)
        {
            columns[0].AppendBoolean(r % 2 == 0);
            columns[1].AppendInt64(-r);
            columns[2].AppendInt64(r * 300);
            columns[3].AppendInt64(r * 100_000);
            columns[4].AppendInt64(long.MaxValue - r);
            columns[5].AppendDouble(r + 0.5);
            columns[6].AppendDouble(r * 1e20 + 0.25);
            columns[7].AppendDecimal(r * 1.25m - 3);
            columns[8].AppendDecimal(r * 1.125m - 2);
            // 28 digits: more than a .NET decimal holds once scaled by 10^10.
            columns[9].AppendUnscaled(Int128.Parse("-1234567890123456789012345678") * (r % 2 == 0 ? 1 : -1) + r);
            columns[10].AppendString(Strings[r % Strings.Length]);
            columns[11].AppendString("v" + r);
            columns[12].AppendString("c" + r);
            columns[13].AppendUtf8(new byte[] { (byte)r, 255, 0 });
            columns[14].AppendInt64(18000 + r);
            columns[15].AppendInt64(r * 3_600_000 + 1234);
            columns[16].AppendInt64(ts + r * 1000);
            columns[17].AppendInt64((ts + r) * 1000 + 789);
            columns[18].AppendInt64(ts + r * 1_000_000 + 7);
        }
        for (int n = 0; n < nullRows; n++)
            foreach (var c in columns) c.AppendNull();
        return new RecordBatch(schema, columns.Select(c => c.Build()).ToArray(), count + nullRows);
    }

    private CatalogTable PqTable(string? path = null, (string, SqlType)[]? columns = null, params (string, string)[] extra)
    {
        var options = new List<(string, string)> { ("connector", "filesystem"), ("path", path ?? _dir), ("format", "parquet") };
        options.AddRange(extra);
        return Table("pq", columns ?? AllTypes, options.ToArray());
    }

    private static async Task WriteAndCommit(CatalogTable table, params RecordBatch[] batches)
    {
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        foreach (var b in batches) await writer.WriteAsync(new Batch(b), CancellationToken.None);
        var handle = await writer.PrepareCommitAsync(1, CancellationToken.None);
        await writer.CommitAsync(1, handle is null ? System.Array.Empty<byte[]>() : new[] { handle }, CancellationToken.None);
        await writer.DisposeAsync();
    }

    private static List<string> Cells(IEnumerable<RecordBatch> batches)
    {
        var cells = new List<string>();
        foreach (var b in batches)
            for (int r = 0; r < b.Length; r++)
                cells.Add(string.Join("|", Enumerable.Range(0, b.ColumnCount).Select(c => b.Column(c).IsNull(r) ? "NULL" : FlinkText.Format(b.Column(c), r, TimestampStyle.Sql))));
        return cells;
    }

    private static List<string[]> DuckDbRows(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }

    private string Glob => Path.Combine(_dir, "**", "part-*").Replace('\\', '/');

    [Theory]
    [InlineData("snappy")]
    [InlineData("gzip")]
    [InlineData("zstd")]
    [InlineData("none")]
    public async Task Every_type_round_trips_through_our_reader(string compression)
    {
        var table = PqTable(extra: ("parquet.compression", compression));
        var rows = SampleRows();
        await WriteAndCommit(table, rows);
        var read = await ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(table));
        Assert.Equal(Cells([rows]), Cells(read));
        var codec = DuckDbRows($"SELECT DISTINCT compression FROM parquet_metadata('{Glob}')").Single()[0];
        Assert.Equal(compression == "none" ? "UNCOMPRESSED" : compression.ToUpperInvariant(), codec);
    }

    [Fact]
    public async Task DuckDb_reads_every_type_with_the_same_sql_type_and_value()
    {
        await WriteAndCommit(PqTable(), SampleRows());
        var types = DuckDbRows($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{Glob}'))").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("BOOLEAN", types["bo"]);
        Assert.Equal("TINYINT", types["ti"]);
        Assert.Equal("SMALLINT", types["si"]);
        Assert.Equal("INTEGER", types["i"]);
        Assert.Equal("BIGINT", types["bi"]);
        Assert.Equal("FLOAT", types["f"]);
        Assert.Equal("DOUBLE", types["d"]);
        Assert.Equal("DECIMAL(5,2)", types["de5"]);
        Assert.Equal("DECIMAL(12,3)", types["de"]);
        Assert.Equal("DECIMAL(38,10)", types["de38"]);
        Assert.Equal("VARCHAR", types["s"]);
        Assert.Equal("BLOB", types["bin"]);
        Assert.Equal("DATE", types["dt"]);
        Assert.Equal("TIME", types["tm"]);
        Assert.Equal("TIMESTAMP", types["ts"]);
        Assert.StartsWith("TIMESTAMP", types["ts9"]);
        Assert.Equal("TIMESTAMP WITH TIME ZONE", types["ltz"]);

        var rows = DuckDbRows($"SELECT bo::VARCHAR, ti::VARCHAR, si::VARCHAR, i::VARCHAR, bi::VARCHAR, f::VARCHAR, d::VARCHAR, de5::VARCHAR, de::VARCHAR, de38::VARCHAR, "
            + $"s, vc, ch, hex(bin), dt::VARCHAR, tm::VARCHAR, epoch_ms(ts)::VARCHAR, epoch_ns(ts9)::VARCHAR, epoch_us(ltz)::VARCHAR FROM read_parquet('{Glob}') ORDER BY i NULLS LAST");
        Assert.Equal(6, rows.Count);
        long ts = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;
        for (int r = 0; r < 5; r++)
        {
            var expected = DuckDbText(r);
            Assert.Equal(expected[0], rows[r][0]);
            Assert.Equal(expected[1], rows[r][1]);
            Assert.Equal(expected[2], rows[r][2]);
            Assert.Equal(expected[3], rows[r][3]);
            Assert.Equal(expected[4], rows[r][4]);
            Assert.Equal(expected[5], rows[r][5]);
            Assert.Equal(expected[7], rows[r][7]);
            Assert.Equal(expected[8], rows[r][8]);
            var unscaled = Int128.Parse("-1234567890123456789012345678") * (r % 2 == 0 ? 1 : -1) + r;
            Assert.Equal(StreamSql.Execution.Types.JavaNumberFormat.DecimalPlain(unscaled, 10), rows[r][9]);
            Assert.Equal(expected[10], rows[r][10]);
            Assert.Equal(expected[11], rows[r][11]);
            Assert.Equal(expected[12], rows[r][12]);
            Assert.Equal(Convert.ToHexString(new byte[] { (byte)r, 255, 0 }), rows[r][13]);
            Assert.Equal(expected[14], rows[r][14]);
            Assert.Equal(TimeSpan.FromMilliseconds(r * 3_600_000 + 1234).ToString(@"hh\:mm\:ss\.fff"), rows[r][15]);
            Assert.Equal(((ts + r * 1000) / 1000).ToString(), rows[r][16]);
            Assert.Equal(((ts + r) * 1000 + 789).ToString(), rows[r][17]);
            Assert.Equal((ts + r * 1_000_000 + 7).ToString(), rows[r][18]);
        }
        Assert.All(rows[5], cell => Assert.Equal("NULL", cell));
    }

    [Fact]
    public async Task Files_DuckDb_wrote_are_read_with_the_tables_types()
    {
        var file = Path.Combine(_dir, "duck.parquet");
        DuckDbRows($"COPY (SELECT i::INTEGER AS i, (i * 10)::BIGINT AS bi, i::TINYINT AS ti, ('s' || i) AS s, (i / 4)::DECIMAL(10,2) AS de, "
            + $"(i / 3)::DECIMAL(30,5) AS de30, (DATE '2026-12-03' + i::INTEGER) AS dt, (TIME '10:00:00' + INTERVAL (i) SECOND) AS tm, "
            + $"(TIMESTAMP '2026-12-03 10:00:00.123456' + INTERVAL (i) MINUTE) AS ts, CASE WHEN i % 3 = 0 THEN NULL ELSE (i * 1.5)::DOUBLE END AS d "
            + $"FROM range(10) t(i)) TO '{file}' (FORMAT PARQUET)");
        var table = PqTable(path: file, columns: new[]
        {
            ("i", SqlType.Int), ("bi", SqlType.BigInt), ("ti", SqlType.TinyInt), ("s", SqlType.String), ("de", SqlType.Decimal(10, 2)),
            ("de30", SqlType.Decimal(30, 5)), ("dt", SqlType.Date), ("tm", SqlType.Time()), ("ts", SqlType.Timestamp(6)), ("d", SqlType.Double),
        });
        var cells = Cells(await ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(table)));
        Assert.Equal(10, cells.Count);
        Assert.Equal("0|0|0|s0|0.00|0.00000|2026-12-03|10:00:00|2026-12-03 10:00:00.123456|NULL", cells[0]);
        Assert.Equal("7|70|7|s7|1.75|2.33333|2026-12-10|10:00:07|2026-12-03 10:07:00.123456|10.5", cells[7]);
    }

    /// <summary>A file with INT96 timestamps as Spark, Hive and Impala write them (Julian day and nanosecond of day).</summary>
    private static async Task WriteInt96File(string file, params DateTime?[] values)
    {
        var fields = new[] { "ts", "ts9", "ltz" }.Select(n => new global::Parquet.Schema.DateTimeDataField(n, global::Parquet.Schema.DateTimeFormat.Impala, isNullable: true)).ToArray();
        using var stream = File.Create(file);
        await using var writer = await global::Parquet.ParquetWriter.CreateAsync(new global::Parquet.Schema.ParquetSchema(fields), stream);
        using var rowGroup = writer.CreateRowGroup();
        foreach (var field in fields) await rowGroup.WriteAsync<DateTime>(field, values.AsMemory(), null, null, CancellationToken.None);
    }

    private static readonly DateTime?[] Int96Values =
    {
        new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567), null, new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(5),
    };

    private static long EpochMicros(DateTime value) => (long)Math.Floor((value.Ticks - DateTime.UnixEpoch.Ticks) / 10.0);

    [Fact]
    public async Task Int96_timestamps_that_spark_and_hive_write_are_read_as_timestamp_and_timestamp_ltz()
    {
        var file = Path.Combine(_dir, "spark.parquet");
        await WriteInt96File(file, Int96Values);
        // DuckDB reads the same instants from the file: it is the INT96 other engines write.
        var duck = DuckDbRows($"SELECT epoch_us(ts)::VARCHAR FROM read_parquet('{file}')");
        Assert.Equal(new[] { EpochMicros(Int96Values[0]!.Value).ToString(), "NULL", EpochMicros(Int96Values[2]!.Value).ToString() }, duck.Select(r => r[0]));

        var table = PqTable(path: file, columns: new[] { ("ts", SqlType.Timestamp(6)), ("ts9", SqlType.Timestamp(9)), ("ltz", SqlType.TimestampLtz(3)) },
            ("parquet.utc-timezone", "true"));
        var batch = Assert.Single(await ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(table)));
        Assert.Equal(new[] { "2020-01-02 03:04:05.123456", "NULL", "1969-12-31 23:59:59" }, Cells([batch]).Select(c => c.Split('|')[0]));
        var ts9 = new ColumnView(batch.Column(1));
        Assert.Equal((EpochMicros(Int96Values[0]!.Value) * 1000) + 700, ts9.GetInt64(0)); // the file holds 100 ns ticks (written from a DateTime)
        Assert.True(ts9.IsNull(1));
        Assert.Equal(-999_999_500L, ts9.GetInt64(2));
        var ltz = new ColumnView(batch.Column(2));
        Assert.Equal(EpochMicros(Int96Values[0]!.Value), ltz.GetInt64(0));
        Assert.Equal(-1_000_000L, ltz.GetInt64(2));
    }

    [Fact]
    public async Task Int96_timestamps_keep_every_nanosecond_as_timestamp_9()
    {
        // Parquet.Net writes INT96 from DateTime (100 ns); Spark and Impala keep nanoseconds: the file's nanosecond-of-day
        // fields are patched to end in 57 ns (plain encoding, uncompressed, so each value's 12 bytes are in the file as is).
        var file = Path.Combine(_dir, "impala.parquet");
        var values = new DateTime?[] { new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567), new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(5) };
        var field = new global::Parquet.Schema.DateTimeDataField("ts", global::Parquet.Schema.DateTimeFormat.Impala, isNullable: true);
        using (var stream = File.Create(file))
        {
            await using var writer = await global::Parquet.ParquetWriter.CreateAsync(new global::Parquet.Schema.ParquetSchema(field), stream,
                new global::Parquet.ParquetOptions { CompressionMethod = global::Parquet.CompressionMethod.None });
            using var rowGroup = writer.CreateRowGroup();
            await rowGroup.WriteAsync<DateTime>(field, values.AsMemory(), null, null, CancellationToken.None);
        }
        var bytes = File.ReadAllBytes(file);
        var expected = new long[values.Length];
        for (int v = 0; v < values.Length; v++)
        {
            var value = values[v]!.Value;
            long nanosOfDay = value.TimeOfDay.Ticks * 100;
            var raw = new byte[12];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(raw, nanosOfDay);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(8), (int)(value.Date - DateTime.UnixEpoch).TotalDays + 2_440_588);
            int patched = 0;
            for (int at = bytes.AsSpan().IndexOf(raw); at >= 0; at = bytes.AsSpan(at + 1).IndexOf(raw) is var next and >= 0 ? at + 1 + next : -1)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(at), nanosOfDay + 57);
                patched++;
            }
            Assert.True(patched > 0, "the INT96 value is not in the file as plain bytes");
            expected[v] = (value.Ticks - DateTime.UnixEpoch.Ticks) * 100 + 57;
        }
        File.WriteAllBytes(file, bytes);
        // DuckDB reads the same instants from the patched file (to the microsecond: its TIMESTAMP's precision).
        Assert.Equal(expected.Select(e => Math.Floor(e / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            DuckDbRows($"SELECT epoch_us(ts)::VARCHAR FROM read_parquet('{file}')").Select(r => r[0]));

        var table = PqTable(path: file, columns: new[] { ("ts", SqlType.Timestamp(9)) }, ("parquet.utc-timezone", "true"));
        var batch = Assert.Single(await ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(table)));
        var ts9 = new ColumnView(batch.Column(0));
        Assert.Equal(expected[0], ts9.GetInt64(0));
        Assert.Equal(expected[1], ts9.GetInt64(1));
        Assert.Equal(new[] { "2020-01-02 03:04:05.123456757", "1969-12-31 23:59:59.000000557" }, Cells([batch]));
    }

    [Fact]
    public async Task Int96_timestamps_are_wall_clocks_of_the_local_zone_unless_parquet_utc_timezone()
    {
        var file = Path.Combine(_dir, "hive.parquet");
        await WriteInt96File(file, Int96Values);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var arrow = ArrowTypeMapping.ToArrowSchema(new RowSchema(new[] { new StreamSql.Sql.Planner.Types.Field("ts", SqlType.Timestamp(6)) })).GetFieldByIndex(0).DataType;
        var columns = new List<(string, SqlType, Apache.Arrow.Types.IArrowType)> { ("ts", SqlType.Timestamp(6), arrow) };
        await using var cursor = await StreamSql.Connectors.Filesystem.Parquet.ParquetFileCursor.OpenAsync(file, columns, null, 0, 0, berlin, CancellationToken.None);
        var (read, rows) = (await cursor.ReadAsync(10, CancellationToken.None))!.Value;
        Assert.Equal(3, rows);
        // Flink with 'parquet.utc-timezone' = 'false' (its default): java.sql.Timestamp's local wall clock; Berlin is UTC+1 in winter.
        Assert.Equal(EpochMicros(Int96Values[0]!.Value) + 3_600_000_000L, new ColumnView(read[0]).GetInt64(0));
    }

    [Fact]
    public async Task Int64_timestamps_in_millis_micros_and_nanos_adjusted_to_utc_or_not_are_read_as_timestamp_and_timestamp_ltz()
    {
        var file = Path.Combine(_dir, "units.parquet");
        DuckDbRows($"COPY (SELECT TIMESTAMP_MS '2026-12-03 10:11:12.345' + INTERVAL (i) DAY AS ms, TIMESTAMP '2026-12-03 10:11:12.345678' + INTERVAL (i) DAY AS us, "
            + $"CASE WHEN i = 0 THEN TIMESTAMP_NS '2026-12-03 10:11:12.345678912' ELSE TIMESTAMP_NS '2026-12-04 10:11:12.345678912' END AS ns, TIMESTAMPTZ '2026-12-03 10:11:12.345678+00' + INTERVAL (i) DAY AS tz "
            + $"FROM range(2) t(i)) TO '{file}' (FORMAT PARQUET)");
        Assert.Equal("1796292672345678912", DuckDbRows($"SELECT epoch_ns(ns)::VARCHAR FROM read_parquet('{file}') LIMIT 1")[0][0]);
        // What DuckDB wrote: one unit per column, the last adjusted to UTC.
        var schema = DuckDbRows($"SELECT name, logical_type FROM parquet_schema('{file}') WHERE name <> 'duckdb_schema' ORDER BY name").ToDictionary(r => r[0], r => r[1]);
        Assert.Contains("MILLIS", schema["ms"]);
        Assert.Contains("MICROS", schema["us"]);
        Assert.Contains("NANOS", schema["ns"]);
        Assert.Matches("isAdjustedToUTC=(1|true)", schema["tz"]);
        Assert.Matches("isAdjustedToUTC=(0|false)", schema["us"]);

        var table = PqTable(path: file, columns: new[]
        {
            ("ms", SqlType.Timestamp(3)), ("us", SqlType.Timestamp(6)), ("ns", SqlType.Timestamp(9)), ("tz", SqlType.TimestampLtz(6)),
        });
        var batch = Assert.Single(await ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(table)));
        var cells = Cells([batch]);
        Assert.Equal("2026-12-03 10:11:12.345|2026-12-03 10:11:12.345678|2026-12-03 10:11:12.345678912", string.Join("|", cells[0].Split('|')[..3]));
        Assert.Equal("2026-12-04 10:11:12.345|2026-12-04 10:11:12.345678|2026-12-04 10:11:12.345678912", string.Join("|", cells[1].Split('|')[..3]));
        long tz = new DateTimeOffset(2026, 12, 3, 10, 11, 12, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000 + 345_678;
        Assert.Equal(tz, new ColumnView(batch.Column(3)).GetInt64(0));
        Assert.Equal(tz + 86_400_000_000L, new ColumnView(batch.Column(3)).GetInt64(1));
    }

    [Fact]
    public async Task Only_projected_columns_are_read_and_a_restored_position_continues_in_the_row_group()
    {
        var table = PqTable(extra: ("parquet.block.size", "1"));
        // Each batch becomes its own row group (block size 1 byte).
        await WriteAndCommit(table, SampleRows(5, 0), SampleRows(5, 1));
        var context = ReaderContext(table, maxBatchRows: 2) with { ProjectedColumns = new[] { 3, 10 } };
        context = context with { OutputSchema = new Schema(new[] { context.OutputSchema.GetFieldByIndex(3), context.OutputSchema.GetFieldByIndex(10) }, null) };
        var all = Cells(await ReadAll(new FilesystemConnector().CreateReader(), context));
        Assert.Equal(11, all.Count);
        Assert.Equal("300000|", all[3]);

        // Read three batches (6 rows: the first row group and one row of the second), snapshot, restore in a new reader.
        var reader = new FilesystemConnector().CreateReader();
        await reader.OpenAsync(context, CancellationToken.None);
        var first = new List<RecordBatch>();
        for (int i = 0; i < 3; i++) first.Add((await reader.ReadBatchAsync(CancellationToken.None))!);
        var position = reader.SnapshotPosition();
        await reader.DisposeAsync();
        var rest = await ReadAll(new FilesystemConnector().CreateReader(), context, restoreFrom: new[] { position });
        Assert.Equal(all, Cells(first).Concat(Cells(rest)).ToList());
    }

    [Fact]
    public async Task A_corrupt_file_is_refused_naming_the_file()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.parquet"), "this is not parquet");
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(PqTable())));
        Assert.Contains("bad.parquet", e.Message);
    }

    [Fact]
    public async Task A_missing_column_or_a_type_that_does_not_match_is_refused_naming_file_and_column()
    {
        var file = Path.Combine(_dir, "duck.parquet");
        DuckDbRows($"COPY (SELECT 1::INTEGER AS a, 'x' AS b) TO '{file}' (FORMAT PARQUET)");
        var missing = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAll(new FilesystemConnector().CreateReader(),
            ReaderContext(PqTable(path: file, columns: new[] { ("a", SqlType.Int), ("c", SqlType.Int) }))));
        Assert.Contains("duck.parquet", missing.Message);
        Assert.Contains("'c'", missing.Message);
        var mismatch = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAll(new FilesystemConnector().CreateReader(),
            ReaderContext(PqTable(path: file, columns: new[] { ("a", SqlType.Int), ("b", SqlType.BigInt) }))));
        Assert.Contains("duck.parquet", mismatch.Message);
        Assert.Contains("'b'", mismatch.Message);
        Assert.Contains("BIGINT", mismatch.Message);
    }

    [Fact]
    public void A_column_type_parquet_cannot_hold_is_refused_at_validation()
    {
        var table = PqTable(columns: new[] { ("a", SqlType.Int), ("iv", SqlType.IntervalDayTime) });
        var e = Assert.Throws<StreamSql.Sql.Planner.Connectors.ConnectorOptionException>(() => new FilesystemConnector().Validate(table));
        Assert.Contains("'iv'", e.Message);
        var nested = PqTable(columns: new[] { ("a", SqlType.Int), ("r", SqlType.Row(["x", "iv"], [SqlType.Int, SqlType.IntervalDayTime])) });
        e = Assert.Throws<StreamSql.Sql.Planner.Connectors.ConnectorOptionException>(() => new FilesystemConnector().Validate(nested));
        Assert.Contains("'iv'", e.Message);
        var multiset = PqTable(columns: new[] { ("ms", new SqlType(SqlTypeKind.Multiset, Elements: new[] { SqlType.Int })) });
        e = Assert.Throws<StreamSql.Sql.Planner.Connectors.ConnectorOptionException>(() => new FilesystemConnector().Validate(multiset));
        Assert.Contains("MULTISET", e.Message);
    }
}

public sealed class ParquetPushdownTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-pqf-" + Guid.NewGuid().ToString("N"));

    public ParquetPushdownTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly (string, SqlType)[] Columns = { ("id", SqlType.BigInt), ("name", SqlType.String), ("dt", SqlType.String) };

    private static RecordBatch Rows(int from, int count, string dt)
    {
        var schema = ArrowTypeMapping.ToArrowSchema(new RowSchema(Columns.Select(c => new StreamSql.Sql.Planner.Types.Field(c.Item1, c.Item2)).ToList()));
        var b = schema.FieldsList.Select(f => ColumnBuilder.Create(f.DataType)).ToArray();
        for (int i = from; i < from + count; i++)
        {
            b[0].AppendInt64(i);
            b[1].AppendString("n" + i);
            b[2].AppendString(dt);
        }
        return new RecordBatch(schema, b.Select(x => x.Build()).ToArray(), count);
    }

    private static StreamSql.Sql.Planner.Logical.ScanPredicate Predicate(int column, string op, object value, SqlType type) =>
        new(column, op, new StreamSql.Sql.Planner.Expressions.Literal(value, type));

    [Fact]
    public async Task Row_groups_whose_statistics_exclude_a_pushed_filter_are_not_read()
    {
        var table = Table("pq", Columns, ("connector", "filesystem"), ("path", _dir), ("format", "parquet"), ("parquet.block.size", "1"));
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        await writer.WriteAsync(new Batch(Rows(0, 5, "a")), CancellationToken.None);
        await writer.WriteAsync(new Batch(Rows(5, 5, "b")), CancellationToken.None);
        await writer.CommitAsync(1, new[] { (await writer.PrepareCommitAsync(1, CancellationToken.None))! }, CancellationToken.None);

        async Task<(long[] Ids, long Skipped)> ReadWith(params StreamSql.Sql.Planner.Logical.ScanPredicate[] filters)
        {
            var reader = (FilesystemReader)new FilesystemConnector().CreateReader();
            var batches = await ReadAll(reader, ReaderContext(table) with { Filters = filters });
            return (batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(r => new ColumnView(b.Column(0)).GetInt64(r))).ToArray(), reader.SkippedRowGroups);
        }
        var (ids, skipped) = await ReadWith(Predicate(0, ">=", 7L, SqlType.BigInt));
        Assert.Equal(new long[] { 5, 6, 7, 8, 9 }, ids);
        Assert.Equal(1, skipped);
        (ids, skipped) = await ReadWith(Predicate(0, "<", 100L, SqlType.BigInt));
        Assert.Equal(10, ids.Length);
        Assert.Equal(0, skipped);
    }

    [Fact]
    public async Task String_statistics_of_our_files_skip_row_groups_for_equality_ranges_and_in_lists()
    {
        var table = Table("pq", Columns, ("connector", "filesystem"), ("path", _dir), ("format", "parquet"), ("parquet.block.size", "1"));
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        // Three row groups of names: n0..n4 | n5..n9 | o10..o14 (byte order: "n0" < "n4" < "n5" < "n9" < "o10").
        await writer.WriteAsync(new Batch(Rows(0, 5, "a")), CancellationToken.None);
        await writer.WriteAsync(new Batch(Rows(5, 5, "a")), CancellationToken.None);
        var third = Rows(10, 5, "a");
        var names = ColumnBuilder.Create(third.Column(1).Data.DataType);
        for (int i = 10; i < 15; i++) names.AppendString("o" + i);
        await writer.WriteAsync(new Batch(new RecordBatch(third.Schema, new[] { third.Column(0), names.Build(), third.Column(2) }, 5)), CancellationToken.None);
        await writer.CommitAsync(1, new[] { (await writer.PrepareCommitAsync(1, CancellationToken.None))! }, CancellationToken.None);
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT string_agg(stats_min_value || '..' || stats_max_value, ' ' ORDER BY row_group_id) FROM parquet_metadata('{_dir}/part-*') WHERE path_in_schema = 'name'";
            Assert.Equal("n0..n4 n5..n9 o10..o14", command.ExecuteScalar());
        }

        async Task<(long[] Ids, long Skipped)> ReadWith(params StreamSql.Sql.Planner.Logical.ScanPredicate[] filters)
        {
            var reader = (FilesystemReader)new FilesystemConnector().CreateReader();
            var batches = await ReadAll(reader, ReaderContext(table) with { Filters = filters });
            return (batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(r => new ColumnView(b.Column(0)).GetInt64(r))).ToArray(), reader.SkippedRowGroups);
        }
        var (ids, skipped) = await ReadWith(Predicate(1, "=", "n7", SqlType.String));
        Assert.Equal(Enumerable.Range(5, 5).Select(i => (long)i), ids);
        Assert.Equal(2, skipped);
        (_, skipped) = await ReadWith(Predicate(1, "<", "n5", SqlType.String));
        Assert.Equal(2, skipped);
        (_, skipped) = await ReadWith(Predicate(1, ">", "n9", SqlType.String));
        Assert.Equal(2, skipped);
        // BETWEEN arrives as its two conjuncts.
        (_, skipped) = await ReadWith(Predicate(1, ">=", "n5", SqlType.String), Predicate(1, "<=", "n6", SqlType.String));
        Assert.Equal(2, skipped);
        (_, skipped) = await ReadWith(InList(1, SqlType.String, "n2", "o12"));
        Assert.Equal(1, skipped);
        (_, skipped) = await ReadWith(InList(1, SqlType.String, "m", "n55", "zz"));
        Assert.Equal(2, skipped);
        (ids, skipped) = await ReadWith(InList(0, SqlType.BigInt, 3L, 4L));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (long)i), ids);
        Assert.Equal(2, skipped);
    }

    private static StreamSql.Sql.Planner.Logical.ScanPredicate InList(int column, SqlType type, params object[] values)
    {
        var literals = values.Select(v => new StreamSql.Sql.Planner.Expressions.Literal(v, type)).ToList();
        return new(column, "IN", literals[0]) { Values = literals };
    }

    [Fact]
    public async Task String_statistics_of_files_other_writers_made_skip_row_groups()
    {
        var file = Path.Combine(_dir, "duck.parquet");
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT i::BIGINT AS id, 'n' || lpad(i::VARCHAR, 6, '0') AS name, 'x' AS dt FROM range(300000) t(i)) TO '{file}' (FORMAT PARQUET, ROW_GROUP_SIZE 100000)";
            command.ExecuteNonQuery();
        }
        var table = Table("pq", Columns, ("connector", "filesystem"), ("path", file), ("format", "parquet"));
        var reader = (FilesystemReader)new FilesystemConnector().CreateReader();
        var batches = await ReadAll(reader, ReaderContext(table) with { Filters = new[] { Predicate(1, "=", "n150000", SqlType.String) } });
        // DuckDB rounds row groups to its vector size: whatever their number, all but the one holding the value are skipped.
        Assert.True(reader.SkippedRowGroups >= 2, $"skipped {reader.SkippedRowGroups}");
        Assert.True(batches.Sum(b => b.Length) < 150_000);
        Assert.Contains(batches, b => Enumerable.Range(0, b.Length).Any(r => new ColumnView(b.Column(0)).GetInt64(r) == 150_000));
    }

    [Fact]
    public async Task Partition_directories_failing_a_pushed_filter_are_not_listed()
    {
        var table = Table("pq", Columns, ("connector", "filesystem"), ("path", _dir), ("format", "parquet")) with { PartitionKeys = new[] { "dt" } };
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        await writer.WriteAsync(new Batch(Rows(0, 3, "2026-12-02")), CancellationToken.None);
        await writer.WriteAsync(new Batch(Rows(3, 3, "2026-12-03")), CancellationToken.None);
        await writer.CommitAsync(1, new[] { (await writer.PrepareCommitAsync(1, CancellationToken.None))! }, CancellationToken.None);

        var reader = (FilesystemReader)new FilesystemConnector().CreateReader();
        var batches = await ReadAll(reader, ReaderContext(table) with { Filters = new[] { Predicate(2, ">=", "2026-12-03", SqlType.String) } });
        Assert.Equal(new long[] { 3, 4, 5 }, batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(r => new ColumnView(b.Column(0)).GetInt64(r))));
        Assert.Equal(1, reader.PrunedFiles);

        reader = (FilesystemReader)new FilesystemConnector().CreateReader();
        batches = await ReadAll(reader, ReaderContext(table) with { Filters = new[] { InList(2, SqlType.String, "2026-12-01", "2026-12-02") } });
        Assert.Equal(new long[] { 0, 1, 2 }, batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(r => new ColumnView(b.Column(0)).GetInt64(r))));
        Assert.Equal(1, reader.PrunedFiles);
    }
}
