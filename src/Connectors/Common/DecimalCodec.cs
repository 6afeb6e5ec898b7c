namespace StreamSql.Connectors.Common;

/// <summary>Converts a .NET <see cref="decimal"/> (datagen's sequence positions) to Arrow Decimal128's unscaled 128-bit integer.</summary>
internal static class DecimalCodec
{
    private static readonly Int128[] PowersOfTen = BuildPowers();

    public static Int128 ToUnscaled(decimal value, int scale)
    {
        value = Math.Round(value, Math.Min(scale, 28), MidpointRounding.AwayFromZero);
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = (Int128)(((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0]);
        int currentScale = (bits[3] >> 16) & 0xFF;
        if (currentScale < scale) mantissa = checked(mantissa * PowersOfTen[scale - currentScale]);
        else if (currentScale > scale) mantissa /= PowersOfTen[currentScale - scale];
        return bits[3] < 0 ? -mantissa : mantissa;
    }

    private static Int128[] BuildPowers()
    {
        var p = new Int128[39];
        p[0] = 1;
        for (int i = 1; i < p.Length; i++) p[i] = p[i - 1] * 10;
        return p;
    }
}
