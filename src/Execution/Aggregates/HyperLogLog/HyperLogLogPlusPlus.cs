using System.Numerics;
using System.Runtime.CompilerServices;

namespace StreamSql.Execution.Aggregates.HyperLogLog;

/// <summary>
/// HyperLogLog++ at precision 14, exactly as Flink's <c>HyperLogLogPlusPlus(0.01)</c> (itself Spark's): 2^14 registers of
/// 6 bits, ten to a 64-bit word (1639 words, the layout of Flink's <c>HllBuffer</c>); a hash's top 14 bits pick the
/// register, which keeps the largest count of leading zeros (+1) of the remaining bits. The estimate is linear counting
/// while it is below the precision's threshold (or the raw estimate is at most 2.5 m), otherwise the raw estimate
/// corrected by the k-nearest-neighbour bias of <see cref="HyperLogLogBiasTables"/>, rounded as Java's <c>Math.round</c>.
/// </summary>
internal static class HyperLogLogPlusPlus
{
    public const int Precision = 14;
    public const int RegisterCount = 1 << Precision;
    public const int RegisterBits = 6;
    public const int RegistersPerWord = 64 / RegisterBits;
    /// <summary>Words per sketch (Flink's <c>numWords</c>: m / 10 + 1).</summary>
    public const int WordCount = RegisterCount / RegistersPerWord + 1;

    private const long RegisterMask = (1L << RegisterBits) - 1;
    private const int IndexShift = 64 - Precision;
    private const long WPadding = 1L << (Precision - 1);
    private const int NeighbourCount = 6;
    // Flink's THRESHOLDS[p - 4] for p = 14.
    private const double LinearCountingThreshold = 15500;
    private static readonly double AlphaM2 = 0.7213d / (1.0d + 1.079d / RegisterCount) * RegisterCount * RegisterCount;

    /// <summary>Where a hash lands: the word of its register, the register's bit shift in it, and the value it offers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Locate(long hash, out int word, out int shift, out long value)
    {
        int index = (int)((ulong)hash >> IndexShift);
        value = BitOperations.LeadingZeroCount((ulong)((hash << Precision) | WPadding)) + 1L;
        word = index / RegistersPerWord;
        shift = RegisterBits * (index - word * RegistersPerWord);
    }

    /// <summary>Raises the register at <paramref name="shift"/> of <paramref name="word"/> to <paramref name="value"/>; returns
    /// the value it had, or -1 when it was not lower (unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Raise(ref long word, int shift, long value)
    {
        long mask = RegisterMask << shift;
        long old = (long)((ulong)(word & mask) >> shift);
        if (value <= old) return -1;
        word = (word & ~mask) | (value << shift);
        return old;
    }

    /// <summary>Folds a hash into a sketch.</summary>
    public static void Add(Span<long> words, long hash)
    {
        Locate(hash, out int word, out int shift, out long value);
        Raise(ref words[word], shift, value);
    }

    /// <summary>The word holding each register at its larger value of the two words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MergeWord(long a, long b)
    {
        long merged = 0;
        long mask = RegisterMask;
        for (int i = 0; i < RegistersPerWord; i++, mask <<= RegisterBits)
            merged |= Math.Max(a & mask, b & mask);
        return merged;
    }

    /// <summary>The largest register value whose weight 2^-r keeps the sum of all 2^14 weights exact in a double: with every
    /// register at most this, each partial sum is a multiple of 2^-38 below 2^52 · 2^-38, so the sum is the same in any
    /// order and can be taken from a histogram instead of register by register.</summary>
    public const int ExactHistogramLimit = 38;

    /// <summary>The number of register values (0 to 64 - 14 + 1).</summary>
    public const int RegisterValues = 64 - Precision + 2;

    /// <summary>The estimate from how many registers hold each value 1..<see cref="RegisterValues"/> - 1 (the rest are 0),
    /// equal to <see cref="Estimate(ReadOnlySpan{long})"/> of the sketch; null when a register is above
    /// <see cref="ExactHistogramLimit"/> (then only the register-order sum is Flink's).</summary>
    public static long? EstimateFromHistogram(ReadOnlySpan<int> countsByValue)
    {
        double zInverse = 0;
        int nonZero = 0;
        for (int r = 1; r < countsByValue.Length; r++)
        {
            int count = countsByValue[r];
            if (count == 0) continue;
            if (r > ExactHistogramLimit) return null;
            nonZero += count;
            zInverse += count * Math.ScaleB(1.0, -r);
        }
        int zeros = RegisterCount - nonZero;
        return Finish(zInverse + zeros, zeros);
    }

    /// <summary>The estimated number of distinct hashes of a sketch (Flink's <c>query</c>).</summary>
    public static long Estimate(ReadOnlySpan<long> words)
    {
        double zInverse = 0;
        double zeros = 0;
        int index = 0;
        for (int w = 0; w < WordCount; w++)
        {
            long word = words[w];
            for (int i = 0, shift = 0; index < RegisterCount && i < RegistersPerWord; i++, index++, shift += RegisterBits)
            {
                long register = (long)((ulong)word >> shift) & RegisterMask;
                // A long shift, as Flink since its fix for registers of 32 and more (an int shift wrapped them around).
                zInverse += 1.0 / (1L << (int)register);
                if (register == 0) zeros += 1.0;
            }
        }
        return Finish(zInverse, zeros);
    }

    private static long Finish(double zInverse, double zeros)
    {
        double e = AlphaM2 / zInverse;
        double corrected = e < 5.0d * RegisterCount ? e - EstimateBias(e) : e;
        double estimate = corrected;
        if (zeros > 0)
        {
            double linear = RegisterCount * Math.Log(RegisterCount / zeros);
            if (linear <= LinearCountingThreshold || e <= 2.5 * RegisterCount) estimate = linear;
        }
        return JavaRound(estimate);
    }

    /// <summary>The mean bias of the <see cref="NeighbourCount"/> measured raw estimates nearest to <paramref name="e"/>.</summary>
    private static double EstimateBias(double e)
    {
        var estimates = HyperLogLogBiasTables.RawEstimates;
        int count = estimates.Length;
        int nearest = InsertionPoint(estimates, e);
        int low = Math.Max(nearest - NeighbourCount + 1, 0);
        int high = Math.Min(low + NeighbourCount, count);
        while (high < count && Distance(e, estimates[high]) < Distance(e, estimates[low]))
        {
            low++;
            high++;
        }
        var biases = HyperLogLogBiasTables.Biases;
        double sum = 0;
        for (int i = low; i < high; i++) sum += biases[i];
        return sum / (high - low);
    }

    private static double Distance(double e, double estimate)
    {
        double diff = e - estimate;
        return diff * diff;
    }

    /// <summary>Java's <c>Arrays.binarySearch</c> index of <paramref name="key"/>, or where it would be inserted.</summary>
    private static int InsertionPoint(ReadOnlySpan<double> sorted, double key)
    {
        int low = 0, high = sorted.Length - 1;
        while (low <= high)
        {
            int mid = (int)((uint)(low + high) >> 1);
            if (sorted[mid] < key) low = mid + 1;
            else if (sorted[mid] > key) high = mid - 1;
            else return mid;
        }
        return low;
    }

    /// <summary>Java's <c>Math.round(double)</c>: the nearest long, halves toward positive infinity.</summary>
    internal static long JavaRound(double x)
    {
        if (double.IsNaN(x)) return 0;
        double floor = Math.Floor(x);
        if (floor >= long.MaxValue) return long.MaxValue;
        if (floor <= long.MinValue) return long.MinValue;
        return (long)floor + (x - floor >= 0.5 ? 1 : 0);
    }
}
