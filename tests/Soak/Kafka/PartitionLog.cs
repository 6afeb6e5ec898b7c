using System.Text;

namespace StreamSql.Soak.Kafka;

/// <summary>One record as stored in a partition's log, with the transaction facts of its batch.</summary>
public sealed record LogRecord(long Offset, long ProducerId, bool Transactional, byte[]? Key, byte[]? Value,
    IReadOnlyList<(string Key, byte[]? Value)> Headers, long TimestampMs)
{
    public string? ValueText => Value is null ? null : Encoding.UTF8.GetString(Value);
    public string? KeyText => Key is null ? null : Encoding.UTF8.GetString(Key);
}

/// <summary>A transaction marker (control record): the end of a producer's transaction in this partition.</summary>
public sealed record ControlMarker(long Offset, long ProducerId, bool Commit);

/// <summary>
/// A partition's log as the broker stores it: data records and the commit/abort markers that end transactions. Which
/// records a read_committed reader may see is decided here from the markers, never from a consumer's view (the mock
/// cluster does not filter aborted transactions for read_committed).
/// </summary>
public sealed record PartitionLog(string Topic, int Partition, IReadOnlyList<LogRecord> Records, IReadOnlyList<ControlMarker> Markers, long HighWatermark)
{
    /// <summary>The records a read_committed reader sees: non-transactional ones, and transactional ones whose producer's
    /// next marker in this partition is a commit. Records of a transaction still open (no marker yet) are not visible.</summary>
    public List<LogRecord> Committed() => Outcome(commit: true);

    /// <summary>What a failed round prints of a topic's partitions: records, committed, aborted and open ones, markers.</summary>
    public static string Listing(IEnumerable<PartitionLog> logs)
    {
        var text = new StringBuilder("output log:");
        foreach (var log in logs)
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $" [partition {log.Partition}: {log.Records.Count} records, {log.Committed().Count} committed, {log.Aborted().Count} aborted, "
                + $"{log.Open().Count} in open transactions, {log.Markers.Count(m => m.Commit)} commit and {log.Markers.Count(m => !m.Commit)} abort markers]");
        return text.ToString();
    }

    /// <summary>Transactional records whose transaction was aborted.</summary>
    public List<LogRecord> Aborted() => Outcome(commit: false);

    /// <summary>Transactional records with no marker after them (their transaction is open).</summary>
    public List<LogRecord> Open()
    {
        var open = new List<LogRecord>();
        foreach (var r in Records)
            if (r.Transactional && NextMarker(r) is null) open.Add(r);
        return open;
    }

    private List<LogRecord> Outcome(bool commit)
    {
        var result = new List<LogRecord>();
        foreach (var r in Records)
        {
            if (!r.Transactional)
            {
                if (commit) result.Add(r);
                continue;
            }
            if (NextMarker(r) is { } marker && marker.Commit == commit) result.Add(r);
        }
        return result;
    }

    private ControlMarker? NextMarker(LogRecord record)
    {
        foreach (var m in Markers)
            if (m.ProducerId == record.ProducerId && m.Offset > record.Offset) return m;
        return null;
    }
}
