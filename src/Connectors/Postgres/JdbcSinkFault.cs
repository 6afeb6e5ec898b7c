namespace StreamSql.Connectors.Postgres;

/// <summary>
/// A test seam: <c>STREAMSQL_JDBC_SINK_FAULT=&lt;point&gt;@&lt;n&gt;</c> makes the process kill itself (SIGKILL) at a point of the
/// n-th exactly-once commit of this process — <c>before-commit</c>: the checkpoint is complete and the epoch's rows and progress
/// row are written in the open transaction, not committed (the crash window of a two-phase sink); <c>after-commit</c>: the
/// transaction committed, the checkpoint's state still lists the committable; <c>after-end-of-input-commit</c> (n counts only those
/// commits, per subtask): the rows written since the last checkpoint were committed at the end of the input, the job has not finished.
/// Unset (always, outside the tests), nothing happens.
/// </summary>
internal sealed class JdbcSinkFault
{
    public const string Variable = "STREAMSQL_JDBC_SINK_FAULT";

    private readonly string? _point;
    private readonly int _at;
    private int _commits;
    private int _endOfInputCommits;

    public JdbcSinkFault()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        int sep = text?.IndexOf('@') ?? -1;
        if (text is null || sep < 0 || !int.TryParse(text.AsSpan(sep + 1), out _at)) return;
        _point = text[..sep];
    }

    /// <summary>Counts a commit beginning.</summary>
    public void CommitStarting() => _commits++;

    /// <summary>Counts a commit of the end-of-input epoch done.</summary>
    public void EndOfInputCommitted()
    {
        _endOfInputCommits++;
        if (_point == "after-end-of-input-commit" && _endOfInputCommits == _at) Kill(_point, _endOfInputCommits);
    }

    public void At(string point)
    {
        if (_point != point || _commits != _at) return;
        Kill(point, _commits);
    }

    private static void Kill(string point, int commits)
    {
        Console.Error.WriteLine($"[{Variable}] killing the process at {point} of commit {commits}");
        Console.Error.Flush();
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    }
}
