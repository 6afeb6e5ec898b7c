namespace StreamSql.Tests.ItcB;

/// <summary>
/// One SQL test of Flink's streaming <c>*ITCase.scala</c>: the views its data is registered as (<see cref="Views"/>,
/// <c>CREATE TEMPORARY VIEW</c> statements over VALUES), its query, and the rows Flink's retract sink is left with, in
/// Flink's <c>TestSinkUtil</c> spelling (fields joined by <c>,</c>), in any order.
/// </summary>
internal sealed record ItcCase(string Name, IReadOnlyList<string> Views, string Query, IReadOnlyList<string> Expected)
{
    /// <summary>Tables with a time attribute (a watermark needs <c>CREATE TABLE</c>): bounded json files, created before
    /// the <see cref="Views"/>.</summary>
    public IReadOnlyList<ItcTable> Tables { get; init; } = [];

    /// <summary>Session settings the case sets (a local time zone).</summary>
    public IReadOnlyList<(string Key, string Value)> Config { get; init; } = [];

    /// <summary>The rows must come in the order listed (a temporal sort), not merely as the same multiset.</summary>
    public bool Ordered { get; init; }

    public override string ToString() => Name;
}

/// <summary>A bounded filesystem table of json rows: <paramref name="Schema"/> is its column list (computed columns and
/// the watermark included), <paramref name="Rows"/> its rows in order (see <c>RestoreSource.Rows</c>).</summary>
internal sealed record ItcTable(string Name, string Schema, IReadOnlyList<string> Rows);
