namespace StreamSql.Execution.Checkpointing;

/// <summary>A job cannot start from the given savepoint or checkpoint: the state does not fit the plan (the message is the
/// report of which operators match), or a source cannot take over its positions.</summary>
public sealed class StateRestoreException : Exception
{
    public StateRestoreException(string message, Exception? inner = null) : base(message, inner) { }
}
