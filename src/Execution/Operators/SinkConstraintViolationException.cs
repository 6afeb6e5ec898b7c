namespace StreamSql.Execution.Operators;

/// <summary>A row written into a NOT NULL sink column holds NULL ('table.exec.sink.not-null-enforcer' = ERROR).</summary>
public sealed class SinkConstraintViolationException(string message) : Exception(message);
