namespace StreamSql.Execution.Expressions;

/// <summary>An expression failed on a value at run time (e.g. CAST of 'abc' to INT, integer division by zero).</summary>
public sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The failing expression as the user wrote it and its place in the statement, when known.</summary>
    public StreamSql.Sql.Planner.Expressions.ExpressionSource? Expression { get; init; }
}
