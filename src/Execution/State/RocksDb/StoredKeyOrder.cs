using System.Buffers.Binary;

namespace StreamSql.Execution.State.RocksDb;

/// <summary>
/// The order of a batch of stored keys (packed in one buffer, key <c>i</c> at <c>offsets[i] .. offsets[i + 1]</c>) in
/// RocksDB's bytewise order, so that a multi-get reads and a write batch inserts them in key order (RocksDB's sorted
/// multi-get walks each block once; memtable inserts in key order stay near the last one). Equal keys keep their batch
/// order, so a delete followed by a put of the same key is applied in that order. Keys are compared by their first 16
/// bytes as two big-endian integers (a group table's stored key of a BIGINT is shorter), the rest only on a tie. The
/// buffers are reused.
/// </summary>
internal sealed class StoredKeyOrder
{
    private Entry[] _entries = new Entry[64];
    private int[] _order = new int[64];

    /// <summary>Indexes 0 .. <paramref name="count"/> - 1 sorted by their keys (valid until the next call).</summary>
    public ReadOnlySpan<int> Sort(byte[] keys, int[] offsets, int count)
    {
        if (_order.Length < count)
        {
            _order = new int[Math.Max(count, _order.Length * 2)];
            _entries = new Entry[_order.Length];
        }
        var entries = _entries.AsSpan(0, count);
        Span<byte> padded = stackalloc byte[16];
        bool sorted = true;
        for (int i = 0; i < count; i++)
        {
            var key = keys.AsSpan(offsets[i], offsets[i + 1] - offsets[i]);
            ulong high, low;
            if (key.Length >= 16)
            {
                high = BinaryPrimitives.ReadUInt64BigEndian(key);
                low = BinaryPrimitives.ReadUInt64BigEndian(key[8..]);
            }
            else
            {
                padded.Clear();
                key.CopyTo(padded);
                high = BinaryPrimitives.ReadUInt64BigEndian(padded);
                low = BinaryPrimitives.ReadUInt64BigEndian(padded[8..]);
            }
            entries[i] = new Entry(high, low, i);
            if (sorted && i > 0) sorted = new EntryComparer(keys, offsets).Compare(entries[i - 1], entries[i]) <= 0;
        }
        if (!sorted) entries.Sort(new EntryComparer(keys, offsets));
        var order = _order.AsSpan(0, count);
        for (int i = 0; i < count; i++) order[i] = entries[i].Index;
        return order;
    }

    private readonly record struct Entry(ulong High, ulong Low, int Index);

    private readonly struct EntryComparer(byte[] keys, int[] offsets) : IComparer<Entry>
    {
        public int Compare(Entry x, Entry y)
        {
            if (x.High != y.High) return x.High < y.High ? -1 : 1;
            if (x.Low != y.Low) return x.Low < y.Low ? -1 : 1;
            if (x.Index == y.Index) return 0;
            int xLength = offsets[x.Index + 1] - offsets[x.Index], yLength = offsets[y.Index + 1] - offsets[y.Index];
            // Equal first 16 bytes (zero-padded): only longer keys, or keys of different lengths, can still differ.
            if (xLength > 16 || yLength > 16 || xLength != yLength)
            {
                int c = keys.AsSpan(offsets[x.Index], xLength).SequenceCompareTo(keys.AsSpan(offsets[y.Index], yLength));
                if (c != 0) return c;
            }
            return x.Index.CompareTo(y.Index);
        }
    }
}
