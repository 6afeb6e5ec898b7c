namespace StreamSql.Tests.ItcB;

/// <summary>
/// One SQL test of Flink's streaming <c>*ITCase.scala</c>: the views its data is registered as (<see cref="Views"/>,
/// <c>CREATE TEMPORARY VIEW</c> statements over VALUES), its query, and the rows Flink's retract sink is left with, in
/// Flink's <c>TestSinkUtil</c> spelling (fields joined by <c>,</c>), in any order.
/// </summary>
internal sealed record ItcCase(string Name, IReadOnlyList<string> Views, string Query, IReadOnlyList<string> Expected)
{
    public override string ToString() => Name;
}
