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
}
