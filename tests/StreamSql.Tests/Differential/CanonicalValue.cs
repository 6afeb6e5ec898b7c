using System.Globalization;
using System.Numerics;

namespace StreamSql.Tests.Differential;

/// <summary>
/// One text form for a value from either engine, so that results compare by value: integers of any width alike,
/// decimals without trailing zeros, floating point to 10 significant digits (sums of doubles may differ in the last bits
/// with the order of addition), timestamps to the microsecond.
/// </summary>
internal static class CanonicalValue
{
    public static string Of(object? value) => value switch
    {
        null or DBNull => "NULL",
        bool b => b ? "TRUE" : "FALSE",
        sbyte or byte or short or ushort or int or uint or long or ulong => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        BigInteger big => big.ToString(CultureInfo.InvariantCulture),
        float f => Floating(f),
        double d => Floating(d),
        decimal m => Decimal(m.ToString(CultureInfo.InvariantCulture)),
        string s => s,
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "NULL",
    };

    private static string Floating(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsInfinity(d)) return d > 0 ? "Infinity" : "-Infinity";
        if (d == 0) return "0";
        return d.ToString("G10", CultureInfo.InvariantCulture);
    }

    /// <summary>A decimal's text without trailing fractional zeros (DECIMAL(10,2) 1.50 and DECIMAL(38,4) 1.5000 are equal).</summary>
    public static string Decimal(string text)
    {
        if (!text.Contains('.')) return text == "-0" ? "0" : text;
        text = text.TrimEnd('0').TrimEnd('.');
        return text is "-0" or "" ? "0" : text;
    }

    public static string Row(IReadOnlyList<object?> values) => string.Join(" | ", values.Select(Of));
}
