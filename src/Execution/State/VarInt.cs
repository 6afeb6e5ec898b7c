using System.Numerics;
using System.Runtime.CompilerServices;

namespace StreamSql.Execution.State;

/// <summary>Unsigned LEB128 varints, the length prefix of state keys and snapshot entries.</summary>
internal static class VarInt
{
    /// <summary>Inlined into the serializers' per-column loops (every integer of every stored row goes through it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    /// <summary>The encoded length, 1 to 10: one byte per started group of 7 significant bits (branch-free).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Size(ulong value) => (70 - BitOperations.LeadingZeroCount(value | 1)) / 7;

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
