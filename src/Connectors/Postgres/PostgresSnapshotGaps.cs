namespace StreamSql.Connectors.Postgres;

/// <summary>
/// The parts of a table no segment of a snapshot has read yet: what a restore still has to read when the segments of
/// several readers (each with its share of the chunks) were checkpointed part way.
/// </summary>
internal static class PostgresSnapshotGaps
{
    /// <summary>The key ranges outside every segment of <paramref name="segments"/> (which must not overlap), in key order.</summary>
    public static IReadOnlyList<PostgresKeyRange> Of(PostgresSnapshotKey key, IReadOnlyList<PostgresSnapshotSegment> segments)
    {
        var ordered = segments.ToList();
        ordered.Sort((a, b) => a.LowerKey is null ? (b.LowerKey is null ? 0 : -1) : b.LowerKey is null ? 1 : key.Compare(a.LowerKey, b.LowerKey));
        var gaps = new List<PostgresKeyRange>();
        IReadOnlyList<string>? read = null; // the table is read up to here (from the start when null)
        bool started = false;
        foreach (var segment in ordered)
        {
            bool meets = segment.LowerKey is null ? !started : started && read is not null && key.Compare(read, segment.LowerKey) >= 0;
            if (!meets) gaps.Add(new PostgresKeyRange(started ? read : null, segment.LowerKey));
            started = true;
            read = segment.UpperKey;
            if (read is null) return gaps;
        }
        gaps.Add(new PostgresKeyRange(started ? read : null, null));
        return gaps;
    }
}
