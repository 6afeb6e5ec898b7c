namespace StreamSql.Connectors.Kafka;

/// <summary>
/// A test seam: <c>STREAMSQL_KAFKA_SINK_FAULT=&lt;point&gt;@&lt;n&gt;</c> makes the process kill itself (SIGKILL) at a point
/// of its n-th epoch commit — <c>before-commit</c>: the checkpoint is complete, its Kafka transaction not begun (the
/// crash window of a two-phase sink); <c>after-data</c>: the epoch's records are in the log, in an open transaction,
/// its marker not yet written. Unset (always, outside the tests), nothing happens.
/// </summary>
internal sealed class KafkaSinkFault
{
    public const string Variable = "STREAMSQL_KAFKA_SINK_FAULT";

    private readonly string? _point;
    private readonly int _at;
    private int _commits;

    public KafkaSinkFault()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        int sep = text?.IndexOf('@') ?? -1;
        if (text is null || sep < 0 || !int.TryParse(text.AsSpan(sep + 1), out _at)) return;
        _point = text[..sep];
    }

    /// <summary>Counts an epoch commit beginning.</summary>
    public void CommitStarting()
    {
        _commits++;
        At("before-commit");
    }

    public void At(string point)
    {
        if (_point == point && _commits == _at)
        {
            Console.Error.WriteLine($"[{Variable}] killing the process at {point} of commit {_commits}");
            Console.Error.Flush();
            System.Diagnostics.Process.GetCurrentProcess().Kill();
        }
    }
}
