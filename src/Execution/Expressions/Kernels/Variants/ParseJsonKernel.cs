using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types.Variants;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Variants;

/// <summary>
/// <c>PARSE_JSON(json [, allowDuplicateKeys])</c> and <c>TRY_PARSE_JSON</c> over a whole string column: each text is
/// parsed straight from the Arrow buffer into the VARIANT cell (<see cref="VariantJsonParser"/>). Text that is not
/// JSON fails the job with Flink's "Failed to parse json string: &lt;text&gt;" (TRY_: NULL); a NULL text is NULL, a NULL
/// flag is false.
/// </summary>
internal sealed class ParseJsonKernel(VectorExpression[] operands, SqlType type, bool orNull) : VectorExpression(type)
{
    private readonly VariantJsonParser _parser = new();

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var texts = Utf8Column.Of(operands[0], input, context, out var keepAlive);
        var flags = operands.Length > 1 ? operands[1].EvaluateReader(input, context) : null;
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (texts.IsNull(i)) { builder.AppendNull(); continue; }
            bool allowDuplicateKeys = flags is not null && !flags.IsNull(i) && flags.GetBoolean(i);
            if (_parser.TryParse(texts[i], allowDuplicateKeys, out var cell)) builder.AppendBytes(cell);
            else if (orNull) builder.AppendNull();
            else throw new ExpressionEvaluationException($"Failed to parse json string: {System.Text.Encoding.UTF8.GetString(texts[i])}");
        }
        GC.KeepAlive(keepAlive);
        return builder.Build();
    }
}
