using System.Globalization;
using System.Numerics;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Vectors;

/// <summary>
/// DECIMAL arithmetic on unscaled 128-bit integers (Arrow's Decimal128 layout, see <see cref="DecimalValue"/>), with
/// Flink's semantics (<c>DecimalDataUtils</c>): the exact result is rounded <c>HALF_UP</c> to the result scale and is
/// null (false here) when it has more digits than the result precision; division first rounds the quotient to 38
/// significant digits (<c>MathContext(38, HALF_UP)</c>) as Flink does. Every operation runs in 128 bits and falls back
/// to <see cref="BigInteger"/> only when an intermediate (a rescaled operand, a product, a scaled dividend) leaves them.
/// The caller checks a zero divisor. SUM and other accumulators build on <see cref="TryAdd"/> (see <see cref="DecimalSum"/>).
/// </summary>
internal static class DecimalMath
{
    private const int MaxPrecision = DecimalValue.MaxPrecision;

    public static Int128 PowerOfTen(int exponent) => DecimalValue.PowerOfTen(exponent);

    public static bool Fits(Int128 unscaled, int precision) => DecimalValue.Fits(unscaled, precision);

    /// <inheritdoc cref="DecimalValue.TryRescale"/>
    public static bool TryRescale(Int128 value, int fromScale, int toScale, out Int128 result) =>
        DecimalValue.TryRescale(value, fromScale, toScale, out result);

    /// <summary><paramref name="value"/> / <paramref name="divisor"/> rounded half up (away from zero on .5).</summary>
    public static Int128 DivideHalfUp(Int128 value, Int128 divisor)
    {
        var (quotient, remainder) = Int128.DivRem(value, divisor);
        var r = DecimalValue.Magnitude(remainder);
        if (r >= DecimalValue.Magnitude(divisor) - r) return (value < 0) != (divisor < 0) ? quotient - 1 : quotient + 1;
        return quotient;
    }

    /// <summary>The integer part, truncated toward zero (Flink's <c>castToIntegral</c> before narrowing).</summary>
    public static Int128 Truncate(Int128 unscaled, int scale) => scale <= 0 ? unscaled : unscaled / PowerOfTen(Math.Min(scale, MaxPrecision));

    /// <summary>
    /// As Flink's <c>DecimalDataUtils.doubleValue</c>: a DECIMAL of precision ≤ 18 (a "compact" one, held in a long) is
    /// <c>(double) unscaled / 10^scale</c>, a wider one Java's correctly rounded <c>BigDecimal.doubleValue()</c>.
    /// </summary>
    public static double ToDouble(Int128 unscaled, int precision, int scale) =>
        precision <= 18
            ? (double)(long)unscaled / DecimalValue.DoublePowerOfTen(scale)
            : new DecimalValue(unscaled, scale).ToDouble();

    /// <summary>A double as DECIMAL(p, s): Java's <c>BigDecimal.valueOf(d)</c> (the shortest text of the double) rounded
    /// half up, as Flink's <c>castFrom(double)</c>; false for NaN, infinities and values beyond the precision.</summary>
    public static bool TryFromDouble(double value, int precision, int scale, out Int128 unscaled)
    {
        unscaled = 0;
        if (!double.IsFinite(value)) return false;
        Span<char> text = stackalloc char[40];
        value.TryFormat(text, out int length, "R", CultureInfo.InvariantCulture);
        if (DecimalValue.TryParse(text[..length], precision, scale, out var parsed) != DecimalParseStatus.Ok) return false;
        unscaled = parsed.Unscaled;
        return true;
    }

    /// <summary>Text as DECIMAL(p, s) (Java's <c>BigDecimal</c> syntax, blanks around it ignored), rounded half up.</summary>
    public static DecimalParseStatus TryParse(ReadOnlySpan<char> text, int precision, int scale, out Int128 unscaled)
    {
        var status = DecimalValue.TryParse(text, precision, scale, out var value);
        unscaled = value.Unscaled;
        return status;
    }

    /// <summary>The order of x/10^sx and y/10^sy, exactly (Flink's <c>DecimalDataUtils.compare</c>).</summary>
    public static int Compare(Int128 x, int sx, Int128 y, int sy)
    {
        if (sx == sy) return x.CompareTo(y);
        // Scaling the side with fewer fraction digits up is exact; when that leaves 128 bits it outweighs the other
        // side (below 10^38), so its sign decides.
        if (sx < sy) return TryRescale(x, sx, sy, out var xs) ? xs.CompareTo(y) : Int128.Sign(x);
        return TryRescale(y, sy, sx, out var ys) ? x.CompareTo(ys) : -Int128.Sign(y);
    }

    /// <summary>x/10^sx + y/10^sy as DECIMAL(precision, scale) (y negated when <paramref name="subtract"/>).</summary>
    public static bool TryAdd(Int128 x, int sx, Int128 y, int sy, int precision, int scale, out Int128 result, bool subtract = false)
    {
        int common = Math.Max(sx, sy);
        if (TryRescale(x, sx, common, out var a) && TryRescale(y, sy, common, out var b))
        {
            var sum = subtract ? a - b : a + b;
            bool overflow = subtract ? ((a ^ b) & (a ^ sum)) < 0 : ((a ^ sum) & (b ^ sum)) < 0;
            if (!overflow) return Finish(sum, common, precision, scale, out result);
        }
        var bx = Scale(x, common - sx);
        var by = Scale(y, common - sy);
        return Finish(subtract ? bx - by : bx + by, common, precision, scale, out result);
    }

    /// <summary>x/10^sx × y/10^sy as DECIMAL(precision, scale).</summary>
    public static bool TryMultiply(Int128 x, int sx, Int128 y, int sy, int precision, int scale, out Int128 result)
    {
        bool negative = (x < 0) != (y < 0);
        var high = UInt128.BigMul(DecimalValue.Magnitude(x), DecimalValue.Magnitude(y), out var product);
        if (high == 0 && product <= (UInt128)Int128.MaxValue)
        {
            var exact = (Int128)product;
            return Finish(negative ? -exact : exact, sx + sy, precision, scale, out result);
        }
        return Finish((BigInteger)x * y, sx + sy, precision, scale, out result);
    }

    /// <summary>
    /// x/10^sx ÷ y/10^sy as DECIMAL(precision, scale), y ≠ 0: Flink's <c>divide(v2, MathContext(38, HALF_UP))</c> then
    /// <c>setScale(scale, HALF_UP)</c>. The quotient is computed exactly to the result scale; the 38-digit rounding
    /// matters only when the dropped fraction is just below one half (see <see cref="RoundsUp(UInt128, UInt128, UInt128)"/>).
    /// </summary>
    public static bool TryDivide(Int128 x, int sx, Int128 y, int sy, int precision, int scale, out Int128 result)
    {
        result = 0;
        bool negative = (x < 0) != (y < 0);
        UInt128 a = DecimalValue.Magnitude(x), b = DecimalValue.Magnitude(y);
        // (a / 10^sx) / (b / 10^sy) × 10^scale = a × 10^e / b with e = scale + sy - sx.
        int e = scale + sy - sx;
        UInt128 dividend = a, divisor = b;
        bool fits = e >= 0
            ? e <= MaxPrecision && (a == 0 || a <= UInt128.MaxValue / DecimalValue.UnsignedPowerOfTen(e))
            : -e <= MaxPrecision && b <= UInt128.MaxValue / DecimalValue.UnsignedPowerOfTen(-e);
        if (!fits) return DivideWide(a, b, e, negative, precision, out result);
        if (e >= 0) dividend = a * DecimalValue.UnsignedPowerOfTen(e);
        else divisor = b * DecimalValue.UnsignedPowerOfTen(-e);
        UInt128 quotient, remainder;
        if (dividend <= ulong.MaxValue && divisor <= ulong.MaxValue)
        {
            // 64-bit division is many times faster than the 128-bit one, and covers the common values.
            var (q, r) = Math.DivRem((ulong)dividend, (ulong)divisor);
            (quotient, remainder) = (q, r);
        }
        else (quotient, remainder) = UInt128.DivRem(dividend, divisor);
        if (quotient >= DecimalValue.UnsignedPowerOfTen(MaxPrecision)) return false;
        if (RoundsUp(quotient, remainder, divisor)) quotient++;
        if (quotient >= DecimalValue.UnsignedPowerOfTen(Math.Min(precision, MaxPrecision))) return false;
        result = negative ? -(Int128)quotient : (Int128)quotient;
        return true;
    }

    /// <summary>
    /// Whether quotient + remainder/divisor rounds up to quotient + 1 under Flink's two roundings: first to 38 significant
    /// digits, then to the integer (the result scale). Directly that is "remainder ≥ half"; the first rounding also turns
    /// a fraction of 0.4999…95 (within half a unit of its last kept digit, the 38th significant one) into 0.5.
    /// </summary>
    private static bool RoundsUp(UInt128 quotient, UInt128 remainder, UInt128 divisor)
    {
        if (remainder >= divisor - remainder) return true;
        var belowHalf = divisor - remainder - remainder;
        // Farther than a tenth of a unit below one half: no 38-digit rounding reaches it (the common case, decided cheaply).
        if (belowHalf > divisor / 8) return false;
        int keptFractionDigits = MaxPrecision - (quotient == 0 ? 0 : DecimalValue.DigitCount(quotient));
        if (keptFractionDigits <= 0) return false;
        // fraction f = remainder/divisor rounds to ≥ 0.5 at k digits ⟺ f ≥ 0.5 - 0.5·10^-k ⟺ (divisor - 2·remainder)·10^k ≤ divisor.
        return belowHalf <= divisor / DecimalValue.UnsignedPowerOfTen(keptFractionDigits);
    }

    private static bool DivideWide(UInt128 a, UInt128 b, int e, bool negative, int precision, out Int128 result)
    {
        result = 0;
        BigInteger dividend = a, divisor = b;
        if (e >= 0) dividend *= BigInteger.Pow(10, e); else divisor *= BigInteger.Pow(10, -e);
        var quotient = BigInteger.DivRem(dividend, divisor, out var remainder);
        var limit = BigInteger.Pow(10, MaxPrecision);
        if (quotient >= limit) return false;
        bool up = remainder >= divisor - remainder;
        if (!up)
        {
            int kept = MaxPrecision - (quotient.IsZero ? 0 : quotient.ToString(CultureInfo.InvariantCulture).Length);
            up = kept > 0 && divisor - remainder - remainder <= divisor / BigInteger.Pow(10, kept);
        }
        if (up) quotient += 1;
        if (quotient >= BigInteger.Pow(10, Math.Min(precision, MaxPrecision))) return false;
        result = negative ? -(Int128)quotient : (Int128)quotient;
        return true;
    }

    /// <summary>
    /// The remainder of x/10^sx ÷ y/10^sy (y ≠ 0) as DECIMAL(precision, scale), with the dividend's sign (Java's
    /// <c>BigDecimal.remainder</c>, which Flink's MOD and % use).
    /// </summary>
    public static bool TryRemainder(Int128 x, int sx, Int128 y, int sy, int precision, int scale, out Int128 result)
    {
        int common = Math.Max(sx, sy);
        if (TryRescale(x, sx, common, out var a) && TryRescale(y, sy, common, out var b))
            return Finish(a % b, common, precision, scale, out result);
        return Finish(BigInteger.Remainder(Scale(x, common - sx), Scale(y, common - sy)), common, precision, scale, out result);
    }

    private static bool Finish(Int128 value, int fromScale, int precision, int scale, out Int128 result)
    {
        if (TryRescale(value, fromScale, scale, out result) && Fits(result, precision)) return true;
        if (scale > fromScale) return Finish((BigInteger)value, fromScale, precision, scale, out result);
        result = 0;
        return false;
    }

    private static bool Finish(BigInteger value, int fromScale, int precision, int scale, out Int128 result)
    {
        result = 0;
        if (scale >= fromScale) value *= BigInteger.Pow(10, scale - fromScale);
        else
        {
            var divisor = BigInteger.Pow(10, fromScale - scale);
            var quotient = BigInteger.DivRem(value, divisor, out var remainder);
            if (BigInteger.Abs(remainder) >= divisor - BigInteger.Abs(remainder)) quotient += value.Sign;
            value = quotient;
        }
        if (BigInteger.Abs(value) >= BigInteger.Pow(10, Math.Min(precision, MaxPrecision))) return false;
        result = (Int128)value;
        return true;
    }

    private static BigInteger Scale(Int128 value, int digits) => (BigInteger)value * BigInteger.Pow(10, digits);
}
