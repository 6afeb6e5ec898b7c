using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace StreamSql.Connectors.Common;

/// <summary>
/// Writes a source reader's checkpoint position: a format version byte, then little-endian fields. Read back with
/// <see cref="PositionReader"/>. Used between reads, never per row.
/// </summary>
internal sealed class PositionWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64);

    public PositionWriter(byte version) => WriteByte(version);

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void WriteInt(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteLong(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void WriteDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        foreach (var b in bits) WriteInt(b);
    }

    /// <summary>UTF-8 with a length prefix.</summary>
    public void WriteString(string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        WriteInt(length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    /// <summary>Bytes with a length prefix; null as length -1.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value, bool isNull = false)
    {
        WriteInt(isNull ? -1 : value.Length);
        if (isNull) return;
        value.CopyTo(_buffer.GetSpan(value.Length));
        _buffer.Advance(value.Length);
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
