using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace StreamSql.Soak.Kafka;

/// <summary>
/// librdkafka's mock cluster (client property <c>test.mock.num.brokers</c>): real Kafka-protocol listeners on loopback,
/// living as long as the producer that created it. The only place that knows the cluster is a mock: the connector under
/// test talks to <see cref="BootstrapServers"/> as to any cluster. Topics are created through the mock API
/// (<c>rd_kafka_mock_topic_create</c>) since the mock does not serve CreateTopics.
/// <para>The mock keeps a bounded log per partition and drops the oldest batches past it without telling anyone; every
/// produce and log read here checks the partition's log still starts at offset 0 and throws
/// <see cref="MockLogTrimmedException"/> otherwise.</para>
/// </summary>
public sealed class MockKafkaCluster : IDisposable
{
    private readonly IProducer<byte[]?, byte[]?> _owner;
    private readonly IntPtr _mockCluster;
    private readonly object _guardLock = new();
    /// <summary>Bytes of keys, values and headers produced through this fixture, per topic and partition (for the guard's message).</summary>
    private readonly Dictionary<(string Topic, int Partition), long> _producedBytes = new();
    private IConsumer<Ignore, Ignore>? _watermarks;

    /// <summary>librdkafka's mock keeps at most this many bytes of record batches per partition (<c>mpart->max_size</c>)...</summary>
    public const long MaxBytesPerPartition = 5L * 1024 * 1024;

    /// <summary>...and at most this many record batches (<c>mpart->max_cnt</c>); past either it drops the oldest batches.</summary>
    public const int MaxBatchesPerPartition = 100_000;

    public MockKafkaCluster(int brokers = 1)
    {
        var config = new ProducerConfig();
        config.Set("test.mock.num.brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _owner = new ProducerBuilder<byte[]?, byte[]?>(config).Build();
        _mockCluster = MockApi.Instance.HandleMockCluster(RawHandle(_owner));
        if (_mockCluster == IntPtr.Zero) throw new InvalidOperationException("the client did not start a mock cluster");
        BootstrapServers = Marshal.PtrToStringAnsi(MockApi.Instance.ClusterBootstraps(_mockCluster))
            ?? throw new InvalidOperationException("the mock cluster has no bootstrap list");
    }

    /// <summary>The cluster's bootstrap list, e.g. <c>127.0.0.1:40123</c>.</summary>
    public string BootstrapServers { get; }

    public void CreateTopic(string topic, int partitions)
    {
        int error = MockApi.Instance.TopicCreate(_mockCluster, topic, partitions, 1);
        if (error != 0) throw new InvalidOperationException($"rd_kafka_mock_topic_create({topic}) failed with error {error}");
    }

    /// <summary>Produces plain (non-transactional) records, each to the given partition.</summary>
    public void Produce(string topic, IEnumerable<(int Partition, string? Key, string Value)> records, long? timestampMs = null)
    {
        using var producer = new ProducerBuilder<string?, string>(new ProducerConfig { BootstrapServers = BootstrapServers }).Build();
        var sizes = new Dictionary<int, long>();
        foreach (var (partition, key, value) in records)
        {
            var message = new Message<string?, string> { Key = key, Value = value };
            if (timestampMs is { } ts) message.Timestamp = new Timestamp(ts, TimestampType.CreateTime);
            ProduceWaiting(producer, new TopicPartition(topic, partition), message);
            Count(sizes, partition, Utf8(key) + Utf8(value));
        }
        if (producer.Flush(TimeSpan.FromSeconds(30)) != 0) throw new TimeoutException("produce did not finish");
        EnsureNothingDropped(topic, sizes);
    }

    /// <summary>Produces one plain record with headers (a null header value is a header without a value).</summary>
    public void ProduceWithHeaders(string topic, int partition, string value, params (string Key, string? Value)[] headers)
    {
        using var producer = new ProducerBuilder<string?, string>(new ProducerConfig { BootstrapServers = BootstrapServers }).Build();
        var list = new Headers();
        foreach (var (key, text) in headers) list.Add(key, text is null ? null : System.Text.Encoding.UTF8.GetBytes(text));
        ProduceWaiting(producer, new TopicPartition(topic, partition), new Message<string?, string> { Value = value, Headers = list });
        if (producer.Flush(TimeSpan.FromSeconds(30)) != 0) throw new TimeoutException("produce did not finish");
        long size = Utf8(value);
        foreach (var (key, text) in headers) size += Utf8(key) + Utf8(text);
        EnsureNothingDropped(topic, new Dictionary<int, long> { [partition] = size });
    }

    /// <summary>Produces plain records whose value may be null (a tombstone, for upsert-kafka), each to the given partition.</summary>
    public void ProduceUpserts(string topic, IEnumerable<(int Partition, string Key, string? Value)> records)
    {
        using var producer = new ProducerBuilder<string, string?>(new ProducerConfig { BootstrapServers = BootstrapServers }).Build();
        var sizes = new Dictionary<int, long>();
        foreach (var (partition, key, value) in records)
        {
            ProduceWaiting(producer, new TopicPartition(topic, partition), new Message<string, string?> { Key = key, Value = value });
            Count(sizes, partition, Utf8(key) + Utf8(value));
        }
        if (producer.Flush(TimeSpan.FromSeconds(30)) != 0) throw new TimeoutException("produce did not finish");
        EnsureNothingDropped(topic, sizes);
    }

    /// <summary>Produces plain records of bytes (a binary format such as Confluent's Avro), each to the given partition.</summary>
    public void ProduceBytes(string topic, IEnumerable<(int Partition, byte[]? Key, byte[]? Value)> records)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = BootstrapServers }).Build();
        var sizes = new Dictionary<int, long>();
        foreach (var (partition, key, value) in records)
        {
            ProduceWaiting(producer, new TopicPartition(topic, partition), new Message<byte[]?, byte[]?> { Key = key, Value = value });
            Count(sizes, partition, (key?.Length ?? 0) + (value?.Length ?? 0));
        }
        if (producer.Flush(TimeSpan.FromSeconds(30)) != 0) throw new TimeoutException("produce did not finish");
        EnsureNothingDropped(topic, sizes);
    }

    /// <summary>Enqueues one record; when the client's local queue is full (100,000 messages by default, reached on a busy
    /// machine while the mock broker lags behind) it waits for deliveries instead of failing.</summary>
    private static void ProduceWaiting<TKey, TValue>(IProducer<TKey, TValue> producer, TopicPartition partition, Message<TKey, TValue> message)
    {
        while (true)
        {
            try
            {
                producer.Produce(partition, message);
                return;
            }
            catch (ProduceException<TKey, TValue> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    /// <summary>The whole log of a partition as stored, transaction markers included (from offset 0: a log the mock
    /// trimmed throws <see cref="MockLogTrimmedException"/>, whoever wrote it).</summary>
    public PartitionLog ReadLog(string topic, int partition)
    {
        EnsureNothingDropped(topic, partition, "");
        return RawLogReader.Read(BootstrapServers, topic, partition);
    }

    /// <summary>The partition's log start (low watermark) and end (high watermark) as the mock reports them.</summary>
    public (long Low, long High) Watermarks(string topic, int partition)
    {
        lock (_guardLock)
        {
            _watermarks ??= new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = BootstrapServers, GroupId = "mock-cluster-guard" }).Build();
            var offsets = _watermarks.QueryWatermarkOffsets(new TopicPartition(topic, partition), TimeSpan.FromSeconds(30));
            return (offsets.Low.Value, offsets.High.Value);
        }
    }

    private void EnsureNothingDropped(string topic, Dictionary<int, long> producedNow)
    {
        foreach (var (partition, bytes) in producedNow)
        {
            long total;
            lock (_guardLock)
                _producedBytes[(topic, partition)] = total = _producedBytes.GetValueOrDefault((topic, partition)) + bytes;
            EnsureNothingDropped(topic, partition, $"This fixture produced {total:N0} bytes of keys, values and headers to it. ");
        }
    }

    private void EnsureNothingDropped(string topic, int partition, string detail)
    {
        var (low, _) = Watermarks(topic, partition);
        if (low > 0) throw new MockLogTrimmedException(topic, partition, low, detail);
    }

    private static void Count(Dictionary<int, long> sizes, int partition, long bytes) =>
        sizes[partition] = sizes.GetValueOrDefault(partition) + bytes;

    private static long Utf8(string? text) => text is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(text);

    /// <summary>The values of the records of every partition that are committed (decided from the control records).</summary>
    public List<string> CommittedValues(string topic, int partitions)
    {
        var values = new List<string>();
        for (int p = 0; p < partitions; p++)
            foreach (var r in ReadLog(topic, p).Committed()) values.Add(r.ValueText ?? "");
        return values;
    }

    private static IntPtr RawHandle(IClient client)
    {
        // Confluent.Kafka keeps librdkafka's rd_kafka_t in an internal SafeHandle.
        var property = client.Handle.GetType().GetProperty("LibrdkafkaHandle",
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
            ?? throw new InvalidOperationException("Confluent.Kafka's Handle has no LibrdkafkaHandle");
        return ((SafeHandle)property.GetValue(client.Handle)!).DangerousGetHandle();
    }

    public void Dispose()
    {
        _watermarks?.Dispose();
        _owner.Dispose();
    }

    /// <summary>The mock functions of the librdkafka Confluent.Kafka loaded (which may be its centos8 build: the default
    /// one needs libsasl2, absent here), found through the process's loaded modules.</summary>
    private sealed class MockApi
    {
        public static readonly MockApi Instance = new();

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        public delegate IntPtr HandleMockClusterFn(IntPtr rk);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        public delegate IntPtr ClusterBootstrapsFn(IntPtr mcluster);
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        public delegate int TopicCreateFn(IntPtr mcluster, [MarshalAs(UnmanagedType.LPStr)] string topic, int partitions, int replication);

        public readonly HandleMockClusterFn HandleMockCluster;
        public readonly ClusterBootstrapsFn ClusterBootstraps;
        public readonly TopicCreateFn TopicCreate;

        private MockApi()
        {
            Library.Load(); // makes Confluent.Kafka load its native library
            var path = File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length >= 6 && f[5].Contains("librdkafka", StringComparison.Ordinal)).Select(f => f[5]).FirstOrDefault()
                ?? throw new InvalidOperationException("librdkafka is not loaded");
            var lib = NativeLibrary.Load(path);
            HandleMockCluster = Marshal.GetDelegateForFunctionPointer<HandleMockClusterFn>(NativeLibrary.GetExport(lib, "rd_kafka_handle_mock_cluster"));
            ClusterBootstraps = Marshal.GetDelegateForFunctionPointer<ClusterBootstrapsFn>(NativeLibrary.GetExport(lib, "rd_kafka_mock_cluster_bootstraps"));
            TopicCreate = Marshal.GetDelegateForFunctionPointer<TopicCreateFn>(NativeLibrary.GetExport(lib, "rd_kafka_mock_topic_create"));
        }
    }
}
