using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace StreamSql.Execution.Columns;

/// <summary>
/// The validity of a column's rows (Arrow layout: bit i, 1 = valid), with the column's offset applied: row 0 is the
/// column's first row. Empty when the column has no nulls, so the common case tests one flag per batch, not per row.
/// </summary>
public readonly ref struct ValidityBits
{
    private readonly ReadOnlySpan<byte> _bits;
    private readonly int _offset;

    public ValidityBits(ReadOnlySpan<byte> bits, int offset)
    {
        _bits = bits;
        _offset = offset;
    }

    /// <summary>True when every row is valid (no bitmap to read).</summary>
    public bool AllValid => _bits.IsEmpty;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsValid(int row)
    {
        if (_bits.IsEmpty) return true;
        int bit = _offset + row;
        return (_bits[bit >> 3] & (1 << (bit & 7))) != 0;
    }

    /// <summary>The validity of rows <paramref name="row"/> .. <paramref name="row"/> + 63 as one word (bit j = row + j);
    /// rows past the end of the bitmap read as valid, so mask with the row count.</summary>
    public ulong Word(int row)
    {
        if (_bits.IsEmpty) return ulong.MaxValue;
        int bit = _offset + row;
        int first = bit >> 3, shift = bit & 7;
        int available = _bits.Length - first;
        if (available <= 0) return ulong.MaxValue;
        ulong low;
        if (available >= 8) low = BinaryPrimitives.ReadUInt64LittleEndian(_bits.Slice(first, 8));
        else
        {
            low = ulong.MaxValue << (8 * available);
            for (int b = 0; b < available; b++) low |= (ulong)_bits[first + b] << (8 * b);
        }
        if (shift == 0) return low;
        ulong high = available > 8 ? _bits[first + 8] : 0xFFUL;
        return (low >> shift) | (high << (64 - shift));
    }
}
