using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;
using StreamSql.Execution.Types.Variants;
using static StreamSql.Execution.Types.Variants.VariantEncoding;

namespace StreamSql.Execution.Expressions.Kernels.Variants;

/// <summary>
/// <c>v['key']</c> and <c>v[i]</c> on a VARIANT (Flink's ITEM): the field of an object or the 1-based element of an
/// array, as a VARIANT that keeps the whole key dictionary (as Flink's sub-variant does); NULL when the variant or the
/// key is NULL, the key is absent or the position out of range. A key into a non-object, or a position into a
/// non-array, fails the job with Flink's message.
/// </summary>
internal sealed class VariantItemKernel(VectorExpression variant, VectorExpression index, SqlType type) : VectorExpression(type)
{
    private readonly bool _byKey = index.Type.IsCharacterString;
    private byte[] _cell = new byte[64];

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var cells = Utf8Column.Of(variant, input, context, out var keepVariants);
        IArrowArray? keepKeys = null;
        var keys = _byKey ? Utf8Column.Of(index, input, context, out keepKeys) : default;
        var positions = _byKey ? null : index.EvaluateReader(input, context);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (cells.IsNull(i) || (_byKey ? keys.IsNull(i) : positions!.IsNull(i))) { builder.AppendNull(); continue; }
            var cell = cells[i];
            int metadataLength = MetadataLength(cell);
            var metadata = cell[..metadataLength];
            var value = cell[metadataLength..];
            int at = _byKey ? Field(metadata, value, keys[i]) : Element(value, positions!.GetInt64(i));
            if (at < 0) { builder.AppendNull(); continue; }
            int size = ValueSize(value, at);
            int total = metadataLength + size;
            if (_cell.Length < total) _cell = new byte[Math.Max(total, _cell.Length * 2)];
            metadata.CopyTo(_cell);
            value.Slice(at, size).CopyTo(_cell.AsSpan(metadataLength));
            builder.AppendBytes(_cell.AsSpan(0, total));
        }
        GC.KeepAlive(keepVariants);
        GC.KeepAlive(keepKeys);
        return builder.Build();
    }

    private static int Field(ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> value, ReadOnlySpan<byte> key)
    {
        if (BasicType(value, 0) != VariantEncoding.Object)
            throw new ExpressionEvaluationException("String key access on variant requires an object variant, but a non-object variant was provided.");
        var layout = ObjectLayout(value, 0);
        for (int f = 0; f < layout.Size; f++)
            if (MetadataKey(metadata, layout.Id(value, f)).SequenceEqual(key)) return layout.DataStart + layout.Offset(value, f);
        return -1;
    }

    private static int Element(ReadOnlySpan<byte> value, long position)
    {
        if (BasicType(value, 0) != VariantEncoding.Array)
            throw new ExpressionEvaluationException("Integer index access on variant requires an array variant, but a non-array variant was provided.");
        var layout = ArrayLayout(value, 0);
        return position < 1 || position > layout.Size ? -1 : layout.DataStart + layout.Offset(value, (int)position - 1);
    }
}
