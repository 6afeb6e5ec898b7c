using System.Numerics;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// DECIMAL <c>+ - * / %</c> on unscaled 128-bit values: exact in 128 bits where they fit (BigInteger beyond), rounded
/// half-up to the result scale; a result beyond the result precision is NULL (Flink's <c>DecimalData.fromBigDecimal</c>);
/// division or remainder by zero raises an error as Java's BigDecimal does.
/// </summary>
internal sealed class DecimalArithmetic : VectorExpression
{
    private readonly ArithmeticOp _op;
    private readonly Call _call;
    private readonly VectorExpression _left;
    private readonly VectorExpression _right;

    public DecimalArithmetic(ArithmeticOp op, Call call, VectorExpression left, VectorExpression right) : base(call.Type)
    {
        _op = op;
        _call = call;
        _left = left;
        _right = right;
    }

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var a = _left.EvaluateReader(input, context);
        var b = _right.EvaluateReader(input, context);
        int sa = _left.Type.Scale, sb = _right.Type.Scale, rs = Type.Scale;
        var writer = ColumnWriter.Create(Type, n);
        for (int row = 0; row < n; row++)
        {
            if (a.IsNull(row) || b.IsNull(row)) { writer.AppendNull(); continue; }
            var x = a.GetUnscaled(row);
            var y = b.GetUnscaled(row);
            if (TryCompute(x, sa, y, sb, rs, out var result)) writer.AppendUnscaled(result);
            else
            {
                var big = ComputeBig(x, sa, y, sb, rs);
                if (big is { } value && value < (BigInteger)Int128.MaxValue && value > (BigInteger)Int128.MinValue) writer.AppendUnscaled((Int128)value);
                else writer.AppendNull();
            }
        }
        return writer.Build();
    }

    private bool TryCompute(Int128 x, int sa, Int128 y, int sb, int rs, out Int128 result)
    {
        result = 0;
        try
        {
            checked
            {
                switch (_op)
                {
                    case ArithmeticOp.Add or ArithmeticOp.Subtract:
                        {
                            int s = Math.Max(sa, sb);
                            var xs = x * DecimalMath.PowerOfTen(s - sa);
                            var ys = y * DecimalMath.PowerOfTen(s - sb);
                            var sum = _op == ArithmeticOp.Add ? xs + ys : xs - ys;
                            return DecimalMath.TryRescale(sum, s, rs, out result);
                        }
                    case ArithmeticOp.Multiply:
                        return DecimalMath.TryRescale(x * y, sa + sb, rs, out result);
                    case ArithmeticOp.Remainder:
                        {
                            if (y == 0) throw DivisionByZero();
                            int s = Math.Max(sa, sb);
                            var xs = x * DecimalMath.PowerOfTen(s - sa);
                            var ys = y * DecimalMath.PowerOfTen(s - sb);
                            return DecimalMath.TryRescale(xs % ys, s, rs, out result);
                        }
                    default:
                        return false; // division always takes the BigInteger path
                }
            }
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private BigInteger? ComputeBig(Int128 x128, int sa, Int128 y128, int sb, int rs)
    {
        BigInteger x = x128, y = y128;
        switch (_op)
        {
            case ArithmeticOp.Add or ArithmeticOp.Subtract:
                {
                    int s = Math.Max(sa, sb);
                    var sum = _op == ArithmeticOp.Add ? x * BigInteger.Pow(10, s - sa) + y * BigInteger.Pow(10, s - sb) : x * BigInteger.Pow(10, s - sa) - y * BigInteger.Pow(10, s - sb);
                    return Rescale(sum, s, rs);
                }
            case ArithmeticOp.Multiply:
                return Rescale(x * y, sa + sb, rs);
            case ArithmeticOp.Divide:
                {
                    if (y.IsZero) throw DivisionByZero();
                    // x/10^sa ÷ y/10^sb = (x·10^(rs - sa + sb) / y) / 10^rs
                    int e = rs - sa + sb;
                    return e >= 0
                        ? DecimalMath.DivideHalfUp(x * BigInteger.Pow(10, e), y)
                        : DecimalMath.DivideHalfUp(x, y * BigInteger.Pow(10, -e));
                }
            default:
                {
                    if (y.IsZero) throw DivisionByZero();
                    int s = Math.Max(sa, sb);
                    return Rescale(BigInteger.Remainder(x * BigInteger.Pow(10, s - sa), y * BigInteger.Pow(10, s - sb)), s, rs);
                }
        }
    }

    private static BigInteger Rescale(BigInteger value, int from, int to) =>
        to >= from ? value * BigInteger.Pow(10, to - from) : DecimalMath.DivideHalfUp(value, BigInteger.Pow(10, from - to));

    private ExpressionEvaluationException DivisionByZero() => new($"Division by zero in {ExpressionCompiler.Describe(_call)}");
}
