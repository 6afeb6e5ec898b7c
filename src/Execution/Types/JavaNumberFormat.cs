using System.Globalization;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Types;

/// <summary>
/// Java's <c>Double.toString</c>, <c>Float.toString</c> and <c>BigDecimal.toString</c>/<c>toPlainString</c>, which is how
/// Flink turns these numbers into text: shortest round-trip digits, plain notation for 10^-3 ≤ |x| &lt; 10^7 with at
/// least one fractional digit (<c>1.0</c>), otherwise <c>1.5E10</c> / <c>1.0E-5</c>; <c>NaN</c>, <c>Infinity</c>.
/// </summary>
public static class JavaNumberFormat
{
    public static string Double(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";
        return FromRoundTrip(value.ToString("R", CultureInfo.InvariantCulture), Math.Abs(value) >= 1e-3 && Math.Abs(value) < 1e7);
    }

    public static string Float(float value)
    {
        if (float.IsNaN(value)) return "NaN";
        if (float.IsPositiveInfinity(value)) return "Infinity";
        if (float.IsNegativeInfinity(value)) return "-Infinity";
        if (value == 0) return float.IsNegative(value) ? "-0.0" : "0.0";
        return FromRoundTrip(value.ToString("R", CultureInfo.InvariantCulture), Math.Abs(value) >= 1e-3f && Math.Abs(value) < 1e7f);
    }

    /// <summary>Rewrites .NET's shortest round-trip text (<c>1.5E+20</c>, <c>1E-05</c>, <c>123.4</c>) in Java's layout.</summary>
    private static string FromRoundTrip(string text, bool plain)
    {
        bool negative = text[0] == '-';
        if (negative) text = text[1..];
        int exponent = 0;
        int e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        int dot = text.IndexOf('.');
        string digits = dot < 0 ? text : text.Remove(dot, 1);
        int pointPosition = (dot < 0 ? text.Length : dot) + exponent; // digits before the decimal point
        int leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0') leadingZeros++;
        digits = digits[leadingZeros..];
        pointPosition -= leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";

        var sb = new System.Text.StringBuilder(24);
        if (negative) sb.Append('-');
        if (plain)
        {
            if (pointPosition <= 0)
                sb.Append("0.").Append('0', -pointPosition).Append(digits);
            else if (pointPosition >= digits.Length)
                sb.Append(digits).Append('0', pointPosition - digits.Length).Append(".0");
            else
                sb.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }
        else
        {
            sb.Append(digits[0]).Append('.');
            if (digits.Length > 1) sb.Append(digits, 1, digits.Length - 1); else sb.Append('0');
            sb.Append('E').Append((pointPosition - 1).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary><c>BigDecimal.toPlainString()</c> of <paramref name="unscaled"/> × 10^-<paramref name="scale"/>: exactly
    /// <paramref name="scale"/> fractional digits (what Flink's CAST(decimal AS STRING) prints).</summary>
    public static string DecimalPlain(Int128 unscaled, int scale)
    {
        Span<char> buffer = stackalloc char[DecimalValue.MaxFormattedLength];
        return new string(buffer[..DecimalValue.Format(unscaled, scale, buffer)]);
    }

    /// <summary>Appends <see cref="DecimalPlain"/> without an intermediate string.</summary>
    public static void AppendDecimalPlain(System.Text.StringBuilder sb, Int128 unscaled, int scale)
    {
        Span<char> buffer = stackalloc char[DecimalValue.MaxFormattedLength];
        sb.Append(buffer[..DecimalValue.Format(unscaled, scale, buffer)]);
    }

    /// <summary><c>BigDecimal.toString()</c>: like <see cref="DecimalPlain(Int128, int)"/> except that very small values
    /// (adjusted exponent below -6) use scientific notation, e.g. <c>1E-7</c>, <c>0E-8</c>.</summary>
    public static string DecimalJava(Int128 unscaled, int scale)
    {
        bool negative = unscaled < 0;
        string digits = DecimalValue.Magnitude(unscaled).ToString(CultureInfo.InvariantCulture);
        long adjusted = -(long)scale + (digits.Length - 1);
        if (scale >= 0 && adjusted >= -6) return DecimalPlain(unscaled, scale);
        var sb = new System.Text.StringBuilder();
        if (negative) sb.Append('-');
        sb.Append(digits[0]);
        if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
        sb.Append('E');
        if (adjusted > 0) sb.Append('+');
        sb.Append(adjusted.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
