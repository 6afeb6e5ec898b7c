using System.Numerics;
using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

internal enum CompareOp { Eq, Ne, Lt, Le, Gt, Ge }

/// <summary>
/// <c>= &lt;&gt; &lt; &lt;= &gt; &gt;=</c> after coercing both sides to their common type: typed loops over primitive
/// buffers (eight results packed per byte), UTF-8 byte order for strings (as Flink's <c>BinaryStringData.compareTo</c>),
/// unscaled values for DECIMAL; a literal side is compared as a scalar (<c>price &gt; 100</c>).
/// </summary>
internal static class ComparisonKernels
{
    public static VectorExpression? TryCreate(string name, Call call, VectorExpression[] operands)
    {
        CompareOp op;
        switch (name)
        {
            case "=": op = CompareOp.Eq; break;
            case "<>" or "!=": op = CompareOp.Ne; break;
            case "<": op = CompareOp.Lt; break;
            case "<=": op = CompareOp.Le; break;
            case ">": op = CompareOp.Gt; break;
            case ">=": op = CompareOp.Ge; break;
            default: return null;
        }
        return Create(op, operands[0], operands[1], call.Type);
    }

    public static VectorExpression Create(CompareOp op, VectorExpression left, VectorExpression right, SqlType resultType)
    {
        if (ComparedAsDecimals(left, right))
        {
            left = AsDecimal(left);
            right = AsDecimal(right);
            if (left.Type.Scale != right.Type.Scale)
                return new DecimalComparison(op, left, right, resultType);
        }
        var common = ExpressionCompiler.CommonType(new[] { left, right });
        if (common.Kind == SqlTypeKind.Null) common = SqlType.Boolean;
        // A literal on the left: flip so the scalar specialisation applies.
        if (left is ConstantExpression && right is not ConstantExpression)
        {
            (left, right) = (right, left);
            op = op switch { CompareOp.Lt => CompareOp.Gt, CompareOp.Le => CompareOp.Ge, CompareOp.Gt => CompareOp.Lt, CompareOp.Ge => CompareOp.Le, _ => op };
        }
        left = ExpressionCompiler.Coerce(left, common);
        right = ExpressionCompiler.Coerce(right, common);
        if (op is CompareOp.Eq or CompareOp.Ne && NestedEqualityComparison.Compares(common))
            return new NestedEqualityComparison(op == CompareOp.Eq, left, right, resultType);
        return common.Kind switch
        {
            SqlTypeKind.TinyInt => new PrimitiveComparison<sbyte>(op, left, right, resultType),
            SqlTypeKind.SmallInt => new PrimitiveComparison<short>(op, left, right, resultType),
            SqlTypeKind.Int or SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.IntervalYearMonth => new PrimitiveComparison<int>(op, left, right, resultType),
            SqlTypeKind.BigInt or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz or SqlTypeKind.IntervalDayTime => new PrimitiveComparison<long>(op, left, right, resultType),
            SqlTypeKind.Float => new PrimitiveComparison<float>(op, left, right, resultType),
            SqlTypeKind.Double => new PrimitiveComparison<double>(op, left, right, resultType),
            SqlTypeKind.Decimal => new PrimitiveComparison<Int128>(op, left, right, resultType),
            _ when common.IsCharacterString || common.Kind == SqlTypeKind.Variant => new Utf8Comparison(op, left, right, resultType),
            _ => new RowwiseExpression(resultType, new[] { left, right }, (a, row, w) => w.AppendBoolean(Test(op, CompareValues(a[0], a[1], row)))),
        };
    }

    /// <summary>
    /// The operands in forms <see cref="CompareValues(ColumnReader, int, ColumnReader, int)"/> orders correctly: exact
    /// numbers with a DECIMAL among them as DECIMALs of their own scales (compared by value, as Flink), anything else
    /// coerced to the common type.
    /// </summary>
    public static (VectorExpression Left, VectorExpression Right) Comparable(VectorExpression left, VectorExpression right)
    {
        if (ComparedAsDecimals(left, right)) return (AsDecimal(left), AsDecimal(right));
        var common = ExpressionCompiler.CommonType(new[] { left, right });
        if (common.Kind == SqlTypeKind.Null) common = SqlType.Boolean;
        return (ExpressionCompiler.Coerce(left, common), ExpressionCompiler.Coerce(right, common));
    }

    private static bool ComparedAsDecimals(VectorExpression left, VectorExpression right) =>
        IsExact(left.Type) && IsExact(right.Type) && (left.Type.Kind == SqlTypeKind.Decimal || right.Type.Kind == SqlTypeKind.Decimal);

    private static bool IsExact(SqlType t) => t.IsExactInteger || t.Kind == SqlTypeKind.Decimal;

    /// <summary>An integer operand as the DECIMAL that holds all its values exactly (INT → DECIMAL(10, 0)).</summary>
    private static VectorExpression AsDecimal(VectorExpression operand) => operand.Type.Kind switch
    {
        SqlTypeKind.TinyInt => ExpressionCompiler.Coerce(operand, SqlType.Decimal(3, 0)),
        SqlTypeKind.SmallInt => ExpressionCompiler.Coerce(operand, SqlType.Decimal(5, 0)),
        SqlTypeKind.Int => ExpressionCompiler.Coerce(operand, SqlType.Decimal(10, 0)),
        SqlTypeKind.BigInt => ExpressionCompiler.Coerce(operand, SqlType.Decimal(19, 0)),
        _ => operand,
    };

    public static bool Test(CompareOp op, int c) => op switch
    {
        CompareOp.Eq => c == 0,
        CompareOp.Ne => c != 0,
        CompareOp.Lt => c < 0,
        CompareOp.Le => c <= 0,
        CompareOp.Gt => c > 0,
        _ => c >= 0,
    };

    /// <summary>Orders two non-null values of the same type (booleans false &lt; true, strings and bytes by unsigned bytes,
    /// DECIMALs by value whatever their scales).</summary>
    public static int CompareValues(ColumnReader a, ColumnReader b, int row) => CompareValues(a, row, b, row);

    public static int CompareValues(ColumnReader a, int rowA, ColumnReader b, int rowB)
    {
        var t = a.Type;
        if (t.IsCharacterString) return Math.Sign(a.GetUtf8(rowA).SequenceCompareTo(b.GetUtf8(rowB)));
        if (t.IsBinaryString || t.Kind == SqlTypeKind.Variant) return Math.Sign(a.GetBytes(rowA).SequenceCompareTo(b.GetBytes(rowB)));
        if (t.Kind == SqlTypeKind.Boolean) return a.GetBoolean(rowA).CompareTo(b.GetBoolean(rowB));
        if (t.IsApproximate) return a.GetDouble(rowA).CompareTo(b.GetDouble(rowB));
        if (t.Kind == SqlTypeKind.Decimal) return DecimalMath.Compare(a.GetUnscaled(rowA), t.Scale, b.GetUnscaled(rowB), b.Type.Scale);
        return a.GetInt64(rowA).CompareTo(b.GetInt64(rowB));
    }
}

/// <summary>Comparison of two fixed-width columns (or a column and a scalar) of the same type.</summary>
internal sealed class PrimitiveComparison<T> : VectorExpression where T : unmanaged, IComparisonOperators<T, T, bool>
{
    private readonly CompareOp _op;
    private readonly VectorExpression _left;
    private readonly VectorExpression _right;

    public PrimitiveComparison(CompareOp op, VectorExpression left, VectorExpression right, SqlType type) : base(type)
    {
        _op = op;
        _left = left;
        _right = right;
    }

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var bits = new byte[Bitmaps.ByteLength(Math.Max(n, 1))];
        if (_right is ConstantExpression rc)
        {
            if (rc.IsNull) return ArrayBuild.Nulls(Type, n);
            var la = _left.Evaluate(input, context);
            var scalar = ScalarValue(rc);
            var a = Values(la);
            Scalar(a, scalar, bits, _op);
            return ArrayBuild.Boolean(bits, Bitmaps.Validity(la), n);
        }
        var l = _left.Evaluate(input, context);
        var r = _right.Evaluate(input, context);
        var x = Values(l);
        var y = Values(r);
        Vector(x, y, bits, _op);
        return ArrayBuild.Boolean(bits, Bitmaps.And(l, r), n);
    }

    private T ScalarValue(ConstantExpression constant)
    {
        var reader = (ConstantReader)constant.EvaluateReader(null!, null!);
        if (typeof(T) == typeof(Int128)) { var u = reader.GetUnscaled(0); return MemoryMarshal.Cast<Int128, T>(MemoryMarshal.CreateSpan(ref u, 1))[0]; }
        if (typeof(T) == typeof(double)) { var d = reader.GetDouble(0); return MemoryMarshal.Cast<double, T>(MemoryMarshal.CreateSpan(ref d, 1))[0]; }
        if (typeof(T) == typeof(float)) { var f = (float)reader.GetDouble(0); return MemoryMarshal.Cast<float, T>(MemoryMarshal.CreateSpan(ref f, 1))[0]; }
        long l = reader.GetInt64(0);
        if (typeof(T) == typeof(long)) return MemoryMarshal.Cast<long, T>(MemoryMarshal.CreateSpan(ref l, 1))[0];
        if (typeof(T) == typeof(int)) { var i = (int)l; return MemoryMarshal.Cast<int, T>(MemoryMarshal.CreateSpan(ref i, 1))[0]; }
        if (typeof(T) == typeof(short)) { var s = (short)l; return MemoryMarshal.Cast<short, T>(MemoryMarshal.CreateSpan(ref s, 1))[0]; }
        var b = (sbyte)l;
        return MemoryMarshal.Cast<sbyte, T>(MemoryMarshal.CreateSpan(ref b, 1))[0];
    }

    private static ReadOnlySpan<T> Values(IArrowArray array)
    {
        if (array is NullArray) return new T[array.Length];
        var data = array.Data;
        return MemoryMarshal.Cast<byte, T>(data.Buffers[1].Span).Slice(data.Offset, data.Length);
    }

    // One loop per operator (a struct's static test: the JIT specialises each for T and the operator). Eight results are
    // packed into a byte in a register and stored once: setting bits of the array one by one made every row wait for
    // the previous row's store to the same byte.
    private static void Scalar(ReadOnlySpan<T> a, T b, Span<byte> bits, CompareOp op)
    {
        switch (op)
        {
            case CompareOp.Gt: PackScalar<Gt>(a, b, bits); break;
            case CompareOp.Ge: PackScalar<Ge>(a, b, bits); break;
            case CompareOp.Lt: PackScalar<Lt>(a, b, bits); break;
            case CompareOp.Le: PackScalar<Le>(a, b, bits); break;
            case CompareOp.Eq: PackScalar<Eq>(a, b, bits); break;
            default: PackScalar<Ne>(a, b, bits); break;
        }
    }

    private static void Vector(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<byte> bits, CompareOp op)
    {
        int n = Math.Min(a.Length, b.Length);
        a = a[..n];
        b = b[..n];
        switch (op)
        {
            case CompareOp.Gt: Pack<Gt>(a, b, bits); break;
            case CompareOp.Ge: Pack<Ge>(a, b, bits); break;
            case CompareOp.Lt: Pack<Lt>(a, b, bits); break;
            case CompareOp.Le: Pack<Le>(a, b, bits); break;
            case CompareOp.Eq: Pack<Eq>(a, b, bits); break;
            default: Pack<Ne>(a, b, bits); break;
        }
    }

    /// <summary>Bit i of <paramref name="bits"/> (zeroed) = test(a[i], b[i]).</summary>
    private static void Pack<TTest>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<byte> bits) where TTest : struct, ITest
    {
        int n = a.Length, full = n & ~7;
        for (int i = 0; i < full; i += 8)
        {
            var x = a.Slice(i, 8);
            var y = b.Slice(i, 8);
            int v = (TTest.Test(x[0], y[0]) ? 1 : 0) | (TTest.Test(x[1], y[1]) ? 2 : 0) | (TTest.Test(x[2], y[2]) ? 4 : 0)
                | (TTest.Test(x[3], y[3]) ? 8 : 0) | (TTest.Test(x[4], y[4]) ? 16 : 0) | (TTest.Test(x[5], y[5]) ? 32 : 0)
                | (TTest.Test(x[6], y[6]) ? 64 : 0) | (TTest.Test(x[7], y[7]) ? 128 : 0);
            bits[i >> 3] = (byte)v;
        }
        for (int i = full; i < n; i++) bits[i >> 3] |= (byte)((TTest.Test(a[i], b[i]) ? 1 : 0) << (i & 7));
    }

    /// <summary>Bit i of <paramref name="bits"/> (zeroed) = test(a[i], b).</summary>
    private static void PackScalar<TTest>(ReadOnlySpan<T> a, T b, Span<byte> bits) where TTest : struct, ITest
    {
        int n = a.Length, full = n & ~7;
        for (int i = 0; i < full; i += 8)
        {
            var x = a.Slice(i, 8);
            int v = (TTest.Test(x[0], b) ? 1 : 0) | (TTest.Test(x[1], b) ? 2 : 0) | (TTest.Test(x[2], b) ? 4 : 0)
                | (TTest.Test(x[3], b) ? 8 : 0) | (TTest.Test(x[4], b) ? 16 : 0) | (TTest.Test(x[5], b) ? 32 : 0)
                | (TTest.Test(x[6], b) ? 64 : 0) | (TTest.Test(x[7], b) ? 128 : 0);
            bits[i >> 3] = (byte)v;
        }
        for (int i = full; i < n; i++) bits[i >> 3] |= (byte)((TTest.Test(a[i], b) ? 1 : 0) << (i & 7));
    }

    private interface ITest
    {
        static abstract bool Test(T a, T b);
    }

    private struct Gt : ITest { public static bool Test(T a, T b) => a > b; }
    private struct Ge : ITest { public static bool Test(T a, T b) => a >= b; }
    private struct Lt : ITest { public static bool Test(T a, T b) => a < b; }
    private struct Le : ITest { public static bool Test(T a, T b) => a <= b; }
    private struct Eq : ITest { public static bool Test(T a, T b) => a == b; }
    private struct Ne : ITest { public static bool Test(T a, T b) => a != b; }
}

/// <summary>DECIMALs of different scales compared by value, as Flink's <c>DecimalDataUtils.compare</c> (no rounding cast).</summary>
internal sealed class DecimalComparison(CompareOp op, VectorExpression left, VectorExpression right, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var l = left.Evaluate(input, context);
        var r = right.Evaluate(input, context);
        if (l is NullArray || r is NullArray) return ArrayBuild.Nulls(Type, n);
        var x = Values(l);
        var y = Values(r);
        int sx = left.Type.Scale, sy = right.Type.Scale;
        var bits = new byte[Bitmaps.ByteLength(Math.Max(n, 1))];
        for (int i = 0; i < n; i++)
            if (ComparisonKernels.Test(op, DecimalMath.Compare(x[i], sx, y[i], sy))) Bitmaps.Set(bits, i);
        return ArrayBuild.Boolean(bits, Bitmaps.And(l, r), n);
    }

    private static ReadOnlySpan<Int128> Values(IArrowArray array)
    {
        var data = array.Data;
        return MemoryMarshal.Cast<byte, Int128>(data.Buffers[1].Span).Slice(data.Offset, data.Length);
    }
}
