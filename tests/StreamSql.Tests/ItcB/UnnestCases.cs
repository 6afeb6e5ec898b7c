using static StreamSql.Tests.ItcB.ItcData;

namespace StreamSql.Tests.ItcB;

/// <summary>Flink's <c>UnnestITCase</c>: UNNEST of arrays, arrays of rows, multisets (COLLECT) and maps, cross and
/// left joined. Scala tuples are <c>ROW&lt;_1, _2&gt;</c>. Where Flink's test sink prints a whole array of tuples
/// (a legacy-row spelling, <c>[12,45.6, 2,45.612]</c>, that no SQL sink has) the array column is left out of the
/// projection; the unnested fields are compared as Flink expects them. The window case reads the first six rows of
/// <c>tupleData3</c> (the rest have b &gt; 3, which the query filters out).</summary>
public sealed class UnnestCases
{
    private const string TupleArray = "ARRAY<ROW<_1 INT, _2 STRING>>";

    private static readonly string[] Arrays =
    [
        View("T", "a, b, c", ["INT", "ARRAY<INT>", "ARRAY<ARRAY<INT>>"],
            "1, ARRAY[12, 45], ARRAY[ARRAY[12, 45]]", "2, ARRAY[41, 5], ARRAY[ARRAY[18], ARRAY[87]]", "3, ARRAY[18, 42], ARRAY[ARRAY[1], ARRAY[45]]"),
    ];

    private static string Tuples(string name) => View(name, "a, b", ["INT", TupleArray],
        "1, ARRAY[ROW(12, '45.6'), ROW(12, '45.612')]", "2, ARRAY[ROW(13, '41.6'), ROW(14, '45.2136')]", "3, ARRAY[ROW(18, '42.6')]");

    private static readonly ItcCase[] All =
    [
        new("testUnnestPrimitiveArrayFromTable", Arrays, "SELECT a, b, s FROM T, UNNEST(T.b) AS A (s)",
            ["1,[12, 45],12", "1,[12, 45],45", "2,[41, 5],41", "2,[41, 5],5", "3,[18, 42],18", "3,[18, 42],42"]),
        new("testUnnestArrayOfArrayFromTable", Arrays, "SELECT a, s FROM T, UNNEST(T.c) AS A (s)",
            ["1,[12, 45]", "2,[18]", "2,[87]", "3,[1]", "3,[45]"]),
        new("testUnnestObjectArrayFromTableWithFilter", [Tuples("T")], "SELECT a, s, t FROM T, UNNEST(T.b) AS A (s, t) WHERE s > 13",
            ["2,14,45.2136", "3,18,42.6"]),
        new("testUnnestMultiSetFromCollectResult",
            [View("T", "a, b, c", ["INT", "INT", "ROW<_1 INT, _2 STRING>"],
                "1, 1, ROW(12, '45.6')", "2, 2, ROW(12, '45.612')", "3, 2, ROW(13, '41.6')", "4, 3, ROW(14, '45.2136')", "5, 3, ROW(18, '42.6')")],
            "WITH T1 AS (SELECT b, COLLECT(c) as `set` FROM T GROUP BY b) SELECT b, id, point FROM T1, UNNEST(T1.`set`) AS A(id, point) WHERE b < 3",
            ["1,12,45.6", "2,12,45.612", "2,13,41.6"]),
        new("testLeftUnnestMultiSetFromCollectResult",
            [View("T", "a, b, c", ["INT", "STRING", "STRING"], "1, '1', 'Hello'", "1, '2', 'Hello2'", "2, '2', 'Hello'", "3, null, 'Hello'",
                "4, '4', 'Hello'", "5, '5', 'Hello'", "5, null, 'Hello'", "6, '6', 'Hello'", "7, '7', 'Hello World'", "7, '8', 'Hello World'")],
            "WITH T1 AS (SELECT a, COLLECT(b) as `set` FROM T GROUP BY a) SELECT a, s FROM T1 LEFT JOIN UNNEST(T1.`set`) AS A(s) ON TRUE WHERE a < 5",
            ["1,1", "1,2", "2,2", "3,null", "4,4"]),
        new("testCrossWithUnnest",
            [View("T", "a, b, c", ["INT", "BIGINT", "ARRAY<STRING>"], "1, 1, ARRAY['Hi', 'w']", "2, 2, ARRAY['Hello', 'k']", "3, 2, ARRAY['Hello world', 'x']")],
            "SELECT a, s FROM T, UNNEST(T.c) as A (s)", ["1,Hi", "1,w", "2,Hello", "2,k", "3,Hello world", "3,x"]),
        new("testCrossWithUnnestForMap",
            [View("T", "a, b, c", ["INT", "BIGINT", "MAP<STRING, STRING>"],
                "1, 11, MAP['a', '10', 'b', '11']", "2, 22, MAP['c', '20']", "3, 33, MAP['d', '30', 'e', '31']")],
            "SELECT a, b, v FROM T CROSS JOIN UNNEST(c) as f (k, v)", ["1,11,10", "1,11,11", "2,22,20", "3,33,30", "3,33,31"]),
        new("testJoinWithUnnestOfTuple",
            [View("T", "a, b", ["INT", TupleArray],
                "1, ARRAY[ROW(12, '45.6'), ROW(2, '45.612')]", "2, ARRAY[ROW(13, '41.6'), ROW(1, '45.2136')]", "3, ARRAY[ROW(18, '42.6')]")],
            "SELECT a, x, y FROM (SELECT a, b FROM T WHERE a < 3) as tf, UNNEST(tf.b) as A (x, y) WHERE x > a",
            ["1,12,45.6", "1,2,45.612", "2,13,41.6"]),
        new("testUnnestObjectArrayWithoutAlias", [Tuples("T")], "SELECT a, A._1, A._2 FROM T, UNNEST(T.b) AS A where A._1 > 13",
            ["2,14,45.2136", "3,18,42.6"]),
        new("testUnnestWithNestedFilter", [Tuples("MyTable")],
            "SELECT * FROM (SELECT a, b1, b2 FROM (SELECT a, b FROM MyTable) T CROSS JOIN UNNEST(T.b) as S(b1, b2) WHERE S.b1 >= 12) tmp"
            + " WHERE b2 <> '42.6'",
            ["1,12,45.612", "1,12,45.6", "2,13,41.6", "2,14,45.2136"]),
        new("testTumbleWindowAggregateWithCollectUnnest", [],
            "WITH T1 AS (SELECT b, COLLECT(b) as `set` FROM T GROUP BY b, TUMBLE(rowtime, INTERVAL '3' SECOND))"
            + " SELECT b, s FROM T1, UNNEST(T1.`set`) AS A(s) where b < 3",
            ["1,1", "2,2", "2,2"])
        {
            // TestData.tupleData3 as (b, a, c), its b the event time in milliseconds, the watermark at each row's time.
            Tables =
            [
                new("T", "b BIGINT, a INT, c STRING, rowtime AS CAST(TO_TIMESTAMP_LTZ(b, 3) AS TIMESTAMP(3)), WATERMARK FOR rowtime AS rowtime",
                    HuntT.RestoreSource.Rows(["b", "a", "c"], [1L, 1, "Hi"], [2L, 2, "Hello"], [2L, 3, "Hello world"],
                        [3L, 4, "Hello world, how are you?"], [3L, 5, "I am fine."], [3L, 6, "Luke Skywalker"])),
            ],
        },
    ];

    public static TheoryData<string, bool> Cases() => ItcCaseRunner.Variants(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Flink_expected_rows(string name, bool miniBatch) => ItcCaseRunner.RunAsync(All, name, miniBatch);
}
