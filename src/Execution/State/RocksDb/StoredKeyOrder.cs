namespace StreamSql.Execution.State.RocksDb;

/// <summary>
/// The order of a batch of stored keys (packed in one buffer, key <c>i</c> at <c>offsets[i] .. offsets[i + 1]</c>) in
/// RocksDB's bytewise order, so that a multi-get reads and a write batch inserts them in key order (RocksDB's sorted
/// multi-get walks each block once; memtable inserts in key order stay near the last one). Equal keys keep their batch
/// order, so a delete followed by a put of the same key is applied in that order. The order array is reused.
/// </summary>
internal sealed class StoredKeyOrder
{
    private int[] _order = new int[64];

    /// <summary>Indexes 0 .. <paramref name="count"/> - 1 sorted by their keys (valid until the next call).</summary>
    public ReadOnlySpan<int> Sort(byte[] keys, int[] offsets, int count)
    {
        if (_order.Length < count) _order = new int[Math.Max(count, _order.Length * 2)];
        var order = _order.AsSpan(0, count);
        for (int i = 0; i < count; i++) order[i] = i;
        bool sorted = true;
        for (int i = 1; i < count && sorted; i++) sorted = new KeyComparer(keys, offsets).Compare(i - 1, i) <= 0;
        if (!sorted) order.Sort(new KeyComparer(keys, offsets));
        return order;
    }

    private readonly struct KeyComparer(byte[] keys, int[] offsets) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            int c = keys.AsSpan(offsets[x], offsets[x + 1] - offsets[x]).SequenceCompareTo(keys.AsSpan(offsets[y], offsets[y + 1] - offsets[y]));
            return c != 0 ? c : x.CompareTo(y);
        }
    }
}
