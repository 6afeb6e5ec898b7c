using System.Buffers;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Kernels.Nested;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Collections;

/// <summary><c>ARRAY_POSITION(array, needle)</c>: the 1-based position of the first element equal to the needle, 0 when
/// there is none; NULL when the array or the needle is NULL (NULL elements never match).</summary>
internal sealed class ArrayPositionKernel(VectorExpression array, VectorExpression needle, SqlType type) : VectorExpression(type)
{
    private readonly ValueEquality _equality = new(array.Type.Elements![0]);

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var column = new ArrayColumn(array, input, context);
        var needles = needle.EvaluateReader(input, context);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (column.IsNull(i) || needles.IsNull(i)) { builder.AppendNull(); continue; }
            int start = column.Start(i), count = column.Count(i), found = 0;
            for (int e = 0; e < count && found == 0; e++)
                if (_equality.Equal(column.Reader, start + e, needles, i)) found = e + 1;
            builder.AppendInt64(found);
        }
        return builder.Build();
    }
}

/// <summary><c>ARRAY_MAX(array)</c> / <c>ARRAY_MIN(array)</c>: the greatest / least non-NULL element; NULL for a NULL or
/// empty array or one of NULLs only.</summary>
internal sealed class ArrayExtremeKernel(VectorExpression array, bool max, SqlType type) : VectorExpression(type)
{
    private readonly ValueOrdering _ordering = new(array.Type.Elements![0]);

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var column = new ArrayColumn(array, input, context);
        var elements = column.Reader;
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            int best = -1;
            if (!column.IsNull(i))
            {
                int start = column.Start(i), end = start + column.Count(i);
                for (int e = start; e < end; e++)
                {
                    if (elements.IsNull(e)) continue;
                    if (best < 0) { best = e; continue; }
                    int c = _ordering.Compare(elements, e, elements, best);
                    if (max ? c > 0 : c < 0) best = e;
                }
            }
            if (best < 0) builder.AppendNull();
            else builder.AppendRange(column.Elements, best, 1);
        }
        return builder.Build();
    }
}

/// <summary><c>ARRAY_CONCAT(array, ...)</c>: the elements of each array in turn; NULL when any array is NULL.</summary>
internal sealed class ArrayConcatKernel(VectorExpression[] arrays, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var lists = new ArrayData[arrays.Length];
        for (int k = 0; k < lists.Length; k++) lists[k] = arrays[k].Evaluate(input, context).Data;
        var builder = (ListColumnBuilder)ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            bool anyNull = false;
            foreach (var data in lists) anyNull |= new ListColumn(data).IsNull(i);
            if (anyNull) { builder.AppendNull(); continue; }
            foreach (var data in lists)
            {
                var list = new ListColumn(data);
                builder.Values.AppendRange(list.Child, list.Start(i), list.Count(i));
            }
            builder.AppendListValid();
        }
        return builder.Build();
    }
}

/// <summary><c>ARRAY_JOIN(array, delimiter[, nullReplacement])</c>: the elements joined by the delimiter, NULL elements
/// replaced or (without a replacement) left out; NULL when an operand is NULL.</summary>
internal sealed class ArrayJoinKernel(VectorExpression array, VectorExpression delimiter, VectorExpression? nullReplacement, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var column = new ArrayColumn(array, input, context);
        var delimiters = delimiter.EvaluateReader(input, context);
        var replacements = nullReplacement?.EvaluateReader(input, context);
        var elements = column.Reader;
        var builder = ColumnBuilder.Create(Type, n);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        for (int i = 0; i < n; i++)
        {
            if (column.IsNull(i) || delimiters.IsNull(i) || replacements is not null && replacements.IsNull(i)) { builder.AppendNull(); continue; }
            buffer.ResetWrittenCount();
            var separator = delimiters.GetUtf8(i);
            bool first = true;
            int start = column.Start(i), end = start + column.Count(i);
            for (int e = start; e < end; e++)
            {
                ReadOnlySpan<byte> value;
                if (!elements.IsNull(e)) value = elements.GetUtf8(e);
                else if (replacements is not null) value = replacements.GetUtf8(i);
                else continue;
                if (!first) buffer.Write(separator);
                buffer.Write(value);
                first = false;
            }
            builder.AppendUtf8(buffer.WrittenSpan);
        }
        return builder.Build();
    }
}
