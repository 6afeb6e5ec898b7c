using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary><c>PRINTF(format, arg, ...)</c>: Java's <c>String.format</c> in Locale.US (Flink's PrintfFunction); NULL for
/// a NULL format, a NULL argument prints as <c>null</c>. A literal format is parsed once. Numbers keep their Java class
/// (%d takes TINYINT..BIGINT, %f/%e/%g DOUBLE, FLOAT and DECIMAL); other values print with %s as Java prints them.</summary>
internal sealed class PrintfKernel(VectorExpression[] operands, SqlType type) : VectorExpression(type)
{
    // Parsed at the first evaluation, so a bad literal format fails the job like a bad value does, not the compilation.
    private JavaFormat? _literal;

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var formats = operands[0].EvaluateReader(input, context);
        var arrays = new IArrowArray[operands.Length];
        var readers = new ColumnReader[operands.Length];
        for (int k = 1; k < operands.Length; k++)
        {
            arrays[k] = operands[k].Evaluate(input, context);
            readers[k] = ColumnReader.Create(arrays[k], operands[k].Type);
        }
        var args = new FormatArgument[operands.Length - 1];
        var parsed = new Dictionary<string, JavaFormat>(StringComparer.Ordinal);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (formats.IsNull(i)) { builder.AppendNull(); continue; }
            var format = _literal;
            if (format is null && operands[0] is ConstantExpression { Value: string literal }) format = _literal = new JavaFormat(literal);
            if (format is null)
            {
                var text = formats.GetString(i);
                if (!parsed.TryGetValue(text, out format)) parsed[text] = format = new JavaFormat(text);
            }
            for (int k = 1; k < operands.Length; k++) args[k - 1] = Argument(arrays[k], readers[k], operands[k].Type, i, context);
            builder.AppendString(format.Format(args));
        }
        return builder.Build();
    }

    private static FormatArgument Argument(IArrowArray array, ColumnReader reader, SqlType type, int row, EvaluationContext context)
    {
        if (reader.IsNull(row)) return FormatArgument.Null;
        return type.Kind switch
        {
            SqlTypeKind.TinyInt => FormatArgument.OfInteger(reader.GetInt64(row), 8),
            SqlTypeKind.SmallInt => FormatArgument.OfInteger(reader.GetInt64(row), 16),
            SqlTypeKind.Int => FormatArgument.OfInteger(reader.GetInt64(row), 32),
            SqlTypeKind.BigInt => FormatArgument.OfInteger(reader.GetInt64(row), 64),
            SqlTypeKind.Float or SqlTypeKind.Double => FormatArgument.OfFloating(reader.GetDouble(row)),
            SqlTypeKind.Decimal => FormatArgument.OfDecimal(reader.GetUnscaled(row), type.Scale),
            SqlTypeKind.Boolean => FormatArgument.OfBoolean(reader.GetBoolean(row)),
            SqlTypeKind.Char or SqlTypeKind.VarChar => FormatArgument.OfText(reader.GetString(row)),
            _ => FormatArgument.OfText(ValueFormatter.Format(array, row, type, context.TimeZone, ValueFormatStyle.JavaObject)),
        };
    }
}
