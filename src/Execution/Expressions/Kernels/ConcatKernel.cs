using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>CONCAT(s1, s2, ...)</c> and <c>s1 || s2</c> on strings, a column at a time: one pass sizes every row, then each
/// operand's UTF-8 bytes are copied from its Arrow buffer (a literal's bytes) into place in the result's; NULL when any
/// part is NULL (Flink's CONCAT).
/// </summary>
internal sealed class ConcatKernel(VectorExpression[] operands, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var offsets = new int[n + 1];
        byte[]? validity = null;
        // Every operand once: a literal's bytes, else its column.
        var literals = new byte[]?[operands.Length];
        var arrays = new IArrowArray?[operands.Length];
        for (int k = 0; k < operands.Length; k++)
        {
            var column = Utf8Column.Of(operands[k], input, context, out arrays[k]);
            if (column.AllNull) return ArrayBuild.Nulls(Type, n);
            if (column.IsConstant) literals[k] = column[0].ToArray();
        }
        // Pass 1: lengths (kept in offsets[i + 1]) and nulls.
        for (int k = 0; k < operands.Length; k++)
        {
            var column = literals[k] is { } literal ? Utf8Column.Literal(literal) : Utf8Column.Of(arrays[k]!);
            for (int i = 0; i < n; i++)
            {
                if (column.IsNull(i)) Bitmaps.Clear(validity ??= Bitmaps.AllValid(n), i);
                else offsets[i + 1] += column[i].Length;
            }
        }
        for (int i = 0; i < n; i++)
        {
            if (!Bitmaps.IsValid(validity, i)) offsets[i + 1] = 0;
            offsets[i + 1] += offsets[i];
        }
        var data = new byte[offsets[n]];
        var cursor = new int[n];
        offsets.AsSpan(0, n).CopyTo(cursor);
        // Pass 2: each operand's parts into place.
        for (int k = 0; k < operands.Length; k++)
        {
            var column = literals[k] is { } literal ? Utf8Column.Literal(literal) : Utf8Column.Of(arrays[k]!);
            for (int i = 0; i < n; i++)
            {
                if (!Bitmaps.IsValid(validity, i)) continue;
                var part = column[i];
                part.CopyTo(data.AsSpan(cursor[i]));
                cursor[i] += part.Length;
            }
        }
        int nulls = Bitmaps.NullCount(validity, n);
        var arrayData = new ArrayData(StringType.Default, n, nulls, 0, new[]
        {
            nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity!),
            new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray()),
            new ArrowBuffer(data),
        });
        return new StringArray(arrayData);
    }
}
