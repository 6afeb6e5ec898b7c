using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;
using StreamSql.Execution.Columns;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>CASE</c>, <c>IF</c>, <c>COALESCE</c>, <c>IFNULL</c>, <c>NULLIF</c>, <c>IN</c>, <c>IS [NOT] DISTINCT FROM</c>.
/// Branches are evaluated only for the rows that take them (see <see cref="SelectiveEvaluation"/>), so
/// <c>CASE WHEN x &lt;&gt; 0 THEN 10 / x END</c> never divides by zero.
/// </summary>
internal static class ConditionalKernels
{
    public static VectorExpression? TryCreate(string name, Call call, VectorExpression[] operands)
    {
        switch (name)
        {
            case "CASE":
                {
                    var conditions = new List<VectorExpression>();
                    var values = new List<VectorExpression>();
                    for (int i = 0; i + 1 < operands.Length; i += 2)
                    {
                        conditions.Add(ExpressionCompiler.Coerce(operands[i], SqlType.Boolean));
                        values.Add(ExpressionCompiler.Coerce(operands[i + 1], call.Type));
                    }
                    return new CaseExpression(call.Type, conditions.ToArray(), values.ToArray(), ExpressionCompiler.Coerce(operands[^1], call.Type));
                }
            case "IF":
                return new CaseExpression(call.Type, new[] { ExpressionCompiler.Coerce(operands[0], SqlType.Boolean) },
                    new[] { ExpressionCompiler.Coerce(operands[1], call.Type) }, ExpressionCompiler.Coerce(operands[2], call.Type));
            case "COALESCE" or "IFNULL":
                {
                    var coerced = new VectorExpression[operands.Length];
                    for (int i = 0; i < coerced.Length; i++) coerced[i] = ExpressionCompiler.Coerce(operands[i], call.Type);
                    return new CoalesceExpression(call.Type, coerced);
                }
            case "NULLIF":
                {
                    var common = ExpressionCompiler.CommonType(operands);
                    var a = ExpressionCompiler.Coerce(operands[0], common);
                    var b = ExpressionCompiler.Coerce(operands[1], common);
                    var equal = ComparisonKernels.Create(CompareOp.Eq, a, b, SqlType.Boolean);
                    // The value is the first operand as it is (its type is the call's), not as compared.
                    return new CaseExpression(call.Type, new[] { equal }, new[] { (VectorExpression)new ConstantExpression(null, call.Type) }, ExpressionCompiler.Coerce(operands[0], call.Type));
                }
            case "IS DISTINCT FROM" or "IS NOT DISTINCT FROM":
                {
                    var (left, right) = ComparisonKernels.Comparable(operands[0], operands[1]);
                    bool distinct = name == "IS DISTINCT FROM";
                    return new RowwiseExpression(SqlType.Boolean.AsNotNull(), new[] { left, right },
                        (a, row, w) =>
                        {
                            bool an = a[0].IsNull(row), bn = a[1].IsNull(row);
                            bool same = an || bn ? an && bn : ComparisonKernels.CompareValues(a[0], a[1], row) == 0;
                            w.AppendBoolean(distinct ? !same : same);
                        }, nullIntolerant: false);
                }
            case "GREATEST" or "LEAST":
                {
                    var coerced = new VectorExpression[operands.Length];
                    for (int i = 0; i < coerced.Length; i++) coerced[i] = ExpressionCompiler.Coerce(operands[i], call.Type);
                    int sign = name == "GREATEST" ? 1 : -1;
                    // NULL when any operand is (Flink), which the null-intolerant row loop gives.
                    return new RowwiseExpression(call.Type, coerced, (a, row, w) =>
                    {
                        int best = 0;
                        for (int i = 1; i < a.Length; i++)
                            if (sign * ComparisonKernels.CompareValues(a[i], a[best], row) > 0) best = i;
                        w.AppendFrom(a[best], row);
                    });
                }
            case "IN":
                return InListExpression.Create(call, operands);
            default:
                return null;
        }
    }
}

/// <summary>COALESCE(a, b, ...): each further operand only for the rows still NULL.</summary>
internal sealed class CoalesceExpression(SqlType type, VectorExpression[] operands) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var first = operands[0].Evaluate(input, context);
        if (first.NullCount == 0 || operands.Length == 1) return first;
        var readers = new ColumnReader[operands.Length];
        readers[0] = ColumnReader.Create(first, operands[0].Type);
        var choice = new int[n];
        var needed = new bool[n];
        int remaining = 0;
        for (int i = 0; i < n; i++) if (readers[0].IsNull(i)) { needed[i] = true; remaining++; choice[i] = -1; }
        for (int k = 1; k < operands.Length && remaining > 0; k++)
        {
            readers[k] = SelectiveEvaluation.Evaluate(operands[k], input, context, needed, remaining);
            for (int i = 0; i < n; i++)
            {
                if (!needed[i] || readers[k].IsNull(i)) continue;
                choice[i] = k;
                needed[i] = false;
                remaining--;
            }
        }
        var writer = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (choice[i] < 0) writer.AppendNull();
            else writer.AppendFrom(readers[choice[i]], i);
        }
        return writer.Build();
    }
}
