using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>s IN ('a', 'b', ...)</c> for a string operand and a short list of string literals: each value's UTF-8 bytes are
/// compared in place with the literals' (length first), no string per row. Three-valued like <see cref="InListExpression"/>.
/// </summary>
internal sealed class Utf8InList(VectorExpression operand, byte[][] list, bool listHasNull, SqlType type) : VectorExpression(type)
{
    /// <summary>Lists longer than this go to the hash lookup of <see cref="InListExpression"/>.</summary>
    public const int MaxLiterals = 16;

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var values = Utf8Column.Of(operand, input, context, out var keepAlive);
        if (values.AllNull) return ArrayBuild.Nulls(SqlType.Boolean, n);
        if (!values.IsConstant && !values.HasNulls && !listHasNull)
        {
            var found = ColumnIn(values, n);
            GC.KeepAlive(keepAlive);
            return found;
        }
        var bits = new byte[Bitmaps.ByteLength(n)];
        byte[]? validity = null;
        for (int i = 0; i < n; i++)
        {
            if (values.IsNull(i))
            {
                (validity ??= Bitmaps.AllValid(n))[i >> 3] &= (byte)~(1 << (i & 7));
                continue;
            }
            var value = values[i];
            bool found = false;
            foreach (var candidate in list)
            {
                if (candidate.Length == value.Length && value.SequenceEqual(candidate))
                {
                    found = true;
                    break;
                }
            }
            if (found) Bitmaps.Set(bits, i);
            else if (listHasNull) (validity ??= Bitmaps.AllValid(n))[i >> 3] &= (byte)~(1 << (i & 7));
        }
        GC.KeepAlive(keepAlive);
        return ArrayBuild.Boolean(bits, validity, n);
    }

    private readonly Utf8Literal[] _literals = System.Array.ConvertAll(list, bytes => new Utf8Literal(bytes));

    /// <summary>A column without NULLs (and a list without NULL): each value against the literals in place, the
    /// result a 64-row word at a time.</summary>
    private BooleanArray ColumnIn(Utf8Column values, int n)
    {
        var offsets = values.Offsets;
        var data = values.Data;
        var literals = _literals;
        int words = (n + 63) >> 6;
        var bitBytes = new byte[words * sizeof(ulong)];
        var bits = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bitBytes.AsSpan());
        for (int w = 0; w < words; w++)
        {
            ulong word = 0;
            int end = Math.Min(n, (w + 1) << 6);
            for (int i = w << 6; i < end; i++)
            {
                int start = offsets[i], length = offsets[i + 1] - start;
                foreach (var literal in literals)
                {
                    if (!literal.Matches(data, start, length)) continue;
                    word |= 1UL << (i & 63);
                    break;
                }
            }
            bits[w] = word;
        }
        return ArrayBuild.Boolean(bitBytes, null, n);
    }
}
