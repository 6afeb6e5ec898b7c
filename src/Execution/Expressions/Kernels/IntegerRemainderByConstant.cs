using System.Numerics;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>MOD(x, c)</c> / <c>x % c</c> of an integer column by an integer literal (Nexmark q2's <c>MOD(auction, 123)</c>), with
/// Java's semantics (the sign of the dividend; <c>MIN % -1</c> is 0; a zero divisor fails for a non-NULL row). The result
/// is written straight into the result type (the divisor's: |x % c| &lt; |c| always fits it), no BIGINT column and
/// narrowing cast after it. Where the dividend's and divisor's magnitudes fit 32 bits (most keys) the remainder is
/// Lemire's multiply-and-shift (<c>fastmod</c>, exact there) instead of a 64-bit division.
/// </summary>
internal sealed class IntegerRemainderByConstant<TFrom, TTo> : VectorExpression
    where TFrom : unmanaged, IBinaryInteger<TFrom>
    where TTo : unmanaged, IBinaryInteger<TTo>
{
    private readonly VectorExpression _dividend;
    private readonly long _divisor;
    private readonly Call _call;

    public IntegerRemainderByConstant(VectorExpression dividend, long divisor, Call call, SqlType type) : base(type)
    {
        _dividend = dividend;
        _divisor = divisor;
        _call = call;
    }

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var source = _dividend.Evaluate(input, context);
        if (source is NullArray) return ArrayBuild.Nulls(Type, n);
        var values = NumericCasts.Values<TFrom>(source);
        var validity = Bitmaps.Validity(source);
        var buffer = ArrayBuild.Values<TTo>(n);
        var result = ArrayBuild.As<TTo>(buffer)[..n];
        long d = _divisor;
        if (d == 0)
        {
            if (Bitmaps.NullCount(validity, n) < n) throw ExpressionCompiler.Failure("Division by zero", _call);
        }
        else if (d is -1 or 1)
        {
            // Every remainder is 0 (Java's MIN % -1 too).
        }
        else if (d == long.MinValue)
        {
            for (int i = 0; i < result.Length; i++)
            {
                long x = long.CreateTruncating(values[i]);
                result[i] = x == long.MinValue ? TTo.Zero : TTo.CreateTruncating(x);
            }
        }
        else
        {
            ulong divisor = (ulong)Math.Abs(d);
            if (divisor <= uint.MaxValue) FastRemainders(values, divisor, result);
            else
                for (int i = 0; i < result.Length; i++) result[i] = TTo.CreateTruncating(long.CreateTruncating(values[i]) % (long)divisor);
        }
        return ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(Type), buffer, validity, n);
    }

    /// <summary>x % divisor (divisor ≥ 2, below 2^32), the sign of x: for |x| below 2^32 Lemire's fastmod
    /// (<c>M = 2^64 / d + 1</c>, remainder = high 64 bits of <c>(M·|x| mod 2^64)·d</c>).</summary>
    private static void FastRemainders(ReadOnlySpan<TFrom> values, ulong divisor, Span<TTo> result)
    {
        ulong m = ulong.MaxValue / divisor + 1;
        for (int i = 0; i < result.Length; i++)
        {
            long x = long.CreateTruncating(values[i]);
            ulong magnitude = x < 0 ? 0 - (ulong)x : (ulong)x;
            ulong remainder = magnitude <= uint.MaxValue ? Math.BigMul(unchecked(m * magnitude), divisor, out _) : magnitude % divisor;
            long signed = (long)remainder;
            result[i] = TTo.CreateTruncating(x < 0 ? -signed : signed);
        }
    }
}

/// <summary>Builds <see cref="IntegerRemainderByConstant{TFrom, TTo}"/> for the column's and the result's integer types.</summary>
internal static class IntegerRemainder
{
    /// <summary>The kernel for <paramref name="dividend"/> (already in the type the remainder is computed in) by the literal
    /// <paramref name="divisor"/>, into <paramref name="type"/>; null when a type is not an exact integer.</summary>
    public static VectorExpression? TryCreate(VectorExpression dividend, long divisor, Call call, SqlType type) =>
        dividend.Type.Kind switch
        {
            SqlTypeKind.TinyInt => Into<sbyte>(dividend, divisor, call, type),
            SqlTypeKind.SmallInt => Into<short>(dividend, divisor, call, type),
            SqlTypeKind.Int => Into<int>(dividend, divisor, call, type),
            SqlTypeKind.BigInt => Into<long>(dividend, divisor, call, type),
            _ => null,
        };

    private static VectorExpression? Into<TFrom>(VectorExpression dividend, long divisor, Call call, SqlType type)
        where TFrom : unmanaged, IBinaryInteger<TFrom> =>
        type.Kind switch
        {
            SqlTypeKind.TinyInt => new IntegerRemainderByConstant<TFrom, sbyte>(dividend, divisor, call, type),
            SqlTypeKind.SmallInt => new IntegerRemainderByConstant<TFrom, short>(dividend, divisor, call, type),
            SqlTypeKind.Int => new IntegerRemainderByConstant<TFrom, int>(dividend, divisor, call, type),
            SqlTypeKind.BigInt => new IntegerRemainderByConstant<TFrom, long>(dividend, divisor, call, type),
            _ => null,
        };
}
