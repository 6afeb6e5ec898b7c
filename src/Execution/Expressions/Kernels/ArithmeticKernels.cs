using System.Numerics;
using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

internal enum ArithmeticOp { Add, Subtract, Multiply, Divide, Remainder }

/// <summary>
/// <c>+ - * / % MOD NEGATE</c>. Integers wrap on overflow as Java does (Flink does not check); integer division or
/// remainder by zero is an <see cref="ExpressionEvaluationException"/>; floating point follows IEEE (Infinity, NaN);
/// DECIMAL results are rounded half-up to the result scale and are NULL when they overflow the precision.
/// Datetime ± interval are here too.
/// </summary>
internal static class ArithmeticKernels
{
    public static VectorExpression? TryCreate(string name, Call call, VectorExpression[] operands)
    {
        ArithmeticOp op;
        switch (name)
        {
            case "+": op = ArithmeticOp.Add; break;
            case "-": op = ArithmeticOp.Subtract; break;
            case "*": op = ArithmeticOp.Multiply; break;
            case "/": op = ArithmeticOp.Divide; break;
            case "%" or "MOD": op = ArithmeticOp.Remainder; break;
            case "NEGATE": return Negate(call, operands[0]);
            default: return null;
        }
        var left = operands[0];
        var right = operands[1];
        var type = call.Type;
        if (type.IsDateTime || type.IsInterval && (left.Type.IsInterval != right.Type.IsInterval))
            return TemporalArithmetic.Create(op, call, left, right);
        if (type.IsInterval)
            return Numeric(op, call, ExpressionCompiler.Coerce(left, AsComputation(type)), ExpressionCompiler.Coerce(right, AsComputation(type)), type);
        if (type.Kind == SqlTypeKind.Decimal)
            return new DecimalArithmetic(op, call, AsDecimalOperand(left), AsDecimalOperand(right));
        if (op == ArithmeticOp.Remainder && type.IsExactInteger && (left.Type.Kind == SqlTypeKind.Decimal || right.Type.Kind == SqlTypeKind.Decimal))
        {
            // MOD(DECIMAL, INT) is typed as the divisor, but the dividend may not fit it: take the remainder in DECIMAL.
            var l = AsDecimalOperand(left);
            var r = AsDecimalOperand(right);
            int scale = Math.Max(l.Type.Scale, r.Type.Scale);
            int precision = Math.Min(l.Type.Precision - l.Type.Scale, r.Type.Precision - r.Type.Scale) + scale;
            var remainder = new DecimalArithmetic(op, call with { Type = SqlType.Decimal(precision, scale).WithNullable(type.Nullable) }, l, r);
            return ExpressionCompiler.Coerce(remainder, type);
        }
        // MOD's result type is its second operand's: compute in the wider type, then narrow.
        var computeType = type;
        if (op == ArithmeticOp.Remainder && left.Type.IsExactInteger && right.Type.IsExactInteger)
            computeType = ExpressionCompiler.CommonType(new[] { left, right }).WithNullable(type.Nullable);
        if (op == ArithmeticOp.Remainder && computeType.IsExactInteger && type.IsExactInteger && right is ConstantExpression { IsNull: false } divisor
            && left is not ConstantExpression
            && IntegerRemainder.TryCreate(ExpressionCompiler.Coerce(left, computeType), divisor.EvaluateReader(LiteralValues.OneRow, EvaluationContext.Utc).GetInt64(0), call, type) is { } byConstant)
            return byConstant;
        var kernel = Numeric(op, call, ExpressionCompiler.Coerce(left, computeType), ExpressionCompiler.Coerce(right, computeType), computeType);
        return computeType.Kind == type.Kind ? kernel : ExpressionCompiler.Coerce(kernel, type);
    }

    private static SqlType AsComputation(SqlType intervalType) =>
        intervalType.Kind == SqlTypeKind.IntervalDayTime ? SqlType.BigInt : SqlType.Int;

    private static VectorExpression AsDecimalOperand(VectorExpression operand) => operand.Type.Kind switch
    {
        SqlTypeKind.Decimal => operand,
        SqlTypeKind.TinyInt => ExpressionCompiler.Coerce(operand, SqlType.Decimal(3, 0)),
        SqlTypeKind.SmallInt => ExpressionCompiler.Coerce(operand, SqlType.Decimal(5, 0)),
        SqlTypeKind.Int => ExpressionCompiler.Coerce(operand, SqlType.Decimal(10, 0)),
        SqlTypeKind.BigInt => ExpressionCompiler.Coerce(operand, SqlType.Decimal(19, 0)),
        SqlTypeKind.Null => new ConstantExpression(null, SqlType.Decimal(1, 0)),
        _ => ExpressionCompiler.Coerce(operand, SqlType.Decimal(38, 18)),
    };

    private static VectorExpression Numeric(ArithmeticOp op, Call call, VectorExpression l, VectorExpression r, SqlType type) => type.Kind switch
    {
        SqlTypeKind.TinyInt => new NumericArithmetic<sbyte>(op, call, l, r, type, integer: true),
        SqlTypeKind.SmallInt => new NumericArithmetic<short>(op, call, l, r, type, integer: true),
        SqlTypeKind.Int or SqlTypeKind.IntervalYearMonth => new NumericArithmetic<int>(op, call, l, r, type, integer: true),
        SqlTypeKind.BigInt or SqlTypeKind.IntervalDayTime => new NumericArithmetic<long>(op, call, l, r, type, integer: true),
        SqlTypeKind.Float => new NumericArithmetic<float>(op, call, l, r, type, integer: false),
        SqlTypeKind.Double => new NumericArithmetic<double>(op, call, l, r, type, integer: false),
        _ => throw new NotSupportedException($"arithmetic on {type}"),
    };

    private static VectorExpression Negate(Call call, VectorExpression operand)
    {
        var type = call.Type;
        if (type.Kind == SqlTypeKind.Decimal)
            return new RowwiseExpression(type, new[] { operand }, (a, row, w) => w.AppendUnscaled(-a[0].GetUnscaled(row)));
        var zero = new ConstantExpression(type.IsApproximate ? 0.0 : type.Kind == SqlTypeKind.IntervalYearMonth ? 0 : 0L, type.AsNotNull());
        if (type.IsApproximate)
            return new RowwiseExpression(type, new[] { operand }, (a, row, w) => w.AppendDouble(-a[0].GetDouble(row)));
        var computation = type.IsInterval ? AsComputation(type).WithNullable(type.Nullable) : type;
        var kernel = Numeric(ArithmeticOp.Subtract, call, ExpressionCompiler.Coerce(zero, computation), ExpressionCompiler.Coerce(operand, computation), computation);
        return ExpressionCompiler.Coerce(kernel, type);
    }
}

/// <summary>Typed binary arithmetic over primitive columns, with a scalar specialisation for a literal right operand.</summary>
internal sealed class NumericArithmetic<T> : VectorExpression where T : unmanaged, INumber<T>, IMinMaxValue<T>
{
    private readonly ArithmeticOp _op;
    private readonly Call _call;
    private readonly VectorExpression _left;
    private readonly VectorExpression _right;
    private readonly bool _integer;

    public NumericArithmetic(ArithmeticOp op, Call call, VectorExpression left, VectorExpression right, SqlType type, bool integer) : base(type)
    {
        _op = op;
        _call = call;
        _left = left;
        _right = right;
        _integer = integer;
    }

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var arrowType = ArrowTypeMapping.ToArrow(Type);
        var buffer = ArrayBuild.Values<T>(n);
        var result = ArrayBuild.As<T>(buffer)[..n];
        if (_right is ConstantExpression rc)
        {
            if (rc.IsNull) return ArrayBuild.Nulls(Type, n);
            var la = _left.Evaluate(input, context);
            var validity = Bitmaps.Validity(la);
            var b = ((ConstantReader)rc.EvaluateReader(input, context)).Value is { } v ? Convert(v) : T.Zero;
            Scalar(Values(la), b, result, validity);
            return ArrayBuild.Primitive(arrowType, buffer, validity, n);
        }
        var l = _left.Evaluate(input, context);
        var r = _right.Evaluate(input, context);
        var valid = Bitmaps.And(l, r);
        Vector(Values(l), Values(r), result, valid);
        return ArrayBuild.Primitive(arrowType, buffer, valid, n);
    }

    private static ReadOnlySpan<T> Values(IArrowArray array)
    {
        if (array is NullArray) return new T[array.Length];
        var data = array.Data;
        return MemoryMarshal.Cast<byte, T>(data.Buffers[1].Span).Slice(data.Offset, data.Length);
    }

    private static T Convert(object value) => value switch
    {
        long l => T.CreateTruncating(l),
        int i => T.CreateTruncating(i),
        double d => T.CreateTruncating(d),
        float f => T.CreateTruncating(f),
        DecimalValue m => T.CreateTruncating(m.ToDouble()),
        _ => T.Zero,
    };

    private void Vector(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> r, byte[]? valid)
    {
        switch (_op)
        {
            case ArithmeticOp.Add:
                for (int i = 0; i < r.Length; i++) r[i] = a[i] + b[i];
                break;
            case ArithmeticOp.Subtract:
                for (int i = 0; i < r.Length; i++) r[i] = a[i] - b[i];
                break;
            case ArithmeticOp.Multiply:
                for (int i = 0; i < r.Length; i++) r[i] = a[i] * b[i];
                break;
            default:
                for (int i = 0; i < r.Length; i++)
                    r[i] = Bitmaps.IsValid(valid, i) ? DivideOrRemainder(a[i], b[i]) : T.Zero;
                break;
        }
    }

    private void Scalar(ReadOnlySpan<T> a, T b, Span<T> r, byte[]? valid)
    {
        switch (_op)
        {
            case ArithmeticOp.Add:
                for (int i = 0; i < r.Length; i++) r[i] = a[i] + b;
                break;
            case ArithmeticOp.Subtract:
                for (int i = 0; i < r.Length; i++) r[i] = a[i] - b;
                break;
            case ArithmeticOp.Multiply:
                for (int i = 0; i < r.Length; i++) r[i] = a[i] * b;
                break;
            default:
                for (int i = 0; i < r.Length; i++)
                    r[i] = Bitmaps.IsValid(valid, i) ? DivideOrRemainder(a[i], b) : T.Zero;
                break;
        }
    }

    private T DivideOrRemainder(T a, T b)
    {
        if (_integer)
        {
            if (T.IsZero(b))
                throw ExpressionCompiler.Failure("Division by zero", _call);
            // Java: MIN / -1 wraps to MIN and MIN % -1 is 0, where .NET would throw.
            if (b == -T.One)
                return _op == ArithmeticOp.Divide ? T.Zero - a : T.Zero;
        }
        return _op == ArithmeticOp.Divide ? a / b : a % b;
    }
}
