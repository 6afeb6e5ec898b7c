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
}
