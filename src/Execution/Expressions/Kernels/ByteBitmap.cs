using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// Where one byte value occurs in a buffer, as a bitmap (bit <c>j</c> of word <c>j / 64</c> set when
/// <c>data[j]</c> is the value): one vector compare per 32 or 64 bytes for the whole buffer, so a kernel that needs
/// the k-th separator of many short values (SPLIT_INDEX over a column) pays no search call per value.
/// </summary>
internal static class ByteBitmap
{
    /// <summary>Words needed for <paramref name="length"/> bytes.</summary>
    public static int WordCount(int length) => (length + 63) >> 6;

    /// <summary>Fills <paramref name="bits"/> (at least <see cref="WordCount"/> words) with the positions of <paramref name="value"/> in <paramref name="data"/>.</summary>
    public static void Mark(ReadOnlySpan<byte> data, byte value, Span<ulong> bits)
    {
        int i = 0, w = 0;
        ref byte start = ref MemoryMarshal.GetReference(data);
        if (Vector512.IsHardwareAccelerated)
        {
            var target = Vector512.Create(value);
            for (; i + 64 <= data.Length; i += 64, w++)
                bits[w] = Vector512.Equals(Vector512.LoadUnsafe(ref start, (nuint)i), target).ExtractMostSignificantBits();
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var target = Vector256.Create(value);
            for (; i + 64 <= data.Length; i += 64, w++)
            {
                ulong low = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)i), target).ExtractMostSignificantBits();
                ulong high = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)(i + 32)), target).ExtractMostSignificantBits();
                bits[w] = low | (high << 32);
            }
        }
        for (; i < data.Length; i += 64, w++)
        {
            ulong word = 0;
            int end = Math.Min(64, data.Length - i);
            for (int j = 0; j < end; j++)
                if (Unsafe.Add(ref start, i + j) == value) word |= 1UL << j;
            bits[w] = word;
        }
    }
}
