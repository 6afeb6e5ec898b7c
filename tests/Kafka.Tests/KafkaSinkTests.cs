using System.Globalization;
using Apache.Arrow;
using Confluent.Kafka;
using StreamSql.Connectors.Kafka;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Types;
using StreamSql.Kafka.Tests.Fixture;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Kafka.Tests;

/// <summary>The kafka sink against the mock cluster; what is committed is decided from the log's transaction markers.</summary>
public sealed class KafkaSinkTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();

    public KafkaSinkTests() => _cluster.CreateTopic("streamsql-sink-progress", 1);

    public void Dispose() => _cluster.Dispose();

    private static StreamSqlEnvironment Session() =>
        StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });

    private string Sink(string name, string topic, params string[] options) =>
        $"CREATE TABLE {name} (id BIGINT, name STRING) WITH ('connector' = 'kafka', 'topic' = '{topic}', "
        + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'format' = 'json'" + string.Concat(options.Select(o => ", " + o)) + ")";

    private const string Source = "CREATE TABLE src (id BIGINT, name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '500', "
        + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '500', 'fields.name.length' = '4')";

    private static List<long> Ids(IEnumerable<string> values) =>
        values.Select(v => System.Text.Json.JsonDocument.Parse(v).RootElement.GetProperty("id").GetInt64()).OrderBy(i => i).ToList();

    [Theory]
    [InlineData("at-least-once")]
    [InlineData("none")]
    [InlineData("exactly-once")]
    public async Task An_insert_writes_every_row_once_and_exactly_once_commits_it_in_transactions(string guarantee)
    {
        _cluster.CreateTopic("out", 3);
        await using var env = Session();
        env.ExecuteSql(Source);
        env.ExecuteSql(Sink("out", "out", $"'sink.delivery-guarantee' = '{guarantee}'", "'sink.transactional-id-prefix' = 'job-a'"));
        var result = await env.ExecuteScriptAsync("INSERT INTO out SELECT id, name FROM src");
        await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), Ids(_cluster.CommittedValues("out", 3)));
        var logs = Enumerable.Range(0, 3).Select(p => _cluster.ReadLog("out", p)).ToList();
        Assert.All(logs, l => Assert.Empty(l.Open()));
        Assert.All(logs, l => Assert.Empty(l.Aborted()));
        Assert.Equal(guarantee == "exactly-once", logs.Any(l => l.Markers.Count > 0));
        Assert.Equal(guarantee == "exactly-once", logs.All(l => l.Records.All(r => r.Transactional)));
    }

    [Theory]
    [InlineData("at-least-once")]
    [InlineData("exactly-once")]
    public async Task Persisted_timestamp_and_headers_metadata_columns_are_written_and_the_source_reads_them_back(string guarantee)
    {
        _cluster.CreateTopic("meta", 1);
        await using var env = Session();
        env.ExecuteSql(Source);
        env.ExecuteSql($"CREATE TABLE meta (id BIGINT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', name STRING, h MAP<STRING, BYTES> METADATA FROM 'headers', "
            + $"o BIGINT METADATA FROM 'offset' VIRTUAL) WITH ('connector' = 'kafka', 'topic' = 'meta', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', "
            + $"'format' = 'json', 'sink.delivery-guarantee' = '{guarantee}', 'sink.transactional-id-prefix' = 'meta-job', "
            + "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset')");
        // Persisted columns in declaration order, as Flink: id, ts, name, h.
        await env.ExecuteScriptAsync("INSERT INTO meta SELECT id, CASE WHEN id = 3 THEN CAST(NULL AS TIMESTAMP_LTZ(3)) ELSE TO_TIMESTAMP_LTZ(1700000000000 + id, 3) END, "
            + "name, MAP['trace', CAST(CONCAT('t-', CAST(id AS STRING)) AS BYTES), 'empty', CAST(NULL AS BYTES)] FROM src WHERE id <= 3");
        await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(new[] { "{\"id\":1,\"name\":", "{\"id\":2,\"name\":", "{\"id\":3,\"name\":" },
            _cluster.CommittedValues("meta", 1).Select(v => v[..v.IndexOf(':', v.IndexOf(':') + 1)] + ":").ToArray());
        await using var result = env.Query("SELECT id, ts, h['trace'], CARDINALITY(h), h['empty'] IS NULL, o FROM meta");
        var rows = (await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60))).OrderBy(r => (long)r[0]!).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_001).UtcDateTime, ToUtc(rows[0][1]));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_002).UtcDateTime, ToUtc(rows[1][1]));
        Assert.True(ToUtc(rows[2][1]) > new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), "a NULL timestamp leaves the producer's time");
        Assert.Equal("t-1"u8.ToArray(), Assert.IsType<byte[]>(rows[0][2]));
        Assert.Equal(new object?[] { 2, true }, new[] { rows[0][3], rows[0][4] });
        Assert.Equal("t-2"u8.ToArray(), Assert.IsType<byte[]>(rows[1][2]));
        Assert.Equal(new object?[] { 0L, 1L, 2L }, rows.Select(r => r[5]).ToArray());
    }

    private static DateTime ToUtc(object? value) => value switch
    {
        DateTimeOffset o => o.UtcDateTime,
        DateTime d => d.ToUniversalTime(),
        _ => throw new InvalidOperationException($"not a timestamp: {value}"),
    };

    [Fact]
    public async Task An_insert_into_a_table_with_a_persisted_read_only_metadata_column_is_refused_naming_the_key()
    {
        _cluster.CreateTopic("ro", 1);
        await using var env = Session();
        env.ExecuteSql(Source);
        env.ExecuteSql(Sink("ro", "ro").Replace("(id BIGINT, name STRING)", "(id BIGINT, name STRING, o BIGINT METADATA FROM 'offset')", StringComparison.Ordinal));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => env.ExecuteScriptAsync("INSERT INTO ro SELECT id, name, id FROM src"));

        Assert.Contains("Invalid metadata key 'offset' in column 'o' of table 'ro'", error.Message);
        Assert.Contains("writes only the metadata keys headers, timestamp", error.Message);
        Assert.Contains("VIRTUAL", error.Message);
    }

    [Fact]
    public async Task Keys_fixed_partitioner_and_except_key_values()
    {
        _cluster.CreateTopic("keyed", 4);
        await using var env = Session();
        env.ExecuteSql(Source);
        env.ExecuteSql(Sink("keyed", "keyed", "'key.format' = 'raw'", "'key.fields' = 'name'", "'value.fields-include' = 'EXCEPT_KEY'",
            "'sink.partitioner' = 'fixed'"));
        await env.ExecuteScriptAsync("INSERT INTO keyed SELECT id, name FROM src WHERE id <= 3");
        await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var records = _cluster.ReadLog("keyed", 0).Committed(); // one subtask: 'fixed' writes partition 0 only
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(4, r.KeyText!.Length));
        Assert.Equal(new[] { "{\"id\":1}", "{\"id\":2}", "{\"id\":3}" }, records.Select(r => r.ValueText));
        Assert.Empty(_cluster.ReadLog("keyed", 1).Records);
    }

    [Fact]
    public async Task What_the_sink_writes_with_a_prefixed_json_key_and_csv_values_the_source_reads_back()
    {
        _cluster.CreateTopic("round", 2);
        await using var env = Session();
        env.ExecuteSql(Source);
        const string Columns = "k_id BIGINT, name STRING, price DECIMAL(10, 2), at TIMESTAMP(3)";
        string Options(string extra) => $"'connector' = 'kafka', 'topic' = 'round', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', "
            + "'key.format' = 'json', 'key.fields' = 'k_id', 'key.fields-prefix' = 'k_', 'value.fields-include' = 'EXCEPT_KEY', "
            + "'value.format' = 'csv'" + extra;
        env.ExecuteSql($"CREATE TABLE w ({Columns}) WITH ({Options(", 'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'round'")})");
        env.ExecuteSql($"CREATE TABLE r ({Columns}) WITH ({Options(", 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'")})");
        await env.ExecuteScriptAsync("INSERT INTO w SELECT id, name, CAST(CAST(id AS DECIMAL(10, 2)) / 4 AS DECIMAL(10, 2)), TIMESTAMP '2024-01-02 03:04:05.678' FROM src WHERE id <= 20");
        await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var keys = Enumerable.Range(0, 2).SelectMany(p => _cluster.ReadLog("round", p).Committed()).Select(r => r.KeyText).ToList();
        Assert.Contains("{\"id\":7}", keys);
        await using var result = env.Query("SELECT k_id, price, at, CHAR_LENGTH(name) FROM r");
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), rows.Select(r => (long)r[0]!).OrderBy(i => i));
        var seven = rows.Single(r => (long)r[0]! == 7);
        Assert.Equal(1.75m, Convert.ToDecimal(seven[1], CultureInfo.InvariantCulture));
        Assert.Equal("2024-01-02 03:04:05.678", ((DateTime)seven[2]!).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
        Assert.Equal(4, seven[3]);
    }

    // --- the exactly-once writer driven directly, as the sink operator drives it across a restore ---

    private CatalogTable Table(string topic) => new("out", new List<TableColumn> { new PhysicalColumn("id", SqlType.BigInt) }, null,
        System.Array.Empty<string>(), System.Array.Empty<string>(), new Dictionary<string, string>
        {
            ["connector"] = "kafka", ["topic"] = topic, ["properties.bootstrap.servers"] = _cluster.BootstrapServers, ["format"] = "json",
            ["sink.delivery-guarantee"] = "exactly-once", ["sink.transactional-id-prefix"] = "restore-test",
        }, null, false);

    private static async Task<ISinkWriter> Open(CatalogTable table, int subtask = 0, int parallelism = 1, ISinkWriter? writer = null,
        TextWriter? diagnostics = null)
    {
        writer ??= new KafkaConnector().CreateWriter();
        await writer.OpenAsync(new SinkWriterContext(table, ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema), ChangelogMode.InsertOnly, "job",
            subtask, parallelism, Configuration.Empty, new SystemClock(), TextWriter.Null) { Diagnostics = diagnostics ?? TextWriter.Null }, CancellationToken.None);
        return writer;
    }

    private static Batch Rows(long from, long to)
    {
        var b = new Int64Array.Builder();
        for (long i = from; i <= to; i++) b.Append(i);
        return new Batch(new RecordBatch(new Schema(new[] { new Apache.Arrow.Field("id", Apache.Arrow.Types.Int64Type.Default, true) }, null), new IArrowArray[] { b.Build() }, (int)(to - from + 1)));
    }

    [Fact]
    public async Task A_restored_epoch_whose_commit_never_ran_is_committed_and_one_already_committed_is_not_written_again()
    {
        _cluster.CreateTopic("eo", 2);
        var table = Table("eo");
        byte[] epoch1, epoch2;
        await using (var first = await Open(table))
        {
            await first.WriteAsync(Rows(1, 10), CancellationToken.None);
            epoch1 = (await first.PrepareCommitAsync(1, CancellationToken.None))!;
            await first.CommitAsync(1, new[] { epoch1 }, CancellationToken.None);
            await first.WriteAsync(Rows(11, 20), CancellationToken.None);
            epoch2 = (await first.PrepareCommitAsync(2, CancellationToken.None))!;
            // The process dies here: checkpoint 2 completed (it holds epoch2) but its commit never ran.
        }
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), Ids(_cluster.CommittedValues("eo", 2)));

        // Restored from checkpoint 2: the runtime commits the committables it holds (epoch 2) — and, restored from
        // checkpoint 1 taken before epoch 1's commit, epoch 1's too; the marker tells that epoch 1 is in already.
        await using (var restored = await Open(table))
            await restored.CommitAsync(2, new[] { epoch1, epoch2 }, CancellationToken.None);
        await using (var again = await Open(table))
            await again.CommitAsync(2, new[] { epoch1, epoch2 }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), Ids(_cluster.CommittedValues("eo", 2)));
    }

    [Fact]
    public async Task An_epoch_left_in_an_open_transaction_by_a_crash_is_aborted_on_restore_and_committed_once()
    {
        _cluster.CreateTopic("eo-open", 1);
        var table = Table("eo-open");
        byte[] epoch1;
        await using (var first = await Open(table))
        {
            await first.WriteAsync(Rows(1, 5), CancellationToken.None);
            epoch1 = (await first.PrepareCommitAsync(1, CancellationToken.None))!;
        }
        // What the dead run left: the epoch's records produced in its transaction, not committed (killed 'after-data').
        // The producer is not closed (closing would abort the transaction): a process killed with SIGKILL closes nothing.
        using var dead = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = _cluster.BootstrapServers, TransactionalId = "restore-test-0" }).Build();
        dead.InitTransactions(TimeSpan.FromSeconds(30));
        dead.BeginTransaction();
        for (int i = 1; i <= 5; i++) dead.Produce("eo-open", new Message<Null, string> { Value = $"{{\"id\":{i}}}" });
        dead.Flush(TimeSpan.FromSeconds(30));
        Assert.Equal(5, _cluster.ReadLog("eo-open", 0).Open().Count);

        await using (var restored = await Open(table))
            await restored.CommitAsync(1, new[] { epoch1 }, CancellationToken.None);

        // A real broker aborts the fenced transaction (abort markers); the mock gives the new producer another producer id
        // and leaves the old transaction open for ever. Either way its records are never committed.
        var log = _cluster.ReadLog("eo-open", 0);
        Assert.Equal(5, log.Aborted().Count + log.Open().Count);
        Assert.Equal(10, log.Records.Count);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), Ids(log.Committed().Select(r => r.ValueText!)));
    }

    [Fact]
    public async Task A_restored_epoch_whose_marker_a_killed_commit_left_in_an_unfinished_transaction_is_written_again()
    {
        _cluster.CreateTopic("eo-marker", 1);
        var table = Table("eo-marker");
        byte[] epoch1;
        await using (var first = await Open(table))
        {
            await first.WriteAsync(Rows(1, 5), CancellationToken.None);
            epoch1 = (await first.PrepareCommitAsync(1, CancellationToken.None))!;
        }
        // What a run killed inside its commit left: the epoch's records and its marker, in a transaction never committed.
        // The mock cluster shows that marker to a read_committed reader (and never aborts the transaction).
        var committable = KafkaCommittable.Deserialize(epoch1, "out");
        using var dead = new ProducerBuilder<string?, string>(new ProducerConfig { BootstrapServers = _cluster.BootstrapServers, TransactionalId = committable.TransactionalId }).Build();
        dead.InitTransactions(TimeSpan.FromSeconds(30));
        dead.BeginTransaction();
        for (int i = 1; i <= 5; i++) dead.Produce("eo-marker", new Message<string?, string> { Value = $"{{\"id\":{i}}}" });
        dead.Produce(new TopicPartition("streamsql-sink-progress", 0), new Message<string?, string> { Key = committable.MarkerKey, Value = committable.MarkerValue });
        dead.Flush(TimeSpan.FromSeconds(30));
        Assert.Single(_cluster.ReadLog("streamsql-sink-progress", 0).Open());

        var said = new StringWriter();
        await using (var restored = await Open(table, diagnostics: said))
            await restored.CommitAsync(1, new[] { epoch1 }, CancellationToken.None);

        var log = _cluster.ReadLog("eo-marker", 0);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), Ids(log.Committed().Select(r => r.ValueText!)));
        Assert.Equal(5, log.Open().Count + log.Aborted().Count);
        Assert.Contains("checkpoint 1 of 'restore-test-0' (restored) was not committed before the restore: writing its 5 records.", said.ToString());

        // Restored once more (the same checkpoint): now its committed marker is found and nothing is written twice.
        said = new StringWriter();
        await using (var again = await Open(table, diagnostics: said))
            await again.CommitAsync(1, new[] { epoch1 }, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), Ids(_cluster.ReadLog("eo-marker", 0).Committed().Select(r => r.ValueText!)));
        Assert.Contains("was committed before the restore", said.ToString());
    }

    [Fact]
    public async Task Two_ends_of_input_of_one_subtask_in_successive_runs_are_both_written()
    {
        _cluster.CreateTopic("eo-ends", 1);
        var table = Table("eo-ends");
        byte[] firstEnd, secondEnd;
        const long End = Execution.Operators.SinkOperator.EndOfInputCheckpointId;
        await using (var first = await Open(table))
        {
            await first.WriteAsync(Rows(1, 5), CancellationToken.None);
            firstEnd = (await first.PrepareCommitAsync(End, CancellationToken.None))!;
            // Killed before the final checkpoint's commit.
        }
        // The next run: subtask 0 opens (recording the progress partition's end), then subtask 1 commits the restored end
        // of input of the first run's subtask 0 — its marker (restore-test-0, end of input) comes after that offset.
        await using (var subtask0 = await Open(table))
        {
            await using (var subtask1 = await Open(table, subtask: 1, parallelism: 2))
                await subtask1.CommitAsync(1, new[] { firstEnd }, CancellationToken.None);
            await subtask0.WriteAsync(Rows(6, 10), CancellationToken.None);
            secondEnd = (await subtask0.PrepareCommitAsync(End, CancellationToken.None))!;
            // Killed again before its own end of input is committed.
        }
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), Ids(_cluster.CommittedValues("eo-ends", 1)));

        var said = new StringWriter();
        await using (var third = await Open(table, diagnostics: said))
            await third.CommitAsync(End, new[] { secondEnd }, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), Ids(_cluster.CommittedValues("eo-ends", 1)));
        Assert.Contains("was not committed before the restore: writing its 5 records.", said.ToString());
    }

    [Fact]
    public async Task An_epochs_commit_runs_beside_the_pipeline_and_the_next_barrier_waits_for_it()
    {
        _cluster.CreateTopic("eo-async", 2);
        var markerLock = Path.Combine(Path.GetTempPath(), "streamsql-tests", "kafka-marker-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(markerLock)!);
        // The marker seam holds the committer just before its marker (the epoch's records are in its open transaction).
        await using var writer = await Open(Table("eo-async"), writer: new KafkaWriter(new KafkaSinkFault(null, markerLock)));
        await writer.WriteAsync(Rows(1, 10), CancellationToken.None);
        var epoch1 = (await writer.PrepareCommitAsync(1, CancellationToken.None))!;
        Task<byte[]?> prepare2;
        using (new FileStream(markerLock, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
        {
            // Checkpoint 1 completed: its commit does not hold up the task, which goes on writing the next epoch.
            await writer.CommitAsync(1, new[] { epoch1 }, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            await writer.WriteAsync(Rows(11, 20), CancellationToken.None);
            // The next barrier waits: its checkpoint no longer holds epoch 1, so epoch 1 must be committed first.
            prepare2 = writer.PrepareCommitAsync(2, CancellationToken.None).AsTask();
            await Task.Delay(300);
            Assert.False(prepare2.IsCompleted, "the barrier did not wait for the previous epoch's commit");
            Assert.Empty(_cluster.CommittedValues("eo-async", 2));
        }
        var epoch2 = (await prepare2.WaitAsync(TimeSpan.FromSeconds(30)))!;
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), Ids(_cluster.CommittedValues("eo-async", 2)));
        // The end of input's commit is waited for: the job ends with its output visible.
        await writer.CommitAsync(Execution.Operators.SinkOperator.EndOfInputCheckpointId, new[] { epoch2 }, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), Ids(_cluster.CommittedValues("eo-async", 2)));
    }
}
