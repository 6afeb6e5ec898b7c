using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Common;

/// <summary>Converts a .NET <see cref="decimal"/> (datagen's sequence positions) to Arrow Decimal128's unscaled 128-bit integer.</summary>
internal static class DecimalCodec
{
    /// <summary><paramref name="value"/> at <paramref name="scale"/>, rounded half up; false when it has more than
    /// <paramref name="precision"/> digits there.</summary>
    public static bool TryToUnscaled(decimal value, int precision, int scale, out Int128 unscaled)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = (Int128)(((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0]);
        int currentScale = (bits[3] >> 16) & 0xFF;
        unscaled = 0;
        return DecimalValue.TryRescale(bits[3] < 0 ? -mantissa : mantissa, currentScale, scale, out unscaled)
            && DecimalValue.Fits(unscaled, precision);
    }
}
