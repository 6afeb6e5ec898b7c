using StreamSql.Tests.ItcE;
using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.ItcF;

/// <summary>
/// Flink's Java <c>NonTimeOverAggregateITCase</c>: OVER windows ordered by a column that is not a time attribute
/// (<c>PARTITION BY k ORDER BY ord</c>), whose rows arriving out of order update the rows after them. Flink's test keeps
/// the last value per <c>ord</c>; the retracted changelog leaves the same rows. Its raw-changelog case is checked through a
/// values sink that takes every change.
/// </summary>
internal static class NonTimeOverAggregateCases
{
    private static ItceSource Source(string name, params object?[][] rows) => new(name, "k STRING, ord INT, v STRING", "I", rows.Select(r => I(r)).ToArray());

    private static readonly ItceSource Src = Source("src", ["a", 30, "p"], ["a", 20, "q"], ["a", 10, "r"]);
    private static readonly ItceSource SrcRepeated = Source("src_repeated", ["a", 30, "p"], ["a", 10, "r"], ["a", 20, "q"], ["a", 25, "r"]);

    private static string Over(string table, string agg) => $"SELECT ord, {agg} OVER (PARTITION BY k ORDER BY ord) FROM {table}";

    private static ItceCase Case(string name, ItceSource source, string agg, params string[] expected) =>
        new(name, [source], [], [Over(source.Name, agg)], expected) { DefaultOnly = true };

    public static IEnumerable<ItceCase> All()
    {
        yield return Case("testLag", Src, "LAG(v, 1)", "10,null", "20,r", "30,q");
        yield return Case("testLagInsertsInBetween", SrcRepeated, "LAG(v, 1)", "10,null", "20,r", "25,q", "30,r");
        yield return Case("testArrayAgg", Src, "ARRAY_AGG(v)", "10,[r]", "20,[r, q]", "30,[r, q, p]");
        yield return Case("testArrayAggInsertsInBetween", SrcRepeated, "ARRAY_AGG(v)", "10,[r]", "20,[r, q]", "25,[r, q, r]", "30,[r, q, r, p]");
        yield return new ItceCase("testRetractionsOfInsertInBetween", [SrcRepeated],
            ["CREATE TABLE changes (ord INT, vs ARRAY<STRING>) WITH ('connector' = 'itce-values', 'sink-insert-only' = 'false')"],
            ["INSERT INTO changes " + Over("src_repeated", "ARRAY_AGG(v)")],
            [
                "+I(30,[p])", "+I(10,[r])", "-U(30,[p])", "+U(30,[r, p])", "+I(20,[r, q])", "-U(30,[r, p])", "+U(30,[r, q, p])", "+I(25,[r, q, r])",
                "-U(30,[r, q, p])", "+U(30,[r, q, r, p])",
            ]) { Check = ItceCheck.SinkRaw, Sink = "changes", DefaultOnly = true };
    }
}
