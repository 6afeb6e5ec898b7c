namespace StreamSql.Execution.Runtime;

/// <summary>How a job starts: fresh, or restored from a savepoint or retained checkpoint.</summary>
public sealed record JobStartOptions
{
    public static readonly JobStartOptions Fresh = new();

    /// <summary>A savepoint or retained checkpoint: its directory or its <c>_metadata</c> file. Null starts with empty state.</summary>
    public string? RestorePath { get; init; }

    /// <summary>Skip state of operators that are not in the new plan instead of refusing the restore
    /// (<c>ALLOW NON RESTORED STATE</c>, <c>execution.state-recovery.ignore-unclaimed-state</c>).</summary>
    public bool AllowNonRestoredState { get; init; }
}
