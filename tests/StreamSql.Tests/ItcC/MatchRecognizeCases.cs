using static StreamSql.Tests.ItcC.ItcData;

namespace StreamSql.Tests.ItcC;

/// <summary>Flink's <c>MatchRecognizeITCase</c>: its first cases over processing time and over ascending event time
/// (Scala's <c>\u006C</c> is the letter l). Cases whose watermarks come between chosen rows
/// (<c>EventTimeSourceFunction</c>) or that call Scala UDFs are not run.</summary>
internal static class MatchRecognizeCases
{
    private static ItcTable Ticker(params object?[][] rows) =>
        new("Ticker", "symbol STRING, ts BIGINT, price INT, tax INT" + RowtimeFrom("ts"), ["symbol", "ts", "price", "tax"], rows);

    public static IEnumerable<ItcCase> All()
    {
        yield return new("MatchRecognize.testSimplePattern",
            [new ItcTable("MyTable", "id INT, name STRING" + Proctime, ["id", "name"],
                [[1, "a"], [2, "z"], [3, "b"], [4, "c"], [5, "d"], [6, "a"], [7, "b"], [8, "c"], [9, "h"]])],
            "SELECT T.aid, T.bid, T.cid FROM MyTable MATCH_RECOGNIZE (ORDER BY proctime MEASURES `A\"`.id AS aid, l.id AS bid, C.id AS cid " +
            "PATTERN (`A\"` l C) DEFINE `A\"` AS name = 'a', l AS name = 'b', C AS name = 'c') AS T",
            ["6,7,8"]);
        yield return new("MatchRecognize.testSimplePatternWithNulls",
            [new ItcTable("MyTable", "id INT, name STRING, nullField STRING" + Proctime, ["id", "name", "nullField"],
                [[1, "a", null], [2, "b", null], [3, "c", null], [4, "d", null], [5, null, null], [6, "a", null], [7, "b", null], [8, "c", null], [9, null, null]])],
            "SELECT T.aid, T.bNull, T.cid, T.aNull FROM MyTable MATCH_RECOGNIZE (ORDER BY proctime MEASURES A.id AS aid, A.nullField AS aNull, " +
            "LAST(B.nullField) AS bNull, C.id AS cid PATTERN (A B C) DEFINE A AS name = 'a' AND nullField IS NULL, " +
            "B AS name = 'b' AND LAST(A.nullField) IS NULL, C AS name = 'c') AS T",
            ["1,null,3,null", "6,null,8,null"]);
        yield return new("MatchRecognize.testCodeSplitsAreProperlyGenerated",
            [new ItcTable("MyTable", "id INT, name STRING, key1 STRING, key2 STRING" + Proctime, ["id", "name", "key1", "key2"],
            [
                [1, "a", "key1", "second_key3"], [2, "b", "key1", "second_key3"], [3, "c", "key1", "second_key3"], [4, "d", "key", "second_key"],
                [5, "e", "key", "second_key"], [6, "a", "key2", "second_key4"], [7, "b", "key2", "second_key4"], [8, "c", "key2", "second_key4"],
                [9, "f", "key", "second_key"],
            ])],
            "SELECT * FROM MyTable MATCH_RECOGNIZE (PARTITION BY key1, key2 ORDER BY proctime MEASURES A.id AS aid, A.key1 AS akey1, " +
            "LAST(B.id) AS bid, C.id AS cid, C.key2 AS ckey2 PATTERN (A B C) DEFINE A AS name = 'a' AND key1 LIKE '%key%' AND id > 0, " +
            "B AS name = 'b' AND LAST(A.name, 2) IS NULL, C AS name = 'c' AND LAST(A.name) = 'a') AS T",
            ["key1,second_key3,1,key1,2,3,second_key3", "key2,second_key4,6,key2,7,8,second_key4"]);
        // The ACME1 rows (rowtime 1 s) come after ACME's 8 s row, behind the watermark, and are dropped by the window.
        yield return new("MatchRecognize.testMatchRecognizeAppliedToWindowedGrouping",
            [Ticker(["ACME", 1000L, 1, 1], ["ACME", 2000L, 2, 2], ["ACME", 4000L, 1, 4], ["ACME", 5000L, 1, 3], ["ACME", 7000L, 2, 3], ["ACME", 8000L, 2, 3],
                ["ACME1", 1000L, 20, 4], ["ACME1", 1000L, 24, 4], ["ACME1", 1000L, 25, 3], ["ACME1", 1000L, 19, 8])],
            "SELECT * FROM (SELECT symbol, SUM(price) as price, TUMBLE_ROWTIME(rowtime, interval '3' second) as rowTime, " +
            "TUMBLE_START(rowtime, interval '3' second) as startTime FROM Ticker GROUP BY symbol, TUMBLE(rowtime, interval '3' second)) " +
            "MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY rowTime MEASURES B.price as dPrice, B.startTime as dTime ONE ROW PER MATCH " +
            "PATTERN (A B) DEFINE B AS B.price < A.price)",
            ["ACME,2,1970-01-01T00:00:03"]) { AlsoInBatches = false };
        yield return new("MatchRecognize.testWindowedGroupingAppliedToMatchRecognize",
            [Ticker(["ACME", 1000L, 1, 1], ["ACME", 2000L, 2, 2], ["ACME", 4000L, 1, 4], ["ACME", 5000L, 1, 3])],
            "SELECT symbol, SUM(price) as price, TUMBLE_ROWTIME(matchRowtime, interval '3' second) as rowTime, " +
            "TUMBLE_START(matchRowtime, interval '3' second) as startTime FROM Ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY rowtime " +
            "MEASURES A.price as price, A.tax as tax, MATCH_ROWTIME() as matchRowtime ONE ROW PER MATCH PATTERN (A) DEFINE A AS A.price > 0) AS T " +
            "GROUP BY symbol, TUMBLE(matchRowtime, interval '3' second)",
            ["ACME,3,1970-01-01T00:00:02.999,1970-01-01T00:00", "ACME,2,1970-01-01T00:00:05.999,1970-01-01T00:00:03"]);
    }
}
