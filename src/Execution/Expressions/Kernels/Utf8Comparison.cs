using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>= &lt;&gt; &lt; &lt;= &gt; &gt;=</c> on strings: the UTF-8 bytes of both sides compared in place (unsigned byte order,
/// as Flink's <c>BinaryStringData.compareTo</c>), a literal side once for every row; no string per row.
/// </summary>
internal sealed class Utf8Comparison(CompareOp op, VectorExpression left, VectorExpression right, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var a = Utf8Column.Of(left, input, context, out var keepLeft);
        var b = Utf8Column.Of(right, input, context, out var keepRight);
        if (a.AllNull || b.AllNull) return ArrayBuild.Nulls(SqlType.Boolean, n);
        var bits = new byte[Bitmaps.ByteLength(n)];
        byte[]? validity = null;
        if (a.HasNulls || b.HasNulls)
        {
            validity = Bitmaps.AllValid(n);
            for (int i = 0; i < n; i++)
                if (a.IsNull(i) || b.IsNull(i)) Bitmaps.Clear(validity, i);
        }
        switch (op)
        {
            // Equality needs no order: a length check first, then a vectorized byte compare.
            case CompareOp.Eq:
                for (int i = 0; i < n; i++)
                    if (a[i].SequenceEqual(b[i])) Bitmaps.Set(bits, i);
                break;
            case CompareOp.Ne:
                for (int i = 0; i < n; i++)
                    if (!a[i].SequenceEqual(b[i])) Bitmaps.Set(bits, i);
                break;
            default:
                for (int i = 0; i < n; i++)
                    if (ComparisonKernels.Test(op, Math.Sign(a[i].SequenceCompareTo(b[i])))) Bitmaps.Set(bits, i);
                break;
        }
        if (validity is not null)
            for (int i = 0; i < bits.Length; i++) bits[i] &= validity[i];
        GC.KeepAlive(keepLeft);
        GC.KeepAlive(keepRight);
        return ArrayBuild.Boolean(bits, validity, n);
    }
}
