using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// DECIMAL <c>+ - * / %</c> over whole Decimal128 columns (a typed loop over the unscaled 128-bit values, see
/// <see cref="DecimalMath"/>): results are rounded half up to the result scale, and a result beyond the result
/// precision is NULL (Flink's <c>DecimalData.fromBigDecimal</c>); division or remainder by zero fails as in Flink.
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
        if (_op == ArithmeticOp.Multiply && Type.Scale == _left.Type.Scale + _right.Type.Scale)
        {
            // A BIGINT widened to DECIMAL(19, 0) (0.908 * price): its longs are read as they are, no widened copy.
            if (_left is IntegerToDecimal<long> { SameValuesInt64: { } wideLeft }) return MultiplyInt64(wideLeft, _right, input, context);
            if (_right is IntegerToDecimal<long> { SameValuesInt64: { } wideRight }) return MultiplyInt64(wideRight, _left, input, context);
        }
        var left = _left.Evaluate(input, context);
        var right = _right.Evaluate(input, context);
        if (left is NullArray || right is NullArray) return ArrayBuild.Nulls(Type, n);
        var x = Unscaled(left);
        var y = Unscaled(right);
        var validity = Bitmaps.And(left, right);
        var buffer = ArrayBuild.Values<Int128>(n);
        var result = ArrayBuild.As<Int128>(buffer)[..n];
        var scales = new Scales(_left.Type.Scale, _right.Type.Scale, Type.Precision, Type.Scale);
        // One loop per operator, specialised by the JIT for each (the operation is a struct type argument).
        switch (_op)
        {
            case ArithmeticOp.Add: Loop<Add>(x, y, result, ref validity, scales); break;
            case ArithmeticOp.Subtract: Loop<Subtract>(x, y, result, ref validity, scales); break;
            case ArithmeticOp.Multiply:
                if (scales.S == scales.X + scales.Y) MultiplyExact(x, y, result, ref validity, scales);
                else Loop<Multiply>(x, y, result, ref validity, scales);
                break;
            default:
                for (int i = 0; i < n; i++)
                    if (Bitmaps.IsValid(validity, i) && y[i] == 0) throw DivisionByZero();
                if (_op == ArithmeticOp.Divide) Loop<Divide>(x, y, result, ref validity, scales);
                else Loop<Remainder>(x, y, result, ref validity, scales);
                break;
        }
        return ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(Type), buffer, validity, n);
    }

    /// <summary>Operand scales and the result's precision and scale.</summary>
    private readonly record struct Scales(int X, int Y, int P, int S);

    private interface IOperation
    {
        static abstract bool Apply(Int128 x, Int128 y, in Scales c, out Int128 result);
    }

    private struct Add : IOperation
    {
        public static bool Apply(Int128 x, Int128 y, in Scales c, out Int128 result) => DecimalMath.TryAdd(x, c.X, y, c.Y, c.P, c.S, out result);
    }

    private struct Subtract : IOperation
    {
        public static bool Apply(Int128 x, Int128 y, in Scales c, out Int128 result) => DecimalMath.TryAdd(x, c.X, y, c.Y, c.P, c.S, out result, subtract: true);
    }

    private struct Multiply : IOperation
    {
        public static bool Apply(Int128 x, Int128 y, in Scales c, out Int128 result) => DecimalMath.TryMultiply(x, c.X, y, c.Y, c.P, c.S, out result);
    }

    private struct Divide : IOperation
    {
        public static bool Apply(Int128 x, Int128 y, in Scales c, out Int128 result) => DecimalMath.TryDivide(x, c.X, y, c.Y, c.P, c.S, out result);
    }

    private struct Remainder : IOperation
    {
        public static bool Apply(Int128 x, Int128 y, in Scales c, out Int128 result) => DecimalMath.TryRemainder(x, c.X, y, c.Y, c.P, c.S, out result);
    }

    private static void Loop<TOperation>(ReadOnlySpan<Int128> x, ReadOnlySpan<Int128> y, Span<Int128> result, ref byte[]? validity, in Scales scales)
        where TOperation : struct, IOperation
    {
        for (int i = 0; i < result.Length; i++)
        {
            if (!Bitmaps.IsValid(validity, i)) continue;
            if (TOperation.Apply(x[i], y[i], scales, out result[i])) continue;
            // Beyond the result precision: NULL, as Flink.
            validity ??= Bitmaps.AllValid(result.Length);
            Bitmaps.Clear(validity, i);
            result[i] = 0;
        }
    }

    /// <summary>
    /// A product kept at the operands' combined scale (no rounding, the common case: Flink's result scale is sx + sy
    /// below 38 digits): where both operands fit 64 bits the exact product is one 64×64→128 multiply and the only check
    /// is the result precision; other rows take the general <see cref="DecimalMath.TryMultiply"/>.
    /// </summary>
    private static void MultiplyExact(ReadOnlySpan<Int128> x, ReadOnlySpan<Int128> y, Span<Int128> result, ref byte[]? validity, in Scales scales)
    {
        var limit = DecimalMath.PowerOfTen(Math.Min(scales.P, DecimalValue.MaxPrecision));
        for (int i = 0; i < result.Length; i++)
        {
            if (validity is not null && !Bitmaps.IsValid(validity, i)) continue;
            Int128 a = x[i], b = y[i];
            if (a == (long)a && b == (long)b)
            {
                var product = Math.BigMul((long)a, (long)b);
                if (product < limit && product > -limit)
                {
                    result[i] = product;
                    continue;
                }
            }
            else if (DecimalMath.TryMultiply(a, scales.X, b, scales.Y, scales.P, scales.S, out result[i]))
            {
                continue;
            }
            // Beyond the result precision: NULL, as Flink.
            validity ??= Bitmaps.AllValid(result.Length);
            Bitmaps.Clear(validity, i);
            result[i] = 0;
        }
    }

    /// <summary>BIGINT × DECIMAL at the combined scale (see <see cref="MultiplyExact"/>), the BIGINT read as it is.</summary>
    private IArrowArray MultiplyInt64(VectorExpression integers, VectorExpression decimals, RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        if (decimals is ConstantExpression { IsNull: false } constant
            && constant.EvaluateReader(input, context).GetUnscaled(0) is var factor && factor == (long)factor && AlwaysFits((long)factor, Type.Precision))
            return MultiplyByConstant(integers.Evaluate(input, context), (long)factor);
        var left = integers.Evaluate(input, context);
        var right = decimals.Evaluate(input, context);
        if (left is NullArray || right is NullArray) return ArrayBuild.Nulls(Type, n);
        var x = NumericCasts.Values<long>(left);
        var y = Unscaled(right);
        var validity = Bitmaps.And(left, right);
        var buffer = ArrayBuild.Values<Int128>(n);
        var result = ArrayBuild.As<Int128>(buffer)[..n];
        var limit = DecimalMath.PowerOfTen(Math.Min(Type.Precision, DecimalValue.MaxPrecision));
        for (int i = 0; i < result.Length; i++)
        {
            if (validity is not null && !Bitmaps.IsValid(validity, i)) continue;
            Int128 b = y[i];
            Int128 product = b == (long)b ? Math.BigMul(x[i], (long)b) : 0;
            if (b == (long)b ? product < limit && product > -limit
                : DecimalMath.TryMultiply(x[i], 0, b, decimals.Type.Scale, Type.Precision, Type.Scale, out product))
            {
                result[i] = product;
                continue;
            }
            // Beyond the result precision: NULL, as Flink.
            Bitmaps.Clear(validity ??= Bitmaps.AllValid(n), i);
        }
        return ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(Type), buffer, validity, n);
    }

    /// <summary>
    /// BIGINT × a DECIMAL literal whose products all fit the result precision (|x·f| &lt; 10^p for every BIGINT x, which
    /// Flink's result type DECIMAL(19 + p_f, s_f) always gives): one 64×64→128 multiply per row, no check. Null slots get
    /// a product too; it is never read.
    /// </summary>
    private static bool AlwaysFits(long factor, int precision)
    {
        var limit = DecimalMath.PowerOfTen(Math.Min(precision, DecimalValue.MaxPrecision));
        return factor == 0 || (limit - 1) / Int128.Abs(factor) >= (Int128)long.MaxValue + 1;
    }

    private IArrowArray MultiplyByConstant(IArrowArray integers, long factor)
    {
        int n = integers.Length;
        if (integers is NullArray) return ArrayBuild.Nulls(Type, n);
        var x = NumericCasts.Values<long>(integers);
        var buffer = ArrayBuild.Values<Int128>(n);
        var result = ArrayBuild.As<Int128>(buffer)[..n];
        for (int i = 0; i < result.Length; i++) result[i] = Math.BigMul(x[i], factor);
        return ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(Type), buffer, Bitmaps.Validity(integers), n);
    }

    private static ReadOnlySpan<Int128> Unscaled(IArrowArray array)
    {
        var data = array.Data;
        return MemoryMarshal.Cast<byte, Int128>(data.Buffers[1].Span).Slice(data.Offset, data.Length);
    }

    private ExpressionEvaluationException DivisionByZero() => ExpressionCompiler.Failure("Division by zero", _call);
}
