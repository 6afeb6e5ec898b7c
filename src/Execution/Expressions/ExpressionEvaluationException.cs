namespace StreamSql.Execution.Expressions;

/// <summary>An expression failed on a value at run time (e.g. CAST of 'abc' to INT, integer division by zero).</summary>
public sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException(string message, Exception? inner = null) : base(message, inner) { }
}
