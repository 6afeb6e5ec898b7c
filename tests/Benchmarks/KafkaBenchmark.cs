using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using StreamSql.Soak.Kafka;

namespace StreamSql.Benchmarks;

/// <summary>
/// <c>-- kafka [records] [rounds]</c>: Kafka → filter + projection → Kafka, exactly-once with 1 s checkpoints, against
/// librdkafka's mock cluster in this process, and in the same run the baseline a .NET developer would write: a plain
/// Confluent.Kafka consume → parse → filter → project → produce loop, committing a transaction every second. Both read the
/// same topic from its start to its end and must write the same number of records. Rates are records read per second of
/// wall time and per CPU-second of the whole process (the mock broker's work included, for both).
/// </summary>
internal static class KafkaBenchmark
{
    private const int PriceThreshold = 50;
    /// <summary>Input partitions: the mock keeps at most 5 MiB per partition (about 60,000 of these records) and drops the
    /// oldest past that, so the default 500,000 records need more than 4 (the fixture throws if a partition overflows).</summary>
    private const int InputPartitions = 12;

    public static async Task<int> RunAsync(string[] args)
    {
        int records = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500_000;
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        using var cluster = new MockKafkaCluster();
        cluster.CreateTopic("bench-in", InputPartitions);
        cluster.CreateTopic("streamsql-sink-progress", 1);
        Console.WriteLine($"Producing {records:N0} records into the mock cluster...");
        cluster.Produce("bench-in", Enumerable.Range(0, records).Select(i => (i % InputPartitions, (string?)null,
            $"{{\"id\": {i}, \"price\": {(long)i * 7919 % 100}, \"item\": \"item-{i % 1000}\", \"note\": \"some text to carry along\"}}")));

        var engineWall = new List<double>();
        var engineCpu = new List<double>();
        var loopWall = new List<double>();
        var loopCpu = new List<double>();
        long expected = -1;
        for (int round = 0; round < rounds; round++)
        {
            for (int side = 0; side < 2; side++)
            {
                bool engine = (side == 0) == (round % 2 == 0);
                var topic = $"bench-out-{round}-{(engine ? "engine" : "loop")}";
                cluster.CreateTopic(topic, 4);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                if (engine) await RunEngineAsync(cluster.BootstrapServers, topic, round);
                else RunLoop(cluster.BootstrapServers, topic, round);
                double seconds = clock.Elapsed.TotalSeconds;
                double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                long written = Enumerable.Range(0, 4).Sum(p => cluster.ReadLog(topic, p).Committed().Count);
                if (expected < 0) expected = written;
                if (written != expected) throw new InvalidOperationException($"{topic}: {written} records committed, the other side {expected}");
                (engine ? engineWall : loopWall).Add(records / seconds);
                (engine ? engineCpu : loopCpu).Add(records / cpuSeconds);
                Console.WriteLine($"round {round} {(engine ? "engine" : "loop  ")}: {records / seconds,12:N0} records/s, "
                    + $"{records / cpuSeconds,12:N0} records/CPU-s ({seconds:0.00} s, {cpuSeconds:0.00} CPU-s), {written:N0} written");
            }
        }
        double ew = Median(engineWall), lw = Median(loopWall), ec = Median(engineCpu), lc = Median(loopCpu);
        Console.WriteLine($"median: engine {ew:N0} records/s ({ec:N0} per CPU-s); loop {lw:N0} records/s ({lc:N0} per CPU-s); "
            + $"engine/loop {ew / lw:0.00} wall, {ec / lc:0.00} per CPU-s (target >= 0.5)");
        return 0;
    }

    private static async Task RunEngineAsync(string bootstrap, string topic, int round)
    {
        var options = new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(30) };
        options.Settings["execution.checkpointing.interval"] = "1s";
        options.Settings["state.checkpoints.dir"] = Path.Combine(Path.GetTempPath(), "streamsql-kafka-bench", Guid.NewGuid().ToString("N"));
        await using var env = StreamSqlEnvironment.Create(options);
        env.ExecuteSql($"CREATE TABLE src (id BIGINT, price INT, item STRING, note STRING) WITH ('connector' = 'kafka', 'topic' = 'bench-in', "
            + $"'properties.bootstrap.servers' = '{bootstrap}', 'format' = 'json', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset')");
        env.ExecuteSql($"CREATE TABLE dst (id BIGINT, cents INT, item STRING) WITH ('connector' = 'kafka', 'topic' = '{topic}', "
            + $"'properties.bootstrap.servers' = '{bootstrap}', 'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once', "
            + $"'sink.transactional-id-prefix' = 'bench-{round}')");
        await env.ExecuteScriptAsync($"INSERT INTO dst SELECT id, price * 100, item FROM src WHERE price > {PriceThreshold}");
        await env.WaitForJobsAsync();
        Directory.Delete(options.Settings["state.checkpoints.dir"], recursive: true);
    }

    /// <summary>The hand-written baseline: the same work with the client alone.</summary>
    private static void RunLoop(string bootstrap, string topic, int round)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap, GroupId = "bench-loop", IsolationLevel = IsolationLevel.ReadCommitted, EnablePartitionEof = true, EnableAutoCommit = false,
        }).Build();
        using var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, TransactionalId = $"bench-loop-{round}" }).Build();
        producer.InitTransactions(TimeSpan.FromSeconds(30));
        var ends = new Dictionary<int, long>();
        for (int p = 0; p < InputPartitions; p++) ends[p] = consumer.QueryWatermarkOffsets(new TopicPartition("bench-in", p), TimeSpan.FromSeconds(10)).High.Value;
        consumer.Assign(Enumerable.Range(0, InputPartitions).Select(p => new TopicPartitionOffset("bench-in", p, Offset.Beginning)));
        var done = new HashSet<int>();
        var output = new MemoryStream();
        producer.BeginTransaction();
        var lastCommit = Stopwatch.StartNew();
        while (done.Count < InputPartitions)
        {
            var r = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (r is null) continue;
            if (r.IsPartitionEOF)
            {
                if (r.Offset.Value >= ends[r.Partition.Value]) done.Add(r.Partition.Value);
                continue;
            }
            using (var doc = JsonDocument.Parse(r.Message.Value))
            {
                var root = doc.RootElement;
                int price = root.GetProperty("price").GetInt32();
                if (price > PriceThreshold)
                {
                    output.SetLength(0);
                    using (var w = new Utf8JsonWriter(output))
                    {
                        w.WriteStartObject();
                        w.WriteNumber("id", root.GetProperty("id").GetInt64());
                        w.WriteNumber("cents", price * 100);
                        w.WriteString("item", root.GetProperty("item").GetString());
                        w.WriteEndObject();
                    }
                    while (true)
                    {
                        try
                        {
                            producer.Produce(topic, new Message<Null, byte[]> { Value = output.ToArray() });
                            break;
                        }
                        catch (ProduceException<Null, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                        {
                            producer.Poll(TimeSpan.FromMilliseconds(50));
                        }
                    }
                }
            }
            if (r.Offset.Value + 1 >= ends[r.Partition.Value]) done.Add(r.Partition.Value);
            if (lastCommit.ElapsedMilliseconds >= 1000)
            {
                producer.CommitTransaction(TimeSpan.FromSeconds(30));
                producer.BeginTransaction();
                lastCommit.Restart();
            }
        }
        producer.CommitTransaction(TimeSpan.FromSeconds(30));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
