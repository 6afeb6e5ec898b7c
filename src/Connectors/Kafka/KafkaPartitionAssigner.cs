namespace StreamSql.Connectors.Kafka;

/// <summary>
/// Which subtask reads a partition: Flink's KafkaSourceEnumerator rule, <c>((hash(topic) * 31 &amp; 0x7FFFFFFF) + partition) mod n</c>
/// with Java's String.hashCode, so the partitions of a topic spread round-robin from a topic-dependent start. It depends on
/// nothing but the partition and the parallelism: subtasks agree without talking, and a rescale hands each partition to
/// exactly one new subtask.
/// </summary>
internal static class KafkaPartitionAssigner
{
    public static int SubtaskOf(string topic, int partition, int parallelism)
    {
        int start = ((JavaHash(topic) * 31) & 0x7FFFFFFF) % parallelism;
        return (start + partition) % parallelism;
    }

    private static int JavaHash(string s)
    {
        int h = 0;
        foreach (char c in s) h = unchecked(31 * h + c);
        return h;
    }
}
