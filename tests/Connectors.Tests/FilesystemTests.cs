using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Connectors.Datagen;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Connectors.Tests.TestTables;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Tests;

public sealed class FilesystemTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-fs-" + Guid.NewGuid().ToString("N"));

    public FilesystemTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly (string, SqlType)[] AllTypes =
    {
        ("bo", SqlType.Boolean), ("ti", SqlType.TinyInt), ("si", SqlType.SmallInt), ("i", SqlType.Int), ("bi", SqlType.BigInt),
        ("f", SqlType.Float), ("d", SqlType.Double), ("de", SqlType.Decimal(12, 3)), ("s", SqlType.String), ("bin", SqlType.Bytes),
        ("dt", SqlType.Date), ("tm", SqlType.Time()), ("ts", SqlType.Timestamp(3)), ("ltz", SqlType.TimestampLtz(3)),
    };

    private CatalogTable FsTable(string format, string? path = null, (string, SqlType)[]? columns = null, params (string, string)[] extra)
    {
        var options = new List<(string, string)> { ("connector", "filesystem"), ("path", path ?? _dir), ("format", format) };
        options.AddRange(extra);
        return Table("fs", columns ?? AllTypes, options.ToArray());
    }

    /// <summary>Rows with every type, nulls in every column, and strings that need quoting.</summary>
    private static RecordBatch SampleRows()
    {
        var schema = ArrowTypeMapping.ToArrowSchema(new RowSchema(AllTypes.Select(c => new StreamSql.Sql.Planner.Types.Field(c.Item1, c.Item2)).ToList()));
        var columns = schema.FieldsList.Select(f => ColumnBuilder.Create(f.DataType)).ToArray();
        string[] strings = { "plain", "with, comma", "with \"quotes\"", "multi\nline", " padded ", "", "ünïcödé €" };
        long ts = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;
        for (int r = 0; r < strings.Length; r++)
        {
            columns[0].AppendBoolean(r % 2 == 0);
            columns[1].AppendInt64(-r);
            columns[2].AppendInt64(r * 300);
            columns[3].AppendInt64(r * 100_000);
            columns[4].AppendInt64(long.MaxValue - r);
            columns[5].AppendDouble(r + 0.5);
            columns[6].AppendDouble(r * 1e20 + 0.25);
            columns[7].AppendDecimal(r * 1.125m - 2);
            columns[8].AppendString(strings[r]);
            columns[9].AppendUtf8(new byte[] { (byte)r, 255, 0 });
            columns[10].AppendInt64(18000 + r);
            columns[11].AppendInt64(r * 3_600_000 + 1234);
            columns[12].AppendInt64(ts + r * 1000);
            columns[13].AppendInt64(ts + r * 1_000_000);
        }
        foreach (var c in columns) c.AppendNull(); // a row of nulls
        return new RecordBatch(schema, columns.Select(c => c.Build()).ToArray(), strings.Length + 1);
    }

    private static async Task<byte[]?> WriteAndPrepare(CatalogTable table, RecordBatch rows, long checkpoint = 1)
    {
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        await writer.WriteAsync(new Batch(rows), CancellationToken.None);
        var handle = await writer.PrepareCommitAsync(checkpoint, CancellationToken.None);
        await writer.CommitAsync(checkpoint, new[] { handle! }, CancellationToken.None);
        await writer.DisposeAsync();
        return handle;
    }

    private static async Task<List<RecordBatch>> Read(CatalogTable table, int subtask = 0, int parallelism = 1) =>
        await ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(table, subtask, parallelism));

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Round_trip_of_every_type_with_nulls_and_quoting(string format)
    {
        var table = FsTable(format);
        var rows = SampleRows();
        await WriteAndPrepare(table, rows);
        var back = await Read(table);
        var expected = Rows(new[] { rows }, table.PhysicalSchema);
        var actual = Rows(back, table.PhysicalSchema);
        if (format == "csv")
        {
            // CSV cannot tell an empty string from null: Flink reads an empty STRING field as ''.
            expected[^1] = expected[^1].Replace("+I[null, null, null, null, null, null, null, null, null,", "+I[null, null, null, null, null, null, null, null, ,");
        }
        else
        {
            // Flink's json format writes a TIME in whole seconds: the milliseconds do not come back.
            expected = expected.Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"(\d\d:\d\d:\d\d)\.234", "$1")).ToList();
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Csv_text_follows_flink()
    {
        var table = FsTable("csv");
        await WriteAndPrepare(table, SampleRows());
        var file = Directory.GetFiles(_dir).Single();
        Assert.Matches(@"^part-[0-9a-f-]{36}-0-0$", Path.GetFileName(file));
        var lines = File.ReadAllText(file);
        // Jackson's CSV generator (Flink's) quotes text with a character below ',' + 1 (a space) or over 24 characters long.
        Assert.StartsWith("true,0,0,0,9223372036854775807,0.5,0.25,-2.000,plain,AP8A,2019-04-14,00:00:01.234,\"2020-01-02 03:04:05\",\"2020-01-02 03:04:05Z\"\n", lines);
        Assert.Contains(",\" padded \",", lines);
        Assert.Contains(",\"ünïcödé €\",", lines);
        Assert.Contains(",\"with, comma\",", lines);
        Assert.Contains(",\"with \"\"quotes\"\"\",", lines);
        Assert.Contains(",\"multi\nline\",", lines);
        Assert.EndsWith(",,,,,,,,,,,,,\n", lines);
    }

    /// <summary>The CSV reader copies out only the fields of projected columns; the others are still scanned through their
    /// quoting to find where the next field starts.</summary>
    [Fact]
    public async Task Csv_projection_reads_the_projected_fields_past_quoted_ones()
    {
        Directory.CreateDirectory(_dir);
        await File.WriteAllTextAsync(Path.Combine(_dir, "data.csv"),
            "1,\"skip, \"\"this\"\"\",a,10\n2,\"multi\nline, field\",\"b,c\",20\n3,,,\n");
        var columns = new (string, SqlType)[] { ("id", SqlType.BigInt), ("note", SqlType.String), ("name", SqlType.String), ("n", SqlType.BigInt) };
        var table = FsTable("csv", columns: columns);
        var schema = new RowSchema(new[] { table.PhysicalSchema[3], table.PhysicalSchema[2], table.PhysicalSchema[0] });
        var context = ReaderContext(table) with { ProjectedColumns = new[] { 3, 2, 0 }, OutputSchema = Execution.Types.ArrowTypeMapping.ToArrowSchema(schema) };
        var rows = Rows(await ReadAll(new FilesystemConnector().CreateReader(), context), schema);
        Assert.Equal(new[] { "+I[10, a, 1]", "+I[20, b,c, 2]", "+I[null, , 3]" }, rows);
    }

    [Fact]
    public async Task Json_text_follows_flink()
    {
        var table = FsTable("json", extra: ("json.timestamp-format.standard", "ISO-8601"));
        await WriteAndPrepare(table, SampleRows());
        var lines = File.ReadAllLines(Directory.GetFiles(_dir).Single());
        Assert.Equal("{\"bo\":true,\"ti\":0,\"si\":0,\"i\":0,\"bi\":9223372036854775807,\"f\":0.5,\"d\":0.25,\"de\":-2.000,\"s\":\"plain\",\"bin\":\"AP8A\","
            + "\"dt\":\"2019-04-14\",\"tm\":\"00:00:01\",\"ts\":\"2020-01-02T03:04:05\",\"ltz\":\"2020-01-02T03:04:05Z\"}", lines[0]);
        Assert.Contains("\"d\":1.0E20", lines[1]);
        Assert.Equal("{\"bo\":null,\"ti\":null,\"si\":null,\"i\":null,\"bi\":null,\"f\":null,\"d\":null,\"de\":null,\"s\":null,\"bin\":null,"
            + "\"dt\":null,\"tm\":null,\"ts\":null,\"ltz\":null}", lines[^1]);
    }

    private static readonly (string, SqlType)[] Small = { ("id", SqlType.Int), ("name", SqlType.String) };

    private static readonly (string, SqlType)[] WideDecimals =
        { ("id", SqlType.Int), ("whole", SqlType.Decimal(38, 0)), ("fraction", SqlType.Decimal(38, 38)), ("mixed", SqlType.Decimal(38, 4)) };

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Decimals_of_38_digits_round_trip_through_files(string format)
    {
        var file = Path.Combine(_dir, "data." + format);
        string[][] values =
        {
            ["1", "12345678901234567890123456789012345678", "0.12345678901234567890123456789012345678", "1234567890123456789012345678901234.5678"],
            ["2", "-99999999999999999999999999999999999999", "-0.99999999999999999999999999999999999999", "0.6300"],
        };
        File.WriteAllLines(file, values.Select(v => format == "csv"
            ? string.Join(",", v)
            : $"{{\"id\":{v[0]},\"whole\":{v[1]},\"fraction\":{v[2]},\"mixed\":\"{v[3]}\"}}"));
        var source = FsTable(format, file, WideDecimals);
        var rows = await Read(source);
        Assert.Equal(values.Select(v => $"+I[{string.Join(", ", v)}]"), Rows(rows, source.PhysicalSchema));

        var output = Path.Combine(_dir, "out");
        await WriteAndPrepare(FsTable(format, output, WideDecimals), rows.Single());
        var written = File.ReadAllLines(Directory.GetFiles(output).Single());
        // csv: Jackson quotes text longer than 24 characters (BigDecimal is written as text).
        Assert.Equal(format == "csv"
            ? ["1,\"12345678901234567890123456789012345678\",\"0.12345678901234567890123456789012345678\",\"1234567890123456789012345678901234.5678\"",
               "2,\"-99999999999999999999999999999999999999\",\"-0.99999999999999999999999999999999999999\",0.6300"]
            : values.Select(v => $"{{\"id\":{v[0]},\"whole\":{v[1]},\"fraction\":{v[2]},\"mixed\":{v[3]}}}"), written);
    }

    private static readonly (string, SqlType)[] NanoTimestamps =
        { ("id", SqlType.Int), ("ts", SqlType.Timestamp(9)), ("ltz", SqlType.TimestampLtz(9)), ("ts3", SqlType.Timestamp(3)) };

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Timestamps_of_precision_9_round_trip_through_files(string format)
    {
        var file = Path.Combine(_dir, "data." + format);
        string[][] values =
        {
            ["1", "2021-04-13 20:12:11.123456789", "2021-04-13 20:12:11.123456789Z", "2021-04-13 20:12:11.123"],
            ["2", "1969-12-31 23:59:59.999999999", "1970-01-01 00:00:00.000000001Z", "1970-01-01 00:00:00"],
        };
        File.WriteAllLines(file, values.Select(v => format == "csv"
            ? string.Join(",", v)
            : $"{{\"id\":{v[0]},\"ts\":\"{v[1]}\",\"ltz\":\"{v[2]}\",\"ts3\":\"{v[3]}\"}}"));
        var source = FsTable(format, file, NanoTimestamps);
        var rows = await Read(source);
        Assert.Equal(new[]
        {
            "+I[1, 2021-04-13T20:12:11.123456789, 2021-04-13T20:12:11.123456789Z, 2021-04-13T20:12:11.123]",
            "+I[2, 1969-12-31T23:59:59.999999999, 1970-01-01T00:00:00.000000001Z, 1970-01-01T00:00]",
        }, Rows(rows, source.PhysicalSchema));

        var output = Path.Combine(_dir, "out");
        await WriteAndPrepare(FsTable(format, output, NanoTimestamps), rows.Single());
        var written = File.ReadAllLines(Directory.GetFiles(output).Single());
        // csv: Jackson quotes the timestamps (they hold a space).
        Assert.Equal(values.Select(v => format == "csv"
            ? $"{v[0]},\"{v[1]}\",\"{v[2]}\",\"{v[3]}\""
            : $"{{\"id\":{v[0]},\"ts\":\"{v[1]}\",\"ltz\":\"{v[2]}\",\"ts3\":\"{v[3]}\"}}"), written);
    }

    [Fact]
    public async Task A_timestamp_outside_the_nanosecond_range_is_a_clear_read_error()
    {
        var file = Path.Combine(_dir, "data.csv");
        File.WriteAllText(file, "1,1500-01-01 00:00:00,2021-01-01 00:00:00Z,1500-01-01 00:00:00\n");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Read(FsTable("csv", file, NanoTimestamps)));
        Assert.Contains(file + ":1", error.Message);
        Assert.Contains("1677-09-21 00:12:43.145224192 to 2262-04-11 23:47:16.854775807", error.Message);
    }

    [Theory]
    [InlineData("csv", "1,123456789012345678901234567890123456789,1.5,0.00005\n2,1e37,0.000000000000000000000000000000000000005,-12.34565\n")]
    [InlineData("json", "{\"id\":1,\"whole\":123456789012345678901234567890123456789,\"fraction\":1.5,\"mixed\":0.00005}\n{\"id\":2,\"whole\":1e37,\"fraction\":5E-39,\"mixed\":\"-12.34565\"}\n")]
    public async Task Decimals_beyond_their_precision_read_as_null_and_round_half_up(string format, string content)
    {
        // Flink's csv and json formats read a BigDecimal and keep DecimalData.fromBigDecimal's result: HALF_UP to the
        // scale, null when it has too many digits.
        var file = Path.Combine(_dir, "data." + format);
        File.WriteAllText(file, content);
        var source = FsTable(format, file, WideDecimals);
        Assert.Equal(new[]
        {
            "+I[1, null, null, 0.0001]",
            "+I[2, 10000000000000000000000000000000000000, 1E-38, -12.3457]", // the print form is BigDecimal.toString()
        }, Rows(await Read(source), source.PhysicalSchema));
    }


    [Fact]
    public async Task Malformed_csv_line_fails_with_file_and_line()
    {
        var file = Path.Combine(_dir, "data.csv");
        File.WriteAllText(file, "1,a\n2,\"b\nc\"\nthree,c\n4,d\n");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Read(FsTable("csv", file, Small)));
        Assert.Contains(file + ":4", error.Message); // the quoted field spans lines 2-3
        Assert.Contains("'three'", error.Message);
    }

    [Fact]
    public async Task A_position_taken_after_the_rows_before_a_malformed_record_resumes_at_that_record()
    {
        var file = Path.Combine(_dir, "data.csv");
        File.WriteAllText(file, "1,a\n2,b\nthree,c\n4,d\n");
        var table = FsTable("csv", file, Small);
        var reader = new FilesystemConnector().CreateReader();
        await reader.OpenAsync(ReaderContext(table), CancellationToken.None);
        var first = await reader.ReadBatchAsync(CancellationToken.None);
        Assert.Equal(2, first!.Length); // the rows before the bad one come first, as Flink reads record by record
        // A checkpoint barrier between this read and the next one (which fails) records the position.
        var position = reader.SnapshotPosition();
        await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadBatchAsync(CancellationToken.None));
        await reader.DisposeAsync();

        // Restored from that position, the reader meets the bad record again instead of skipping it.
        var restored = new FilesystemConnector().CreateReader();
        await restored.OpenAsync(ReaderContext(table), CancellationToken.None);
        restored.RestorePositions([position]);
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await restored.ReadBatchAsync(CancellationToken.None));
        Assert.Contains(file + ":3", error.Message);
        await restored.DisposeAsync();
    }

    [Fact]
    public async Task Ignore_parse_errors_nulls_bad_fields_and_skips_broken_records()
    {
        var file = Path.Combine(_dir, "data.csv");
        File.WriteAllText(file, "1,a\nthree,c\n# comment\n4,d\n5\n6,\"unterminated\n");
        var rows = Rows(await Read(FsTable("csv", file, Small, ("csv.ignore-parse-errors", "true"), ("csv.allow-comments", "true"))), Table("x", Small).PhysicalSchema);
        Assert.Equal(new[] { "+I[1, a]", "+I[null, c]", "+I[4, d]", "+I[5, null]" }, rows);
    }

    [Fact]
    public async Task Csv_row_length_mismatch_is_an_error_without_ignore()
    {
        var file = Path.Combine(_dir, "data.csv");
        File.WriteAllText(file, "1,a\n2\n");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Read(FsTable("csv", file, Small)));
        Assert.Contains(file + ":2", error.Message);
        Assert.Contains("2 fields expected but found 1", error.Message);
    }

    [Fact]
    public async Task Malformed_json_line_fails_or_is_skipped()
    {
        var file = Path.Combine(_dir, "data.json");
        File.WriteAllText(file, "{\"id\":1,\"name\":\"a\"}\n{\"id\":\"x\"}\n{\"name\":\"only\"}\n{oops\n");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Read(FsTable("json", file, Small)));
        Assert.Contains(file + ":2", error.Message);
        var rows = Rows(await Read(FsTable("json", file, Small, ("json.ignore-parse-errors", "true"))), Table("x", Small).PhysicalSchema);
        // The unconvertible "x" leaves its field NULL and the row kept (Flink's nullable converter); "{oops" is skipped.
        Assert.Equal(new[] { "+I[1, a]", "+I[null, null]", "+I[null, only]" }, rows);
        File.WriteAllText(file, "{\"id\":1,\"name\":\"a\"}\n{\"name\":\"only\"}\n");
        var missing = await Assert.ThrowsAsync<InvalidDataException>(() => Read(FsTable("json", file, Small, ("json.fail-on-missing-field", "true"))));
        Assert.Contains(file + ":2", missing.Message);
        Assert.Contains("'id' is missing", missing.Message);
    }

    [Fact]
    public async Task Csv_options_delimiter_null_literal_and_disabled_quotes()
    {
        var file = Path.Combine(_dir, "data.csv");
        File.WriteAllText(file, "1|N/A\n2|\"x\"\n");
        var rows = Rows(await Read(FsTable("csv", file, Small, ("csv.field-delimiter", "|"), ("csv.null-literal", "N/A"), ("csv.disable-quote-character", "true"))),
            Table("x", Small).PhysicalSchema);
        Assert.Equal(new[] { "+I[1, null]", "+I[2, \"x\"]" }, rows);
    }

    [Fact]
    public async Task Two_phase_commit_hides_files_until_commit_and_commit_is_idempotent()
    {
        var table = FsTable("csv", columns: Small);
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        var data = await ReadAll(new DatagenConnector().CreateReader(), ReaderContext(Table("g", Small, ("connector", "datagen"), ("number-of-rows", "10"), ("rows-per-second", "1000000"))));
        foreach (var b in data) await writer.WriteAsync(new Batch(b), CancellationToken.None);
        Assert.All(Directory.GetFiles(_dir), f => Assert.StartsWith(".", Path.GetFileName(f)));
        Assert.Empty(await Read(table)); // readers see nothing yet

        var handle = await writer.PrepareCommitAsync(1, CancellationToken.None);
        Assert.NotNull(handle);
        Assert.All(Directory.GetFiles(_dir), f => Assert.StartsWith(".", Path.GetFileName(f)));
        Assert.Empty(await Read(table));

        await writer.CommitAsync(1, new[] { handle! }, CancellationToken.None);
        Assert.Equal(10, (await Read(table)).Sum(b => b.Length));
        await writer.CommitAsync(1, new[] { handle! }, CancellationToken.None); // again: fine, nothing changes
        Assert.Equal(10, (await Read(table)).Sum(b => b.Length));
        Assert.Null(await writer.PrepareCommitAsync(2, CancellationToken.None)); // nothing new to commit
        await writer.DisposeAsync();
    }

    [Fact]
    public async Task Leftover_in_progress_files_of_the_same_sink_are_removed_on_open_and_updates_are_refused()
    {
        var table = FsTable("csv", columns: Small);
        var tag = FilesystemWriter.OwnerTag("job/sink-op");
        var other = FilesystemWriter.OwnerTag("other-job/sink-op");
        string[] files =
        [
            $".part-12-34-0-0.inprogress.{tag}",   // this sink, subtask 0: a crashed run's
            $".part-12-34-1-0.inprogress.{tag}",   // this sink, subtask 1 (still within parallelism 2): subtask 1's to clean
            $".part-12-34-2-0.inprogress.{tag}",   // this sink, subtask 2 of an earlier parallelism 3: maps to subtask 0 now
            $".part-12-34-0-0.inprogress.{other}", // another job's sink into the same directory
            ".part-1234-0-0.inprogress",           // a writer without an owner (state not on disk)
        ];
        foreach (var f in files) File.WriteAllText(Path.Combine(_dir, f), "1,a\n");
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table, subtask: 0, parallelism: 2) with { OutputOwner = "job/sink-op" }, CancellationToken.None);
        Assert.Equal(new[] { files[1], files[3], files[4] }.Order(), Directory.GetFiles(_dir).Select(Path.GetFileName).Order());

        var rows = await ReadAll(new DatagenConnector().CreateReader(), ReaderContext(Table("g", Small, ("connector", "datagen"), ("number-of-rows", "2"), ("rows-per-second", "1000000"))));
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await writer.WriteAsync(new Batch(rows[0], new[] { RowKind.Insert, RowKind.Delete }), CancellationToken.None));
        await writer.DisposeAsync();
    }

    [Fact]
    public async Task Two_sinks_writing_one_directory_never_remove_each_others_files()
    {
        var table = FsTable("csv", columns: Small);
        var rows = await ReadAll(new DatagenConnector().CreateReader(), ReaderContext(Table("g", Small, ("connector", "datagen"), ("number-of-rows", "5"), ("rows-per-second", "1000000"))));
        var first = new FilesystemConnector().CreateWriter();
        await first.OpenAsync(WriterContext(table) with { OutputOwner = "insert-into_out/sink" }, CancellationToken.None);
        foreach (var b in rows) await first.WriteAsync(new Batch(b), CancellationToken.None);
        // A second job into the same table, same subtask index, opens while the first has a part file in progress.
        var second = new FilesystemConnector().CreateWriter();
        await second.OpenAsync(WriterContext(table) with { OutputOwner = "insert-into_out-2/sink" }, CancellationToken.None);
        var unowned = new FilesystemConnector().CreateWriter();
        await unowned.OpenAsync(WriterContext(table), CancellationToken.None);

        var handle = await first.PrepareCommitAsync(1, CancellationToken.None);
        await first.CommitAsync(1, [handle!], CancellationToken.None);
        Assert.Equal(5, (await Read(table)).Sum(b => b.Length));
        foreach (var w in new[] { first, second, unowned }) await w.DisposeAsync();
    }

    [Fact]
    public async Task Pending_and_committed_renames_are_flushed_to_disk_before_they_count()
    {
        var table = FsTable("csv", columns: Small);
        var rows = await ReadAll(new DatagenConnector().CreateReader(), ReaderContext(Table("g", Small, ("connector", "datagen"), ("number-of-rows", "3"), ("rows-per-second", "1000000"))));
        var synced = new List<string>();
        var writer = new FilesystemWriter { SyncDirectory = synced.Add };
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        await writer.WriteAsync(new Batch(rows[0]), CancellationToken.None);
        Assert.Empty(synced);
        var handle = await writer.PrepareCommitAsync(1, CancellationToken.None);
        Assert.Equal([_dir], synced);
        await writer.CommitAsync(1, [handle!], CancellationToken.None);
        Assert.Equal([_dir, _dir], synced);
        await writer.DisposeAsync();
    }

    [Fact]
    public async Task A_commit_whose_files_are_gone_is_reported_and_the_rest_is_committed()
    {
        var table = FsTable("csv", columns: Small);
        var rows = await ReadAll(new DatagenConnector().CreateReader(), ReaderContext(Table("g", Small, ("connector", "datagen"), ("number-of-rows", "3"), ("rows-per-second", "1000000"))));
        var warnings = new StringWriter();
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table) with { Diagnostics = warnings }, CancellationToken.None);
        await writer.WriteAsync(new Batch(rows[0]), CancellationToken.None);
        var gone = await writer.PrepareCommitAsync(1, CancellationToken.None);
        foreach (var f in Directory.GetFiles(_dir)) File.Delete(f);
        await writer.WriteAsync(new Batch(rows[0]), CancellationToken.None);
        var kept = await writer.PrepareCommitAsync(2, CancellationToken.None);

        await writer.CommitAsync(2, [gone!, kept!], CancellationToken.None);
        Assert.Equal(3, (await Read(table)).Sum(b => b.Length));
        Assert.Contains("[WARNING] Cannot commit part file", warnings.ToString());
        await writer.DisposeAsync();
    }

    [Fact]
    public async Task Directory_source_skips_hidden_files_and_splits_files_across_subtasks()
    {
        File.WriteAllText(Path.Combine(_dir, "a.csv"), "1,a\n");
        File.WriteAllText(Path.Combine(_dir, "b.csv"), "2,b\n");
        File.WriteAllText(Path.Combine(_dir, "c.csv"), "3,c\n");
        File.WriteAllText(Path.Combine(_dir, ".hidden"), "9,x\n");
        File.WriteAllText(Path.Combine(_dir, "_SUCCESS"), "9,x\n");
        var table = FsTable("csv", columns: Small);
        var schema = table.PhysicalSchema;
        Assert.Equal(new[] { "+I[1, a]", "+I[2, b]", "+I[3, c]" }, Rows(await Read(table), schema));
        // Each file goes to one subtask (by a hash of its path): together they read every row once.
        var first = Rows(await Read(table, 0, 2), schema);
        var second = Rows(await Read(table, 1, 2), schema);
        Assert.Equal(new[] { "+I[1, a]", "+I[2, b]", "+I[3, c]" }, first.Concat(second).Order());
        foreach (var (rows, subtask) in new[] { (first, 0), (second, 1) })
            foreach (var name in new[] { "a", "b", "c" })
                Assert.Equal(FilesystemReader.IsAssigned(Path.Combine(_dir, name + ".csv"), subtask, 2), rows.Any(r => r.EndsWith(name + "]", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Restore_resumes_inside_a_file()
    {
        var file = Path.Combine(_dir, "data.csv");
        File.WriteAllLines(file, Enumerable.Range(1, 10).Select(i => $"{i},n{i}"));
        var table = FsTable("csv", file, Small);
        var context = ReaderContext(table, maxBatchRows: 4);
        var reader = new FilesystemConnector().CreateReader();
        await reader.OpenAsync(context, CancellationToken.None);
        var head = (await reader.ReadBatchAsync(CancellationToken.None))!;
        var restored = new FilesystemConnector().CreateReader();
        var tail = await ReadAll(restored, context, restoreFrom: [reader.SnapshotPosition()]);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), Longs(new[] { head }.Concat(tail), 0));
    }

    [Fact]
    public async Task Rolling_policy_starts_new_part_files()
    {
        var table = FsTable("csv", columns: Small, extra: ("sink.rolling-policy.file-size", "10b"));
        var rows = await ReadAll(new DatagenConnector().CreateReader(), ReaderContext(Table("g", Small, ("connector", "datagen"), ("number-of-rows", "5"),
            ("rows-per-second", "1000000"), ("fields.name.length", "20"))));
        await WriteAndPrepare(table, rows.Single());
        Assert.Equal(5, Directory.GetFiles(_dir, "part-*").Length);
        Assert.Equal(5, (await Read(table)).Sum(b => b.Length));
    }

    [Fact]
    public async Task Json_round_trip_of_nested_rows()
    {
        var personType = SqlType.Row(new[] { "id", "name", "dateTime" }, new[] { SqlType.BigInt, SqlType.String, SqlType.Timestamp(3) });
        var bidType = SqlType.Row(new[] { "auction", "price" }, new[] { SqlType.BigInt, SqlType.BigInt });
        var columns = new (string, SqlType)[] { ("event_type", SqlType.Int), ("person", personType), ("bid", bidType) };
        var source = Table("event", columns, ("connector", "nexmark"), ("events.num", "200"), ("max-emit-speed", "true"), ("base-time", "0"));
        var events = await ReadAll(new Nexmark.NexmarkConnector().CreateReader(), ReaderContext(source));
        var table = FsTable("json", columns: columns);
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        foreach (var b in events) await writer.WriteAsync(new Batch(b), CancellationToken.None);
        var handle = await writer.PrepareCommitAsync(1, CancellationToken.None);
        await writer.CommitAsync(1, new[] { handle! }, CancellationToken.None);
        Assert.Contains("\"person\":{\"id\":1000,", File.ReadAllText(Directory.GetFiles(_dir).Single()));
        Assert.Equal(Rows(events, table.PhysicalSchema), Rows(await Read(table), table.PhysicalSchema));
    }
}
