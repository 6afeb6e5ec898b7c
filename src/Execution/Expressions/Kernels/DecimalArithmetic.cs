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
        int sx = _left.Type.Scale, sy = _right.Type.Scale, p = Type.Precision, s = Type.Scale;
        for (int i = 0; i < n; i++)
        {
            if (!Bitmaps.IsValid(validity, i)) continue;
            bool ok = _op switch
            {
                ArithmeticOp.Add => DecimalMath.TryAdd(x[i], sx, y[i], sy, p, s, out result[i]),
                ArithmeticOp.Subtract => DecimalMath.TryAdd(x[i], sx, y[i], sy, p, s, out result[i], subtract: true),
                ArithmeticOp.Multiply => DecimalMath.TryMultiply(x[i], sx, y[i], sy, p, s, out result[i]),
                ArithmeticOp.Divide => y[i] != 0 ? DecimalMath.TryDivide(x[i], sx, y[i], sy, p, s, out result[i]) : throw DivisionByZero(),
                _ => y[i] != 0 ? DecimalMath.TryRemainder(x[i], sx, y[i], sy, p, s, out result[i]) : throw DivisionByZero(),
            };
            if (!ok)
            {
                // Beyond the result precision: NULL, as Flink.
                validity ??= Bitmaps.AllValid(n);
                Bitmaps.Clear(validity, i);
                result[i] = 0;
            }
        }
        return ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(Type), buffer, validity, n);
    }

    private static ReadOnlySpan<Int128> Unscaled(IArrowArray array)
    {
        var data = array.Data;
        return MemoryMarshal.Cast<byte, Int128>(data.Buffers[1].Span).Slice(data.Offset, data.Length);
    }

    private ExpressionEvaluationException DivisionByZero() => new($"Division by zero in {ExpressionCompiler.Describe(_call)}");
}
