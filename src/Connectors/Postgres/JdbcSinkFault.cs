namespace StreamSql.Connectors.Postgres;

/// <summary>
/// A test seam: <c>STREAMSQL_JDBC_SINK_FAULT=&lt;point&gt;@&lt;n&gt;</c> makes the process kill itself (SIGKILL) at a point of the
/// n-th exactly-once commit of this process — <c>before-commit</c>: the checkpoint is complete and the epoch's rows and progress
/// row are written in the open transaction, not committed (the crash window of a two-phase sink); <c>after-commit</c>: the
/// transaction committed, the checkpoint's state still lists the committable. Unset (always, outside the tests), nothing happens.
/// </summary>
internal sealed class JdbcSinkFault
{
    public const string Variable = "STREAMSQL_JDBC_SINK_FAULT";

    private readonly string? _point;
    private readonly int _at;
    private int _commits;

    public JdbcSinkFault()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        int sep = text?.IndexOf('@') ?? -1;
        if (text is null || sep < 0 || !int.TryParse(text.AsSpan(sep + 1), out _at)) return;
        _point = text[..sep];
    }

    /// <summary>Counts a commit beginning.</summary>
    public void CommitStarting() => _commits++;

    public void At(string point)
    {
        if (_point != point || _commits != _at) return;
        Console.Error.WriteLine($"[{Variable}] killing the process at {point} of commit {_commits}");
        Console.Error.Flush();
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    }
}
