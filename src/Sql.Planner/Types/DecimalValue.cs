using System.Globalization;

namespace StreamSql.Sql.Planner.Types;

/// <summary>What <see cref="DecimalValue.TryParse"/> made of a text.</summary>
public enum DecimalParseStatus
{
    /// <summary>A number that fits the requested DECIMAL(p, s).</summary>
    Ok,

    /// <summary>Not a number in Java's <c>BigDecimal</c> syntax.</summary>
    Invalid,

    /// <summary>A number with more integer digits than DECIMAL(p, s) holds (Flink makes it NULL).</summary>
    Overflow,
}

/// <summary>
/// A DECIMAL value: a 128-bit unscaled integer and a scale, worth <c>Unscaled × 10^-Scale</c>. This is the literal form of
/// DECIMAL and the same integer Arrow's Decimal128 columns hold; |Unscaled| &lt; 10^38 covers every DECIMAL(p, s), p ≤ 38.
/// <para>The static members are the primitives the DECIMAL kernels apply to raw unscaled integers: powers of ten, the
/// precision check and rescaling with <c>HALF_UP</c> rounding, which is Flink's (<c>DecimalData.fromBigDecimal</c> calls
/// <c>BigDecimal.setScale(scale, RoundingMode.HALF_UP)</c> and gives null when the precision is exceeded).</para>
/// Equality is structural (the same unscaled integer at the same scale, as <c>BigDecimal.equals</c>); ordering is by value.
/// </summary>
public readonly struct DecimalValue : IEquatable<DecimalValue>, IComparable<DecimalValue>
{
    public const int MaxPrecision = SqlType.MaxDecimalPrecision;

    private static readonly UInt128[] Powers = BuildPowers();

    /// <summary>The largest magnitude that still fits an Int128 once multiplied by 10^i.</summary>
    private static readonly UInt128[] LargestToScale = BuildLargestToScale();

    public DecimalValue(Int128 unscaled, int scale)
    {
        Unscaled = unscaled;
        Scale = scale;
    }

    public Int128 Unscaled { get; }
    public int Scale { get; }

    public static DecimalValue FromInt64(long value) => new(value, 0);

    /// <summary>10^<paramref name="exponent"/> for 0 ≤ exponent ≤ 38 (10^38 still fits an Int128).</summary>
    public static Int128 PowerOfTen(int exponent) => (Int128)Powers[exponent];

    /// <summary>10^<paramref name="exponent"/> as an unsigned 128-bit integer, 0 ≤ exponent ≤ 38.</summary>
    public static UInt128 UnsignedPowerOfTen(int exponent) => Powers[exponent];

    /// <summary>|<paramref name="value"/>| without overflow (also for Int128.MinValue).</summary>
    public static UInt128 Magnitude(Int128 value) => value < 0 ? (UInt128)(-(value + 1)) + 1 : (UInt128)value;

    /// <summary>Whether <paramref name="unscaled"/> has at most <paramref name="precision"/> digits (1 ≤ precision ≤ 38).</summary>
    public static bool Fits(Int128 unscaled, int precision) => Magnitude(unscaled) < Powers[Math.Min(precision, MaxPrecision)];

    /// <summary>Decimal digits of |<paramref name="value"/>| (1 for zero).</summary>
    public static int DigitCount(UInt128 value)
    {
        int digits = 1;
        while (digits <= MaxPrecision && value >= Powers[digits]) digits++;
        return digits;
    }

    /// <summary>
    /// <paramref name="value"/> at scale <paramref name="fromScale"/> brought to <paramref name="toScale"/>: exact when the
    /// scale grows, <c>HALF_UP</c> (half away from zero) when digits are dropped. False when the result leaves 128 bits.
    /// </summary>
    public static bool TryRescale(Int128 value, int fromScale, int toScale, out Int128 result)
    {
        if (toScale == fromScale) { result = value; return true; }
        bool negative = value < 0;
        var magnitude = Magnitude(value);
        if (toScale > fromScale)
        {
            int up = toScale - fromScale;
            if (magnitude == 0) { result = 0; return true; }
            if (up > MaxPrecision || magnitude > LargestToScale[up]) { result = 0; return false; }
            var scaled = (Int128)(magnitude * Powers[up]);
            result = negative ? -scaled : scaled;
            return true;
        }
        var rounded = DivideHalfUp(magnitude, fromScale - toScale);
        result = negative ? -(Int128)rounded : (Int128)rounded;
        return true;
    }

    /// <summary>|value| / 10^<paramref name="digits"/>, rounded half up; 0 when <paramref name="digits"/> exceeds 38.</summary>
    public static UInt128 DivideHalfUp(UInt128 magnitude, int digits)
    {
        if (digits == 0) return magnitude;
        if (digits > MaxPrecision) return 0;
        // 10^d is even for d ≥ 1, so "remainder ≥ half" needs no doubling (which could overflow).
        if (magnitude <= ulong.MaxValue && digits <= 19)
        {
            // 64-bit division is many times faster than the 128-bit one, and covers the common values.
            ulong divisor64 = (ulong)Powers[digits];
            var (q, r) = Math.DivRem((ulong)magnitude, divisor64);
            return r >= divisor64 / 2 ? q + 1 : q;
        }
        var divisor = Powers[digits];
        var (quotient, remainder) = UInt128.DivRem(magnitude, divisor);
        return remainder >= divisor / 2 ? quotient + 1 : quotient;
    }

    /// <summary>This value as DECIMAL(<paramref name="precision"/>, <paramref name="scale"/>), rounded half up; false when it
    /// has more integer digits than that type holds.</summary>
    public bool TryConvert(int precision, int scale, out DecimalValue result)
    {
        result = default;
        if (!TryRescale(Unscaled, Scale, scale, out var unscaled) || !Fits(unscaled, precision)) return false;
        result = new DecimalValue(unscaled, scale);
        return true;
    }

    public DecimalValue Negate() => new(-Unscaled, Scale);

    /// <summary>
    /// Parses Java's <c>BigDecimal</c> syntax (<c>-12.50</c>, <c>.5</c>, <c>1.</c>, <c>1.5E-3</c>; surrounding blanks are
    /// ignored) straight into DECIMAL(<paramref name="precision"/>, <paramref name="scale"/>): digits beyond the scale are
    /// rounded half up (or dropped when <paramref name="halfUp"/> is false), any number of digits may be given.
    /// </summary>
    public static DecimalParseStatus TryParse(ReadOnlySpan<char> text, int precision, int scale, out DecimalValue value, bool halfUp = true)
    {
        value = default;
        text = text.Trim();
        int pos = 0;
        bool negative = false;
        if (pos < text.Length && text[pos] is '+' or '-') { negative = text[pos] == '-'; pos++; }
        int mantissaStart = pos, digits = 0, pointAt = -1;
        for (; pos < text.Length; pos++)
        {
            char c = text[pos];
            if (char.IsAsciiDigit(c)) digits++;
            else if (c == '.' && pointAt < 0) pointAt = digits;
            else break;
        }
        int mantissaEnd = pos;
        if (digits == 0) return DecimalParseStatus.Invalid;
        long exponent = 0;
        if (pos < text.Length && text[pos] is 'e' or 'E')
        {
            pos++;
            bool negativeExponent = false;
            if (pos < text.Length && text[pos] is '+' or '-') { negativeExponent = text[pos] == '-'; pos++; }
            int exponentDigits = 0;
            for (; pos < text.Length && char.IsAsciiDigit(text[pos]); pos++, exponentDigits++)
                if (exponent < 100_000_000) exponent = exponent * 10 + (text[pos] - '0');
            if (exponentDigits == 0) return DecimalParseStatus.Invalid;
            if (negativeExponent) exponent = -exponent;
        }
        if (pos != text.Length) return DecimalParseStatus.Invalid;

        int fractionDigits = pointAt < 0 ? 0 : digits - pointAt;
        // The mantissa's digits, skipping the point: digit j of the number M = all digits read as one integer.
        var mantissa = text[mantissaStart..mantissaEnd];
        int leadingZeros = 0;
        while (leadingZeros < digits && Digit(mantissa, pointAt, leadingZeros) == 0) leadingZeros++;
        int significant = digits - leadingZeros;
        if (significant == 0) { value = new DecimalValue(0, scale); return DecimalParseStatus.Ok; }

        // value = M × 10^(exponent - fractionDigits); unscaled = M × 10^shift, shift = exponent - fractionDigits + scale.
        long shift = exponent - fractionDigits + scale;
        long kept = significant + shift; // significant digits left of the target scale's point
        if (kept > precision) return DecimalParseStatus.Overflow;
        UInt128 magnitude = 0;
        for (int j = leadingZeros; j < leadingZeros + Math.Max(kept, 0) && j < digits; j++)
            magnitude = magnitude * 10 + (uint)Digit(mantissa, pointAt, j);
        if (shift > 0) magnitude *= Powers[(int)shift]; // kept ≤ precision ≤ 38, so shift ≤ 38 and no overflow
        else if (halfUp && kept >= 0 && kept < significant && Digit(mantissa, pointAt, leadingZeros + (int)kept) >= 5) magnitude++;
        if (magnitude >= Powers[Math.Min(precision, MaxPrecision)]) return DecimalParseStatus.Overflow;
        value = new DecimalValue(negative ? -(Int128)magnitude : (Int128)magnitude, scale);
        return DecimalParseStatus.Ok;
    }

    /// <summary>Digit <paramref name="j"/> of a mantissa's digits, skipping its point.</summary>
    private static int Digit(ReadOnlySpan<char> mantissa, int pointAt, int j) => mantissa[j + (pointAt >= 0 && j >= pointAt ? 1 : 0)] - '0';

    /// <summary>The exact value of a literal's text, e.g. <c>12.50</c> → 1250 at scale 2; at most 38 digits.</summary>
    /// <exception cref="FormatException">Not a number, or more than 38 digits.</exception>
    public static DecimalValue Parse(string text)
    {
        var (precision, scale) = PrecisionAndScale(text);
        if (precision > MaxPrecision || TryParse(text, precision, scale, out var value) != DecimalParseStatus.Ok)
            throw new FormatException($"'{text}' is not a DECIMAL of at most {MaxPrecision} digits");
        return value;
    }

    /// <summary>The DECIMAL(p, s) of a plain numeral, as Calcite types a literal: s = digits after the point, p = the
    /// digits without leading zeros (at least s, at least 1): <c>0.63</c> → (2, 2), <c>1.50</c> → (3, 2), <c>007</c> → (1, 0).</summary>
    public static (int Precision, int Scale) PrecisionAndScale(string text)
    {
        var unsigned = text.AsSpan().Trim().TrimStart("+-");
        int dot = unsigned.IndexOf('.');
        int scale = dot < 0 ? 0 : unsigned.Length - dot - 1;
        int digits = 0;
        bool leading = true;
        foreach (char c in unsigned)
        {
            if (c == '.' || (leading && c == '0')) continue;
            leading = false;
            digits++;
        }
        return (Math.Max(Math.Max(digits, scale), 1), scale);
    }

    /// <summary>The nearest double (Java's <c>BigDecimal.doubleValue()</c>: correctly rounded).</summary>
    public double ToDouble()
    {
        var magnitude = Magnitude(Unscaled);
        // Both operands exact as doubles: one IEEE division rounds correctly.
        if (magnitude < (UInt128)(1L << 53) && Scale is >= 0 and <= 22)
            return (double)Unscaled / ExactPowersOfTen[Scale];
        return double.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static readonly double[] ExactPowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>10^<paramref name="exponent"/> as a double, exact for 0 ≤ exponent ≤ 22.</summary>
    public static double DoublePowerOfTen(int exponent) => exponent is >= 0 and <= 22 ? ExactPowersOfTen[exponent] : Math.Pow(10, exponent);

    /// <summary>Java's <c>BigDecimal.toPlainString()</c>: exactly <see cref="Scale"/> fractional digits (<c>0.6300</c>, <c>-5</c>).</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[MaxFormattedLength];
        return new string(buffer[..Format(Unscaled, Scale, buffer)]);
    }

    /// <summary>The longest <see cref="Format"/> result: sign, 39 digits, point, a leading zero, for scales up to 38.</summary>
    public const int MaxFormattedLength = 80;

    /// <summary>Writes <c>toPlainString()</c> of <paramref name="unscaled"/> × 10^-<paramref name="scale"/> into
    /// <paramref name="destination"/> (at least <see cref="MaxFormattedLength"/> chars for scales up to 38); returns the length.</summary>
    public static int Format(Int128 unscaled, int scale, Span<char> destination)
    {
        Span<char> digits = stackalloc char[40];
        Magnitude(unscaled).TryFormat(digits, out int count, default, CultureInfo.InvariantCulture);
        int at = 0;
        if (unscaled < 0) destination[at++] = '-';
        if (scale <= 0)
        {
            digits[..count].CopyTo(destination[at..]);
            return at + count;
        }
        if (count <= scale)
        {
            destination[at++] = '0';
            destination[at++] = '.';
            for (int i = count; i < scale; i++) destination[at++] = '0';
            digits[..count].CopyTo(destination[at..]);
            return at + count;
        }
        digits[..(count - scale)].CopyTo(destination[at..]);
        at += count - scale;
        destination[at++] = '.';
        digits[(count - scale)..count].CopyTo(destination[at..]);
        return at + scale;
    }

    public int CompareTo(DecimalValue other)
    {
        if (Scale == other.Scale) return Unscaled.CompareTo(other.Unscaled);
        int sign = Int128.Sign(Unscaled), otherSign = Int128.Sign(other.Unscaled);
        if (sign != otherSign) return sign.CompareTo(otherSign);
        // Same sign: compare at the larger scale, exactly (BigInteger only when 128 bits do not suffice).
        int scale = Math.Max(Scale, other.Scale);
        if (TryRescale(Unscaled, Scale, scale, out var a) && TryRescale(other.Unscaled, other.Scale, scale, out var b)) return a.CompareTo(b);
        var x = (System.Numerics.BigInteger)Unscaled * System.Numerics.BigInteger.Pow(10, scale - Scale);
        var y = (System.Numerics.BigInteger)other.Unscaled * System.Numerics.BigInteger.Pow(10, scale - other.Scale);
        return x.CompareTo(y);
    }

    public bool Equals(DecimalValue other) => Unscaled == other.Unscaled && Scale == other.Scale;
    public override bool Equals(object? obj) => obj is DecimalValue other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Unscaled, Scale);
    public static bool operator ==(DecimalValue left, DecimalValue right) => left.Equals(right);
    public static bool operator !=(DecimalValue left, DecimalValue right) => !left.Equals(right);

    private static UInt128[] BuildLargestToScale()
    {
        var largest = new UInt128[MaxPrecision + 1];
        for (int i = 0; i < largest.Length; i++) largest[i] = (UInt128)Int128.MaxValue / Powers[i];
        return largest;
    }

    private static UInt128[] BuildPowers()
    {
        var powers = new UInt128[MaxPrecision + 1];
        powers[0] = 1;
        for (int i = 1; i < powers.Length; i++) powers[i] = powers[i - 1] * 10;
        return powers;
    }
}
