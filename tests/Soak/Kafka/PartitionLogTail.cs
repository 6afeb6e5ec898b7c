namespace StreamSql.Soak.Kafka;

/// <summary>
/// A partition's log read as it grows: each <see cref="Read"/> fetches only what was appended since the last one (from the
/// partition's leader, looked up once), so a harness can look at a long log often.
/// </summary>
public sealed class PartitionLogTail(string bootstrapServers, string topic, int partition)
{
    private readonly List<LogRecord> _records = new();
    private readonly List<ControlMarker> _markers = new();
    private (string Host, int Port)? _leader;
    private long _next;

    /// <summary>The whole log so far.</summary>
    public PartitionLog Read()
    {
        var (host, port) = _leader ??= RawLogReader.Leader(bootstrapServers, topic, partition);
        var appended = RawLogReader.Read(host, port, topic, partition, _next);
        _records.AddRange(appended.Records);
        _markers.AddRange(appended.Markers);
        if (appended.Records.Count > 0) _next = Math.Max(_next, appended.Records[^1].Offset + 1);
        if (appended.Markers.Count > 0) _next = Math.Max(_next, appended.Markers[^1].Offset + 1);
        return new PartitionLog(topic, partition, _records.ToList(), _markers.ToList(), appended.HighWatermark);
    }
}
