using System.Buffers;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types.Variants;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Variants;

/// <summary><c>CAST(v AS STRING)</c>: each cell's text (<see cref="VariantCastText"/>: a stored string unquoted, a JSON
/// null NULL, an object or array its JSON) written straight into the output column.</summary>
internal sealed class VariantToTextKernel(VectorExpression variant) : VectorExpression(SqlType.String)
{
    private readonly ArrayBufferWriter<byte> _text = new(256);

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var cells = Utf8Column.Of(variant, input, context, out var keepAlive);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            _text.ResetWrittenCount();
            if (!cells.IsNull(i) && VariantCastText.TryWrite(cells[i], _text)) builder.AppendUtf8(_text.WrittenSpan);
            else builder.AppendNull();
        }
        GC.KeepAlive(keepAlive);
        return builder.Build();
    }
}
