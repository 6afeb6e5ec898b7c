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
        if (pos >= 0 && buffer.Length - pos >= 8 && BitConverter.IsLittleEndian)
        {
            // A varint of up to 8 bytes (values below 2^56: every stored BIGINT and TIMESTAMP of this century) from one
            // 64-bit load: its end is the first byte without the continuation bit, and its 7-bit groups are packed with
            // three mask-and-shift steps (no loop, no branch per byte).
            ulong word = System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(buffer[pos..]);
            ulong ends = ~word & 0x8080_8080_8080_8080UL;
            if (ends != 0)
            {
                int bytes = (BitOperations.TrailingZeroCount(ends) >> 3) + 1;
                pos += bytes;
                ulong x = (bytes == 8 ? word : word & ((1UL << (bytes * 8)) - 1)) & 0x7F7F_7F7F_7F7F_7F7FUL;
                x = ((x & 0x7F00_7F00_7F00_7F00UL) >> 1) | (x & 0x007F_007F_007F_007FUL);
                x = ((x & 0x3FFF_0000_3FFF_0000UL) >> 2) | (x & 0x0000_3FFF_0000_3FFFUL);
                return ((x & 0x0FFF_FFFF_0000_0000UL) >> 4) | (x & 0x0000_0000_0FFF_FFFFUL);
            }
        }
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
