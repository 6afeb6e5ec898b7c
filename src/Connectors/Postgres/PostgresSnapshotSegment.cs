namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Part of a snapshot: the rows whose key is above <see cref="LowerKey"/> (from the start when null) and at most
/// <see cref="UpperKey"/> (to the end when null), read under a snapshot that holds exactly the transactions committed
/// before <see cref="Lsn"/>. Key values are PostgreSQL's text forms, in key column order. The segments of a snapshot do
/// not overlap; until it is read to the end they need not meet (readers of different chunks leave gaps between them).
/// </summary>
internal sealed record PostgresSnapshotSegment(ulong Lsn, IReadOnlyList<string>? LowerKey, IReadOnlyList<string>? UpperKey)
{
    public bool Equals(PostgresSnapshotSegment? other) =>
        other is not null && Lsn == other.Lsn && Same(LowerKey, other.LowerKey) && Same(UpperKey, other.UpperKey);

    private static bool Same(IReadOnlyList<string>? a, IReadOnlyList<string>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);

    public override int GetHashCode() => HashCode.Combine(Lsn, LowerKey?.Count ?? -1, UpperKey?.Count ?? -1);
}
