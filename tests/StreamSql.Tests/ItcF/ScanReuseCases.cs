using StreamSql.Tests.ItcE;
using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.ItcF;

/// <summary>Flink's Java <c>ScanReuseITCase</c>: one table scanned twice, once with a projected expression, and joined
/// with itself (Flink reuses the scan with the union of the projections; the rows must be those of two scans).</summary>
internal static class ScanReuseCases
{
    public static IEnumerable<ItceCase> All()
    {
        yield return new ItceCase("testProjectWithExpr",
            [new("MyTable", "a INT, b BIGINT, c STRING", "I", [I(1, 1L, "1"), I(2, 2L, "2"), I(3, 3L, "3")])], [],
            ["SELECT T1.a, T1.b, T2.c FROM (SELECT a, b + 1 as b FROM MyTable) T1, MyTable T2 WHERE T1.a = T2.a"],
            ["1,2,1", "2,3,2", "3,4,3"]) { DefaultOnly = true };
    }
}
