using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// CAST from DECIMAL(p1, s1) to DECIMAL(p2, s2) over the whole column (Flink's semantics: rounded half up to s2, NULL when
/// the value has more than p2 digits). The same scale into at least as many digits changes only the declared type: the
/// column's buffers are handed on as they are (a sink's wider DECIMAL, as in Nexmark q1's <c>0.908 * price</c>).
/// </summary>
internal sealed class DecimalRescale : VectorExpression
{
    private readonly VectorExpression _operand;
    private readonly Decimal128Type _arrowType;

    private DecimalRescale(VectorExpression operand, SqlType type) : base(type)
    {
        _operand = operand;
        _arrowType = (Decimal128Type)ArrowTypeMapping.ToArrow(type);
    }

    /// <summary>The columnar cast, or null when <paramref name="operand"/> is not a DECIMAL column or the target not a DECIMAL.</summary>
    public static VectorExpression? TryCreate(VectorExpression operand, SqlType target) =>
        operand.Type.Kind == SqlTypeKind.Decimal && target.Kind == SqlTypeKind.Decimal && operand is not ConstantExpression
            ? new DecimalRescale(operand, target)
            : null;

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var source = _operand.Evaluate(input, context);
        if (source is NullArray) return ArrayBuild.Nulls(Type, n);
        int fromScale = _operand.Type.Scale, toScale = Type.Scale;
        if (fromScale == toScale && Type.Precision >= _operand.Type.Precision)
        {
            var data = source.Data;
            return new Decimal128Array(new ArrayData(_arrowType, data.Length, data.NullCount, data.Offset, data.Buffers));
        }
        var values = NumericCasts.Values<Int128>(source);
        var buffer = ArrayBuild.Values<Int128>(n);
        var result = ArrayBuild.As<Int128>(buffer)[..n];
        var validity = Bitmaps.Validity(source);
        var limit = DecimalMath.PowerOfTen(Math.Min(Type.Precision, DecimalValue.MaxPrecision));
        for (int i = 0; i < result.Length; i++)
        {
            if (validity is not null && !Bitmaps.IsValid(validity, i)) continue;
            if (DecimalMath.TryRescale(values[i], fromScale, toScale, out var rescaled) && rescaled < limit && rescaled > -limit)
            {
                result[i] = rescaled;
                continue;
            }
            Bitmaps.Clear(validity ??= Bitmaps.AllValid(n), i);
        }
        return ArrayBuild.Primitive(_arrowType, buffer, validity, n);
    }
}
