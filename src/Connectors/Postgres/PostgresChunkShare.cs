namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Which chunks of a snapshot one reader reads when several read it under the same exported snapshot: chunk
/// <c>n</c> (counted from the start of the table in key order, from 0) belongs to reader <c>n % Count</c>. Readers under
/// one snapshot find the same chunk bounds, so together they read every row once.
/// </summary>
internal sealed record PostgresChunkShare(int Index, int Count)
{
    /// <summary>One reader reads every chunk.</summary>
    public static PostgresChunkShare All { get; } = new(0, 1);

    public bool Owns(long chunk) => chunk % Count == Index;
}
