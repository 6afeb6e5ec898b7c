using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Runtime;

/// <summary>
/// Key groups, as Flink assigns them: a row's key hash (<see cref="ColumnHasher"/>, folded over the key columns in order
/// with <c>h = 31 * h + hash(column)</c> from 0) is scrambled with Flink's <c>MathUtils.murmurHash</c>, then
/// <c>keyGroup = murmur(h) mod maxParallelism</c>, and key group g belongs to subtask <c>g * parallelism / maxParallelism</c>
/// (each subtask owns a contiguous range, so keyed state can be rescaled).
/// </summary>
public static class KeyGroups
{
    /// <summary>Flink's <c>MathUtils.murmurHash(int)</c>: one MurmurHash3 round on the 4-byte code, made non-negative.</summary>
    public static int Murmur(int code)
    {
        uint k = (uint)code;
        k *= 0xcc9e2d51; k = System.Numerics.BitOperations.RotateLeft(k, 15); k *= 0x1b873593;
        k = System.Numerics.BitOperations.RotateLeft(k, 13);
        k = k * 5 + 0xe6546b64;
        k ^= 4;
        int h = (int)ColumnHasher.FMix(k);
        if (h >= 0) return h;
        return h != int.MinValue ? -h : 0;
    }

    /// <summary>Flink's <c>KeyGroupRangeAssignment.computeKeyGroupForKeyHash</c>. The murmur hash is non-negative, so for a
    /// power-of-two max parallelism (the default 128) the remainder is a mask: an integer division here was a noticeable
    /// share of inserting a new group and of the hash exchange's per-row routing.</summary>
    public static int KeyGroupOf(int keyHash, int maxParallelism)
    {
        int h = Murmur(keyHash);
        return (maxParallelism & (maxParallelism - 1)) == 0 ? h & (maxParallelism - 1) : h % maxParallelism;
    }

    public static int SubtaskOf(int keyGroup, int parallelism, int maxParallelism) => keyGroup * parallelism / maxParallelism;

    /// <summary>The key hash of every row of <paramref name="batch"/> over <paramref name="keyColumns"/>, column at a time.</summary>
    public static void HashKeys(Apache.Arrow.RecordBatch batch, IReadOnlyList<int> keyColumns, Span<int> hashes)
    {
        hashes.Slice(0, batch.Length).Clear();
        for (int k = 0; k < keyColumns.Count; k++)
            ColumnHasher.Accumulate(batch.Column(keyColumns[k]), hashes.Slice(0, batch.Length));
    }
}
