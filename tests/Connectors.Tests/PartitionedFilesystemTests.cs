using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Connectors.Tests.TestTables;

namespace StreamSql.Connectors.Tests;

/// <summary>PARTITIONED BY directories, partition commit (success files, both triggers), partition columns read back from
/// directory names, and rolling policies, for every format.</summary>
public sealed class PartitionedFilesystemTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-part-" + Guid.NewGuid().ToString("N"));

    public PartitionedFilesystemTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly (string, SqlType)[] Columns = { ("id", SqlType.BigInt), ("name", SqlType.String), ("dt", SqlType.String), ("hr", SqlType.Int) };

    private CatalogTable Partitioned(string format, params (string, string)[] extra)
    {
        var options = new List<(string, string)> { ("connector", "filesystem"), ("path", _dir), ("format", format) };
        options.AddRange(extra);
        return Table("t", Columns, options.ToArray()) with { PartitionKeys = new[] { "dt", "hr" } };
    }

    private static RecordBatch Rows(params (long Id, string Dt, int? Hr)[] rows)
    {
        var schema = ArrowTypeMapping.ToArrowSchema(new RowSchema(Columns.Select(c => new StreamSql.Sql.Planner.Types.Field(c.Item1, c.Item2)).ToList()));
        var builders = schema.FieldsList.Select(f => ColumnBuilder.Create(f.DataType)).ToArray();
        foreach (var (id, dt, hr) in rows)
        {
            builders[0].AppendInt64(id);
            builders[1].AppendString("n" + id);
            builders[2].AppendString(dt);
            if (hr is { } h) builders[3].AppendInt64(h); else builders[3].AppendNull();
        }
        return new RecordBatch(schema, builders.Select(b => b.Build()).ToArray(), rows.Length);
    }

    private sealed class ManualClock(long nowMicros) : IClock
    {
        public long Now = nowMicros;
        public long Monotonic;
        public long NowMicros() => Now;
        public long MonotonicMillis() => Monotonic;
    }

    private static SinkWriterContext Context(CatalogTable table, IClock clock) => WriterContext(table) with { Clock = clock };

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("parquet")]
    [InlineData("avro")]
    public async Task Rows_go_to_partition_directories_without_the_partition_columns_and_read_back_with_them(string format)
    {
        var table = Partitioned(format);
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        await writer.WriteAsync(new Batch(Rows((1, "2026-12-03", 10), (2, "2026-12-03", 11), (3, "2026-12-04", 10), (4, "a/b:c", null))), CancellationToken.None);
        var handle = await writer.PrepareCommitAsync(1, CancellationToken.None);
        await writer.CommitAsync(1, new[] { handle! }, CancellationToken.None);
        await writer.DisposeAsync();

        var directories = Directory.GetDirectories(_dir, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(_dir, d)).Order().ToList();
        Assert.Equal(new[] { "dt=2026-12-03", "dt=2026-12-03/hr=10", "dt=2026-12-03/hr=11", "dt=2026-12-04", "dt=2026-12-04/hr=10",
            "dt=a%2Fb%3Ac", "dt=a%2Fb%3Ac/hr=__DEFAULT_PARTITION__" }, directories);
        if (format == "csv")
            Assert.Equal("1,n1", File.ReadAllText(Directory.GetFiles(Path.Combine(_dir, "dt=2026-12-03", "hr=10"), "part-*").Single()).Trim());

        var read = await ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(table));
        var cells = read.SelectMany(b => Enumerable.Range(0, b.Length).Select(r =>
            string.Join("|", Enumerable.Range(0, b.ColumnCount).Select(c => b.Column(c).IsNull(r) ? "NULL" : FlinkText.Format(b.Column(c), r, TimestampStyle.Sql))))).Order().ToList();
        Assert.Equal(new[] { "1|n1|2026-12-03|10", "2|n2|2026-12-03|11", "3|n3|2026-12-04|10", "4|n4|a/b:c|NULL" }, cells);
    }

    [Fact]
    public async Task Runs_of_a_partition_split_by_another_partition_go_to_one_file_in_row_order()
    {
        var table = Partitioned("csv");
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        await writer.WriteAsync(new Batch(Rows((1, "d1", 10), (2, "d1", 10), (3, "d2", 10), (4, "d1", 10), (5, "d1", 11), (6, "d1", 10))),
            CancellationToken.None);
        var handle = await writer.PrepareCommitAsync(1, CancellationToken.None);
        await writer.CommitAsync(1, new[] { handle! }, CancellationToken.None);
        await writer.DisposeAsync();

        string Lines(string dt, string hr) => File.ReadAllText(Directory.GetFiles(Path.Combine(_dir, dt, hr), "part-*").Single()).Trim();
        Assert.Equal("1,n1\n2,n2\n4,n4\n6,n6", Lines("dt=d1", "hr=10"));
        Assert.Equal("5,n5", Lines("dt=d1", "hr=11"));
        Assert.Equal("3,n3", Lines("dt=d2", "hr=10"));
    }

    [Fact]
    public async Task DuckDb_reads_a_partitioned_parquet_table_with_hive_partitioning()
    {
        var table = Partitioned("parquet");
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        await writer.WriteAsync(new Batch(Rows((1, "2026-12-03", 10), (2, "2026-12-04", 11))), CancellationToken.None);
        var handle = await writer.PrepareCommitAsync(1, CancellationToken.None);
        await writer.CommitAsync(1, new[] { handle! }, CancellationToken.None);
        using var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT string_agg(id || ':' || name || ':' || dt || ':' || hr, ',' ORDER BY id) FROM read_parquet('{_dir}/**/part-*', hive_partitioning = true)";
        Assert.Equal("1:n1:2026-12-03:10,2:n2:2026-12-04:11", command.ExecuteScalar());
    }

    [Fact]
    public async Task Process_time_trigger_writes_the_success_file_once_the_delay_passed_after_the_files_are_committed()
    {
        var clock = new ManualClock(Now);
        var table = Partitioned("csv", ("sink.partition-commit.policy.kind", "success-file"), ("sink.partition-commit.delay", "1 h"));
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(Context(table, clock), CancellationToken.None);
        await writer.WriteAsync(new Batch(Rows((1, "2026-12-03", 10))), CancellationToken.None);
        var success = Path.Combine(_dir, "dt=2026-12-03", "hr=10", "_SUCCESS");

        var first = await writer.PrepareCommitAsync(1, CancellationToken.None);
        await writer.CommitAsync(1, new[] { first! }, CancellationToken.None);
        Assert.False(File.Exists(success));

        clock.Now += 3_600_000_000L;
        var exactly = await writer.PrepareCommitAsync(2, CancellationToken.None);
        await writer.CommitAsync(2, new[] { exactly! }, CancellationToken.None);
        Assert.False(File.Exists(success)); // creation + delay is not past it

        clock.Now += 1;
        var second = await writer.PrepareCommitAsync(3, CancellationToken.None);
        Assert.NotNull(second); // the waiting partition travels in the handle
        await writer.CommitAsync(3, new[] { second! }, CancellationToken.None);
        Assert.True(File.Exists(success));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(success)!, "part-*"));
    }

    [Fact]
    public async Task Partition_time_trigger_waits_for_the_watermark_past_the_extracted_time_and_end_of_input_commits_the_rest()
    {
        var clock = new ManualClock(Now);
        var table = Partitioned("parquet", ("sink.partition-commit.policy.kind", "success-file"), ("sink.partition-commit.trigger", "partition-time"),
            ("partition.time-extractor.timestamp-pattern", "$dt $hr:00:00"), ("sink.partition-commit.delay", "1 h"));
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(Context(table, clock), CancellationToken.None);
        await writer.WriteAsync(new Batch(Rows((1, "2026-12-03", 10), (2, "2026-12-03", 11))), CancellationToken.None);
        long elevenExactly = new DateTimeOffset(2026, 12, 3, 11, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;
        ((IWatermarkAwareSinkWriter)writer).OnWatermark(elevenExactly); // not past 10:00 + 1 h: a row at 11:00 may still come
        await writer.CommitAsync(0, new[] { (await writer.PrepareCommitAsync(0, CancellationToken.None))! }, CancellationToken.None);
        Assert.False(File.Exists(Path.Combine(_dir, "dt=2026-12-03", "hr=10", "_SUCCESS")));
        long elevenUtc = new DateTimeOffset(2026, 12, 3, 11, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;
        ((IWatermarkAwareSinkWriter)writer).OnWatermark(elevenUtc + 1); // 10:00 + 1 h delay has passed, 11:00 + 1 h has not
        var handle = await writer.PrepareCommitAsync(1, CancellationToken.None);
        await writer.CommitAsync(1, new[] { handle! }, CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(_dir, "dt=2026-12-03", "hr=10", "_SUCCESS")));
        Assert.False(File.Exists(Path.Combine(_dir, "dt=2026-12-03", "hr=11", "_SUCCESS")));

        // A restored writer receives the waiting partition through the handle and commits it at the end of input.
        var restored = new FilesystemConnector().CreateWriter();
        await restored.OpenAsync(Context(table, clock), CancellationToken.None);
        var last = await writer.PrepareCommitAsync(2, CancellationToken.None);
        await restored.CommitAsync(SinkOperator.EndOfInputCheckpointId, new[] { last! }, CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(_dir, "dt=2026-12-03", "hr=11", "_SUCCESS")));
    }

    [Fact]
    public async Task At_parallelism_2_a_partition_is_committed_only_when_the_watermark_of_every_subtask_passed_it()
    {
        var clock = new ManualClock(Now);
        var table = Partitioned("csv", ("sink.partition-commit.policy.kind", "success-file"), ("sink.partition-commit.trigger", "partition-time"),
            ("partition.time-extractor.timestamp-pattern", "$dt $hr:00:00"), ("sink.partition-commit.delay", "1 h"));
        // The two subtasks of one sink in one attempt share its committer, as SinkOperator's context gives them.
        var shared = new SharedObjects();
        var writers = new ISinkWriter[2];
        for (int s = 0; s < 2; s++)
        {
            writers[s] = new FilesystemConnector().CreateWriter();
            await writers[s].OpenAsync(Context(table, clock) with { SubtaskIndex = s, Parallelism = 2, Shared = shared }, CancellationToken.None);
            await writers[s].WriteAsync(new Batch(Rows((s, "2026-12-03", 10))), CancellationToken.None);
        }
        var partition = Path.Combine(_dir, "dt=2026-12-03", "hr=10");
        var success = Path.Combine(partition, "_SUCCESS");
        long micros(int hour, int minute) => new DateTimeOffset(2026, 12, 3, hour, minute, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

        // Subtask 0 is past 10:00 + 1 h, subtask 1 is not: the sink's watermark (the minimum) is not.
        ((IWatermarkAwareSinkWriter)writers[0]).OnWatermark(micros(11, 1));
        ((IWatermarkAwareSinkWriter)writers[1]).OnWatermark(micros(10, 30));
        var handles = new byte[]?[2];
        for (int s = 0; s < 2; s++) handles[s] = await writers[s].PrepareCommitAsync(1, CancellationToken.None);
        await writers[0].CommitAsync(1, new[] { handles[0]! }, CancellationToken.None);
        Assert.False(File.Exists(success), "committed while subtask 1's file of the partition was still pending");
        await writers[1].CommitAsync(1, new[] { handles[1]! }, CancellationToken.None);
        Assert.False(File.Exists(success), "committed before subtask 1's watermark passed the partition");

        // A watermark that arrives after a barrier counts from the next checkpoint (rows before it may be in open files).
        ((IWatermarkAwareSinkWriter)writers[1]).OnWatermark(micros(11, 5));
        for (int s = 0; s < 2; s++) handles[s] = await writers[s].PrepareCommitAsync(2, CancellationToken.None);
        await writers[0].CommitAsync(2, handles[0] is null ? System.Array.Empty<byte[]>() : new[] { handles[0]! }, CancellationToken.None);
        Assert.False(File.Exists(success));
        await writers[1].CommitAsync(2, handles[1] is null ? System.Array.Empty<byte[]>() : new[] { handles[1]! }, CancellationToken.None);
        Assert.True(File.Exists(success));
        Assert.Equal(2, Directory.GetFiles(partition, "part-*").Length);
        foreach (var w in writers) await w.DisposeAsync();
    }

    [Fact]
    public async Task At_parallelism_2_a_subtask_whose_input_is_idle_does_not_hold_back_partition_time_commits()
    {
        var clock = new ManualClock(Now);
        var table = Partitioned("csv", ("sink.partition-commit.policy.kind", "success-file"), ("sink.partition-commit.trigger", "partition-time"),
            ("partition.time-extractor.timestamp-pattern", "$dt $hr:00:00"), ("sink.partition-commit.delay", "1 h"));
        var shared = new SharedObjects();
        var writers = new ISinkWriter[2];
        for (int s = 0; s < 2; s++)
        {
            writers[s] = new FilesystemConnector().CreateWriter();
            await writers[s].OpenAsync(Context(table, clock) with { SubtaskIndex = s, Parallelism = 2, Shared = shared }, CancellationToken.None);
        }
        // Every row goes to subtask 0 (a p=2 source with one partition, each source subtask chained to its sink subtask):
        // subtask 1 sees neither rows nor watermarks.
        await writers[0].WriteAsync(new Batch(Rows((1, "2026-12-03", 10))), CancellationToken.None);
        long elevenOhFive = new DateTimeOffset(2026, 12, 3, 11, 5, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;
        ((IWatermarkAwareSinkWriter)writers[0]).OnWatermark(elevenOhFive);
        var success = Path.Combine(_dir, "dt=2026-12-03", "hr=10", "_SUCCESS");
        async Task CheckpointAsync(long id)
        {
            var handles = new byte[]?[2];
            for (int s = 0; s < 2; s++) handles[s] = await writers[s].PrepareCommitAsync(id, CancellationToken.None);
            for (int s = 0; s < 2; s++)
                await writers[s].CommitAsync(id, handles[s] is { } h ? new[] { h } : System.Array.Empty<byte[]>(), CancellationToken.None);
        }
        await CheckpointAsync(1);
        Assert.False(File.Exists(success), "committed although subtask 1 is neither idle nor past the partition");

        // Its input is idle (table.exec.source.idle-timeout): from its next barrier on its watermark holds nothing back.
        ((IWatermarkAwareSinkWriter)writers[1]).OnIdleStatus(true);
        await CheckpointAsync(2);
        Assert.True(File.Exists(success), "an idle subtask held back the partition-time commit");

        // Active again and behind: a later partition waits for it once more.
        ((IWatermarkAwareSinkWriter)writers[1]).OnIdleStatus(false);
        await writers[0].WriteAsync(new Batch(Rows((2, "2026-12-03", 11))), CancellationToken.None);
        ((IWatermarkAwareSinkWriter)writers[0]).OnWatermark(elevenOhFive + 3_600_000_000L);
        await CheckpointAsync(3);
        Assert.False(File.Exists(Path.Combine(_dir, "dt=2026-12-03", "hr=11", "_SUCCESS")));
        foreach (var w in writers) await w.DisposeAsync();
    }

    [Fact]
    public async Task At_parallelism_2_end_of_input_commits_a_partition_once_every_subtask_ended()
    {
        var clock = new ManualClock(Now);
        var table = Partitioned("json", ("sink.partition-commit.policy.kind", "success-file"), ("sink.partition-commit.trigger", "partition-time"),
            ("partition.time-extractor.timestamp-pattern", "$dt $hr:00:00"));
        var shared = new SharedObjects();
        var writers = new ISinkWriter[2];
        for (int s = 0; s < 2; s++)
        {
            writers[s] = new FilesystemConnector().CreateWriter();
            await writers[s].OpenAsync(Context(table, clock) with { SubtaskIndex = s, Parallelism = 2, Shared = shared }, CancellationToken.None);
            await writers[s].WriteAsync(new Batch(Rows((s, "2026-12-03", 10))), CancellationToken.None);
        }
        var success = Path.Combine(_dir, "dt=2026-12-03", "hr=10", "_SUCCESS");
        var end = SinkOperator.EndOfInputCheckpointId;
        var first = await writers[0].PrepareCommitAsync(end, CancellationToken.None);
        await writers[0].CommitAsync(end, new[] { first! }, CancellationToken.None);
        Assert.False(File.Exists(success), "committed while subtask 1 was still writing into the partition");
        var second = await writers[1].PrepareCommitAsync(end, CancellationToken.None);
        await writers[1].CommitAsync(end, new[] { second! }, CancellationToken.None);
        Assert.True(File.Exists(success));
        foreach (var w in writers) await w.DisposeAsync();
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    [InlineData("avro")]
    public async Task Rolling_by_size_rollover_and_inactivity(string format)
    {
        var clock = new ManualClock(Now);
        var table = Partitioned(format, ("sink.rolling-policy.file-size", "1b"));
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(Context(table, clock), CancellationToken.None);
        await writer.WriteAsync(new Batch(Rows((1, "d", 1))), CancellationToken.None);
        await writer.WriteAsync(new Batch(Rows((2, "d", 1))), CancellationToken.None);
        await writer.CommitAsync(1, new[] { (await writer.PrepareCommitAsync(1, CancellationToken.None))! }, CancellationToken.None);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_dir, "dt=d", "hr=1"), "part-*").Length);

        var idle = Partitioned(format, ("sink.rolling-policy.inactivity-interval", "10 s"), ("sink.rolling-policy.rollover-interval", "1 min"));
        var other = new FilesystemConnector().CreateWriter();
        await other.OpenAsync(Context(idle, clock), CancellationToken.None);
        await other.WriteAsync(new Batch(Rows((3, "e", 1))), CancellationToken.None);
        clock.Monotonic += 5_000;
        await other.WriteAsync(new Batch(Rows((4, "e", 1), (5, "f", 1))), CancellationToken.None); // e stays active
        clock.Monotonic += 11_000;
        await other.WriteAsync(new Batch(Rows((6, "e", 1))), CancellationToken.None); // f idle for 11 s: rolled; e written 11 s ago: rolled, then reopened
        clock.Monotonic += 61_000;
        await other.WriteAsync(new Batch(Rows((7, "g", 1))), CancellationToken.None); // e open for 61 s: rolled
        var pending = Directory.GetFiles(_dir, ".part-*.pending", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_dir, Path.GetDirectoryName(f)!)).Order().ToList();
        Assert.Equal(new[] { "dt=e/hr=1", "dt=e/hr=1", "dt=f/hr=1" }, pending);
    }
}
