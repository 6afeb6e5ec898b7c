using StreamSql.Execution.Batches;

namespace StreamSql.Tests.ItcE;

/// <summary>A source table of a Flink ITCase read through the <c>hunt-values</c> connector (Flink's <c>values</c>
/// source): its columns (DDL, computed columns and a primary key included), its changelog mode and its rows in order
/// with their kinds.</summary>
internal sealed record ItceSource(string Name, string Schema, string ChangelogMode, IReadOnlyList<(RowKind Kind, object?[] Values)> Rows);

/// <summary>
/// One case of Flink's <c>ChangelogSourceITCase</c> / <c>TableSinkITCase</c>: its sources, the other DDL it runs (sinks
/// on the <c>itce-values</c> connector, Flink's values sink), the statements (each INSERT runs to its end; a final
/// SELECT is read to its end), and what Flink's test asserts.
/// </summary>
internal sealed record ItceCase(string Name, IReadOnlyList<ItceSource> Sources, IReadOnlyList<string> Ddl, IReadOnlyList<string> Statements,
    IReadOnlyList<string> Expected)
{
    /// <summary>What <see cref="Expected"/> is compared with.</summary>
    public ItceCheck Check { get; init; } = ItceCheck.Query;

    /// <summary>The sink table whose rows <see cref="Expected"/> lists (for <see cref="ItceCheck.Sink"/> and
    /// <see cref="ItceCheck.SinkRaw"/>).</summary>
    public string? Sink { get; init; }

    /// <summary>Session options the case sets (Flink's <c>tEnv.getConfig.set</c>), besides the variant's.</summary>
    public IReadOnlyList<(string Key, string Value)> Settings { get; init; } = [];

    /// <summary>Flink refuses the last statement: its message, which the engine's error must contain.</summary>
    public string? ExpectedError { get; init; }

    /// <summary>Raw rows must not contain a change starting with this prefix (Flink's <c>rawResult.exists(_.startsWith(...))</c>
    /// checks), or must contain one when <see cref="RawMustContain"/>.</summary>
    public string? RawPrefix { get; init; }

    public bool RawMustContain { get; init; }

    /// <summary>Run only without mini-batch: the case checks the sink's changes one by one, which mini-batch folds
    /// (Flink's test is not parameterized by mini-batch).</summary>
    public bool DefaultOnly { get; init; }

    public override string ToString() => Name;
}

internal enum ItceCheck
{
    /// <summary>The rows the final SELECT's changelog leaves (<c>TestingRetractSink.getRetractResults</c>), fields joined by commas.</summary>
    Query,

    /// <summary>The rows the sink holds at the end (<c>TestValuesTableFactory.getResultsAsStrings</c>): upserted by its
    /// primary key, else retracted row by row.</summary>
    Sink,

    /// <summary>Every change the sink received, <c>+I(a,b)</c> (<c>getRawResultsAsStrings</c>), compared sorted.</summary>
    SinkRaw,
}
