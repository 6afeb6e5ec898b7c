namespace StreamSql.Connectors.Kafka;

/// <summary>
/// A test seam: <c>STREAMSQL_KAFKA_SINK_FAULT=&lt;point&gt;@&lt;n&gt;</c> makes the process kill itself (SIGKILL) at a point
/// of its n-th epoch commit — <c>before-commit</c>: the checkpoint is complete, its Kafka transaction not begun (the
/// crash window of a two-phase sink); <c>after-data</c>: the epoch's records are in the log, in an open transaction,
/// its marker not yet written. Unset (always, outside the tests), nothing happens.
/// <para><c>STREAMSQL_KAFKA_SINK_MARKER_LOCK=&lt;file&gt;</c>: the sink holds the file (created exclusively, deleted after) from producing an
/// epoch's marker until its commit is acknowledged, so a test that creates it itself before it kills the process never kills
/// inside that sub-window — the one whose outcome only a broker's read_committed filtering can tell, which librdkafka's
/// mock cluster does not do (docs/connectors.md).</para>
/// </summary>
internal sealed class KafkaSinkFault
{
    public const string Variable = "STREAMSQL_KAFKA_SINK_FAULT";
    public const string MarkerLockVariable = "STREAMSQL_KAFKA_SINK_MARKER_LOCK";

    private readonly string? _markerLock;

    private readonly string? _point;
    private readonly int _at;
    private int _commits;

    public KafkaSinkFault() : this(Environment.GetEnvironmentVariable(Variable), Environment.GetEnvironmentVariable(MarkerLockVariable))
    {
    }

    /// <summary>The seams as given (tests in the process itself), not from the environment.</summary>
    public KafkaSinkFault(string? fault, string? markerLock)
    {
        _markerLock = markerLock;
        var text = fault;
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

    /// <summary>Enters the marker-to-acknowledgement sub-window (creates the lock file, waiting while it exists, when the
    /// seam is set); dispose to leave it (deletes the file).</summary>
    public IDisposable? EnterMarkerWindow()
    {
        if (string.IsNullOrEmpty(_markerLock)) return null;
        var deadline = Environment.TickCount64 + 30_000;
        while (true)
        {
            try
            {
                return new FileStream(_markerLock, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                Thread.Sleep(1); // the test holds it while it kills the process (or another subtask is in its window)
            }
        }
    }
}
