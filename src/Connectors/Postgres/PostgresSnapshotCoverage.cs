namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Which changes a snapshot already holds, when it was read in segments under different snapshots (a snapshot cut short
/// by a failure continues under a new one). A segment holds the rows of its key range as of its LSN, so a change from the
/// stream to a row in that range is already in the output when its transaction committed before that LSN, and must be
/// emitted otherwise. A snapshot read in one go has one segment at the stream's start: it holds nothing the stream sends.
/// </summary>
internal sealed class PostgresSnapshotCoverage
{
    private readonly PostgresSnapshotKey _key;
    private readonly IReadOnlyList<PostgresSnapshotSegment> _segments;

    public PostgresSnapshotCoverage(PostgresSnapshotKey key, IReadOnlyList<PostgresSnapshotSegment> segments)
    {
        _key = key;
        _segments = segments;
        foreach (var segment in segments) Until = Math.Max(Until, segment.Lsn);
    }

    /// <summary>The LSN from which on the stream holds only changes no segment has.</summary>
    public ulong Until { get; }

    /// <summary>Whether the change to the row of <paramref name="rowKey"/> (text forms, key order), in the transaction whose
    /// commit record is at <paramref name="commitLsn"/>, is already in the snapshot's output.</summary>
    public bool Holds(IReadOnlyList<string> rowKey, ulong commitLsn)
    {
        if (commitLsn >= Until) return false;
        foreach (var segment in _segments)
            if ((segment.LowerKey is null || _key.Compare(rowKey, segment.LowerKey) > 0)
                && (segment.UpperKey is null || _key.Compare(rowKey, segment.UpperKey) <= 0))
                return commitLsn < segment.Lsn;
        return false;
    }
}
