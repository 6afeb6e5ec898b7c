namespace StreamSql.Connectors.Kafka.Log;

/// <summary>A fetch of a partition's raw log answered with a Kafka error code (1: the offset is out of range).</summary>
internal sealed class KafkaLogFetchException(string topic, int partition, long offset, short errorCode)
    : Exception($"a fetch of {topic}[{partition}] at offset {offset} failed with Kafka error {errorCode}")
{
    public const short OffsetOutOfRange = 1;
    public short ErrorCode { get; } = errorCode;
}
