using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace StreamSql.Bench.Checks;

/// <summary>
/// Hashes of SQL values in one canonical form whatever holds them (an Arrow column of the engine's result, a DuckDB
/// reader, a hand-written baseline's arrays): integers of any width as 64-bit, DECIMAL as its normalized unscaled value
/// and scale (1.50 = 1.5), timestamps as microseconds since the epoch, strings as their UTF-8 bytes.
/// </summary>
public static class ValueHash
{
    public const ulong Null = 0x6e756c6c6e756c6cUL;
    private const ulong IntegerTag = 0x1f83d9abfb41bd6bUL;
    private const ulong DecimalTag = 0x5be0cd19137e2179UL;
    private const ulong DoubleTag = 0x9b05688c2b3e6c1fUL;
    private const ulong TimestampTag = 0x510e527fade682d1UL;
    private const ulong DateTag = 0x3c6ef372fe94f82bUL;
    private const ulong StringTag = 0xa54ff53a5f1d36f1UL;
    private const ulong BooleanTag = 0x6a09e667f3bcc908UL;

    /// <summary>Folds a column value's hash into a row's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong row, ulong value) => Mix(row * 0x9E3779B97F4A7C15UL + value);

    public const ulong RowSeed = 0xcbf29ce484222325UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    public static ulong Integer(long value) => Mix((ulong)value ^ IntegerTag);

    public static ulong Boolean(bool value) => Mix((value ? 1UL : 0UL) ^ BooleanTag);

    public static ulong Double(double value) => Mix((ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value) ^ DoubleTag);

    public static ulong TimestampMicros(long micros) => Mix((ulong)micros ^ TimestampTag);

    public static ulong Date(int days) => Mix((ulong)days ^ DateTag);

    /// <summary>A DECIMAL given as unscaled value and scale; trailing zeros of the fraction do not count.</summary>
    public static ulong Decimal(Int128 unscaled, int scale)
    {
        while (scale > 0 && unscaled % 10 == 0)
        {
            unscaled /= 10;
            scale--;
        }
        ulong low = (ulong)unscaled, high = (ulong)(unscaled >> 64);
        return Mix(Mix(low ^ DecimalTag) + high * 31 + (ulong)scale);
    }

    public static ulong Decimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = (Int128)(((ulong)(uint)bits[2] << 32) | (uint)bits[1]) << 32 | (uint)bits[0];
        int scale = (bits[3] >> 16) & 0xff;
        return Decimal(bits[3] < 0 ? -magnitude : magnitude, scale);
    }

    public static ulong Decimal(BigInteger unscaled, int scale) => Decimal((Int128)unscaled, scale);

    /// <summary>A string by its UTF-8 bytes.</summary>
    public static ulong Utf8(ReadOnlySpan<byte> bytes)
    {
        ulong h = StringTag ^ (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
        int i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
            h = (h ^ Mix(BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..]))) * 0x100000001b3UL;
        if (i < bytes.Length)
        {
            ulong tail = 0;
            for (int j = bytes.Length - 1; j >= i; j--) tail = tail << 8 | bytes[j];
            h = (h ^ Mix(tail)) * 0x100000001b3UL;
        }
        return Mix(h);
    }

    public static ulong String(string value)
    {
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> buffer = max <= 1024 ? stackalloc byte[max] : new byte[max];
        int n = System.Text.Encoding.UTF8.GetBytes(value, buffer);
        return Utf8(buffer[..n]);
    }
}
