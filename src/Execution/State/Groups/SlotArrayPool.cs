namespace StreamSql.Execution.State.Groups;

/// <summary>
/// Large slot arrays of hash indexes kept for reuse, process-wide. An index grows by doubling, and the first write to a
/// fresh array costs a page fault per 4 KiB page (most of a growing index's cost: docs/benchmarks.md, q8); an array an
/// index has outgrown, or a finished job's, serves the next index of its size after a clear instead. Only arrays of at
/// least <see cref="MinLength"/> slots are pooled, at most <see cref="MaxRetainedBytes"/> in all.
/// </summary>
internal static class SlotArrayPool
{
    public const int MinLength = 1 << 14;
    private const long MaxRetainedBytes = 64L << 20;
    private static readonly Stack<ulong[]>[] Buckets = CreateBuckets();
    private static readonly Lock Gate = new();
    private static long _retainedBytes;

    private static Stack<ulong[]>[] CreateBuckets()
    {
        var buckets = new Stack<ulong[]>[31];
        for (int i = 0; i < buckets.Length; i++) buckets[i] = new Stack<ulong[]>();
        return buckets;
    }

    /// <summary>A zeroed array of <paramref name="length"/> slots (a power of two).</summary>
    public static ulong[] Rent(int length)
    {
        if (length >= MinLength)
        {
            ulong[]? pooled = null;
            lock (Gate)
            {
                var bucket = Buckets[System.Numerics.BitOperations.Log2((uint)length)];
                if (bucket.Count > 0)
                {
                    pooled = bucket.Pop();
                    _retainedBytes -= pooled.Length * 8L;
                }
            }
            if (pooled is not null)
            {
                Array.Clear(pooled);
                return pooled;
            }
        }
        return new ulong[length];
    }

    /// <summary>Hands an array no index reads any more back for reuse (dropped when small or the pool is full).</summary>
    public static void Return(ulong[] slots)
    {
        if (slots.Length < MinLength || !System.Numerics.BitOperations.IsPow2(slots.Length)) return;
        lock (Gate)
        {
            if (_retainedBytes + slots.Length * 8L > MaxRetainedBytes) return;
            Buckets[System.Numerics.BitOperations.Log2((uint)slots.Length)].Push(slots);
            _retainedBytes += slots.Length * 8L;
        }
    }
}
