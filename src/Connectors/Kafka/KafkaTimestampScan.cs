using Confluent.Kafka;

namespace StreamSql.Connectors.Kafka;

/// <summary>
/// The first offset of a partition whose record timestamp is at or after a time, found by reading the partition, for a
/// broker that answers no timestamp lookup (ListOffsets by time gives -1 even for a time before every record, as
/// librdkafka's mock cluster does). A broker that answers it is trusted; this runs only when it cannot.
/// </summary>
internal static class KafkaTimestampScan
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Whether the broker's -1 for <paramref name="tp"/> means "no lookup" rather than "no record that late".</summary>
    public static bool BrokerCannotLookUp(IConsumer<byte[]?, byte[]?> consumer, TopicPartition tp, TimeSpan timeout) =>
        consumer.OffsetsForTimes(new[] { new TopicPartitionTimestamp(tp, new Timestamp(0, TimestampType.CreateTime)) }, timeout)[0].Offset.Value < 0;

    /// <summary>Reads [<paramref name="low"/>, <paramref name="high"/>) and returns the first offset at or after <paramref name="millis"/>, else <paramref name="high"/>.</summary>
    public static long FirstAtOrAfter(ConsumerConfig baseConfig, TopicPartition tp, long millis, long low, long high, TimeSpan timeout)
    {
        var config = new ConsumerConfig(new Dictionary<string, string>(baseConfig)) { EnableAutoCommit = false, EnablePartitionEof = true };
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetKeyDeserializer(Deserializers.ByteArray).SetValueDeserializer(Deserializers.ByteArray).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(new TopicPartitionOffset(tp, low));
        var deadline = DateTime.UtcNow + timeout;
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                var result = consumer.Consume(PollTimeout);
                if (result is null) continue;
                if (result.IsPartitionEOF) return high;
                if (result.Offset.Value >= high) return high;
                if (result.Message.Timestamp.Type != TimestampType.NotAvailable && result.Message.Timestamp.UnixTimestampMs >= millis)
                    return result.Offset.Value;
            }
        }
        finally
        {
            consumer.Close();
        }
        throw new TimeoutException($"could not read {tp.Topic}[{tp.Partition.Value}] to find the first record at or after timestamp {millis} within {timeout.TotalSeconds:0} s");
    }
}
