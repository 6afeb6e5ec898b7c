namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Part of a snapshot: the rows whose key is above the previous segment's <see cref="UpperKey"/> and at most this one's
/// (no upper bound when null), read under a snapshot that holds exactly the transactions committed before
/// <see cref="Lsn"/>. Key values are PostgreSQL's text forms, in key column order.
/// </summary>
internal sealed record PostgresSnapshotSegment(ulong Lsn, IReadOnlyList<string>? UpperKey)
{
    public bool Equals(PostgresSnapshotSegment? other) =>
        other is not null && Lsn == other.Lsn && (UpperKey is null ? other.UpperKey is null : other.UpperKey is not null && UpperKey.SequenceEqual(other.UpperKey));

    public override int GetHashCode() => HashCode.Combine(Lsn, UpperKey?.Count ?? -1);
}
