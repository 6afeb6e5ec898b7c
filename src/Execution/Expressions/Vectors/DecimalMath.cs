using System.Globalization;
using System.Numerics;

namespace StreamSql.Execution.Expressions.Vectors;

/// <summary>
/// DECIMAL values as unscaled 128-bit integers with a scale (Arrow's Decimal128 layout). Rounding is HALF_UP and a
/// result beyond the target precision is NULL, as Flink's <c>DecimalData.fromBigDecimal</c>.
/// </summary>
internal static class DecimalMath
{
    private static readonly Int128[] Powers = BuildPowers();

    private static Int128[] BuildPowers()
    {
        var p = new Int128[39];
        p[0] = 1;
        for (int i = 1; i < p.Length; i++) p[i] = p[i - 1] * 10;
        return p;
    }

    public static Int128 PowerOfTen(int exponent) => exponent >= 38 ? Int128.MaxValue : Powers[exponent];

    public static bool Fits(Int128 unscaled, int precision) => precision >= 38 ? true : unscaled < Powers[precision] && unscaled > -Powers[precision];

    /// <summary>Changes the scale, rounding half-up when digits are dropped; false on overflow of 128 bits.</summary>
    public static bool TryRescale(Int128 value, int fromScale, int toScale, out Int128 result)
    {
        if (toScale == fromScale) { result = value; return true; }
        if (toScale > fromScale)
        {
            int diff = toScale - fromScale;
            if (diff > 38) { result = 0; return value == 0; }
            try { result = checked(value * Powers[diff]); return true; }
            catch (OverflowException) { result = 0; return false; }
        }
        result = DivideHalfUp(value, PowerOfTenBig(fromScale - toScale));
        return true;
    }

    private static Int128 PowerOfTenBig(int exponent) => exponent > 38 ? Int128.MaxValue : Powers[exponent];

    /// <summary>value / divisor rounded half-up (away from zero on .5).</summary>
    public static Int128 DivideHalfUp(Int128 value, Int128 divisor)
    {
        var q = Int128.DivRem(value, divisor);
        var rem = Int128.Abs(q.Remainder);
        if (rem * 2 >= Int128.Abs(divisor))
            return (value < 0) != (divisor < 0) ? q.Quotient - 1 : q.Quotient + 1;
        return q.Quotient;
    }

    public static BigInteger DivideHalfUp(BigInteger value, BigInteger divisor)
    {
        var q = BigInteger.DivRem(value, divisor, out var rem);
        if (BigInteger.Abs(rem) * 2 >= BigInteger.Abs(divisor))
            return (value.Sign < 0) != (divisor.Sign < 0) ? q - 1 : q + 1;
        return q;
    }

    /// <summary>The integer part (truncated toward zero).</summary>
    public static Int128 Truncate(Int128 unscaled, int scale) => scale <= 0 ? unscaled : unscaled / PowerOfTenBig(scale);

    public static decimal ToDecimal(Int128 unscaled, int scale)
    {
        if (unscaled <= (Int128)decimal.MaxValue && unscaled >= (Int128)decimal.MinValue && scale <= 28)
            return new decimal(Parts(unscaled, scale));
        return decimal.Parse(Vectors_Format(unscaled, scale), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static int[] Parts(Int128 unscaled, int scale)
    {
        bool negative = unscaled < 0;
        var magnitude = (UInt128)(negative ? -unscaled : unscaled);
        int lo = (int)(uint)(magnitude & 0xFFFFFFFF);
        int mid = (int)(uint)((magnitude >> 32) & 0xFFFFFFFF);
        int hi = (int)(uint)((magnitude >> 64) & 0xFFFFFFFF);
        int flags = (scale << 16) | (negative ? unchecked((int)0x80000000) : 0);
        return new[] { lo, mid, hi, flags };
    }

    private static string Vectors_Format(Int128 unscaled, int scale) => StreamSql.Execution.Types.JavaNumberFormat.DecimalPlain(unscaled, scale);

    public static double ToDouble(Int128 unscaled, int scale) => (double)unscaled / Math.Pow(10, scale);

    /// <summary>A .NET decimal as unscaled at <paramref name="scale"/> (half-up), false when it exceeds the precision.</summary>
    public static bool TryFromDecimal(decimal value, int precision, int scale, out Int128 unscaled)
    {
        unscaled = 0;
        if (scale <= 28)
        {
            decimal rounded;
            try { rounded = Math.Round(value, scale, MidpointRounding.AwayFromZero); }
            catch (OverflowException) { return false; }
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(rounded, bits);
            int currentScale = (bits[3] >> 16) & 0xFF;
            Int128 magnitude = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
            if (bits[3] < 0) magnitude = -magnitude;
            if (!TryRescale(magnitude, currentScale, scale, out unscaled)) return false;
        }
        else if (!TryRescale((Int128)Math.Truncate(value), 0, scale, out unscaled)) return false;
        return Fits(unscaled, precision);
    }

    /// <summary>A double as a decimal: the shortest decimal text of the double (Java's <c>BigDecimal.valueOf</c>), half-up.</summary>
    public static bool TryFromDouble(double value, int precision, int scale, out Int128 unscaled)
    {
        unscaled = 0;
        if (double.IsNaN(value) || double.IsInfinity(value)) return false;
        if (Math.Abs(value) < 7.9e28)
        {
            decimal d;
            try { d = decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture); }
            catch (OverflowException) { d = (decimal)value; }
            return TryFromDecimal(d, precision, scale, out unscaled);
        }
        return false;
    }

    /// <summary>Parses decimal text (as Java's <c>new BigDecimal(text)</c>, trimmed), half-up to the scale.</summary>
    public static bool TryParse(string text, int precision, int scale, out Int128 unscaled, out bool overflow)
    {
        unscaled = 0;
        overflow = false;
        text = text.Trim();
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) { overflow = true; }
            return false;
        }
        if (!TryFromDecimal(d, precision, scale, out unscaled)) { overflow = true; return false; }
        return true;
    }
}
