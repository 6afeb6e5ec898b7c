using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>One PRINTF argument of a row: what Java's <c>Formatter</c> would be handed (Flink passes the internal value).</summary>
internal readonly record struct FormatArgument(FormatArgument.Kinds Kind, long Integer, int Bits, double Floating, string? Text, bool Boolean, BigInteger Unscaled, int Scale)
{
    public enum Kinds { Null, Integer, Floating, Decimal, Boolean, Text }

    public static FormatArgument Null => new(Kinds.Null, 0, 0, 0, null, false, default, 0);
    public static FormatArgument OfInteger(long value, int bits) => new(Kinds.Integer, value, bits, 0, null, false, default, 0);
    public static FormatArgument OfFloating(double value) => new(Kinds.Floating, 0, 0, value, null, false, default, 0);
    public static FormatArgument OfDecimal(BigInteger unscaled, int scale) => new(Kinds.Decimal, 0, 0, 0, null, false, unscaled, scale);
    public static FormatArgument OfBoolean(bool value) => new(Kinds.Boolean, 0, 0, 0, null, value, default, 0);
    public static FormatArgument OfText(string text) => new(Kinds.Text, 0, 0, 0, text, false, default, 0);

    /// <summary>The Java class named in a conversion error.</summary>
    public string JavaClass => Kind switch
    {
        Kinds.Integer => Bits switch { 8 => "java.lang.Byte", 16 => "java.lang.Short", 32 => "java.lang.Integer", _ => "java.lang.Long" },
        Kinds.Floating => "java.lang.Double",
        Kinds.Decimal => "java.math.BigDecimal",
        Kinds.Boolean => "java.lang.Boolean",
        _ => "java.lang.String",
    };

    /// <summary>The text <c>%s</c> prints.</summary>
    public string Display => Kind switch
    {
        Kinds.Null => "null",
        Kinds.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        Kinds.Floating => Types.JavaNumberFormat.Double(Floating),
        Kinds.Decimal => DecimalText(Unscaled, Scale),
        Kinds.Boolean => Boolean ? "true" : "false",
        _ => Text!,
    };

    private static string DecimalText(BigInteger unscaled, int scale)
    {
        var digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        if (scale > 0) digits = digits.PadLeft(scale + 1, '0').Insert(digits.PadLeft(scale + 1, '0').Length - scale, ".");
        return unscaled.Sign < 0 ? "-" + digits : digits;
    }
}

/// <summary>
/// A format string of Java's <c>java.util.Formatter</c> (Locale.US), parsed once: <c>%[index$][flags][width][.precision]conversion</c>
/// with conversions <c>b B s S c C d o x X e E f g G % n</c> and flags <c>- # + space 0 , ( &lt;</c>. Date/time (<c>%t</c>),
/// hash (<c>%h</c>) and hexadecimal floating point (<c>%a</c>) conversions are refused by name. Errors carry Java's
/// exception texts.
/// </summary>
internal sealed class JavaFormat
{
    private static readonly Regex Specifier = new(@"%(\d+\$)?([-#+ 0,(<]*)?(\d+)?(\.\d+)?([tT])?([a-zA-Z%])", RegexOptions.CultureInvariant);

    private readonly List<object> _parts = new();

    public JavaFormat(string format)
    {
        int at = 0;
        while (at < format.Length)
        {
            int percent = format.IndexOf('%', at);
            if (percent < 0) { _parts.Add(format[at..]); break; }
            if (percent > at) _parts.Add(format[at..percent]);
            var m = Specifier.Match(format, percent);
            if (!m.Success || m.Index != percent)
            {
                char next = percent + 1 < format.Length ? format[percent + 1] : '%';
                throw new ExpressionEvaluationException($"PRINTF: unknown format conversion: Conversion = '{next}' in '{format}'");
            }
            _parts.Add(new Spec(m));
            at = m.Index + m.Length;
        }
    }

    public string Format(ReadOnlySpan<FormatArgument> args)
    {
        var sb = new StringBuilder();
        int ordinary = 0, last = -1;
        foreach (var part in _parts)
        {
            if (part is string text) { sb.Append(text); continue; }
            var spec = (Spec)part;
            if (spec.Conversion == '%') { Pad(sb, "%", spec); continue; }
            if (spec.Conversion == 'n') { sb.Append('\n'); continue; }
            int index = spec.Relative ? last : spec.Index > 0 ? spec.Index - 1 : ordinary++;
            if (index < 0 || index >= args.Length)
                throw new ExpressionEvaluationException($"PRINTF: missing format argument: Format specifier '{spec.Text}'");
            last = index;
            Pad(sb, spec.Apply(args[index]), spec);
        }
        return sb.ToString();
    }

    private static void Pad(StringBuilder sb, string value, Spec spec)
    {
        if (value.Length >= spec.Width) { sb.Append(value); return; }
        if (spec.Flags.Contains('-')) sb.Append(value).Append(' ', spec.Width - value.Length);
        else sb.Append(' ', spec.Width - value.Length).Append(value);
    }

    private sealed class Spec
    {
        public Spec(Match m)
        {
            Text = m.Value;
            Index = m.Groups[1].Success ? int.Parse(m.Groups[1].Value.TrimEnd('$'), CultureInfo.InvariantCulture) : 0;
            Flags = m.Groups[2].Value;
            Relative = Flags.Contains('<');
            Width = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
            Precision = m.Groups[4].Success ? int.Parse(m.Groups[4].Value[1..], CultureInfo.InvariantCulture) : -1;
            Conversion = m.Groups[6].Value[0];
            if (m.Groups[5].Success)
                throw new ExpressionEvaluationException($"PRINTF: date/time conversions ('{Text}') are not supported");
            if ("bBsScCdoxXeEfgG%n".IndexOf(Conversion) < 0)
                throw new ExpressionEvaluationException(Conversion is 'h' or 'H' or 'a' or 'A'
                    ? $"PRINTF: the conversion '{Text}' is not supported"
                    : $"PRINTF: unknown format conversion: Conversion = '{Conversion}'");
            if ((Flags.Contains('-') || Flags.Contains('0')) && Width == 0 && Conversion is not ('%' or 'n'))
                throw new ExpressionEvaluationException($"PRINTF: missing format width: '{Text}'");
        }

        public string Text { get; }
        public int Index { get; }
        public bool Relative { get; }
        public string Flags { get; }
        public int Width { get; }
        public int Precision { get; }
        public char Conversion { get; }

        public string Apply(FormatArgument a)
        {
            bool upper = char.IsUpper(Conversion);
            string result = char.ToLowerInvariant(Conversion) switch
            {
                'b' => Truncate(a.Kind == FormatArgument.Kinds.Null ? "false" : a.Kind == FormatArgument.Kinds.Boolean ? (a.Boolean ? "true" : "false") : "true"),
                's' => Truncate(a.Display),
                'c' => a.Kind == FormatArgument.Kinds.Null ? "null"
                    : a.Kind == FormatArgument.Kinds.Integer ? char.ConvertFromUtf32((int)a.Integer) : throw Mismatch(a),
                'd' => a.Kind == FormatArgument.Kinds.Null ? "null"
                    : a.Kind == FormatArgument.Kinds.Integer ? Signed(BigInteger.Abs(a.Integer).ToString(CultureInfo.InvariantCulture), a.Integer < 0) : throw Mismatch(a),
                'o' or 'x' => a.Kind == FormatArgument.Kinds.Null ? "null" : a.Kind == FormatArgument.Kinds.Integer ? Radix(a) : throw Mismatch(a),
                _ => a.Kind == FormatArgument.Kinds.Null ? "null" : Floating(a),
            };
            return upper ? result.ToUpperInvariant() : result;
        }

        private string Truncate(string s) => Precision >= 0 && Precision < s.Length ? s[..Precision] : s;

        private ExpressionEvaluationException Mismatch(FormatArgument a) =>
            new($"PRINTF: illegal format conversion: {char.ToLowerInvariant(Conversion)} != {a.JavaClass} (in '{Text}')");

        private string Radix(FormatArgument a)
        {
            ulong bits = a.Bits == 64 ? (ulong)a.Integer : (ulong)a.Integer & ((1UL << a.Bits) - 1);
            string digits = char.ToLowerInvariant(Conversion) == 'x' ? bits.ToString("x", CultureInfo.InvariantCulture) : Convert.ToString((long)bits, 8);
            if (Flags.Contains('#')) digits = (char.ToLowerInvariant(Conversion) == 'x' ? "0x" : "0") + digits;
            return Flags.Contains('0') ? digits.PadLeft(Width, '0') : digits;
        }

        /// <summary>Digits of a magnitude with the sign, grouping and padding flags (d, e, f, g).</summary>
        private string Signed(string magnitude, bool negative)
        {
            if (Flags.Contains(',')) magnitude = Group(magnitude);
            string prefix = negative ? (Flags.Contains('(') ? "(" : "-") : Flags.Contains('+') ? "+" : Flags.Contains(' ') ? " " : "";
            string suffix = negative && Flags.Contains('(') ? ")" : "";
            if (Flags.Contains('0'))
                magnitude = magnitude.PadLeft(Math.Max(magnitude.Length, Width - prefix.Length - suffix.Length), '0');
            return prefix + magnitude + suffix;
        }

        private static string Group(string digits)
        {
            int point = digits.IndexOf('.');
            string whole = point < 0 ? digits : digits[..point], rest = point < 0 ? "" : digits[point..];
            var sb = new StringBuilder();
            for (int i = 0; i < whole.Length; i++)
            {
                if (i > 0 && (whole.Length - i) % 3 == 0) sb.Append(',');
                sb.Append(whole[i]);
            }
            return sb + rest;
        }

        private string Floating(FormatArgument a)
        {
            BigInteger unscaled;
            int exponent;
            if (a.Kind == FormatArgument.Kinds.Floating)
            {
                double d = a.Floating;
                if (double.IsNaN(d)) return "NaN";
                if (double.IsInfinity(d)) return d > 0 ? (Flags.Contains('+') ? "+Infinity" : "Infinity") : Flags.Contains('(') ? "(Infinity)" : "-Infinity";
                (unscaled, exponent) = ShortestDigits(d);
            }
            else if (a.Kind == FormatArgument.Kinds.Decimal) (unscaled, exponent) = (a.Unscaled, -a.Scale);
            else throw Mismatch(a);
            bool negative = unscaled.Sign < 0 || a.Kind == FormatArgument.Kinds.Floating && double.IsNegative(a.Floating);
            var magnitude = BigInteger.Abs(unscaled);
            int precision = Precision < 0 ? 6 : Precision;
            switch (char.ToLowerInvariant(Conversion))
            {
                case 'f':
                    return Signed(Fixed(magnitude, exponent, precision), negative);
                case 'e':
                    return Signed(Scientific(magnitude, exponent, precision), negative);
                default:
                    {
                        if (precision == 0) precision = 1;
                        var (rounded, roundedExponent) = RoundSignificant(magnitude, exponent, precision);
                        int magnitudeExponent = rounded.IsZero ? 0 : rounded.ToString(CultureInfo.InvariantCulture).Length - 1 + roundedExponent;
                        bool fixedForm = rounded.IsZero || magnitudeExponent >= -4 && magnitudeExponent < precision;
                        return Signed(fixedForm ? Fixed(magnitude, exponent, precision - 1 - magnitudeExponent) : Scientific(magnitude, exponent, precision - 1), negative);
                    }
            }
        }

        /// <summary>The shortest decimal digits that read back as <paramref name="d"/> (Java's <c>Double.toString</c>
        /// digits, which its Formatter rounds): value = digits × 10^exponent.</summary>
        private static (BigInteger Digits, int Exponent) ShortestDigits(double d)
        {
            string shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
            int e = 0;
            int ePos = shortest.IndexOfAny(['E', 'e']);
            if (ePos >= 0)
            {
                e = int.Parse(shortest[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                shortest = shortest[..ePos];
            }
            int point = shortest.IndexOf('.');
            if (point >= 0)
            {
                e -= shortest.Length - point - 1;
                shortest = shortest.Remove(point, 1);
            }
            var digits = BigInteger.Parse(shortest, CultureInfo.InvariantCulture);
            return (d < 0 ? -digits : digits, e);
        }

        /// <summary>digits × 10^exponent rounded half-up to <paramref name="scale"/> fraction digits, as text.</summary>
        private static string Fixed(BigInteger digits, int exponent, int scale)
        {
            var rounded = Rescale(digits, exponent, scale);
            var text = rounded.ToString(CultureInfo.InvariantCulture);
            if (scale <= 0) return text;
            text = text.PadLeft(scale + 1, '0');
            return text.Insert(text.Length - scale, ".");
        }

        /// <summary>The value at <paramref name="scale"/> fraction digits, rounded half-up.</summary>
        private static BigInteger Rescale(BigInteger digits, int exponent, int scale)
        {
            int shift = exponent + scale;
            if (shift >= 0) return digits * BigInteger.Pow(10, shift);
            var divisor = BigInteger.Pow(10, -shift);
            var quotient = BigInteger.DivRem(digits, divisor, out var remainder);
            return remainder * 2 >= divisor ? quotient + 1 : quotient;
        }

        private static (BigInteger Digits, int Exponent) RoundSignificant(BigInteger digits, int exponent, int significant)
        {
            if (digits.IsZero) return (digits, 0);
            int length = digits.ToString(CultureInfo.InvariantCulture).Length;
            int drop = length - significant;
            if (drop <= 0) return (digits, exponent);
            var divisor = BigInteger.Pow(10, drop);
            var quotient = BigInteger.DivRem(digits, divisor, out var remainder);
            if (remainder * 2 >= divisor) quotient += 1;
            return (quotient, exponent + drop);
        }

        /// <summary>d.ddd e±xx with <paramref name="fraction"/> digits after the point, as Java writes it.</summary>
        private static string Scientific(BigInteger digits, int exponent, int fraction)
        {
            var (rounded, e) = RoundSignificant(digits, exponent, fraction + 1);
            string text = rounded.ToString(CultureInfo.InvariantCulture);
            if (rounded.IsZero) { text = "0"; e = 0; }
            // A carry can add a digit (9.99 → 10.0): keep fraction + 1 significant digits.
            if (text.Length > fraction + 1) { e += text.Length - (fraction + 1); text = text[..(fraction + 1)]; }
            int power = rounded.IsZero ? 0 : e + text.Length - 1;
            text = text.PadRight(fraction + 1, '0');
            string mantissa = fraction > 0 ? text[..1] + "." + text[1..] : text;
            return mantissa + "e" + (power < 0 ? "-" : "+") + Math.Abs(power).ToString("00", CultureInfo.InvariantCulture);
        }
    }
}
