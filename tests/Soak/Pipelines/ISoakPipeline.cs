namespace StreamSql.Soak.Pipelines;

/// <summary>
/// One INSERT of a soak job: its source and sink tables, the statement, and the rows its filesystem sink must hold at the
/// end. The expected rows come from the harness's own source of truth (the datagen sequence range, the CSV files it
/// wrote), never from the engine.
/// </summary>
public interface ISoakPipeline
{
    /// <summary>The filesystem sink's directory.</summary>
    string SinkDirectory { get; }

    /// <summary>True when the source ends by itself.</summary>
    bool IsBounded { get; }

    /// <summary>The CREATE TABLE statements of its source and sink.</summary>
    IReadOnlyList<string> CreateTables { get; }

    /// <summary>The INSERT statement (without the trailing semicolon).</summary>
    string Insert { get; }

    /// <summary>Every row the sink must have committed once the input is complete (for a fed source: what was fed so far).</summary>
    IReadOnlyList<string> ExpectedRows();

    /// <summary>Starts writing input over time (a monitored directory); nothing for a generated source.</summary>
    void StartFeeding();

    /// <summary>Stops writing input; the input is complete when this returns.</summary>
    Task StopFeedingAsync();

    /// <summary>A bounded source: true when every row of its input has reached the sink, seen in its committed files or in
    /// pending files written since <paramref name="sinceUtc"/> (the start of the current run).</summary>
    bool HasReachedEndOfInput(DateTime sinceUtc);
}
