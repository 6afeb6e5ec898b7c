using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// Numeric functions. ROUND is half-up on the decimal value (ROUND(2.5) = 3, as Java's BigDecimal); TRUNCATE cuts toward
/// zero; the transcendental functions use IEEE doubles as Java's Math (LN(0) = -Infinity, SQRT(-1) = NaN). RAND with a
/// seed reproduces Java's <c>java.util.Random</c> sequence.
/// </summary>
internal static class MathKernels
{
    public static VectorExpression? TryCreate(string name, Call call, VectorExpression[] ops)
    {
        var t = call.Type;
        switch (name)
        {
            case "ABS":
                if (t.Kind == SqlTypeKind.Decimal) return Row(t, ops, (a, r, w) => w.AppendUnscaled(Int128.Abs(a[0].GetUnscaled(r))));
                if (t.IsApproximate) return Row(t, ops, (a, r, w) => w.AppendDouble(Math.Abs(a[0].GetDouble(r))));
                return Row(t, ops, (a, r, w) => { long v = a[0].GetInt64(r); w.AppendInt64(v < 0 ? unchecked(-v) : v); });
            case "SIGN":
                if (t.Kind == SqlTypeKind.Decimal) return Row(t, ops, (a, r, w) => w.AppendInt64(a[0].GetUnscaled(r).CompareTo(Int128.Zero)));
                if (t.IsApproximate) return Row(t, ops, (a, r, w) => { double d = a[0].GetDouble(r); w.AppendDouble(double.IsNaN(d) ? d : Math.Sign(d)); });
                return Row(t, ops, (a, r, w) => w.AppendInt64(Math.Sign(a[0].GetInt64(r))));
            case "ROUND" or "TRUNCATE": return Round(name == "ROUND", t, ops);
            case "FLOOR" or "CEIL":
                if (ops.Length == 2) return TimeKernels.FloorCeil(name == "FLOOR", t, ops);
                return FloorCeil(name == "FLOOR", t, ops[0]);
            case "POWER": return Double2(t, ops, Math.Pow);
            case "ATAN2": return Double2(t, ops, Math.Atan2);
            case "SQRT": return Double1(t, ops, Math.Sqrt);
            case "CBRT": return Double1(t, ops, Math.Cbrt);
            case "LN": return Double1(t, ops, Math.Log);
            case "LOG10": return Double1(t, ops, Math.Log10);
            case "LOG2": return Double1(t, ops, x => Math.Log(x) / Math.Log(2));
            case "LOG": return ops.Length == 1 ? Double1(t, ops, Math.Log) : Double2(t, ops, (b, x) => Math.Log(x) / Math.Log(b));
            case "EXP": return Double1(t, ops, Math.Exp);
            case "SIN": return Double1(t, ops, Math.Sin);
            case "COS": return Double1(t, ops, Math.Cos);
            case "TAN": return Double1(t, ops, Math.Tan);
            case "COT": return Double1(t, ops, x => 1.0 / Math.Tan(x));
            case "ASIN": return Double1(t, ops, Math.Asin);
            case "ACOS": return Double1(t, ops, Math.Acos);
            case "ATAN": return Double1(t, ops, Math.Atan);
            case "SINH": return Double1(t, ops, Math.Sinh);
            case "COSH": return Double1(t, ops, Math.Cosh);
            case "TANH": return Double1(t, ops, Math.Tanh);
            case "DEGREES": return Double1(t, ops, x => x * (180.0 / Math.PI));
            // java.lang.Math.toRadians: x * (PI / 180), which rounds differently from x / 180 * PI.
            case "RADIANS": return Double1(t, ops, x => x * (Math.PI / 180.0));
            case "PI": return new ConstantExpression(Math.PI, t);
            case "E": return new ConstantExpression(Math.E, t);
            case "RAND":
                {
                    JavaRandom? seeded = null;
                    var unseeded = new JavaRandom(Environment.TickCount64 ^ Random.Shared.NextInt64());
                    return new RowwiseExpression(t, ops, (a, r, w) =>
                    {
                        if (a.Length == 0) { w.AppendDouble(unseeded.NextDouble()); return; }
                        if (a[0].IsNull(r)) { w.AppendNull(); return; }
                        seeded ??= new JavaRandom(a[0].GetInt64(r));
                        w.AppendDouble(seeded.NextDouble());
                    }, nullIntolerant: false);
                }
            case "RAND_INTEGER":
                {
                    JavaRandom? seeded = null;
                    var unseeded = new JavaRandom(Environment.TickCount64 ^ Random.Shared.NextInt64());
                    return new RowwiseExpression(t, ops, (a, r, w) =>
                    {
                        long bound = a[^1].GetInt64(r);
                        if (bound <= 0) throw new ExpressionEvaluationException($"RAND_INTEGER bound must be positive, but was {bound}");
                        var random = a.Length == 1 ? unseeded : seeded ??= new JavaRandom(a[0].GetInt64(r));
                        w.AppendInt64(random.NextInt((int)bound));
                    });
                }
            case "UUID":
                return new RowwiseExpression(t, ops, (a, r, w) => w.AppendString(Guid.NewGuid().ToString("D")), nullIntolerant: false);
            default:
                return null;
        }
    }

    private static RowwiseExpression Row(SqlType t, VectorExpression[] ops, RowFunction f) => new(t, ops, f);

    private static VectorExpression Double1(SqlType t, VectorExpression[] ops, Func<double, double> f) =>
        new RowwiseExpression(t, new[] { ExpressionCompiler.Coerce(ops[0], SqlType.Double) }, (a, r, w) => w.AppendDouble(f(a[0].GetDouble(r))));

    private static VectorExpression Double2(SqlType t, VectorExpression[] ops, Func<double, double, double> f) =>
        new RowwiseExpression(t, new[] { ExpressionCompiler.Coerce(ops[0], SqlType.Double), ExpressionCompiler.Coerce(ops[1], SqlType.Double) },
            (a, r, w) => w.AppendDouble(f(a[0].GetDouble(r), a[1].GetDouble(r))));

    private static VectorExpression Round(bool halfUp, SqlType t, VectorExpression[] ops)
    {
        var x = ops[0];
        var from = x.Type;
        return new RowwiseExpression(t, ops, (a, r, w) =>
        {
            int digits = a.Length > 1 ? (int)Math.Clamp(a[1].GetInt64(r), -38, 38) : 0;
            if (from.Kind == SqlTypeKind.Decimal)
            {
                var u = a[0].GetUnscaled(r);
                var rounded = RoundUnscaled(u, from.Scale, digits, halfUp);
                // rounded has scale max(digits, 0) capped at the operand's scale; bring it to the result scale.
                int scale = Math.Min(Math.Max(digits, 0), from.Scale);
                if (DecimalMath.TryRescale(rounded, scale, t.Scale, out var result)) w.AppendUnscaled(result); else w.AppendNull();
            }
            else if (from.IsApproximate)
            {
                double d = a[0].GetDouble(r);
                if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) >= 7.9e27) { w.AppendDouble(d); return; }
                var m = decimal.Parse(d.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
                w.AppendDouble((double)RoundDecimal(m, digits, halfUp));
            }
            else
            {
                long v = a[0].GetInt64(r);
                if (digits >= 0) { w.AppendInt64(v); return; }
                var rounded = RoundUnscaled(v, 0, digits, halfUp);
                w.AppendInt64((long)rounded);
            }
        });
    }

    /// <summary>Rounds unscaled/10^scale to <paramref name="digits"/> decimals; the result has scale min(max(digits,0), scale)
    /// (for negative digits: scale 0, a multiple of 10^-digits).</summary>
    private static Int128 RoundUnscaled(Int128 u, int scale, int digits, bool halfUp)
    {
        if (digits >= scale) return u;
        int drop = scale - digits;
        if (drop > 38) return 0;
        var p = DecimalMath.PowerOfTen(drop);
        var q = halfUp ? DecimalMath.DivideHalfUp(u, p) : u / p;
        // Negative digits: scale the quotient back to units.
        return digits < 0 ? q * DecimalMath.PowerOfTen(-digits) : q;
    }

    private static decimal RoundDecimal(decimal m, int digits, bool halfUp)
    {
        // |m| < 7.9·10^27 (checked by the caller): to a multiple of 10^29 or more it is 0, and 10^29 leaves System.Decimal.
        if (digits < -28) return 0m;
        if (digits >= 0)
            return halfUp ? Math.Round(m, Math.Min(digits, 28), MidpointRounding.AwayFromZero) : Math.Round(m, Math.Min(digits, 28), MidpointRounding.ToZero);
        decimal factor = (decimal)Math.Pow(10, -digits);
        var scaled = m / factor;
        return (halfUp ? Math.Round(scaled, 0, MidpointRounding.AwayFromZero) : Math.Truncate(scaled)) * factor;
    }

    private static VectorExpression FloorCeil(bool floor, SqlType t, VectorExpression x)
    {
        var from = x.Type;
        if (from.Kind == SqlTypeKind.Decimal)
            return new RowwiseExpression(t, new[] { x }, (a, r, w) =>
            {
                var u = a[0].GetUnscaled(r);
                var p = DecimalMath.PowerOfTen(from.Scale);
                var q = Int128.DivRem(u, p);
                var v = q.Quotient;
                if (q.Remainder != 0 && (floor ? u < 0 : u > 0)) v += floor ? -1 : 1;
                if (DecimalMath.TryRescale(v, 0, t.Scale, out var result)) w.AppendUnscaled(result); else w.AppendNull();
            });
        if (from.IsApproximate) return new RowwiseExpression(t, new[] { x }, (a, r, w) => w.AppendDouble(floor ? Math.Floor(a[0].GetDouble(r)) : Math.Ceiling(a[0].GetDouble(r))));
        return ExpressionCompiler.Coerce(x, t);
    }
}

/// <summary>Java's <c>java.util.Random</c> (48-bit LCG), so RAND(seed) gives Flink's sequence.</summary>
internal sealed class JavaRandom
{
    private long _seed;

    public JavaRandom(long seed) => _seed = (seed ^ 0x5DEECE66DL) & ((1L << 48) - 1);

    private int Next(int bits)
    {
        _seed = (_seed * 0x5DEECE66DL + 0xBL) & ((1L << 48) - 1);
        return (int)((ulong)_seed >> (48 - bits));
    }

    public double NextDouble() => (((long)Next(26) << 27) + Next(27)) * (1.0 / (1L << 53));

    public int NextInt(int bound)
    {
        int r = Next(31);
        int m = bound - 1;
        if ((bound & m) == 0) return (int)((bound * (long)r) >> 31);
        for (int u = r; u - (r = u % bound) + m < 0; u = Next(31)) { }
        return r;
    }
}
