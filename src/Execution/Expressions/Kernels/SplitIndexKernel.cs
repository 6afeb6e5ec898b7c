using StreamSql.Execution.Columns;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>SPLIT_INDEX(s, separator, index)</c> with a literal separator and index (the common form): the part is found on
/// the value's UTF-8 bytes and copied into the result, no string per row. Flink's semantics
/// (<c>StringUtils.splitByWholeSeparatorPreserveAllTokens</c>): the separator is matched whole, empty parts count, an
/// empty string has no parts, and an index past the last part (or negative) is NULL.
/// </summary>
internal sealed class SplitIndexKernel(VectorExpression operand, byte[] separator, long index, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var values = Utf8Column.Of(operand, input, context, out var keepAlive);
        if (values.AllNull || index < 0) return ArrayBuild.Nulls(Type, n);
        var writer = ColumnBuilder.Create(Type, n);
        ReadOnlySpan<byte> separatorBytes = separator;
        for (int i = 0; i < n; i++)
        {
            if (values.IsNull(i) || !TryPart(values[i], separatorBytes, index, out var part)) writer.AppendNull();
            else writer.AppendUtf8(part);
        }
        GC.KeepAlive(keepAlive);
        return writer.Build();
    }

    /// <summary>Part <paramref name="index"/> of <paramref name="value"/>, or false when there is none.</summary>
    internal static bool TryPart(ReadOnlySpan<byte> value, ReadOnlySpan<byte> separator, long index, out ReadOnlySpan<byte> part)
    {
        part = default;
        if (value.IsEmpty) return false;
        int start = 0;
        for (long k = 0; k < index; k++)
        {
            int at = value[start..].IndexOf(separator);
            if (at < 0) return false;
            start += at + separator.Length;
        }
        int end = value[start..].IndexOf(separator);
        part = end < 0 ? value[start..] : value.Slice(start, end);
        return true;
    }
}
