namespace StreamSql.Sql.Planner.Functions;

/// <summary>A call does not match any signature of a function, or names no function. The message is for the user
/// (e.g. "Cannot apply 'UPPER' to arguments of type (INT). Supported form: UPPER(STRING)"); the binder adds the position.</summary>
public sealed class FunctionResolutionException : Exception
{
    public FunctionResolutionException(string message) : base(message) { }
}
