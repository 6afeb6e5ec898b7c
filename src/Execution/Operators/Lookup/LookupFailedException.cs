namespace StreamSql.Execution.Operators.Lookup;

/// <summary>A lookup join could not fetch rows (the table's server is down after the retries, a request timed out): the
/// job fails with a message naming the table, and its restart strategy takes over.</summary>
public sealed class LookupFailedException(string message, Exception? inner = null) : Exception(message, inner);
