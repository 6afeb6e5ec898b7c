namespace StreamSql.Soak.Pipelines;

/// <summary>
/// One INSERT of a soak job: its source and sink tables, the statement, and the rows its sink must hold at the end. The
/// expected rows come from the harness's own source of truth (the datagen sequence range, the CSV files it wrote, the
/// records it put into a Kafka topic), never from the engine; the committed rows are read as a reader of the sink sees
/// them (a filesystem sink's visible files, a Kafka topic's committed transactions).
/// </summary>
public interface ISoakPipeline
{
    /// <summary>The sink's name in the round's log (its directory or topic).</summary>
    string SinkName { get; }

    /// <summary>True when the source ends by itself.</summary>
    bool IsBounded { get; }

    /// <summary>The CREATE TABLE statements of its source and sink.</summary>
    IReadOnlyList<string> CreateTables { get; }

    /// <summary>The INSERT statement (without the trailing semicolon).</summary>
    string Insert { get; }

    /// <summary>Variables the <c>streamsql</c> processes of the round get (none but for a kafka sink's test hooks).</summary>
    IReadOnlyDictionary<string, string> ShellEnvironment => new Dictionary<string, string>();

    /// <summary>Every row the sink must have committed once the input is complete (for a fed source: what was fed so far).</summary>
    IReadOnlyList<string> ExpectedRows();

    /// <summary>The rows the sink has committed, as its readers see them.</summary>
    List<string> CommittedRows();

    /// <summary>What the sink holds, committed or not, for a failure message.</summary>
    string SinkListing();

    /// <summary>Waits until a SIGKILL may land and holds that until disposed (a kafka sink's marker window, which only a real
    /// broker can judge); nothing for other sinks.</summary>
    Task<IDisposable> HoldKillAsync() => Task.FromResult<IDisposable>(NoHold.Instance);

    /// <summary>Starts writing input over time (a monitored directory); nothing for a generated or pre-filled source.</summary>
    void StartFeeding()
    {
    }

    /// <summary>Stops writing input; the input is complete when this returns.</summary>
    Task StopFeedingAsync() => Task.CompletedTask;

    /// <summary>A bounded source: true when every row of its input has reached the sink, seen in its committed output or in
    /// pending output written since <paramref name="sinceUtc"/> (the start of the current run).</summary>
    bool HasReachedEndOfInput(DateTime sinceUtc);

    private sealed class NoHold : IDisposable
    {
        public static readonly NoHold Instance = new();

        public void Dispose()
        {
        }
    }
}
