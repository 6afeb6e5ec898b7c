using Apache.Arrow;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions.UserDefined;

namespace StreamSql.Execution.Expressions.Kernels.UserDefined;

/// <summary>
/// A call of a user-defined scalar function: its <c>Eval</c> method run for each row on this kernel's own instance. An
/// exception thrown by the function fails the job with a message naming the function and its class.
/// </summary>
internal sealed class UserFunctionKernel : VectorExpression
{
    private readonly RowwiseExpression _rows;
    private readonly UserFunctionCall _function;

    public UserFunctionKernel(Call call, UserFunctionCall function, VectorExpression[] operands) : base(call.Type)
    {
        _function = function;
        var body = UserFunctionInvoker.Compile(function.Method, function.Function.CreateTarget(function.Method));
        _rows = new RowwiseExpression(call.Type, operands, body, nullIntolerant: false);
    }

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        try
        {
            return _rows.Evaluate(input, context);
        }
        catch (Exception e) when (e is not (ExpressionEvaluationException or OperationCanceledException or OutOfMemoryException))
        {
            throw new ExpressionEvaluationException(
                $"User-defined function '{_function.Function.Name}' ({_function.Function.Implementation.FullName}) failed: {e.GetType().Name}: {e.Message}", e);
        }
    }
}
