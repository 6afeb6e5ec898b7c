using StreamSql.Sql.Planner.Expressions;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// Evaluates a deterministic call whose operands are all literals, for constant folding. Implemented by the runtime
/// (with the same kernels that run at execution) and handed to the planner, which knows nothing of kernels.
/// Returns null when the call cannot be folded (non-deterministic, or it would fail: the error must surface at run time as in Flink).
/// </summary>
public interface IConstantEvaluator
{
    Literal? TryEvaluate(Call call);
}
