using StreamSql.Sql.Planner.Expressions;

namespace StreamSql.Execution.Expressions.Kernels;

internal static partial class TimeKernels
{
    public static VectorExpression? TryCreate(string name, Call call, VectorExpression[] operands) => null;
}
