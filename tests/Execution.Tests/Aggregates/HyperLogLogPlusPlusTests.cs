using System.Buffers.Binary;
using System.Numerics;
using StreamSql.Execution.Aggregates.HyperLogLog;

namespace StreamSql.Execution.Tests.Aggregates;

/// <summary>
/// The pieces of APPROX_COUNT_DISTINCT against what can be known without them: XXH64 against the xxHash spec's vectors and
/// Microsoft's implementation (System.IO.Hashing), the estimator against the properties Flink's HyperLogLogPlusPlusTest
/// asserts (empty is 0, merge of halves is the sketch of the whole, accuracy within 3 RSD, registers above 32), the
/// value encodings against Java's definitions.
/// </summary>
public sealed class HyperLogLogPlusPlusTests
{
    private static readonly double TrueRsd = 1.04 / Math.Sqrt(HyperLogLogPlusPlus.RegisterCount);

    [Fact]
    public void Xxh64_of_bytes_matches_the_spec_vectors_and_an_independent_implementation()
    {
        // The xxHash reference vectors (seed 0).
        Assert.Equal(unchecked((long)0xEF46DB3751D8E999UL), XxHash64.HashBytes([], 0));
        Assert.Equal(unchecked((long)0x44BC2CF5AD770999UL), XxHash64.HashBytes("abc"u8, 0));
        var random = new Random(5);
        // Every tail shape (0-7 bytes after the words, with and without the 32-byte stripes).
        for (int length = 0; length <= 100; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            long seed = length % 3 == 0 ? XxHash64.DefaultSeed : random.NextInt64(long.MinValue, long.MaxValue);
            Assert.Equal((long)System.IO.Hashing.XxHash64.HashToUInt64(bytes, seed), XxHash64.HashBytes(bytes, seed));
        }
    }

    [Fact]
    public void Xxh64_of_an_int_and_a_long_is_the_hash_of_their_little_endian_bytes()
    {
        var random = new Random(6);
        Span<byte> bytes = stackalloc byte[8];
        for (int i = 0; i < 1000; i++)
        {
            int value = i < 10 ? i - 5 : random.Next(int.MinValue, int.MaxValue);
            BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            Assert.Equal((long)System.IO.Hashing.XxHash64.HashToUInt64(bytes[..4], 42), XxHash64.HashInt(value));
            long wide = i < 10 ? value : random.NextInt64(long.MinValue, long.MaxValue);
            BinaryPrimitives.WriteInt64LittleEndian(bytes, wide);
            Assert.Equal((long)System.IO.Hashing.XxHash64.HashToUInt64(bytes, 42), XxHash64.HashLong(wide));
        }
    }

    [Fact]
    public void An_empty_sketch_estimates_zero()
    {
        Assert.Equal(0, HyperLogLogPlusPlus.Estimate(new long[HyperLogLogPlusPlus.WordCount]));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(500)]
    [InlineData(1000)]
    [InlineData(5000)]
    [InlineData(10000)]
    [InlineData(50000)]
    [InlineData(100000)]
    [InlineData(500000)]
    [InlineData(1000000)]
    public void Estimates_are_within_three_standard_deviations(int n)
    {
        // Flink's testDeterministicCardinalityEstimation: n rows of i / 10, so n / 10 distinct values.
        var words = new long[HyperLogLogPlusPlus.WordCount];
        for (int i = 0; i < n; i++) HyperLogLogPlusPlus.Add(words, XxHash64.HashInt(i / 10));
        double error = Math.Abs(HyperLogLogPlusPlus.Estimate(words) * 1.0 / (n / 10) - 1.0);
        Assert.True(error < TrueRsd * 3, $"relative error {error} for {n / 10} distinct values");
    }

    [Fact]
    public void Merging_two_halves_gives_the_sketch_of_the_whole()
    {
        var lower = new long[HyperLogLogPlusPlus.WordCount];
        var upper = new long[HyperLogLogPlusPlus.WordCount];
        var whole = new long[HyperLogLogPlusPlus.WordCount];
        for (int i = 0; i < 500_000; i++) HyperLogLogPlusPlus.Add(lower, XxHash64.HashInt(i));
        for (int i = 500_000; i < 1_000_000; i++) HyperLogLogPlusPlus.Add(upper, XxHash64.HashInt(i));
        for (int i = 999_999; i >= 0; i--) HyperLogLogPlusPlus.Add(whole, XxHash64.HashInt(i));
        for (int w = 0; w < lower.Length; w++) lower[w] = HyperLogLogPlusPlus.MergeWord(lower[w], upper[w]);
        Assert.Equal(whole, lower);
    }

    [Fact]
    public void Registers_of_32_and_more_weigh_with_a_long_shift()
    {
        // Flink's testQueryWithRegisterValuesAbove32: every register 35. The harmonic sum is 2^14 * 2^-35 = 2^-21 exactly,
        // no register is zero, and the raw estimate is far above 5 m, so the result is alpha m^2 * 2^21 rounded.
        var words = new long[HyperLogLogPlusPlus.WordCount];
        long word = 0;
        for (int r = 0; r < HyperLogLogPlusPlus.RegistersPerWord; r++) word |= 35L << (r * HyperLogLogPlusPlus.RegisterBits);
        Array.Fill(words, word);
        double m = HyperLogLogPlusPlus.RegisterCount;
        double expected = 0.7213 / (1.0 + 1.079 / m) * m * m / Math.Pow(2, -21);
        Assert.Equal((long)Math.Floor(expected + 0.5), HyperLogLogPlusPlus.Estimate(words));
        Assert.True(HyperLogLogPlusPlus.Estimate(words) > 1_000_000_000_000L);
    }

    [Fact]
    public void The_estimate_from_a_histogram_of_registers_is_the_register_order_one()
    {
        var words = new long[HyperLogLogPlusPlus.WordCount];
        var random = new Random(8);
        int added = 0;
        foreach (int n in new[] { 0, 1, 10, 1000, 12000, 16000, 30000, 70000, 100000, 1000000 })
        {
            for (; added < n; added++) HyperLogLogPlusPlus.Add(words, XxHash64.HashLong(random.NextInt64()));
            var counts = new int[HyperLogLogPlusPlus.RegisterValues];
            for (int index = 0; index < HyperLogLogPlusPlus.RegisterCount; index++)
                counts[(int)(words[index / 10] >> (index % 10 * 6)) & 63]++;
            Assert.Equal(HyperLogLogPlusPlus.Estimate(words), HyperLogLogPlusPlus.EstimateFromHistogram(counts));
        }
        var high = new int[HyperLogLogPlusPlus.RegisterValues];
        high[HyperLogLogPlusPlus.ExactHistogramLimit + 1] = 1;
        Assert.Null(HyperLogLogPlusPlus.EstimateFromHistogram(high));
    }

    [Fact]
    public void The_bias_tables_are_raw_estimates_of_known_cardinalities()
    {
        // Each raw estimate minus its bias is the cardinality it was measured at: integers about 409.6 apart.
        var raw = HyperLogLogBiasTables.RawEstimates;
        var bias = HyperLogLogBiasTables.Biases;
        Assert.Equal(201, raw.Length);
        Assert.Equal(raw.Length, bias.Length);
        Assert.Equal(1, raw[0] - bias[0], 1e-9);
        for (int i = 1; i < raw.Length; i++)
        {
            double truth = raw[i] - bias[i];
            Assert.True(Math.Abs(truth - Math.Round(truth)) < 1e-6, $"entry {i}: {raw[i]} - {bias[i]}");
            double step = Math.Round(truth) - Math.Round(raw[i - 1] - bias[i - 1]);
            Assert.True(step is 409 or 410, $"entry {i}: cardinality step {step}");
            Assert.True(raw[i] > raw[i - 1]);
        }
    }

    [Fact]
    public void Java_rounding_takes_halves_up()
    {
        Assert.Equal(3, HyperLogLogPlusPlus.JavaRound(2.5));
        Assert.Equal(-2, HyperLogLogPlusPlus.JavaRound(-2.5));
        Assert.Equal(0, HyperLogLogPlusPlus.JavaRound(0.49999999999999994));
        Assert.Equal(12345, HyperLogLogPlusPlus.JavaRound(12344.5));
    }

    [Fact]
    public void Floating_values_hash_by_their_java_bits_with_zero_and_nan_normalized()
    {
        Assert.Equal(ApproxDistinctHashes.FloatBits(0f), ApproxDistinctHashes.FloatBits(-0f));
        Assert.Equal(0x7fc00000, ApproxDistinctHashes.FloatBits(BitConverter.Int32BitsToSingle(0x7f800001)));
        Assert.Equal(0x3f800000, ApproxDistinctHashes.FloatBits(1f));
        Assert.Equal(ApproxDistinctHashes.DoubleBits(0d), ApproxDistinctHashes.DoubleBits(-0d));
        Assert.Equal(0x7ff8000000000000L, ApproxDistinctHashes.DoubleBits(BitConverter.Int64BitsToDouble(0x7ff0000000000001L)));
    }

    [Fact]
    public void Wide_decimals_hash_the_bytes_javas_big_integer_gives()
    {
        var random = new Random(7);
        Span<byte> buffer = stackalloc byte[16];
        var samples = new List<Int128> { 0, 1, -1, 127, 128, -128, -129, 255, 256, Int128.MaxValue, Int128.MinValue };
        for (int i = 0; i < 500; i++)
            samples.Add(new Int128((ulong)random.NextInt64(), (ulong)random.NextInt64()) >> random.Next(0, 127));
        foreach (var value in samples)
        {
            // BigInteger.ToByteArray (big-endian, signed) is Java's toByteArray: the fewest two's-complement bytes.
            var java = ((BigInteger)value).ToByteArray(isUnsigned: false, isBigEndian: true);
            Assert.Equal(java, ApproxDistinctHashes.MinimalBigEndian(value, buffer).ToArray());
        }
    }
}
