using System.Numerics;
using System.Runtime.CompilerServices;

namespace StreamSql.Execution.Aggregates.HyperLogLog;

/// <summary>
/// xxHash64 as Flink's <c>XXH64</c> computes it for APPROX_COUNT_DISTINCT: an int hashed as its 4 bytes, a long as its 8
/// bytes and a byte string as itself (all little-endian, the standard XXH64 of those bytes), with Flink's seed 42.
/// The estimate of a HyperLogLog is a function of its hash, so these must match Flink's bit for bit.
/// </summary>
internal static class XxHash64
{
    /// <summary>Flink's <c>XXH64.DEFAULT_SEED</c>.</summary>
    public const long DefaultSeed = 42;

    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    private const ulong Prime5 = 0x27D4EB2F165667C5UL;

    /// <summary>The hash of a 32-bit value (TINYINT and SMALLINT are widened to it with their sign first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long HashInt(int input, long seed = DefaultSeed)
    {
        ulong hash = (ulong)seed + Prime5 + 4UL;
        hash ^= (uint)input * Prime1;
        hash = BitOperations.RotateLeft(hash, 23) * Prime2 + Prime3;
        return (long)Mix(hash);
    }

    /// <summary>The hash of a 64-bit value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long HashLong(long input, long seed = DefaultSeed)
    {
        ulong hash = (ulong)seed + Prime5 + 8UL;
        hash ^= BitOperations.RotateLeft((ulong)input * Prime2, 31) * Prime1;
        hash = BitOperations.RotateLeft(hash, 27) * Prime1 + Prime4;
        return (long)Mix(hash);
    }

    /// <summary>The hash of a byte string (Flink's <c>hashUnsafeBytes</c>): the standard XXH64, System.IO.Hashing's.</summary>
    public static long HashBytes(ReadOnlySpan<byte> bytes, long seed = DefaultSeed) =>
        (long)System.IO.Hashing.XxHash64.HashToUInt64(bytes, seed);

    private static ulong Mix(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= Prime3;
        hash ^= hash >> 32;
        return hash;
    }
}
