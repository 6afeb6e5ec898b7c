using Apache.Arrow;
using Array = System.Array;
using Apache.Arrow.Types;

namespace StreamSql.Bench.Baselines;

/// <summary>A minimal Arrow UTF-8 column builder for the hand-written baselines: bytes, offsets and validity, grown by doubling.</summary>
internal sealed class Utf8ColumnBuilder(int capacity)
{
    private byte[] _bytes = new byte[Math.Max(16, capacity * 8)];
    private int[] _offsets = new int[capacity + 1];
    private byte[]? _validity;
    private int _length;
    private int _size;
    private int _nulls;

    public void Append(ReadOnlySpan<byte> value)
    {
        if (_size + value.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _size + value.Length));
        value.CopyTo(_bytes.AsSpan(_size));
        _size += value.Length;
        Next();
    }

    public void AppendNull()
    {
        _validity ??= CreateValidity();
        _validity[_length >> 3] &= (byte)~(1 << (_length & 7));
        _nulls++;
        Next();
    }

    private byte[] CreateValidity()
    {
        var bits = new byte[(_offsets.Length + 7) / 8];
        Array.Fill(bits, (byte)0xff);
        return bits;
    }

    private void Next()
    {
        _length++;
        if (_length + 1 > _offsets.Length)
        {
            Array.Resize(ref _offsets, _offsets.Length * 2);
            if (_validity is not null)
            {
                int old = _validity.Length;
                Array.Resize(ref _validity, (_offsets.Length + 7) / 8);
                _validity.AsSpan(old).Fill(0xff);
            }
        }
        _offsets[_length] = _size;
    }

    public StringArray Build()
    {
        var offsets = new ArrowBuffer(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_offsets.AsSpan(0, _length + 1)).ToArray());
        var validity = _validity is null ? ArrowBuffer.Empty : new ArrowBuffer(_validity);
        var data = new ArrayData(StringType.Default, _length, _nulls, 0, new[] { validity, offsets, new ArrowBuffer(_bytes.AsMemory(0, _size)) });
        return new StringArray(data);
    }
}
