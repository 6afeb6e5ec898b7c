using Apache.Arrow;

namespace StreamSql.Execution.Expressions;

/// <summary>
/// A compiled scalar expression: computes one whole Arrow column from a batch's columns. Implementations are typed loops
/// over Arrow buffers (no per-row boxing or allocation). Instances are used by one thread at a time.
/// </summary>
public interface IVectorExpression
{
    /// <summary>Evaluates over all rows of <paramref name="input"/>; the result has <c>input.Length</c> rows.</summary>
    /// <exception cref="ExpressionEvaluationException">A runtime error (e.g. a failed CAST), naming the expression.</exception>
    IArrowArray Evaluate(RecordBatch input, EvaluationContext context);
}
