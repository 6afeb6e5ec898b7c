using static StreamSql.Tests.ItcC.ItcData;

namespace StreamSql.Tests.ItcC;

/// <summary>Flink's <c>OverAggregateITCase</c>: the processing-time cases (rows in source order, each its own
/// processing time in Flink's test). Its event-time cases emit watermarks between chosen rows
/// (<c>EventTimeProcessOperator</c>), which a table's WATERMARK clause does not reproduce; testLeadFunction asserts an
/// error of the Table API path.</summary>
internal static class OverAggregateCases
{
    private static readonly object?[][] Data =
    [
        [1L, 1, "Hello"], [2L, 2, "Hello"], [3L, 3, "Hello"], [4L, 4, "Hello"], [5L, 5, "Hello"], [6L, 6, "Hello"],
        [7L, 7, "Hello World"], [8L, 8, "Hello World"], [20L, 20, "Hello World"],
    ];

    private static ItcTable T1 => new("T1", "a BIGINT, b INT, c STRING" + Proctime, ["a", "b", "c"], Data);

    public static IEnumerable<ItcCase> All()
    {
        string[] ranks = ["1,1", "2,1", "2,2", "3,1", "3,2", "3,3", "4,1", "4,2", "4,3", "4,4", "5,1", "5,2", "5,3", "5,4", "5,5"];
        yield return new("OverAggregate.testRowNumberOnOver", [Tuple5("MyTable", TupleData5, Proctime)],
            "SELECT a, ROW_NUMBER() OVER (PARTITION BY a ORDER BY proctime()) FROM MyTable", ranks);
        yield return new("OverAggregate.testDenseRankOnOver", [Tuple5("MyTable", TupleData5, Proctime)],
            "SELECT a, DENSE_RANK() OVER (PARTITION BY a ORDER BY proctime) FROM MyTable", ranks);
        yield return new("OverAggregate.testRankOnOver", [Tuple5("MyTable", TupleData5, Proctime)],
            "SELECT a, RANK() OVER (PARTITION BY a ORDER BY proctime) FROM MyTable", ranks);
        string[] bounded = ["1,0,0", "2,1,1", "2,3,1", "3,3,3", "3,7,3", "3,12,3", "4,6,6", "4,13,6", "4,21,6", "4,30,6", "5,10,10", "5,21,10", "5,33,10", "5,46,10", "5,60,10"];
        yield return new("OverAggregate.testProcTimeBoundedPartitionedRowsOver", [Tuple5("MyTable", TupleData5, Proctime)],
            "SELECT a, SUM(c) OVER (PARTITION BY a ORDER BY proctime ROWS BETWEEN 4 PRECEDING AND CURRENT ROW), " +
            "MIN(c) OVER (PARTITION BY a ORDER BY proctime ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) FROM MyTable", bounded);
        yield return new("OverAggregate.testProcTimeBoundedPartitionedRowsOverWithBuiltinProctime", [Tuple5("MyTable", TupleData5)],
            "SELECT a, SUM(c) OVER (PARTITION BY a ORDER BY proctime() ROWS BETWEEN 4 PRECEDING AND CURRENT ROW), " +
            "MIN(c) OVER (PARTITION BY a ORDER BY proctime() ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) FROM MyTable", bounded);
        yield return new("OverAggregate.testProcTimeBoundedNonPartitionedRowsOver", [Tuple5("MyTable", TupleData5, Proctime)],
            "SELECT a, first_value(d) OVER (ORDER BY proctime ROWS BETWEEN 10 PRECEDING AND CURRENT ROW), " +
            "last_value(d) OVER (ORDER BY proctime ROWS BETWEEN 10 PRECEDING AND CURRENT ROW), " +
            "SUM(c) OVER (ORDER BY proctime ROWS BETWEEN 10 PRECEDING AND CURRENT ROW), " +
            "MIN(c) OVER (ORDER BY proctime ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) FROM MyTable",
            [
                "1,Hallo,Hallo,0,0", "2,Hallo,Hallo Welt,1,0", "2,Hallo,Hallo Welt wie,3,0", "3,Hallo,Hallo Welt wie gehts?,6,0",
                "3,Hallo,ABC,10,0", "3,Hallo,BCD,15,0", "4,Hallo,CDE,21,0", "4,Hallo,DEF,28,0", "4,Hallo,EFG,36,0", "4,Hallo,FGH,45,0",
                "5,Hallo,GHI,55,0", "5,Hallo Welt,HIJ,66,1", "5,Hallo Welt wie,IJK,77,2", "5,Hallo Welt wie gehts?,JKL,88,3", "5,ABC,KLM,99,4",
            ]);
        // RANGE over processing time: rows of one batch share a processing time and are peers, so only row by row
        // gives each row a frame of its own, as in Flink's test.
        yield return new("OverAggregate.testProcTimeUnboundedPartitionedRangeOver", [T1],
            "SELECT c, first_value(b) OVER (PARTITION BY c ORDER BY proctime RANGE UNBOUNDED preceding), " +
            "last_value(b) OVER (PARTITION BY c ORDER BY proctime RANGE UNBOUNDED preceding), " +
            "count(a) OVER (PARTITION BY c ORDER BY proctime RANGE UNBOUNDED preceding), " +
            "sum(a) OVER (PARTITION BY c ORDER BY proctime RANGE UNBOUNDED preceding) from T1",
            [
                "Hello World,7,7,1,7", "Hello World,7,8,2,15", "Hello World,7,20,3,35", "Hello,1,1,1,1", "Hello,1,2,2,3",
                "Hello,1,3,3,6", "Hello,1,4,4,10", "Hello,1,5,5,15", "Hello,1,6,6,21",
            ]) { AlsoInBatches = false };
        yield return new("OverAggregate.testProcTimeUnboundedPartitionedRowsOver", [T1],
            "SELECT c, sum1, maxnull FROM (SELECT c, max(cast(null as varchar)) OVER (PARTITION BY c ORDER BY proctime ROWS BETWEEN UNBOUNDED preceding AND CURRENT ROW) as maxnull, " +
            "sum(1) OVER (PARTITION BY c ORDER BY proctime ROWS BETWEEN UNBOUNDED preceding AND CURRENT ROW) as sum1 FROM T1)",
            ["Hello World,1,null", "Hello World,2,null", "Hello World,3,null", "Hello,1,null", "Hello,2,null", "Hello,3,null", "Hello,4,null", "Hello,5,null", "Hello,6,null"]);
        yield return new("OverAggregate.testProcTimeUnboundedNonPartitionedRangeOver", [T1],
            "SELECT c, count(a) OVER (ORDER BY proctime  RANGE UNBOUNDED preceding), sum(a) OVER (ORDER BY proctime RANGE UNBOUNDED preceding) from T1",
            ["Hello World,7,28", "Hello World,8,36", "Hello World,9,56", "Hello,1,1", "Hello,2,3", "Hello,3,6", "Hello,4,10", "Hello,5,15", "Hello,6,21"])
            { AlsoInBatches = false };
        yield return new("OverAggregate.testProcTimeUnboundedNonPartitionedRowsOver", [T1],
            "SELECT listagg(distinct c, '|') OVER (ORDER BY proctime ROWS BETWEEN UNBOUNDED preceding AND CURRENT ROW), " +
            "count(a) OVER (ORDER BY proctime ROWS BETWEEN UNBOUNDED preceding AND CURRENT ROW) from T1",
            ["Hello,1", "Hello,2", "Hello,3", "Hello,4", "Hello,5", "Hello,6", "Hello|Hello World,7", "Hello|Hello World,8", "Hello|Hello World,9"]);
    }
}
