using System.Buffers.Binary;
using System.Numerics;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// The hash a <see cref="GroupTable"/> files a serialized key (and namespace) under: 64-bit multiply-rotate over 8-byte
/// words with a final avalanche, truncated to 32 bits. Deterministic across processes (a restored table rehashes its
/// keys with it); unrelated to the key-group hash, which comes from the key columns (<see cref="Batches.ColumnHasher"/>).
/// </summary>
public static class KeyHash
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;

    public static uint Of(ReadOnlySpan<byte> key, long @namespace)
    {
        ulong h = (ulong)key.Length * Prime1 ^ (ulong)@namespace * Prime2;
        int i = 0;
        for (; i + 8 <= key.Length; i += 8)
            h = BitOperations.RotateLeft(h ^ BinaryPrimitives.ReadUInt64LittleEndian(key[i..]) * Prime2, 31) * Prime1;
        if (i < key.Length)
        {
            ulong tail = 0;
            for (int shift = 0; i < key.Length; i++, shift += 8) tail |= (ulong)key[i] << shift;
            h = BitOperations.RotateLeft(h ^ tail * Prime2, 31) * Prime1;
        }
        h ^= h >> 33;
        h *= Prime2;
        h ^= h >> 29;
        h *= Prime1;
        h ^= h >> 32;
        return (uint)h;
    }
}
