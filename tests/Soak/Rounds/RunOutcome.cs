namespace StreamSql.Soak.Rounds;

/// <summary>How one run of <c>streamsql -f</c> ended.</summary>
public enum RunOutcome
{
    /// <summary>Our SIGKILL ended it (exit code 137).</summary>
    Killed,

    /// <summary>It shut down on our SIGTERM before the kill (exit code 143): the job stopped with a savepoint.</summary>
    Stopped,

    /// <summary>It ended by itself with exit code 0: every job of the script finished.</summary>
    Finished,

    /// <summary>It failed: another exit code, or no job was submitted.</summary>
    Failed,
}
