namespace StreamSql.Tests.ItcA;

/// <summary>An input table of a Flink ITCase: its columns (DDL), its rows as CSV lines (<c>null</c> for NULL) and, for
/// event-time cases, the rowtime column's watermark expression.</summary>
internal sealed record ItTable(string Name, string Columns, IReadOnlyList<string> Rows, string? Watermark = null);

/// <summary>One SQL case of a Flink streaming ITCase: its input, the query, and the rows Flink's retract sink ends with
/// (fields joined by <c>,</c> as Flink's test sinks print them).</summary>
internal sealed record ItCase(string Name, IReadOnlyList<ItTable> Tables, string Query, IReadOnlyList<string> Expected)
{
    /// <summary>Run only without mini-batch: the expected rows depend on the order of changes, which bundle boundaries move
    /// (LISTAGG's order after a retraction: Flink's own mini-batch bundles are hash maps keyed by the group).</summary>
    public bool DefaultOnly { get; init; }

    /// <summary>Session options the case needs (besides the variant's).</summary>
    public IReadOnlyList<(string Key, string Value)> Settings { get; init; } = [];

    public override string ToString() => Name;
}
