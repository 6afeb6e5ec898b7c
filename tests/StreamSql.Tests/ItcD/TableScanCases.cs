using StreamSql.Tests.ItcC;

namespace StreamSql.Tests.ItcD;

/// <summary>Flink's streaming <c>TableScanITCase</c>: its SQL cases (<c>testRowtimeTableSourcePreserveWatermarks</c> reads
/// the watermark in a DataStream ProcessFunction and is not ported).</summary>
internal static class TableScanCases
{
    public static IEnumerable<ItcCase> All()
    {
        // TestTableSourceSinks.createWithoutTimeAttributesTableSource: (name, id, amount).
        yield return new("TableScan.testTableSourceWithoutTimeAttribute",
            [new("MyTable", "name STRING, id INT, amount INT", ["name", "id", "amount"], [["Mary", 1, 1], ["Bob", 2, 3]])],
            "SELECT * from MyTable", ["Mary,1,1", "Bob,2,3"]);
        yield return new("TableScan.testProctimeTableSource",
            [new("MyTable", "name string, ptime as proctime()", ["name"], [["Mary"], ["Peter"], ["Bob"], ["Liz"]])],
            "SELECT name FROM MyTable", ["Mary", "Peter", "Bob", "Liz"]);
        yield return new("TableScan.testRowtimeTableSource",
            [new("MyTable", "key int, rowtime timestamp(3), payload string, watermark for rowtime as rowtime", ["key", "rowtime", "payload"],
                [
                    [1, "1970-01-01 00:00:00.011", "Mary"], [2, "1970-01-01 00:00:00.012", "Peter"],
                    [3, "1970-01-01 00:00:00.013", "Bob"], [4, "1970-01-01 00:00:00.014", "Liz"],
                ])],
            "SELECT CAST(TUMBLE_START(rowtime, INTERVAL '0.005' SECOND) AS VARCHAR), COUNT(payload) FROM MyTable " +
            "GROUP BY TUMBLE(rowtime, INTERVAL '0.005' SECOND)",
            ["1970-01-01 00:00:00.010,4"]);
    }
}
