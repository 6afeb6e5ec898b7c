using StreamSql.Soak;
using StreamSql.Soak.Output;
using StreamSql.Soak.Pipelines;
using StreamSql.Soak.Scenarios;

namespace StreamSql.EndToEnd;

/// <summary>The soak's own judgement, without running the engine: how rows are counted as lost, duplicated or unexpected,
/// when a bounded input counts as ended, which kill moments a run covers, and its command line.</summary>
public sealed class SoakHarnessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("streamsql-soak-self-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Rows_are_lost_duplicated_or_unexpected_by_their_counts()
    {
        var comparison = OutputComparison.Of(["1", "2", "3", "3"], ["1", "1", "1", "3", "4"]);

        Assert.Equal(2, comparison.Lost);        // 2, and the second 3
        Assert.Equal(2, comparison.Duplicated);  // 1 three times where once was expected
        Assert.Equal(1, comparison.Unexpected);  // 4
        Assert.False(comparison.IsExactlyOnce);
        Assert.Contains("1 (x3)", comparison.Describe(), StringComparison.Ordinal);
        Assert.True(OutputComparison.Of(["2", "1"], ["1", "2"]).IsExactlyOnce);
    }

    [Fact]
    public void A_bounded_input_has_ended_when_its_rows_are_committed_or_pending_from_this_run()
    {
        var sink = Path.Combine(_dir, "out");
        Directory.CreateDirectory(sink);
        var pipeline = new DatagenSequencePipeline("seq", sink, rows: 6, rowsPerSecond: 1);
        File.WriteAllText(Path.Combine(sink, "part-a-0-0"), "1\n2\n3\n");
        var oldPending = Path.Combine(sink, ".part-b-0-0.pending");
        File.WriteAllText(oldPending, "4\n5\n6\n");
        File.SetLastWriteTimeUtc(oldPending, DateTime.UtcNow.AddMinutes(-1));
        var runStart = DateTime.UtcNow.AddSeconds(-1);

        // A pending file of an earlier run (never committed: its rows will be replayed) does not count.
        Assert.False(pipeline.HasReachedEndOfInput(runStart));

        File.WriteAllText(Path.Combine(sink, ".part-c-0-0.inprogress"), "4\n5\n6\n");
        Assert.False(pipeline.HasReachedEndOfInput(runStart));

        File.WriteAllText(Path.Combine(sink, ".part-c-0-0.pending"), "4\n5\n6\n");
        Assert.True(pipeline.HasReachedEndOfInput(runStart));
    }

    [Fact]
    public void A_partitioned_sink_has_committed_its_visible_files_with_the_partition_from_the_path_and_each_needs_a_success_file()
    {
        var sink = Path.Combine(_dir, "parts");
        Directory.CreateDirectory(Path.Combine(sink, "p=1"));
        Directory.CreateDirectory(Path.Combine(sink, "p=2"));
        var json = new PartitionedFilePipeline("json", rollingFileSize: null, partitionTime: false, "pj", sink, rows: 2, rowsPerSecond: 1);
        File.WriteAllText(Path.Combine(sink, "p=1", "part-a-0-0"), "{\"id\":1,\"v\":3}\n");
        File.WriteAllText(Path.Combine(sink, "p=1", "_SUCCESS"), "");
        File.WriteAllText(Path.Combine(sink, "p=2", ".part-a-0-1.inprogress"), "{\"id\":2,\"v\":6}\n");
        var runStart = DateTime.UtcNow.AddSeconds(-1);

        Assert.Equal(["1,3,1"], json.CommittedRows());
        Assert.False(json.HasReachedEndOfInput(runStart));

        File.Move(Path.Combine(sink, "p=2", ".part-a-0-1.inprogress"), Path.Combine(sink, "p=2", ".part-a-0-1.pending"));
        Assert.True(json.HasReachedEndOfInput(runStart));
        File.Move(Path.Combine(sink, "p=2", ".part-a-0-1.pending"), Path.Combine(sink, "p=2", "part-a-0-1"));
        Assert.True(json.HasReachedEndOfInput(runStart));

        // Committed but its partition never committed: the rows are there, the success file is not.
        Assert.Equal(["1,3,1", "2,6,2", "no _SUCCESS in p=2"], json.CommittedRows());

        var parquetSink = Path.Combine(_dir, "parquet-parts");
        Directory.CreateDirectory(Path.Combine(parquetSink, "p=3"));
        var file = Path.Combine(parquetSink, "p=3", "part-b-0-0");
        ParquetOutput.Read($"COPY (SELECT 3::BIGINT AS id, 9::BIGINT AS v) TO '{file}' (FORMAT parquet)");
        File.WriteAllText(Path.Combine(parquetSink, "p=3", "_SUCCESS"), "");
        var parquet = new PartitionedFilePipeline("parquet", rollingFileSize: null, partitionTime: false, "pp", parquetSink, rows: 3, rowsPerSecond: 1);
        Assert.Equal(["3,9,3"], parquet.CommittedRows());
    }

    [Fact]
    public async Task A_kafka_sink_has_committed_what_its_commit_markers_commit_and_its_input_ended_with_this_runs_open_transaction()
    {
        using var host = new PipelineHost();
        var pipeline = new KafkaExactlyOncePipeline("k", host.KafkaCluster, partitions: 1, rows: 3);
        using var producer = new Confluent.Kafka.ProducerBuilder<Confluent.Kafka.Null, string>(new Confluent.Kafka.ProducerConfig
        {
            BootstrapServers = host.KafkaCluster.BootstrapServers,
            TransactionalId = "soak-self-test",
        }).Build();
        void Write(int id) => producer.Produce(pipeline.SinkName, new Confluent.Kafka.Message<Confluent.Kafka.Null, string> { Value = $"{{\"id\": {id}, \"tag\": \"T{id}\"}}" });
        producer.InitTransactions(TimeSpan.FromSeconds(30));
        producer.BeginTransaction();
        Write(1);
        producer.CommitTransaction(TimeSpan.FromSeconds(30));
        producer.BeginTransaction();
        Write(2);
        producer.Flush(TimeSpan.FromSeconds(30)); // in the log before the abort (an abort drops what is not sent yet)
        producer.AbortTransaction(TimeSpan.FromSeconds(30));
        var runStart = DateTime.UtcNow.AddSeconds(-1);
        producer.BeginTransaction();
        Write(2);
        Write(3);
        producer.Flush(TimeSpan.FromSeconds(30));

        // The aborted 2 and the open 2 and 3 are in the log; only the commit marker makes a record visible.
        Assert.Equal(["1,T1"], pipeline.CommittedRows());
        Assert.Contains("1 committed, 1 aborted, 2 in open transactions", pipeline.SinkListing(), StringComparison.Ordinal);
        // The open transaction is this run's (written after it started): every row has reached the sink. An earlier run's
        // open transaction is dead and does not count. (The log is looked at every 50 ms at most.)
        Assert.True(pipeline.HasReachedEndOfInput(runStart));
        await Task.Delay(250);
        Assert.False(pipeline.HasReachedEndOfInput(DateTime.UtcNow.AddSeconds(1)));
        Assert.Equal(2, OutputComparison.Of(pipeline.ExpectedRows(), ["1,T1"]).Lost);
    }

    /// <summary>The final tables the upsert scenario expects, computed in C#, are DuckDB's answers to the same queries over
    /// the same sequence (past the keys' first rows, so ranks and the kept row change many times).</summary>
    [Theory]
    [InlineData("groupby", "SELECT concat_ws(',', id % 97, count(*), sum(id), max(id)) FROM range(1, 5001) t(id) GROUP BY id % 97")]
    [InlineData("top3", "SELECT concat_ws(',', k, rn, id, score) FROM (SELECT id % 97 AS k, id, id * 7919 % 100003 AS score, "
        + "row_number() OVER (PARTITION BY id % 97 ORDER BY id * 7919 % 100003 DESC) AS rn FROM range(1, 5001) t(id)) WHERE rn <= 3")]
    [InlineData("dedup", "SELECT concat_ws(',', k, id) FROM (SELECT id % 97 AS k, id, "
        + "row_number() OVER (PARTITION BY id % 97 ORDER BY id * 7919 % 100003 DESC) AS rn FROM range(1, 5001) t(id)) WHERE rn = 1")]
    public void The_upsert_queries_expect_the_final_table_duckdb_computes(string query, string duckDbSql)
    {
        var upsert = new[] { UpsertSequenceQuery.GroupBy, UpsertSequenceQuery.TopN, UpsertSequenceQuery.Dedup }.Single(q => q.Name == query);

        var expected = upsert.Expected(5000).ToList();

        Assert.True(OutputComparison.Of(ParquetOutput.Read(duckDbSql), expected).IsExactlyOnce,
            OutputComparison.Of(ParquetOutput.Read(duckDbSql), expected).Describe());
        Assert.Equal(query == "top3" ? 3 * 97 : 97, expected.Count);
    }

    [Fact]
    public void The_distinct_count_query_expects_the_final_table_duckdb_computes()
    {
        var expected = UpsertSequenceQuery.DistinctCount.Expected(5000).ToList();

        var comparison = OutputComparison.Of(
            ParquetOutput.Read("SELECT concat_ws(',', id % 97, count(*), count(DISTINCT id % 31), max(id)) FROM range(1, 5001) t(id) GROUP BY id % 97"),
            expected);
        Assert.True(comparison.IsExactlyOnce, comparison.Describe());
    }

    /// <summary>The rows the window, temporal, lookup and pattern queries of the opt-in scenarios expect, computed in C# from
    /// the sequence, are DuckDB's answers to the same questions asked without the streaming operators: the event time is
    /// <c>id × 10 ms</c>, so a 1 s window is <c>id // 100</c>, a 250 ms step <c>id % 100 &lt; 25 × step</c>, and a session
    /// breaks where a key's ids are 10 or more apart (100 ms).</summary>
    [Theory]
    [InlineData("session", "WITH s AS (SELECT id, id % 3 AS k FROM range(1, 5001) t(id) WHERE id % 50 < 40), "
        + "g AS (SELECT *, CASE WHEN id - lag(id) OVER (PARTITION BY k ORDER BY id) < 10 THEN 0 ELSE 1 END AS brk FROM s), "
        + "h AS (SELECT *, sum(brk) OVER (PARTITION BY k ORDER BY id) AS sid FROM g) "
        + "SELECT concat_ws(',', k, count(*), sum(id), min(id), max(id)) FROM h GROUP BY k, sid")]
    [InlineData("cumulate", "SELECT concat_ws(',', count(*), sum(id), min(id), max(id)) FROM range(1, 5001) t(id), range(1, 5) s(step) "
        + "WHERE id % 100 < 25 * step GROUP BY id // 100, step")]
    [InlineData("wtop3", "SELECT concat_ws(',', id, score, rn) FROM (SELECT id, id * 7919 % 100003 AS score, "
        + "row_number() OVER (PARTITION BY id // 100 ORDER BY id * 7919 % 100003 DESC) AS rn FROM range(1, 5001) t(id)) WHERE rn <= 3")]
    [InlineData("wdedup", "SELECT max(id)::VARCHAR FROM range(1, 5001) t(id) GROUP BY id // 100, id % 7")]
    [InlineData("wjoin", "SELECT concat_ws(',', a.id, b.id) FROM range(1, 5001) a(id) JOIN range(1, 5001) b(id) ON a.id // 100 = b.id // 100 AND a.id = b.id + 3")]
    [InlineData("temporal", "SELECT o.id || ',' || coalesce(v.id::VARCHAR, '') FROM range(1, 5001) o(id) "
        + "LEFT JOIN range(1, 5001) v(id) ON v.id = o.id + 3 - 6 * (o.id % 2) AND v.id <= o.id")]
    [InlineData("temporalview", "SELECT o.id || ',' || max(b.id) FROM range(1, 5001) o(id) JOIN range(1, 5001) b(id) "
        + "ON b.id % 7 = (o.id + 3) % 7 AND b.id <= o.id GROUP BY o.id")]
    [InlineData("lookup", "SELECT o.id || ',' || d.k * d.k FROM range(1, 5001) o(id) JOIN range(0, 8) d(k) ON o.id % 10 = d.k")]
    [InlineData("match", "SELECT concat_ws(',', k, id, l2, l3) FROM (SELECT id, id % 4 AS k, lead(id, 1) OVER w AS l1, lead(id, 2) OVER w AS l2, "
        + "lead(id, 3) OVER w AS l3 FROM range(1, 5001) t(id) WINDOW w AS (PARTITION BY id % 4 ORDER BY id)) "
        + "WHERE id % 40 < 4 AND l1 % 40 BETWEEN 4 AND 11 AND l2 % 40 BETWEEN 4 AND 11 AND l3 % 40 BETWEEN 12 AND 15")]
    public void The_stateful_sequence_queries_expect_what_duckdb_computes(string query, string duckDbSql)
    {
        var all = new[]
        {
            WindowSequenceQueries.Session, WindowSequenceQueries.Cumulate, WindowSequenceQueries.TopN, WindowSequenceQueries.Dedup,
            WindowSequenceQueries.Join, JoinSequenceQueries.Temporal, JoinSequenceQueries.TemporalView, JoinSequenceQueries.Lookup,
            JoinSequenceQueries.Match,
        };

        var expected = all.Single(q => q.Name == query).Expected(5000).ToList();

        var comparison = OutputComparison.Of(ParquetOutput.Read(duckDbSql), expected);
        Assert.True(comparison.IsExactlyOnce, comparison.Describe());
        Assert.NotEmpty(expected);
    }

    [Fact]
    public void An_upsert_kafka_sink_has_committed_the_last_committed_row_of_every_key_and_a_tombstone_deletes_its_key()
    {
        using var host = new PipelineHost();
        var pipeline = new UpsertKafkaPipeline(UpsertSequenceQuery.Dedup, "u", host.KafkaCluster, partitions: 1, rows: 3, rowsPerSecond: 1);
        using var producer = new Confluent.Kafka.ProducerBuilder<string, string?>(new Confluent.Kafka.ProducerConfig
        {
            BootstrapServers = host.KafkaCluster.BootstrapServers,
            TransactionalId = "soak-upsert-self-test",
        }).Build();
        void Write(int k, int? id) => producer.Produce(pipeline.SinkName, new Confluent.Kafka.Message<string, string?>
        {
            Key = $"{{\"k\":{k}}}",
            Value = id is null ? null : $"{{\"k\":{k},\"id\":{id}}}",
        });
        producer.InitTransactions(TimeSpan.FromSeconds(30));
        producer.BeginTransaction();
        Write(1, 1);
        Write(2, 2);
        Write(3, 3);
        producer.CommitTransaction(TimeSpan.FromSeconds(30));
        producer.BeginTransaction();
        Write(1, 4);
        Write(3, null);
        producer.CommitTransaction(TimeSpan.FromSeconds(30));
        producer.BeginTransaction();
        Write(2, 5);
        producer.Flush(TimeSpan.FromSeconds(30)); // in the log before the abort (an abort drops what is not sent yet)
        producer.AbortTransaction(TimeSpan.FromSeconds(30));
        producer.BeginTransaction();
        Write(1, 6);
        producer.Flush(TimeSpan.FromSeconds(30));

        // Key 1's later committed row replaced its first, key 3's tombstone deleted it; the aborted 2,5 and the open 1,6
        // are not visible.
        Assert.Equal(["1,4", "2,2"], pipeline.CommittedRows().Order(StringComparer.Ordinal));
        Assert.Contains("1 aborted, 1 in open transactions", pipeline.SinkListing(), StringComparison.Ordinal);
        // The sequence 1..3 ends with the rows 1,1 2,2 3,3 (one id per key): key 1's and key 3's are lost.
        var comparison = OutputComparison.Of(pipeline.ExpectedRows(), pipeline.CommittedRows());
        Assert.Equal(2, comparison.Lost);
        Assert.Equal(1, comparison.Unexpected);
    }

    [Fact]
    public void A_count_committed_twice_for_its_key_is_unexpected_even_when_a_later_update_overwrites_it()
    {
        using var host = new PipelineHost();
        var pipeline = new UpsertKafkaPipeline(UpsertSequenceQuery.GroupBy, "g", host.KafkaCluster, partitions: 1, rows: 1, rowsPerSecond: 1);
        using var producer = new Confluent.Kafka.ProducerBuilder<string, string>(new Confluent.Kafka.ProducerConfig
        {
            BootstrapServers = host.KafkaCluster.BootstrapServers,
            TransactionalId = "soak-upsert-count-self-test",
        }).Build();
        void Write(int n) => producer.Produce(pipeline.SinkName, new Confluent.Kafka.Message<string, string>
        {
            Key = "{\"k\":1}",
            Value = $"{{\"k\":1,\"n\":{n},\"total\":1,\"top\":1}}",
        });
        producer.InitTransactions(TimeSpan.FromSeconds(30));
        producer.BeginTransaction();
        Write(1);
        Write(2);
        producer.CommitTransaction(TimeSpan.FromSeconds(30));
        Assert.Equal(["1,2,1,1"], pipeline.CommittedRows());

        // A replayed epoch: the count goes back, then on; the last row alone looks right.
        producer.BeginTransaction();
        Write(2);
        Write(3);
        producer.CommitTransaction(TimeSpan.FromSeconds(30));

        var rows = pipeline.CommittedRows();
        Assert.Equal(2, rows.Count);
        Assert.Contains("1,3,1,1", rows);
        Assert.Contains(rows, r => r.Contains("column 1 went from 2 to 2 at offset", StringComparison.Ordinal));
    }

    [Fact]
    public void Three_kills_per_scenario_cover_every_kill_moment_and_the_statement_set_gets_an_end_of_input_kill()
    {
        var covered = new HashSet<KillMoment>();
        foreach (var scenario in SoakScenarios.All)
        {
            var round = new KillRotation(scenario, SoakScenarios.RotationOffset(scenario)).NextRound(3);
            covered.UnionWith(round);
            if (round.Contains(KillMoment.AfterEndOfInput))
                Assert.Equal(scenario.HasUnboundedPipeline ? 0 : round.Count - 1, round.IndexOf(KillMoment.AfterEndOfInput));
            if (scenario.Name == "statement-set-bounded-unbounded") Assert.Contains(KillMoment.AfterEndOfInput, round);
        }
        Assert.Equal(KillMoments.All.ToHashSet(), covered);
    }

    [Fact]
    public void A_source_without_a_bounded_input_is_never_killed_at_its_end()
    {
        var csv = SoakScenarios.Find("csv-monitored-p2-rocksdb-incremental")!;
        var moments = new KillRotation(csv, 0).NextRound(40);
        Assert.DoesNotContain(KillMoment.AfterEndOfInput, moments);
        Assert.Equal(4, moments.Distinct().Count());
    }

    [Fact]
    public void The_command_line_names_what_is_wrong()
    {
        var parsed = SoakCommandLine.Parse(["--kills", "7", "--seed", "-3", "--scenario", "datagen-p1-hashmap", "--scenario", "datagen-p1-hashmap"]);
        Assert.Equal(7, parsed.Kills);
        Assert.Equal(-3, parsed.Seed);
        Assert.Equal(["datagen-p1-hashmap"], parsed.Scenarios.Select(s => s.Name));
        Assert.Equal(SoakScenarios.All.Count, SoakCommandLine.Parse([]).Scenarios.Count);

        var unknown = Assert.Throws<FormatException>(() => SoakCommandLine.Parse(["--scenario", "nope"]));
        Assert.Contains("statement-set-bounded-unbounded", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("positive", Assert.Throws<FormatException>(() => SoakCommandLine.Parse(["--kills", "0"])).Message, StringComparison.Ordinal);
        Assert.Contains("needs a value", Assert.Throws<FormatException>(() => SoakCommandLine.Parse(["--seed"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_scenario_draws_its_moments_from_the_run_seed_and_its_name()
    {
        Assert.Equal(SoakRunner.ScenarioSeed(42, "datagen-p1-hashmap"), SoakRunner.ScenarioSeed(42, "datagen-p1-hashmap"));
        Assert.NotEqual(SoakRunner.ScenarioSeed(42, "datagen-p1-hashmap"), SoakRunner.ScenarioSeed(43, "datagen-p1-hashmap"));
        Assert.NotEqual(SoakRunner.ScenarioSeed(42, "datagen-p1-hashmap"), SoakRunner.ScenarioSeed(42, "datagen-rescale-2-3-1"));
    }
}
