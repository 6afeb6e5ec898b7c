using System.Runtime.CompilerServices;

namespace StreamSql.Connectors.Nexmark;

/// <summary>
/// java.util.Random's linear congruential generator, as a struct: the Nexmark generator seeds one per event with the
/// event id, so the same ids give the same events on any subtask, without allocating.
/// </summary>
internal struct JavaRandom
{
    private const long Multiplier = 0x5DEECE66DL;
    private const long Mask = (1L << 48) - 1;
    private long _seed;

    public JavaRandom(long seed) => _seed = (seed ^ Multiplier) & Mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Next(int bits)
    {
        _seed = (_seed * Multiplier + 0xBL) & Mask;
        return (int)((ulong)_seed >> (48 - bits));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt() => Next(32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int bound)
    {
        int r = Next(31);
        int m = bound - 1;
        if ((bound & m) == 0) return (int)((bound * (long)r) >> 31);
        for (int u = r; u - (r = u % bound) + m < 0; u = Next(31)) { }
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long NextLong() => ((long)Next(32) << 32) + Next(32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => NextDoubleBits() * (1.0 / (1L << 53));

    /// <summary>The draws of <see cref="NextDouble"/> as the whole number it scales by 2^-53 (0 .. 2^53 - 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long NextDoubleBits() => ((long)Next(26) << 27) + Next(27);
}
