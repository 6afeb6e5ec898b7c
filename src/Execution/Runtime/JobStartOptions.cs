using StreamSql.Execution.Checkpointing;

namespace StreamSql.Execution.Runtime;

/// <summary>How a job starts: fresh, or restored from a savepoint or retained checkpoint.</summary>
public sealed record JobStartOptions
{
    public static readonly JobStartOptions Fresh = new();

    /// <summary>A savepoint or retained checkpoint: its directory or its <c>_metadata</c> file. Null starts with empty state.</summary>
    public string? RestorePath { get; init; }

    /// <summary>Restore from the newest completed checkpoint of the job's name in the configured checkpoint directory
    /// (<c>FROM LATEST CHECKPOINT</c>). A checkpoint that cannot be read (missing, truncated or corrupt file) is skipped
    /// for the one before it; with none usable the job starts fresh. <see cref="JobHandle.RestoreNotes"/> says what happened.
    /// Ignored when <see cref="RestorePath"/> is given.</summary>
    public bool RestoreFromLatestCheckpoint { get; init; }

    /// <summary>Skip state of operators that are not in the new plan instead of refusing the restore
    /// (<c>ALLOW NON RESTORED STATE</c>, <c>execution.state-recovery.ignore-unclaimed-state</c>).</summary>
    public bool AllowNonRestoredState { get; init; }

    /// <summary>The name the job's state is kept under, already claimed (<see cref="JobStateClaim.Acquire"/>); the runner
    /// owns it from <see cref="JobRunner.Start(StreamSql.Sql.Planner.Physical.JobGraph, string, JobStartOptions)"/> on and
    /// releases it when the job ends. Null: the runner claims the job's name itself.</summary>
    public JobStateClaim? StateClaim { get; init; }
}
