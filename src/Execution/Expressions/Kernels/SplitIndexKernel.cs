using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>SPLIT_INDEX(s, separator, index)</c> with a literal separator and index (the common form): the part is found on
/// the value's UTF-8 bytes and copied into the result, no string per row. Flink's semantics
/// (<c>StringUtils.splitByWholeSeparatorPreserveAllTokens</c>): the separator is matched whole, empty parts count, an
/// empty string has no parts, and an index past the last part (or negative) is NULL.
/// </summary>
/// <remarks>
/// A one-byte separator over a column (q22's <c>'/'</c>) is found for the whole batch at once (<see cref="ByteBitmap"/>),
/// and each row's part is then located with bit counts; the parts' offsets, validity (a word at a time) and bytes are
/// written straight into the result's buffers.
/// </remarks>
internal sealed class SplitIndexKernel(VectorExpression operand, byte[] separator, long index, SqlType type) : VectorExpression(type)
{
    private const int NoPart = Utf8Parts.Null;

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var values = Utf8Column.Of(operand, input, context, out var keepAlive);
        if (values.AllNull || index < 0) return ArrayBuild.Nulls(Type, n);
        var starts = ArrayPool<int>.Shared.Rent(n);
        var lengths = ArrayPool<int>.Shared.Rent(n);
        try
        {
            if (separator.Length == 1 && !values.IsConstant) FindByBitmap(values, n, separator[0], starts, lengths);
            else FindBySearch(values, n, separator, index, starts, lengths);
            return Build(values.Data, n, starts, lengths);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(lengths);
            GC.KeepAlive(keepAlive);
        }
    }

    /// <summary>Each row's part as a start in the value buffer and a length (<see cref="NoPart"/> for NULL).</summary>
    private void FindByBitmap(Utf8Column values, int n, byte separatorByte, int[] starts, int[] lengths)
    {
        var offsets = values.Offsets;
        int first = offsets[0], size = offsets[n] - first;
        var bits = ArrayPool<ulong>.Shared.Rent(Math.Max(1, ByteBitmap.WordCount(size)));
        try
        {
            ByteBitmap.Mark(values.Data.Slice(first, size), separatorByte, bits);
            for (int i = 0; i < n; i++)
            {
                int s = offsets[i] - first, e = offsets[i + 1] - first;
                if (s == e || values.IsNull(i) || !TryPart(bits, s, e, index, out int start, out int end))
                {
                    lengths[i] = NoPart;
                    continue;
                }
                starts[i] = start + first;
                lengths[i] = end - start;
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(bits);
        }
    }

    /// <summary>
    /// Part <paramref name="part"/> of the value at <c>[s, e)</c> given the separators' bitmap: after the
    /// <paramref name="part"/>-th separator in the value up to the next one (or the value's end); false when the value
    /// has fewer separators.
    /// </summary>
    internal static bool TryPart(ReadOnlySpan<ulong> bits, int s, int e, long part, out int start, out int end)
    {
        int w = s >> 6;
        ulong word = bits[w] & (~0UL << (s & 63));
        start = s;
        end = e;
        for (long k = 0; k <= part; k++)
        {
            while (word == 0)
            {
                if ((++w << 6) >= e)
                {
                    // No further separator in the value: the last part runs to the end.
                    if (k < part) return false;
                    return true;
                }
                word = bits[w];
            }
            int at = (w << 6) + BitOperations.TrailingZeroCount(word);
            if (at >= e) return k == part;
            if (k == part)
            {
                end = at;
                return true;
            }
            start = at + 1;
            word &= word - 1;
        }
        return true;
    }

    private static void FindBySearch(Utf8Column values, int n, ReadOnlySpan<byte> separator, long index, int[] starts, int[] lengths)
    {
        for (int i = 0; i < n; i++)
        {
            if (values.IsNull(i) || !TryPart(values[i], separator, index, out var part))
            {
                lengths[i] = NoPart;
                continue;
            }
            var value = values[i];
            // The part is a slice of the value, which is a slice of the buffer (a literal's bytes when constant).
            int valueStart = values.IsConstant ? 0 : values.Offsets[i];
            starts[i] = valueStart + (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(value), ref MemoryMarshal.GetReference(part));
            lengths[i] = part.Length;
        }
    }

    /// <summary>The result array: offsets and validity from the lengths, then each part's bytes copied.</summary>
    private static StringArray Build(ReadOnlySpan<byte> data, int n, int[] starts, int[] lengths)
    {
        var parts = new Utf8Parts(lengths.AsSpan(0, n), n);
        var bytes = parts.Bytes.AsSpan();
        int at = 0;
        for (int i = 0; i < n; i++)
        {
            int length = lengths[i];
            if (length <= 0) continue;
            int start = starts[i];
            // A short part (q22's directories) as one 8-byte move where both buffers have the room: the bytes written
            // past the part are overwritten by the next parts, which are written in order.
            if (length <= sizeof(ulong) && start + sizeof(ulong) <= data.Length && at + sizeof(ulong) <= bytes.Length)
                Unsafe.WriteUnaligned(ref bytes[at], Unsafe.ReadUnaligned<ulong>(in data[start]));
            else data.Slice(start, length).CopyTo(bytes.Slice(at));
            at += length;
        }
        return parts.Build();
    }

    /// <summary>Part <paramref name="index"/> of <paramref name="value"/>, or false when there is none.</summary>
    internal static bool TryPart(ReadOnlySpan<byte> value, ReadOnlySpan<byte> separator, long index, out ReadOnlySpan<byte> part)
    {
        part = default;
        if (value.IsEmpty) return false;
        int start = 0;
        for (long k = 0; k < index; k++)
        {
            int at = value[start..].IndexOf(separator);
            if (at < 0) return false;
            start += at + separator.Length;
        }
        int end = value[start..].IndexOf(separator);
        part = end < 0 ? value[start..] : value.Slice(start, end);
        return true;
    }
}
