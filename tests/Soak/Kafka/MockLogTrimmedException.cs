namespace StreamSql.Soak.Kafka;

/// <summary>
/// A partition of librdkafka's mock cluster outgrew what the mock keeps (<see cref="MockKafkaCluster.MaxBytesPerPartition"/>
/// of record batches, at most <see cref="MockKafkaCluster.MaxBatchesPerPartition"/> batches) and the mock silently dropped
/// its oldest records: whatever the test checks next would see records "lost" that the engine never had a chance to read.
/// </summary>
public sealed class MockLogTrimmedException(string topic, int partition, long logStart, string detail)
    : Exception($"The mock Kafka cluster dropped the oldest records of {topic}[{partition}]{(logStart >= 0 ? $" (its log now starts at offset {logStart})" : "")}: "
        + $"librdkafka's mock keeps at most {MockKafkaCluster.MaxBytesPerPartition / (1024 * 1024)} MiB of record batches "
        + $"(and {MockKafkaCluster.MaxBatchesPerPartition:N0} batches) per partition. {detail}"
        + "Produce less per partition, or spread the records over more partitions.")
{
    public string Topic { get; } = topic;
    public int Partition { get; } = partition;
    /// <summary>The offset the log now starts at, or -1 when only a fetch below it told.</summary>
    public long LogStart { get; } = logStart;
}
