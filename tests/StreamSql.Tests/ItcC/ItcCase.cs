namespace StreamSql.Tests.ItcC;

/// <summary>
/// One SQL case of Flink's streaming <c>*ITCase.scala</c> (flink-table-planner, runtime/stream/sql): its input tables,
/// the query and the rows Flink's test asserts, each as Flink's test sink prints a row (fields joined by commas).
/// </summary>
internal sealed record ItcCase(string Name, IReadOnlyList<ItcTable> Tables, string Sql, IReadOnlyList<string> Expected)
{
    /// <summary>How <see cref="Expected"/> is read from the changelog.</summary>
    public ItcResult Result { get; init; } = ItcResult.Retracted;

    /// <summary>Run with whole batches too (Flink's mini-batch variants), not only row by row.</summary>
    public bool AlsoInBatches { get; init; } = true;

    /// <summary>Flink refuses the query: its message, which the engine's error must contain.</summary>
    public string? ExpectedError { get; init; }

    /// <summary>Session settings the case sets (<c>table.local-time-zone</c>, ...), after the runner's own.</summary>
    public IReadOnlyList<(string Key, string Value)> Config { get; init; } = [];

    /// <summary>Statements run after the tables are created and before the query (<c>CREATE DATABASE</c>, <c>USE</c>).</summary>
    public IReadOnlyList<string> Setup { get; init; } = [];

    /// <summary>A top-level ROW field prints as Flink's legacy <c>Row.toString</c> (<c>LegacyRowExtension</c>): its
    /// fields joined by commas, no row kind.</summary>
    public bool LegacyRows { get; init; }

    public override string ToString() => Name;
}

/// <summary>What Flink's test compares.</summary>
internal enum ItcResult
{
    /// <summary>The rows the changelog leaves, sorted (<c>TestingRetractSink.getRetractResults</c>, a values sink's
    /// <c>getResultsAsStrings</c>).</summary>
    Retracted,

    /// <summary>Every change, sorted, printed <c>+I(a,b)</c> (a values sink's <c>getRawResultsAsStrings</c>).</summary>
    Raw,

    /// <summary>As <see cref="Raw"/>, each field as <c>TestingAppendRowDataSink</c> prints Flink's internal data: a DATE as
    /// its epoch day, a TIME as its millisecond of the day.</summary>
    RowData,
}

/// <summary>An input table: the columns of <c>CREATE TABLE name (...)</c> (physical ones first, then computed columns
/// and a watermark) and its rows in order, values of the physical columns.</summary>
internal sealed record ItcTable(string Name, string Schema, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>A changelog source (Flink's values source with a <c>changelog-mode</c>): the kind of each row
    /// (<c>+I</c>, <c>-U</c> followed by its <c>+U</c>, <c>-D</c>), read through <c>debezium-json</c>.</summary>
    public IReadOnlyList<string>? Kinds { get; init; }
}
