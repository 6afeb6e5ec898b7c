namespace StreamSql;

/// <summary>
/// A statement could not be executed. <see cref="Exception.Message"/> is complete for a user: what is wrong and, when the
/// statement came from a script, where (<c>Error at job.sql:3:15: ...</c> with the source line and a caret).
/// </summary>
public class StreamSqlException : Exception
{
    public StreamSqlException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The script the failing statement came from, when known.</summary>
    public string? SourceName { get; init; }

    /// <summary>1-based line in the script where the problem is (0 when unknown).</summary>
    public int Line { get; init; }

    /// <summary>1-based column in the script where the problem is (0 when unknown).</summary>
    public int Column { get; init; }
}

/// <summary>A feature the engine does not implement yet; the message says which and why.</summary>
public sealed class NotSupportedYetException : StreamSqlException
{
    public NotSupportedYetException(string feature) : base("not supported yet: " + feature) => Feature = feature;

    /// <summary>The missing feature, e.g. <c>savepoints</c>.</summary>
    public string Feature { get; }
}

/// <summary>A job failed while it ran; <see cref="Exception.Message"/> is the job's failure message.</summary>
public sealed class JobFailedException : StreamSqlException
{
    public JobFailedException(string jobId, string jobName, string message, Exception? inner = null)
        : base(message, inner)
    {
        JobId = jobId;
        JobName = jobName;
    }

    public string JobId { get; }
    public string JobName { get; }
}
