using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Kernels.Nested;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Collections;

/// <summary>
/// COLLECT's result (see the planner's AggregateBinder): the ARRAY_AGG list of a group's values as a MULTISET — the same
/// Arrow list column — with a NULL list (a group without values) made empty, as Flink's CollectAggFunction gives an
/// empty multiset. A column without NULLs passes through untouched.
/// </summary>
internal sealed class ListAsMultisetKernel(VectorExpression list, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var values = list.Evaluate(input, context);
        if (values.NullCount == 0) return values;
        var column = new ListColumn(values.Data);
        var builder = (ListColumnBuilder)ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (!column.IsNull(i)) builder.Values.AppendRange(column.Child, column.Start(i), column.Count(i));
            builder.AppendListValid();
        }
        return builder.Build();
    }
}
