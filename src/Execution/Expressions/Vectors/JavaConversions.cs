namespace StreamSql.Execution.Expressions.Vectors;

/// <summary>Java's primitive conversions, which Flink's generated code inherits.</summary>
internal static class JavaConversions
{
    /// <summary>Java <c>(long) d</c>: truncation toward zero, NaN → 0, saturating at the long range.</summary>
    public static long DoubleToLong(double d)
    {
        if (double.IsNaN(d)) return 0;
        if (d >= 9.2233720368547758E18) return long.MaxValue;
        if (d <= -9.2233720368547758E18) return long.MinValue;
        return (long)d;
    }

    /// <summary>Java <c>(int) d</c>: truncation toward zero, NaN → 0, saturating at the int range.</summary>
    public static int DoubleToInt(double d)
    {
        if (double.IsNaN(d)) return 0;
        if (d >= int.MaxValue) return int.MaxValue;
        if (d <= int.MinValue) return int.MinValue;
        return (int)d;
    }
}
