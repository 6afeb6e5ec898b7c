namespace StreamSql.Soak;

/// <summary>When a run of the job is killed with SIGKILL.</summary>
public enum KillMoment
{
    /// <summary>A random moment after the job was submitted (often before its first checkpoint).</summary>
    Random,

    /// <summary>Right after a new checkpoint's <c>_metadata</c> appeared: between completing it and the sinks' commit.</summary>
    AfterCheckpoint,

    /// <summary>Right after every bounded source reached the end of its input (all its rows are at the sink).</summary>
    AfterEndOfInput,

    /// <summary>While a savepoint taken by <c>streamsql savepoint &lt;job&gt;</c> from another process runs, or right after.</summary>
    DuringSavepoint,

    /// <summary>After SIGTERM, while the shell stops the job with a savepoint, or right after.</summary>
    DuringStopWithSavepoint,

    /// <summary>The process kills itself inside an exactly-once kafka sink's commit (<c>STREAMSQL_KAFKA_SINK_FAULT</c>): after a
    /// checkpoint completed and before its Kafka transaction began (the crash window of a two-phase sink), or with the
    /// epoch's records in an open transaction. Only for jobs with such a sink.</summary>
    InSinkCommit,
}

/// <summary>Names of the kill moments as the soak prints them.</summary>
public static class KillMoments
{
    /// <summary>Every moment, in the order the reports list them.</summary>
    public static IReadOnlyList<KillMoment> All { get; } = Enum.GetValues<KillMoment>();

    public static string Name(this KillMoment moment) => moment switch
    {
        KillMoment.Random => "random",
        KillMoment.AfterCheckpoint => "after-checkpoint",
        KillMoment.AfterEndOfInput => "after-end-of-input",
        KillMoment.DuringSavepoint => "during-savepoint",
        KillMoment.DuringStopWithSavepoint => "during-stop-with-savepoint",
        KillMoment.InSinkCommit => "in-sink-commit",
        _ => throw new ArgumentOutOfRangeException(nameof(moment), moment, null),
    };
}
