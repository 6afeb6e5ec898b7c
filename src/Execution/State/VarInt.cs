namespace StreamSql.Execution.State;

/// <summary>Unsigned LEB128 varints, the length prefix of state keys and snapshot entries.</summary>
internal static class VarInt
{
    public static int Write(byte[] buffer, int pos, ulong value)
    {
        while (value >= 0x80)
        {
            buffer[pos++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[pos++] = (byte)value;
        return pos;
    }

    public static int Write(Span<byte> buffer, ulong value)
    {
        int pos = 0;
        while (value >= 0x80)
        {
            buffer[pos++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[pos++] = (byte)value;
        return pos;
    }

    public static int Size(ulong value)
    {
        int size = 1;
        while (value >= 0x80) { value >>= 7; size++; }
        return size;
    }

    /// <summary>Reads a varint at <paramref name="pos"/>, advancing it; throws <see cref="InvalidDataException"/> on a malformed value.</summary>
    public static ulong Read(ReadOnlySpan<byte> buffer, ref int pos)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (pos >= buffer.Length) throw new InvalidDataException("truncated varint");
            byte b = buffer[pos++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("malformed varint");
    }

    public static void Write(Stream stream, ulong value)
    {
        Span<byte> tmp = stackalloc byte[10];
        stream.Write(tmp[..Write(tmp, value)]);
    }

    public static ulong Read(Stream stream)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            int b = stream.ReadByte();
            if (b < 0) throw new EndOfStreamException("truncated varint");
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("malformed varint");
    }
}
