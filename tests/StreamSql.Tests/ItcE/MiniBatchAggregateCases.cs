using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.ItcE;

/// <summary>Flink's <c>MiniBatchAggregateITCase</c>: a mini-batch aggregation (1 ms latency, 10 rows) over a changelog
/// whose first change retracts a row it never inserted.</summary>
internal static class MiniBatchAggregateCases
{
    public static IEnumerable<ItceCase> All()
    {
        yield return new ItceCase("testLagFunction",
            [new("Table1", "`a` INT, `b` BIGINT, `c` STRING", "I,UA,UB,D", [UB(1, 1L, "HI"), UA(1, 2L, "Hello world")])],
            [], ["SELECT `a`, max(`b`), max(`c`) FROM Table1 GROUP BY `a`"], ["1,2,Hello world"])
        {
            Settings =
            [
                ("table.exec.mini-batch.enabled", "true"), ("table.exec.mini-batch.allow-latency", "1 ms"), ("table.exec.mini-batch.size", "10"),
            ],
        };
    }
}
