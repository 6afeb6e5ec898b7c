namespace StreamSql.Connectors.Kafka;

/// <summary>A partition a source subtask reads: the next offset to read and, when bounded, the offset it stops before.</summary>
internal sealed class KafkaPartitionState(string topic, int partition, long next, long? stop)
{
    public string Topic { get; } = topic;
    public int Partition { get; } = partition;
    /// <summary>The partition's split id, as Flink's KafkaPartitionSplit names it (<c>topic-partition</c>): the key of its
    /// watermark in checkpoints.</summary>
    public string SplitId { get; } = topic + "-" + partition.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public long Next { get; set; } = next;
    public long? Stop { get; } = stop;
    public bool Finished => Stop is { } s && Next >= s;
}
