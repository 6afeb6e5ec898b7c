using StreamSql.Tests.HuntT;

namespace StreamSql.Tests.ItcB;

/// <summary>Flink's <c>IntervalJoinITCase</c>, its event-time cases: sources whose watermark trails each row by 1 ms
/// (<c>Row3WatermarkExtractor2</c>, <c>Row4WatermarkExtractor</c>). Not here: the processing-time cases (they assert
/// nothing, or only that no NULL key joins, which the rowtime cases cover). Flink's test sink spells a TIMESTAMP as
/// <c>LocalDateTime</c> (<c>1970-01-01T00:00:04</c>); here it is SQL's (<c>1970-01-01T00:00:04</c>).</summary>
public sealed class IntervalJoinCases
{
    private const string Rowtime = "rowtime AS CAST(TO_TIMESTAMP_LTZ(ts, 3) AS TIMESTAMP(3)), WATERMARK FOR rowtime AS rowtime - INTERVAL '0.001' SECOND";

    private static ItcTable KeyId(string name, params object?[][] rows) =>
        new(name, $"`key` STRING, id STRING, ts BIGINT, {Rowtime}", RestoreSource.Rows(["key", "id", "ts"], rows));

    private static ItcTable Abc(string name, params object?[][] rows) =>
        new(name, $"a INT, b BIGINT, c STRING, ts BIGINT, {Rowtime}", RestoreSource.Rows(["a", "b", "c", "ts"], rows));

    private static readonly ItcTable[] Boundary =
    [
        KeyId("T1", ["A", "LEFT0.999", 999L], ["A", "LEFT1", 1000L], ["A", "LEFT2", 2000L], ["A", "LEFT3", 3000L], ["B", "LEFT4", 4000L],
            ["A", "LEFT5", 5000L], ["A", "LEFT6", 6000L], [null, "LEFT8", 8000L]),
        KeyId("T2", ["A", "RIGHT6", 6000L], ["B", "RIGHT7", 7000L], [null, "RIGHT10", 10000L]),
    ];

    private static readonly ItcTable[] WindowAgg =
    [
        KeyId("T1", ["A", "L-1", 1000L], ["A", "L-2", 2000L], ["A", "L-3", 3000L], ["B", "L-4", 4000L], ["C", "L-5", 4000L],
            ["A", "L-6", 10000L], ["A", "L-7", 13000L]),
        KeyId("T2", ["A", "R-1", 7000L], ["B", "R-4", 7000L], ["A", "R-3", 8000L], ["D", "R-2", 8000L]),
    ];

    private static readonly ItcTable[] Negative =
    [
        KeyId("T1", ["A", "L-1", 1000L], ["B", "L-4", 4000L], ["C", "L-7", 7000L]),
        KeyId("T2", ["A", "R-6", 6000L], ["B", "R-7", 7000L], ["D", "R-8", 8000L]),
    ];

    private static readonly ItcTable LeftOuterLeft = KeyId("T1", ["A", "L-1", 1000L], ["A", "L-2", 2000L], ["B", "L-4", 4000L],
        ["B", "L-5", 5000L], ["A", "L-6", 6000L], ["C", "L-7", 7000L], ["A", "L-10", 10000L], ["A", "L-12", 12000L], ["A", "L-20", 20000L]);

    private const string Between56 = "t1.rowtime BETWEEN t2.rowtime - INTERVAL '5' SECOND AND t2.rowtime + INTERVAL '6' SECOND";

    private static ItcCase Case(string name, ItcTable[] tables, string query, params string[] expected) =>
        new(name, [], query, expected) { Tables = tables };

    private static readonly ItcCase[] All =
    [
        Case("testRowTimeInnerJoin", Boundary, $"SELECT t2.key, t2.id, t1.id FROM T1 as t1 join T2 as t2 ON t1.key = t2.key AND {Between56}",
            "A,RIGHT6,LEFT1", "A,RIGHT6,LEFT2", "A,RIGHT6,LEFT3", "A,RIGHT6,LEFT5", "A,RIGHT6,LEFT6", "B,RIGHT7,LEFT4"),
        Case("testRowTimeInnerJoinWithIsNotDistinctFrom", Boundary,
            $"SELECT t2.key, t2.id, t1.id FROM T1 as t1 join T2 as t2 ON t1.key is not distinct from t2.key AND {Between56}",
            "A,RIGHT6,LEFT1", "A,RIGHT6,LEFT2", "A,RIGHT6,LEFT3", "A,RIGHT6,LEFT5", "A,RIGHT6,LEFT6", "B,RIGHT7,LEFT4", "null,RIGHT10,LEFT8"),
        Case("testRowTimeInnerJoinWithoutEqualCondition", Boundary, $"SELECT t2.key, t2.id, t1.id FROM T1 as t1 join T2 as t2 ON {Between56}",
            "A,RIGHT6,LEFT1", "A,RIGHT6,LEFT2", "A,RIGHT6,LEFT3", "A,RIGHT6,LEFT4", "A,RIGHT6,LEFT5", "A,RIGHT6,LEFT6", "A,RIGHT6,LEFT8",
            "B,RIGHT7,LEFT2", "B,RIGHT7,LEFT3", "B,RIGHT7,LEFT4", "B,RIGHT7,LEFT5", "B,RIGHT7,LEFT6", "B,RIGHT7,LEFT8",
            "null,RIGHT10,LEFT5", "null,RIGHT10,LEFT6", "null,RIGHT10,LEFT8"),
        Case("testUnboundedAggAfterRowtimeInnerJoin", Boundary,
            "SELECT key, COUNT(DISTINCT id1), COUNT(DISTINCT id2) FROM (SELECT t2.key as key, t2.id as id1, t1.id as id2"
            + $" FROM T1 as t1 join T2 as t2 ON t1.key = t2.key AND {Between56}) GROUP BY key",
            "A,1,5", "B,1,1"),
        Case("testRowTimeInnerJoinWithEquiTimeAttrs",
            [
                new("T1", "`key` STRING, `_2` BIGINT, `val` STRING, rowtime AS TO_TIMESTAMP_LTZ(`_2`, 3), WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND",
                    RestoreSource.Rows(["key", "_2", "val"], ["K1", 1000L, "L1"], ["K1", 1000L, "L2"], ["K1", 1000L, "L3"], ["K2", 2000L, "L4"],
                        ["K1", 4000L, "L5"], ["K1", 6000L, "L7"], ["K1", 5001L, "L8"])),
                new("T2", "`key` STRING, `_2` BIGINT, `val` STRING, rowtime AS TO_TIMESTAMP_LTZ(`_2`, 3), WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND",
                    RestoreSource.Rows(["key", "_2", "val"], ["K1", 1000L, "R1"], ["K1", 1000L, "R2"], ["K1", 1000L, "R3"], ["K2", 3000L, "R4"],
                        ["K1", 4000L, "R5"], ["K1", 6000L, "R6"], ["K1", 5001L, "R7"])),
            ],
            "SELECT t1.key, t1._2, t1.val, t2.val FROM T1 AS t1 JOIN T2 AS t2 ON t1.key = t2.key AND t2.rowtime = t1.rowtime",
            "K1,1000,L1,R1", "K1,1000,L1,R2", "K1,1000,L1,R3", "K1,1000,L2,R1", "K1,1000,L2,R2", "K1,1000,L2,R3", "K1,1000,L3,R1",
            "K1,1000,L3,R2", "K1,1000,L3,R3", "K1,4000,L5,R5", "K1,6000,L7,R6", "K1,5001,L8,R7"),
        Case("testRowTimeInnerJoinWithOtherConditions",
            [
                Abc("T1", [1, 4L, "LEFT1", 1000L], [1, 8L, "LEFT1.1", 1001L], [1, 2L, "LEFT2", 2000L], [1, 7L, "LEFT3", 3000L],
                    [2, 5L, "LEFT4", 4000L], [1, 4L, "LEFT4.9", 4999L], [1, 4L, "LEFT5", 5000L], [1, 10L, "LEFT6", 6000L]),
                Abc("T2", [1, 1L, "RIGHT1", 1000L], [1, 9L, "RIGHT6", 6000L], [2, 14L, "RIGHT7", 7000L], [1, 4L, "RIGHT8", 8000L]),
            ],
            "SELECT t2.a, t1.c, t2.c FROM T1 as t1 JOIN T2 as t2 ON t1.a = t2.a AND t1.rowtime > t2.rowtime - INTERVAL '5' SECOND AND"
            + " t1.rowtime < t2.rowtime - INTERVAL '1' SECOND AND t1.b < t2.b AND t1.b > 2",
            "1,LEFT3,RIGHT6", "1,LEFT1.1,RIGHT6", "2,LEFT4,RIGHT7", "1,LEFT4.9,RIGHT6"),
        Case("testRowTimeInnerJoinWithOtherTimeCondition",
            [
                Abc("T1", [1, 4L, "LEFT1", 1000L], [1, 2L, "LEFT2", 2000L], [1, 7L, "LEFT3", 3000L], [2, 5L, "LEFT4", 4000L],
                    [1, 4L, "LEFT5", 5000L], [1, 10L, "LEFT6", 6000L]),
                Abc("T2", [1, 1L, "RIGHT1", 1000L], [1, 9L, "RIGHT6", 6000L], [2, 8L, "RIGHT7", 7000L], [1, 4L, "RIGHT8", 8000L]),
            ],
            "SELECT t2.a, t1.c, t2.c FROM T1 as t1 JOIN T2 as t2 ON t1.a = t2.a AND t1.rowtime > t2.rowtime - INTERVAL '4' SECOND AND"
            + " t1.rowtime < t2.rowtime AND QUARTER(t1.rowtime) = t2.a",
            "1,LEFT3,RIGHT6", "1,LEFT5,RIGHT6", "1,LEFT5,RIGHT8", "1,LEFT6,RIGHT8"),
        Case("testRowTimeInnerJoinWithWindowAggregateOnFirstTime", WindowAgg,
            "SELECT t1.key, TUMBLE_END(t1.rowtime, INTERVAL '4' SECOND), COUNT(t2.key) FROM T1 AS t1 join T2 AS t2 ON t1.key = t2.key AND"
            + " t1.rowtime BETWEEN t2.rowtime - INTERVAL '5' SECOND AND t2.rowtime + INTERVAL '5' SECOND"
            + " GROUP BY TUMBLE(t1.rowtime, INTERVAL '4' SECOND), t1.key",
            "A,1970-01-01T00:00:04,3", "A,1970-01-01T00:00:12,2", "A,1970-01-01T00:00:16,1", "B,1970-01-01T00:00:08,1"),
        Case("testRowTimeInnerJoinWithWindowAggregateOnSecondTime", WindowAgg,
            "SELECT t2.key, TUMBLE_END(t2.rowtime, INTERVAL '4' SECOND), COUNT(t1.key) FROM T1 AS t1 join T2 AS t2 ON t1.key = t2.key AND"
            + " t1.rowtime BETWEEN t2.rowtime - INTERVAL '5' SECOND AND t2.rowtime + INTERVAL '5' SECOND"
            + " GROUP BY TUMBLE(t2.rowtime, INTERVAL '4' SECOND), t2.key",
            "A,1970-01-01T00:00:08,3", "A,1970-01-01T00:00:12,3", "B,1970-01-01T00:00:08,1"),
        Case("testRowTimeLeftOuterJoin",
            [LeftOuterLeft, KeyId("T2", ["A", "R-6", 6000L], ["B", "R-7", 7000L], ["D", "R-8", 8000L], ["A", "R-11", 11000L])],
            $"SELECT t1.key, t2.id, t1.id FROM T1 AS t1 LEFT OUTER JOIN T2 AS t2 ON t1.key = t2.key AND {Between56} AND t1.id <> 'L-5'",
            "A,R-6,L-1", "A,R-6,L-2", "A,R-6,L-6", "A,R-6,L-10", "A,R-6,L-12", "B,R-7,L-4", "A,R-11,L-6", "A,R-11,L-10", "A,R-11,L-12",
            "B,null,L-5", "C,null,L-7", "A,null,L-20"),
        Case("testRowTimeLeftOuterJoinNegativeIntervalSize", Negative,
            "SELECT t2.key, t2.id, t1.id FROM T1 AS t1 LEFT OUTER JOIN T2 AS t2 ON t1.key = t2.key AND"
            + " t1.rowtime BETWEEN t2.rowtime + INTERVAL '3' SECOND AND t2.rowtime + INTERVAL '1' SECOND",
            "null,null,L-1", "null,null,L-4", "null,null,L-7"),
        Case("testRowTimeRightOuterJoin",
            [
                KeyId("T1", ["A", "L-1", 1000L], ["A", "L-2", 2000L], ["B", "L-4", 4000L], ["A", "L-6", 6000L], ["C", "L-7", 7000L],
                    ["A", "L-10", 10000L], ["A", "L-12", 12000L]),
                KeyId("T2", ["A", "R-5", 5000L], ["A", "R-6", 6000L], ["B", "R-7", 7000L], ["D", "R-8", 8000L], ["A", "R-20", 20000L]),
            ],
            $"SELECT t2.key, t2.id, t1.id FROM T1 AS t1 RIGHT OUTER JOIN T2 AS t2 ON t1.key = t2.key AND {Between56} AND t2.id <> 'R-5'",
            "A,R-5,null", "A,R-6,L-1", "A,R-6,L-2", "A,R-6,L-6", "A,R-6,L-10", "A,R-6,L-12", "A,R-20,null", "B,R-7,L-4", "D,R-8,null"),
        Case("testRowTimeRightOuterJoinNegativeIntervalSize", Negative,
            "SELECT t2.key, t2.id, t1.id FROM T1 AS t1 RIGHT OUTER JOIN T2 AS t2 ON t1.key = t2.key AND"
            + " t1.rowtime BETWEEN t2.rowtime + INTERVAL '5' SECOND AND t2.rowtime + INTERVAL '1' SECOND",
            "A,R-6,null", "B,R-7,null", "D,R-8,null"),
        Case("testRowTimeFullOuterJoin",
            [LeftOuterLeft, KeyId("T2", ["A", "R-5", 5000L], ["A", "R-6", 6000L], ["B", "R-7", 7000L], ["D", "R-8", 8000L])],
            $"SELECT t2.key, t2.id, t1.id FROM T1 AS t1 FULL OUTER JOIN T2 AS t2 ON t1.key = t2.key AND {Between56}"
            + " AND NOT (t1.id = 'L-5' OR t2.id = 'R-5')",
            "A,R-6,L-1", "A,R-6,L-2", "A,R-6,L-6", "A,R-6,L-10", "A,R-6,L-12", "B,R-7,L-4", "A,R-5,null", "D,R-8,null",
            "null,null,L-5", "null,null,L-7", "null,null,L-20"),
        Case("testRowTimeFullOuterJoinNegativeIntervalSize", Negative,
            "SELECT t2.key, t2.id, t1.id FROM T1 AS t1 FULL OUTER JOIN T2 AS t2 ON t1.key = t2.key AND"
            + " t1.rowtime BETWEEN t2.rowtime + INTERVAL '5' SECOND AND t2.rowtime + INTERVAL '4' SECOND",
            "null,null,L-1", "null,null,L-4", "null,null,L-7", "A,R-6,null", "B,R-7,null", "D,R-8,null"),
    ];

    public static TheoryData<string, bool> Cases() => ItcCaseRunner.Variants(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Flink_expected_rows(string name, bool miniBatch) => ItcCaseRunner.RunAsync(All, name, miniBatch);
}
