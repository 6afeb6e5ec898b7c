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
        if (op is CompareOp.Eq or CompareOp.Ne && a.IsConstant != b.IsConstant)
        {
            var result = EqualsLiteral(a.IsConstant ? b : a, a.IsConstant ? a[0] : b[0], n, op == CompareOp.Ne);
            GC.KeepAlive(keepLeft);
            GC.KeepAlive(keepRight);
            return result;
        }
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

    /// <summary>
    /// A column against a literal (<c>LOWER(channel) = 'apple'</c>): the length from the offsets first, the bytes only
    /// when it matches; the result and its validity a 64-row word at a time.
    /// </summary>
    private static BooleanArray EqualsLiteral(Utf8Column column, ReadOnlySpan<byte> literal, int n, bool negate)
    {
        var offsets = column.Offsets;
        var data = column.Data;
        int words = (n + 63) >> 6;
        var bitBytes = new byte[words * sizeof(ulong)];
        var bits = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bitBytes.AsSpan());
        byte[]? validityBytes = column.HasNulls ? new byte[words * sizeof(ulong)] : null;
        var validity = validityBytes is null ? default : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(validityBytes.AsSpan());
        var literalBytes = new Utf8Literal(literal.ToArray());
        for (int w = 0; w < words; w++)
        {
            ulong word = 0, valid = 0;
            int end = Math.Min(n, (w + 1) << 6);
            for (int i = w << 6; i < end; i++)
            {
                int start = offsets[i];
                if (literalBytes.Matches(data, start, offsets[i + 1] - start)) word |= 1UL << (i & 63);
                if (validityBytes is not null && !column.IsNull(i)) valid |= 1UL << (i & 63);
            }
            if (negate) word = ~word;
            if (validityBytes is not null)
            {
                word &= valid;
                validity[w] = valid;
            }
            bits[w] = word;
        }
        if (negate && (n & 63) != 0) bits[words - 1] &= (1UL << (n & 63)) - 1;
        return ArrayBuild.Boolean(bitBytes, validityBytes, n);
    }
}
