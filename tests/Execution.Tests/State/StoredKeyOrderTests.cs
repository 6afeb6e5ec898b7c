using StreamSql.Execution.State.RocksDb;

namespace StreamSql.Execution.Tests.State;

public sealed class StoredKeyOrderTests
{
    [Fact]
    public void Random_keys_come_out_in_bytewise_order_with_equal_keys_in_batch_order()
    {
        var random = new Random(11);
        var order = new StoredKeyOrder();
        for (int round = 0; round < 50; round++)
        {
            int count = random.Next(0, 300);
            var keys = new List<byte[]>();
            for (int i = 0; i < count; i++)
            {
                // Keys over few byte values, so prefixes, duplicates, zero padding and lengths around the 16 bytes compared
                // as integers decide many comparisons.
                var key = new byte[random.Next(2) == 0 ? random.Next(0, 5) : random.Next(14, 20)];
                for (int b = 0; b < key.Length; b++) key[b] = (byte)(random.Next(3) * 127);
                keys.Add(key);
            }
            var (packed, offsets) = Pack(keys);
            var sorted = order.Sort(packed, offsets, count).ToArray();

            var expected = Enumerable.Range(0, count).ToArray();
            Array.Sort(expected, (x, y) =>
            {
                int c = keys[x].AsSpan().SequenceCompareTo(keys[y]);
                return c != 0 ? c : x.CompareTo(y);
            });
            Assert.Equal(expected, sorted);
        }
    }

    [Fact]
    public void Sorted_input_keeps_its_order_and_the_buffer_is_reused()
    {
        var order = new StoredKeyOrder();
        var keys = Enumerable.Range(0, 100).Select(i => new[] { (byte)(i / 10), (byte)(i % 10) }).ToList();
        var (packed, offsets) = Pack(keys);
        Assert.Equal(Enumerable.Range(0, 100), order.Sort(packed, offsets, 100).ToArray());
        keys.Reverse();
        (packed, offsets) = Pack(keys);
        Assert.Equal(Enumerable.Range(0, 100).Reverse(), order.Sort(packed, offsets, 100).ToArray());
        Assert.Equal(new[] { 1, 0 }, order.Sort(packed, offsets, 2).ToArray());
    }

    private static (byte[] Packed, int[] Offsets) Pack(List<byte[]> keys)
    {
        var offsets = new int[keys.Count + 1];
        var packed = new byte[keys.Sum(k => k.Length)];
        int pos = 0;
        for (int i = 0; i < keys.Count; i++)
        {
            offsets[i] = pos;
            keys[i].CopyTo(packed, pos);
            pos += keys[i].Length;
        }
        offsets[keys.Count] = pos;
        return (packed, offsets);
    }
}
