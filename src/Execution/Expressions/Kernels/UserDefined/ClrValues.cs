using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Expressions.Kernels.UserDefined;

/// <summary>Reads an operand's value of a row as the .NET type of an <c>Eval</c> parameter, and writes a result back.
/// The invoker compiled for a user function calls these by name.</summary>
internal static class ClrValues
{
    public static bool ReadBoolean(ColumnReader r, int row) => r.GetBoolean(row);
    public static sbyte ReadSByte(ColumnReader r, int row) => (sbyte)r.GetInt64(row);
    public static short ReadInt16(ColumnReader r, int row) => (short)r.GetInt64(row);
    public static int ReadInt32(ColumnReader r, int row) => (int)r.GetInt64(row);
    public static long ReadInt64(ColumnReader r, int row) => r.GetInt64(row);
    public static float ReadSingle(ColumnReader r, int row) => (float)r.GetDouble(row);
    public static double ReadDouble(ColumnReader r, int row) => r.GetDouble(row);
    public static decimal ReadDecimal(ColumnReader r, int row) => ToDecimal(r.GetUnscaled(row), r.Type.Scale);
    public static string ReadString(ColumnReader r, int row) => r.GetString(row);
    public static byte[] ReadBytes(ColumnReader r, int row) => r.GetBytes(row).ToArray();

    public static void WriteBoolean(ColumnBuilder b, bool v) => b.AppendBoolean(v);
    public static void WriteSByte(ColumnBuilder b, sbyte v) => b.AppendInt64(v);
    public static void WriteInt16(ColumnBuilder b, short v) => b.AppendInt64(v);
    public static void WriteInt32(ColumnBuilder b, int v) => b.AppendInt64(v);
    public static void WriteInt64(ColumnBuilder b, long v) => b.AppendInt64(v);
    public static void WriteSingle(ColumnBuilder b, float v) => b.AppendDouble(v);
    public static void WriteDouble(ColumnBuilder b, double v) => b.AppendDouble(v);
    public static void WriteDecimal(ColumnBuilder b, decimal v) => b.AppendUnscaled(FromDecimal(v, Sql.Planner.Functions.UserDefined.ClrTypeMapping.DecimalScale));
    public static void WriteString(ColumnBuilder b, string v) => b.AppendString(v);
    public static void WriteBytes(ColumnBuilder b, byte[] v) => b.AppendBytes(v);

    /// <summary>An unscaled DECIMAL as a .NET decimal (96-bit mantissa, scale up to 28).</summary>
    /// <exception cref="ExpressionEvaluationException">The value does not fit a .NET decimal.</exception>
    internal static decimal ToDecimal(Int128 unscaled, int scale)
    {
        bool negative = unscaled < 0;
        var magnitude = (UInt128)(negative ? -unscaled : unscaled);
        // Drop trailing zeros of the fraction while the mantissa is wider than 96 bits or the scale past decimal's 28.
        while ((magnitude >> 96 != 0 || scale > 28) && scale > 0 && magnitude % 10 == 0)
        {
            magnitude /= 10;
            scale--;
        }
        if (magnitude >> 96 != 0 || scale > 28)
            throw new ExpressionEvaluationException($"DECIMAL value {(negative ? "-" : "")}{magnitude}E-{scale} does not fit a .NET decimal parameter");
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale);
    }

    /// <summary>A .NET decimal as an unscaled DECIMAL of <paramref name="scale"/>, rounding half up past it.</summary>
    internal static Int128 FromDecimal(decimal value, int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        Int128 mantissa = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        int valueScale = (bits[3] >> 16) & 0xFF;
        if ((bits[3] & int.MinValue) != 0) mantissa = -mantissa;
        if (valueScale == scale) return mantissa;
        return valueScale < scale
            ? mantissa * DecimalMath.PowerOfTen(scale - valueScale)
            : DecimalMath.DivideHalfUp(mantissa, DecimalMath.PowerOfTen(valueScale - scale));
    }
}
