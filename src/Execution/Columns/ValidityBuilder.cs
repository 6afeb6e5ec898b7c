using Apache.Arrow;

namespace StreamSql.Execution.Columns;

/// <summary>The validity bitmap of a column being built: none until the first null (all rows valid), then bits with 1 =
/// valid for every row so far.</summary>
internal struct ValidityBuilder
{
    private byte[]? _bits;

    public int NullCount { get; private set; }

    public void SetNull(int row)
    {
        int needed = (row >> 3) + 1;
        if (_bits is null)
        {
            _bits = new byte[Math.Max(needed * 2, 64)];
            _bits.AsSpan().Fill(0xFF);
        }
        else if (needed > _bits.Length)
        {
            int old = _bits.Length;
            System.Array.Resize(ref _bits, Math.Max(needed, old * 2));
            _bits.AsSpan(old).Fill(0xFF);
        }
        _bits[row >> 3] &= (byte)~(1 << (row & 7));
        NullCount++;
    }

    /// <summary>Copies the validity of <paramref name="count"/> rows of <paramref name="source"/> picked by
    /// <paramref name="rows"/> (or from <paramref name="start"/> when <paramref name="rows"/> is empty) to rows from
    /// <paramref name="at"/> on.</summary>
    public void CopyFrom(ArrayData source, ReadOnlySpan<int> rows, int start, int count, int at)
    {
        if (source.NullCount == 0) return;
        if (source.DataType.TypeId == Apache.Arrow.Types.ArrowTypeId.Null)
        {
            for (int j = 0; j < count; j++) SetNull(at + j);
            return;
        }
        var validity = new ValidityBits(source.Buffers[0].Span, source.Offset);
        for (int j = 0; j < count; j++)
            if (!validity.IsValid(rows.IsEmpty ? start + j : rows[j])) SetNull(at + j);
    }

    /// <summary>Makes rows <paramref name="length"/> .. <paramref name="oldLength"/> valid again (they are being dropped).</summary>
    public void Truncate(int length, int oldLength)
    {
        if (_bits is null || NullCount == 0) return;
        for (int row = length; row < oldLength; row++)
        {
            if ((_bits[row >> 3] & (1 << (row & 7))) != 0) continue;
            _bits[row >> 3] |= (byte)(1 << (row & 7));
            NullCount--;
        }
    }

    /// <summary>The bitmap (empty without nulls) and null count, handed over; the builder starts again with no nulls.</summary>
    public (ArrowBuffer Bitmap, int NullCount) Build(int length)
    {
        if (NullCount != 0 && _bits!.Length < (length + 7) >> 3)
        {
            int old = _bits.Length;
            System.Array.Resize(ref _bits, (length + 7) >> 3);
            _bits.AsSpan(old).Fill(0xFF);
        }
        var result = NullCount == 0 ? (ArrowBuffer.Empty, 0) : (new ArrowBuffer(_bits!), NullCount);
        _bits = null;
        NullCount = 0;
        return result;
    }
}
