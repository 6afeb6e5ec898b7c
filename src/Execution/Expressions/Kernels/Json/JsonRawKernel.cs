using System.Buffers;
using System.Text.Json;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Json;

/// <summary>
/// Flink 2.1's <c>JSON(value)</c>: pre-formatted JSON text that JSON_OBJECT / JSON_ARRAY insert as JSON rather than as a
/// string (see <see cref="JsonValueWriting.IsJsonConstructor"/>). The text is checked and made compact, as Flink
/// re-serializes the parsed node (<c>JSON('{"K2": 42}')</c> inserts <c>{"K2":42}</c>); NULL or empty text is NULL;
/// text that is not JSON fails the job.
/// </summary>
internal sealed class JsonRawKernel(VectorExpression operand, SqlType type) : VectorExpression(type)
{
    private readonly JsonInput _input = new();
    private readonly ArrayBufferWriter<byte> _output = new();

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var texts = Utf8Column.Of(operand, input, context, out var keepAlive);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (texts.IsNull(i) || texts[i].IsEmpty) { builder.AppendNull(); continue; }
            using var document = _input.Parse(texts[i])
                ?? throw new ExpressionEvaluationException($"Invalid JSON string in JSON(value) function: {JsonInput.Text(texts[i])}");
            _output.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_output, JsonWriting.Options)) JsonWriting.WriteSorted(writer, document.RootElement);
            builder.AppendUtf8(_output.WrittenSpan);
        }
        GC.KeepAlive(keepAlive);
        return builder.Build();
    }
}
