namespace StreamSql.Execution.Runtime;

/// <summary>Why a job failed: names the failing task (vertex name and subtask) and carries the original error as inner exception.</summary>
public sealed class JobExecutionException : Exception
{
    public JobExecutionException(string taskName, Exception cause)
        : base($"{taskName} failed: {cause.Message}", cause)
    {
        TaskName = taskName;
    }

    /// <summary>The vertex name and subtask, e.g. <c>Calc(...) (2/4)</c>.</summary>
    public string TaskName { get; }
}
