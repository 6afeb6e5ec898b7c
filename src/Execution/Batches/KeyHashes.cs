namespace StreamSql.Execution.Batches;

/// <summary>
/// The key hashes a hash exchange computed for a batch's rows (<see cref="Runtime.KeyGroups.HashKeys"/> over
/// <see cref="Columns"/>; <see cref="Values"/>[i] is row i's), passed along with the rows so that the keyed operator
/// receiving them assigns key groups without hashing the keys again.
/// </summary>
public sealed record KeyHashes(int[] Values, IReadOnlyList<int> Columns)
{
    /// <summary>Whether these are the hashes of exactly <paramref name="keyColumns"/>.</summary>
    public bool Of(IReadOnlyList<int> keyColumns) => ReferenceEquals(Columns, keyColumns) || Columns.SequenceEqual(keyColumns);
}
