using System.Numerics;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// The buffers of a string result assembled from byte ranges of other buffers (SPLIT_INDEX's parts, a CASE's
/// branches): each row's length (<see cref="Null"/> for NULL) gives the offsets and the validity, a 64-row word at a
/// time; the caller then copies each row's bytes to its offset in <see cref="Bytes"/> (left unzeroed: every byte must
/// be written).
/// </summary>
internal sealed class Utf8Parts
{
    /// <summary>The length of a NULL row.</summary>
    public const int Null = -1;

    private readonly byte[] _offsetBytes;
    private readonly byte[] _validity;
    private readonly int _length;
    private readonly int _nulls;

    /// <summary>The value bytes, sized to the rows' total length.</summary>
    public byte[] Bytes { get; }

    public Utf8Parts(ReadOnlySpan<int> lengths, int n)
    {
        _length = n;
        _offsetBytes = GC.AllocateUninitializedArray<byte>((n + 1) * sizeof(int));
        var offsets = MemoryMarshal.Cast<byte, int>(_offsetBytes.AsSpan());
        offsets[0] = 0;
        _validity = new byte[((n + 63) >> 6) * sizeof(ulong)];
        var validity = MemoryMarshal.Cast<byte, ulong>(_validity.AsSpan());
        int total = 0, valid = 0;
        for (int w = 0; w < validity.Length; w++)
        {
            ulong word = 0;
            int end = Math.Min(n, (w + 1) << 6);
            for (int i = w << 6; i < end; i++)
            {
                int length = lengths[i];
                if (length != Null)
                {
                    word |= 1UL << (i & 63);
                    total += length;
                }
                offsets[i + 1] = total;
            }
            validity[w] = word;
            valid += BitOperations.PopCount(word);
        }
        _nulls = n - valid;
        // The caller writes every row's bytes: no need to zero them first.
        Bytes = GC.AllocateUninitializedArray<byte>(total);
    }

    /// <summary>Where row <paramref name="row"/>'s bytes go in <see cref="Bytes"/>.</summary>
    public int OffsetOf(int row) => MemoryMarshal.Cast<byte, int>(_offsetBytes.AsSpan())[row];

    public StringArray Build() =>
        new(new ArrayData(StringType.Default, _length, _nulls, 0,
            [_nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(_validity), new ArrowBuffer(_offsetBytes), new ArrowBuffer(Bytes)]));
}
