using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.State;

namespace StreamSql.Execution.Tests.State;

public sealed class KeySerializerTests
{
    private static RecordBatch Batch(params IArrowArray[] columns)
    {
        var schema = new Schema.Builder();
        for (int i = 0; i < columns.Length; i++)
        {
            int index = i;
            schema.Field(f => f.Name("c" + index).DataType(columns[index].Data.DataType).Nullable(true));
        }
        return new RecordBatch(schema.Build(), columns, columns[0].Length);
    }

    private static string[] Encoded(RecordBatch batch, params int[] keyColumns)
    {
        var serializer = new KeySerializer(keyColumns);
        var result = new string[batch.Length];
        for (int i = 0; i < batch.Length; i++) result[i] = Convert.ToHexString(serializer.Serialize(batch, i));
        return result;
    }

    [Fact]
    public void Equal_values_encode_equally_and_different_values_differently()
    {
        var batch = Batch(
            new Int64Array.Builder().Append(1).Append(1).AppendNull().Append(0).Append(-1).Append(300).Build(),
            new StringArray.Builder().Append("a").Append("a").Append("a").Append("a").Append("").AppendNull().Build());
        var keys = Encoded(batch, 0, 1);
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(6, keys.Skip(1).Distinct().Count() + 1);
        Assert.Equal("01" + "02" + "01" + "01" + "61", keys[0]);   // present, zig-zag 1 = 02; present, length 1, 'a'
        Assert.Equal("00" + "01" + "01" + "61", keys[2]);          // NULL, then 'a'
        Assert.Equal("01" + "D804" + "00", keys[5]);               // 300 zig-zag = 600 as a varint; NULL
    }

    [Fact]
    public void Keys_of_nanosecond_timestamps_and_38_digit_decimals_keep_every_digit()
    {
        // TIMESTAMP(9) values one nanosecond apart, and DECIMAL(38, 0) values that differ only in the last of 38 digits.
        long[] nanos = { 1_618_344_731_123_456_789, 1_618_344_731_123_456_788, 1_618_344_731_123_456_789 };
        var timestamps = new TimestampArray(new ArrayData(new TimestampType(TimeUnit.Nanosecond, (string?)null), 3, 0, 0,
            new[] { ArrowBuffer.Empty, new ArrowBuffer(System.Runtime.InteropServices.MemoryMarshal.AsBytes(nanos.AsSpan()).ToArray()) }));
        var big = Int128.Parse("12345678901234567890123456789012345678");
        Int128[] unscaled = { big, big - 1, big };
        var decimals = new Decimal128Array(new ArrayData(new Decimal128Type(38, 0), 3, 0, 0,
            new[] { ArrowBuffer.Empty, new ArrowBuffer(System.Runtime.InteropServices.MemoryMarshal.AsBytes(unscaled.AsSpan()).ToArray()) }));
        var batch = Batch(timestamps, decimals);
        foreach (var column in new[] { 0, 1 })
        {
            var keys = Encoded(batch, column);
            Assert.NotEqual(keys[0], keys[1]);
            Assert.Equal(keys[0], keys[2]);
        }
        var hashes = new int[3];
        KeyGroups.HashKeys(batch, new[] { 0 }, hashes);
        Assert.NotEqual(hashes[0], hashes[1]);
        Assert.Equal(hashes[0], hashes[2]);
    }

    [Fact]
    public void Negative_zero_and_nan_payloads_are_canonical()
    {
        var batch = Batch(new DoubleArray.Builder().Append(0.0).Append(-0.0).Append(double.NaN)
            .Append(BitConverter.Int64BitsToDouble(0x7ff8000000000001)).Append(1.5).Build());
        var keys = Encoded(batch, 0);
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(keys[2], keys[3]);
        Assert.NotEqual(keys[0], keys[4]);
    }

    [Fact]
    public void Sliced_columns_and_a_reused_buffer_give_the_same_keys()
    {
        var column = new Int32Array.Builder().Append(5).Append(6).Append(7).Build();
        var whole = Encoded(Batch(column), 0);
        var sliced = Encoded(Batch((Int32Array)column.Slice(1, 2)), 0);
        Assert.Equal(whole[1..], sliced);
    }

    [Fact]
    public void A_batch_serializes_each_row_as_its_row_key()
    {
        // Integer columns without NULLs take the one-pass path, a column with NULLs or of another kind the general one:
        // both must give every row the bytes Serialize gives it.
        long[] extremes = [0, -1, 1, 63, -64, 64, 8191, -8192, long.MinValue, long.MaxValue, 1L << 40, -(1L << 40)];
        var longs = new Int64Array.Builder().AppendRange(extremes).Build();
        var ints = new Int32Array.Builder().AppendRange(extremes.Select(v => (int)v)).Build();
        var bytes = new Int8Array.Builder().AppendRange(extremes.Select(v => (sbyte)v)).Build();
        var dates = new Date32Array.Builder().AppendRange(extremes.Select(v => DateTime.UnixEpoch.AddDays(v % 10000))).Build();
        var times = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, (string?)null))
            .AppendRange(extremes.Select(v => DateTimeOffset.UnixEpoch.AddTicks(v % (1L << 50)))).Build();
        var withNulls = new Int64Array.Builder().Append(5).AppendNull().AppendRange(extremes.Skip(2)).Build();
        var strings = new StringArray.Builder().AppendRange(extremes.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))).Build();
        var batch = Batch(longs, ints, bytes, dates, times, withNulls, strings, (Int64Array)longs.Slice(0, longs.Length));
        int[][] keySets = [[0], [0, 1, 2, 3, 4], [4, 0], [7, 1], [0, 5], [6, 0], [5]];
        foreach (var keyColumns in keySets)
        {
            var keys = new SerializedKeys();
            new KeySerializer(keyColumns).SerializeBatch(batch, keys);
            var rows = Enumerable.Range(0, batch.Length).Select(i => Convert.ToHexString(keys[i])).ToArray();
            Assert.Equal(Encoded(batch, keyColumns), rows);
        }
        var sliced = Batch((Int64Array)longs.Slice(3, 6), (Int32Array)ints.Slice(3, 6));
        var slicedKeys = new SerializedKeys();
        new KeySerializer([0, 1]).SerializeBatch(sliced, slicedKeys);
        Assert.Equal(Encoded(sliced, 0, 1), Enumerable.Range(0, 6).Select(i => Convert.ToHexString(slicedKeys[i])).ToArray());
    }

    [Fact]
    public void Key_groups_follow_the_exchange_assignment()
    {
        var batch = Batch(new Int64Array.Builder().Append(0).Append(1).Append(42).Build(), new BooleanArray.Builder().Append(true).Append(false).Append(true).Build());
        var groups = new int[3];
        new KeySerializer(new[] { 0 }).ComputeKeyGroups(batch, 128, groups);
        Assert.Equal(new[] { 94, 86, 29 }, groups);   // the fixed groups of KeyGroupTests
        var hashes = new int[3];
        KeyGroups.HashKeys(batch, new[] { 0, 1 }, hashes);
        new KeySerializer(new[] { 0, 1 }).ComputeKeyGroups(batch, 128, groups);
        for (int i = 0; i < 3; i++) Assert.Equal(KeyGroups.KeyGroupOf(hashes[i], 128), groups[i]);
    }

    [Fact]
    public void Key_group_ranges_are_the_inverse_of_the_subtask_assignment()
    {
        foreach (var parallelism in new[] { 1, 2, 3, 7, 128 })
        for (int g = 0; g < 128; g++)
        {
            int owner = KeyGroups.SubtaskOf(g, parallelism, 128);
            for (int s = 0; s < parallelism; s++)
                Assert.Equal(s == owner, KeyGroupRange.ForSubtask(s, parallelism, 128).Contains(g));
        }
        Assert.Equal(new KeyGroupRange(43, 85), KeyGroupRange.ForSubtask(1, 3, 128));
    }
}
