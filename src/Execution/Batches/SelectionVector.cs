using Apache.Arrow;

namespace StreamSql.Execution.Batches;

/// <summary>Turns a boolean filter result into the indices of the rows to keep (TRUE only: NULL and FALSE rows are dropped).</summary>
public static class SelectionVector
{
    /// <summary>Number of rows of <paramref name="mask"/> that are TRUE and not NULL.</summary>
    public static int CountTrue(BooleanArray mask)
    {
        var values = mask.ValueBuffer.Span;
        var validity = mask.NullCount == 0 ? ReadOnlySpan<byte>.Empty : mask.NullBitmapBuffer.Span;
        int off = mask.Offset, length = mask.Length, count = 0;
        if (off == 0 && validity.IsEmpty)
            return BitUtility.CountBits(values, 0, length);
        for (int i = 0; i < length; i++)
        {
            int b = off + i;
            if ((values[b >> 3] & (1 << (b & 7))) != 0 && (validity.IsEmpty || (validity[b >> 3] & (1 << (b & 7))) != 0)) count++;
        }
        return count;
    }

    /// <summary>Writes the indices of TRUE rows into <paramref name="indices"/> (grown when too small) and returns how many.</summary>
    public static int Select(BooleanArray mask, ref int[] indices)
    {
        int length = mask.Length;
        if (indices.Length < length) indices = new int[Math.Max(length, indices.Length * 2)];
        var values = mask.ValueBuffer.Span;
        var validity = mask.NullCount == 0 ? ReadOnlySpan<byte>.Empty : mask.NullBitmapBuffer.Span;
        int off = mask.Offset, n = 0;
        var dst = indices;
        if (off == 0 && validity.IsEmpty)
        {
            // A byte at a time: skip all-false bytes, which are common in selective filters.
            int full = length >> 3;
            for (int by = 0; by < full; by++)
            {
                int bits = values[by];
                int row = by << 3;
                while (bits != 0)
                {
                    int t = System.Numerics.BitOperations.TrailingZeroCount(bits);
                    dst[n++] = row + t;
                    bits &= bits - 1;
                }
            }
            for (int i = full << 3; i < length; i++)
                if ((values[i >> 3] & (1 << (i & 7))) != 0) dst[n++] = i;
            return n;
        }
        for (int i = 0; i < length; i++)
        {
            int b = off + i;
            if ((values[b >> 3] & (1 << (b & 7))) != 0 && (validity.IsEmpty || (validity[b >> 3] & (1 << (b & 7))) != 0))
                dst[n++] = i;
        }
        return n;
    }
}
