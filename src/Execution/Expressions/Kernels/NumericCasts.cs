using System.Numerics;
using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// CASTs from an exact integer column (including the widenings the binder inserts, e.g. BIGINT to DECIMAL(19, 0) for
/// <c>0.908 * price</c>) as typed loops over the Arrow value buffer: to another integer type (narrowing wraps as Java's
/// casts do), to FLOAT/DOUBLE, and to DECIMAL(p, s) (the value times 10^s; NULL when it does not fit p digits, as
/// Flink). The source's validity is kept.
/// </summary>
internal static class NumericCasts
{
    /// <summary>A columnar cast of <paramref name="operand"/> to <paramref name="target"/>, or null when this is not one.</summary>
    public static VectorExpression? TryCreate(VectorExpression operand, SqlType target)
    {
        var from = operand.Type;
        if (!from.IsExactInteger || operand is ConstantExpression) return null;
        return from.Kind switch
        {
            SqlTypeKind.TinyInt => To<sbyte>(operand, target),
            SqlTypeKind.SmallInt => To<short>(operand, target),
            SqlTypeKind.Int => To<int>(operand, target),
            SqlTypeKind.BigInt => To<long>(operand, target),
            _ => null,
        };
    }

    private static VectorExpression? To<TFrom>(VectorExpression operand, SqlType target) where TFrom : unmanaged, IBinaryInteger<TFrom> =>
        target.Kind switch
        {
            SqlTypeKind.TinyInt => new IntegerCast<TFrom, sbyte>(operand, target),
            SqlTypeKind.SmallInt => new IntegerCast<TFrom, short>(operand, target),
            SqlTypeKind.Int => new IntegerCast<TFrom, int>(operand, target),
            SqlTypeKind.BigInt => new IntegerCast<TFrom, long>(operand, target),
            SqlTypeKind.Float => new IntegerCast<TFrom, float>(operand, target),
            SqlTypeKind.Double => new IntegerCast<TFrom, double>(operand, target),
            SqlTypeKind.Decimal => new IntegerToDecimal<TFrom>(operand, target),
            _ => null,
        };

    internal static ReadOnlySpan<T> Values<T>(IArrowArray array) where T : unmanaged
    {
        var data = array.Data;
        return MemoryMarshal.Cast<byte, T>(data.Buffers[1].Span).Slice(data.Offset, data.Length);
    }
}

/// <summary>An integer column converted value by value to another numeric type.</summary>
internal sealed class IntegerCast<TFrom, TTo>(VectorExpression operand, SqlType type) : VectorExpression(type)
    where TFrom : unmanaged, IBinaryInteger<TFrom>
    where TTo : unmanaged, INumberBase<TTo>
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var source = operand.Evaluate(input, context);
        if (source is NullArray) return ArrayBuild.Nulls(Type, n);
        var values = NumericCasts.Values<TFrom>(source);
        var buffer = ArrayBuild.Values<TTo>(n);
        var result = ArrayBuild.As<TTo>(buffer)[..n];
        for (int i = 0; i < result.Length; i++) result[i] = TTo.CreateTruncating(values[i]);
        return ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(Type), buffer, Bitmaps.Validity(source), n);
    }
}

/// <summary>An integer column as DECIMAL(p, s): unscaled values times 10^s, NULL beyond p digits.</summary>
internal sealed class IntegerToDecimal<TFrom>(VectorExpression operand, SqlType type) : VectorExpression(type)
    where TFrom : unmanaged, IBinaryInteger<TFrom>
{
    private readonly Int128 _factor = DecimalMath.PowerOfTen(type.Scale);

    /// <summary>The BIGINT column whose values are this cast's unscaled values unchanged (DECIMAL(19, 0) and wider at
    /// scale 0), which DECIMAL arithmetic reads directly instead of a widened copy; null otherwise.</summary>
    internal VectorExpression? SameValuesInt64 =>
        typeof(TFrom) == typeof(long) && Type.Scale == 0 && Type.Precision >= MaxDigits() ? operand : null;

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var source = operand.Evaluate(input, context);
        if (source is NullArray) return ArrayBuild.Nulls(Type, n);
        var values = NumericCasts.Values<TFrom>(source);
        var buffer = ArrayBuild.Values<Int128>(n);
        var result = ArrayBuild.As<Int128>(buffer)[..n];
        var validity = Bitmaps.Validity(source);
        // 10^s times any value of the source type fits 128 bits (s <= 18 for BIGINT with p <= 38); only p can be exceeded.
        bool checkFit = Type.Precision - Type.Scale < MaxDigits();
        for (int i = 0; i < result.Length; i++)
        {
            var unscaled = Int128.CreateTruncating(values[i]) * _factor;
            if (checkFit && !DecimalMath.Fits(unscaled, Type.Precision))
            {
                Bitmaps.Clear(validity ??= Bitmaps.AllValid(n), i);
                unscaled = 0;
            }
            result[i] = unscaled;
        }
        return ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(Type), buffer, validity, n);
    }

    /// <summary>Digits of the source type's largest magnitude (19 for BIGINT).</summary>
    private static int MaxDigits() => typeof(TFrom) == typeof(sbyte) ? 3 : typeof(TFrom) == typeof(short) ? 5 : typeof(TFrom) == typeof(int) ? 10 : 19;
}
