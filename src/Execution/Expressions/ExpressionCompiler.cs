using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions;

/// <summary>Turns bound scalar expressions into vectorized kernels over Arrow columns.</summary>
public static class ExpressionCompiler
{
    /// <summary>Compiles <paramref name="expression"/> for batches whose columns are <paramref name="inputSchema"/>.</summary>
    public static IVectorExpression Compile(ScalarExpr expression, RowSchema inputSchema) => expression switch
    {
        InputRef r => new ColumnReferenceExpression(r.Index),
        _ => throw new NotSupportedException($"expression {expression} is not supported yet"),
    };
}

/// <summary>Returns an input column as it is.</summary>
internal sealed class ColumnReferenceExpression(int index) : IVectorExpression
{
    public Apache.Arrow.IArrowArray Evaluate(Apache.Arrow.RecordBatch input, EvaluationContext context) => input.Column(index);
}
