using StreamSql.Execution.Columns;
using System.Text;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// UPPER / LOWER over a whole string column: ASCII values are mapped byte by byte straight from the Arrow buffer into
/// the result's; only a value with non-ASCII characters goes through .NET's invariant case mapping (as a string), with
/// Java's ß → SS for UPPER.
/// </summary>
internal sealed class Utf8CaseMapping(VectorExpression operand, SqlType type, bool upper) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var values = Utf8Column.Of(operand, input, context, out var keepAlive);
        if (values.AllNull) return ArrayBuild.Nulls(Type, n);
        if (keepAlive is not null && MapAsciiColumn(keepAlive, values, n) is { } mapped)
        {
            GC.KeepAlive(keepAlive);
            return mapped;
        }
        var writer = ColumnBuilder.Create(Type, n);
        Span<byte> buffer = stackalloc byte[256];
        for (int i = 0; i < n; i++)
        {
            if (values.IsNull(i))
            {
                writer.AppendNull();
                continue;
            }
            var value = values[i];
            if (Ascii.IsValid(value))
            {
                var target = value.Length <= buffer.Length ? buffer[..value.Length] : new byte[value.Length];
                if (upper) Ascii.ToUpper(value, target, out _);
                else Ascii.ToLower(value, target, out _);
                writer.AppendUtf8(target);
                continue;
            }
            var s = Encoding.UTF8.GetString(value);
            writer.AppendString(upper ? s.ToUpperInvariant().Replace("ß", "SS", StringComparison.Ordinal) : s.ToLowerInvariant());
        }
        GC.KeepAlive(keepAlive);
        return writer.Build();
    }

    /// <summary>
    /// A column whose bytes are all ASCII (the common case) is mapped as one block: the value bytes in a single
    /// vectorized pass, the offsets and validity copied; null when some value is not ASCII.
    /// </summary>
    private StringArray? MapAsciiColumn(IArrowArray array, Utf8Column values, int n)
    {
        var offsets = values.Offsets;
        int first = offsets[0], size = offsets[n] - first;
        var source = values.Data.Slice(first, size);
        if (!Ascii.IsValid(source)) return null;
        var bytes = new byte[size];
        if (upper) Ascii.ToUpper(source, bytes, out _);
        else Ascii.ToLower(source, bytes, out _);
        var offsetBytes = new byte[(n + 1) * sizeof(int)];
        var rebased = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(offsetBytes.AsSpan());
        for (int i = 0; i <= n; i++) rebased[i] = offsets[i] - first;
        var validity = array.NullCount == 0 ? ArrowBuffer.Empty : CopyValidity(array.Data, n);
        return new StringArray(new ArrayData(Apache.Arrow.Types.StringType.Default, n, array.NullCount, 0,
            [validity, new ArrowBuffer(offsetBytes), new ArrowBuffer(bytes)]));
    }

    private static ArrowBuffer CopyValidity(ArrayData data, int n)
    {
        var source = data.Buffers[0].Span;
        if (data.Offset == 0) return new ArrowBuffer(source[..Bitmaps.ByteLength(n)].ToArray());
        var bits = new byte[Bitmaps.ByteLength(n)];
        for (int i = 0; i < n; i++) if (Bitmaps.Get(source, data.Offset + i)) Bitmaps.Set(bits, i);
        return new ArrowBuffer(bits);
    }
}
