using Apache.Arrow;
using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Operators.Lookup;

/// <summary>
/// One input batch of a lookup join, from its arrival until its joined rows go out: each row's answer (from the cache when
/// the batch arrived; null for a row whose key is being fetched), the batch's distinct missing keys (<see cref="MissOf"/>
/// gives a row's), and the requests fetching them (<see cref="Fetch"/>, null when the cache answered every row).
/// </summary>
internal sealed class PendingLookup(Batch input, LookupRows?[] found, int[] missOf, Dictionary<byte[], int> misses, List<byte[]> missKeys,
    Task<RecordBatch[]>? fetch)
{
    public Batch Input { get; } = input;
    public LookupRows?[] Found { get; } = found;

    /// <summary>Per row: the index of its key in <see cref="MissKeys"/>, or -1 when <see cref="Found"/> already answers it.</summary>
    public int[] MissOf { get; } = missOf;

    /// <summary>Serialized missing key → its index in <see cref="MissKeys"/>.</summary>
    public Dictionary<byte[], int> Misses { get; } = misses;

    public List<byte[]> MissKeys { get; } = missKeys;
    public Task<RecordBatch[]>? Fetch { get; } = fetch;

    /// <summary>Its lookups are over (done or failed): it can be completed without waiting.</summary>
    public bool IsDone => Fetch is null || Fetch.IsCompleted;

    public bool HasFailed => Fetch is { IsFaulted: true } or { IsCanceled: true };
}
