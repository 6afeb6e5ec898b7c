using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;

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
            case ArithmeticOp.Multiply: Loop<Multiply>(x, y, result, ref validity, scales); break;
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

    private static ReadOnlySpan<Int128> Unscaled(IArrowArray array)
    {
        var data = array.Data;
        return MemoryMarshal.Cast<byte, Int128>(data.Buffers[1].Span).Slice(data.Offset, data.Length);
    }

    private ExpressionEvaluationException DivisionByZero() => new($"Division by zero in {ExpressionCompiler.Describe(_call)}");
}
