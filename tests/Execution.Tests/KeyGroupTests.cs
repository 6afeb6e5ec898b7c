using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Runtime;

namespace StreamSql.Execution.Tests;

/// <summary>The expected key groups were computed outside this code base from the documented definition
/// (<see cref="ColumnHasher"/>, <see cref="KeyGroups"/>) with an independent MurmurHash3 implementation.</summary>
public sealed class KeyGroupTests
{
    private static int KeyGroupOf(params IArrowArray[] keyColumns)
    {
        var hashes = new int[keyColumns[0].Length];
        foreach (var column in keyColumns) ColumnHasher.Accumulate(column, hashes);
        return KeyGroups.KeyGroupOf(hashes[0], 128);
    }

    [Theory]
    [InlineData(0L, 94)]
    [InlineData(1L, 86)]
    [InlineData(42L, 29)]
    [InlineData(-7L, 18)]
    [InlineData(1099511627776L, 54)]
    public void Bigint_keys_have_fixed_key_groups(long key, int expectedGroup) =>
        Assert.Equal(expectedGroup, KeyGroupOf(new Int64Array.Builder().Append(key).Build()));

    [Theory]
    [InlineData("", 72, 142593372)]
    [InlineData("hello", 1, -488910111)]
    [InlineData("Flink SQL", 27, -1144136182)]
    [InlineData("äöü", 14, 436265742)]
    public void String_keys_hash_their_utf8_bytes_with_murmur3(string key, int expectedGroup, int expectedHash)
    {
        var column = new StringArray.Builder().Append(key).Build();
        var hashes = new int[1];
        ColumnHasher.Accumulate(column, hashes);
        Assert.Equal(expectedHash, hashes[0]);
        Assert.Equal(expectedGroup, KeyGroupOf(column));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(96)]
    [InlineData(100)]
    [InlineData(128)]
    [InlineData(32768)]
    public void Key_groups_are_the_murmur_hash_modulo_the_max_parallelism(int maxParallelism)
    {
        // A power of two takes a mask instead of the division: the same key groups either way.
        var random = new Random(maxParallelism);
        for (int i = 0; i < 10_000; i++)
        {
            int hash = i < 4 ? new[] { 0, -1, int.MinValue, int.MaxValue }[i] : random.Next(int.MinValue, int.MaxValue);
            Assert.Equal(KeyGroups.Murmur(hash) % maxParallelism, KeyGroups.KeyGroupOf(hash, maxParallelism));
        }
    }

    [Fact]
    public void Composite_null_and_boolean_keys_have_fixed_key_groups()
    {
        Assert.Equal(1, KeyGroupOf(new Int64Array.Builder().Append(42).Build(), new StringArray.Builder().Append("hello").Build()));
        Assert.Equal(94, KeyGroupOf(new Int64Array.Builder().AppendNull().Build()));
        Assert.Equal(77, KeyGroupOf(new BooleanArray.Builder().Append(true).Build()));
    }

    [Fact]
    public void Bigint_columns_of_any_length_and_offset_hash_as_long_hash_code_folded_per_column()
    {
        // Long columns are hashed eight rows at a time; every length (the tail row by row) and a slice must agree with the
        // definition row by row: h = 31 * h + (int)(v ^ (v >>> 32)) per key column.
        var random = new Random(3);
        for (int length = 0; length <= 41; length++)
        {
            long[] first = new long[length + 3], second = new long[length + 3];
            for (int i = 0; i < first.Length; i++)
            {
                first[i] = i % 7 == 0 ? long.MinValue + i : random.NextInt64(long.MinValue, long.MaxValue);
                second[i] = random.Next(3) == 0 ? -random.Next(100) : random.NextInt64();
            }
            var a = new Int64Array.Builder().AppendRange(first).Build().Slice(3, length);
            var b = new Int64Array.Builder().AppendRange(second).Build().Slice(3, length);
            var hashes = new int[length];
            ColumnHasher.Accumulate(a, hashes);
            ColumnHasher.Accumulate(b, hashes);
            for (int i = 0; i < length; i++)
            {
                long x = first[i + 3], y = second[i + 3];
                int expected = 31 * (int)(x ^ (long)((ulong)x >> 32)) + (int)(y ^ (long)((ulong)y >> 32));
                Assert.Equal(expected, hashes[i]);
            }
        }
    }

    [Fact]
    public void Equal_numbers_of_different_widths_and_sliced_arrays_hash_alike()
    {
        var ints = new Int32Array.Builder().Append(9).Append(5).Append(-3).Build();
        var longs = new Int64Array.Builder().Append(5).Append(-3).Build();
        var a = new int[2];
        var b = new int[2];
        ColumnHasher.Accumulate(ints.Slice(1, 2), a);
        ColumnHasher.Accumulate(longs, b);
        Assert.Equal(b, a);
    }

    [Fact]
    public void Key_groups_map_to_contiguous_subtask_ranges()
    {
        Assert.Equal(0, KeyGroups.SubtaskOf(42, 3, 128));
        Assert.Equal(1, KeyGroups.SubtaskOf(43, 3, 128));
        Assert.Equal(1, KeyGroups.SubtaskOf(85, 3, 128));
        Assert.Equal(2, KeyGroups.SubtaskOf(86, 3, 128));
        Assert.Equal(2, KeyGroups.SubtaskOf(127, 3, 128));
    }
}
