using System.Buffers;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types.Variants;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Variants;

/// <summary><c>CAST(v AS STRING)</c> of Flink 2.1/2.2: the variant's JSON text (<see cref="VariantJsonWriter"/>), so a
/// stored string stays quoted; written from each cell straight into the output column.</summary>
internal sealed class VariantToTextKernel(VectorExpression variant) : VectorExpression(SqlType.String.WithNullable(variant.Type.Nullable))
{
    private readonly ArrayBufferWriter<byte> _text = new(256);

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var cells = Utf8Column.Of(variant, input, context, out var keepAlive);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (cells.IsNull(i)) { builder.AppendNull(); continue; }
            _text.ResetWrittenCount();
            VariantJsonWriter.Write(cells[i], _text);
            builder.AppendUtf8(_text.WrittenSpan);
        }
        GC.KeepAlive(keepAlive);
        return builder.Build();
    }
}
