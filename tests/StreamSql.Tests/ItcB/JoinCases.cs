using static StreamSql.Tests.ItcB.ItcData;

namespace StreamSql.Tests.ItcB;

/// <summary>Flink's <c>JoinITCase</c> (regular streaming joins: inner, outer, non-equi, over append-only and
/// aggregated inputs), its SQL cases with the same data and expected rows, mini-batch off and on as Flink's parameters.
/// The filter/condition push-down cases run one query each (<c>#n</c>). Not here: <c>testJoinWithUDFFilter</c> (a Scala
/// UDF), <c>testLeftJoinOnRowKey*</c> (a DataStream changelog source
/// gated on the sink).</summary>
public sealed class JoinCases
{
    private static readonly string[] AB = [SmallTupleData3("A", "a1, a2, a3"), TupleData5("B", "b1, b2, b3, b4, b5")];

    private static readonly string?[] Tuple3Types = ["INT", "BIGINT", "STRING"];
    private static readonly string?[] Tuple5Types = ["INT", "BIGINT", "INT", "STRING", "BIGINT"];
    private static readonly string[] SmallTuple5 = ["1, 1, 0, 'Hallo', 1", "2, 2, 1, 'Hallo Welt', 2", "2, 3, 2, 'Hallo Welt wie', 1",
        "3, 4, 3, 'Hallo Welt wie gehts?', 2", "3, 5, 4, 'ABC', 2", "3, 6, 5, 'BCD', 3"];
    private static readonly string[] Tuple3 = ["1, 1, 'Hi'", "2, 2, 'Hello'", "3, 2, 'Hello world'"];

    private static readonly string[] NullData =
    [
        View("T1", "a, b", ["INT", "BIGINT"], "1, 1", "3, 8", "4, 2"),
        View("T2", "a, b", ["INT", "BIGINT"], "1, 1", "2, 2", "3, 2"),
    ];

    private static readonly string[] NonWindowData =
    [
        View("T1", "a, b, c", Tuple3Types, "1, 1, 'Hi1'", "1, 2, 'Hi2'", "1, 2, 'Hi2'", "1, 5, 'Hi3'", "2, 7, 'Hi5'", "1, 9, 'Hi6'",
            "1, 8, 'Hi8'", "3, 8, 'Hi9'"),
        View("T2", "a, b, c", Tuple3Types, "1, 1, 'HiHi'", "2, 2, 'HeHe'", "3, 2, 'HeHe'"),
    ];

    private const string NullSides = "SELECT t1.a, t1.b, t2.a, t2.b FROM (SELECT if(a = 3, cast(null as int), a) as a, b FROM T1) as t1 {0}"
        + " (SELECT if(a = 3, cast(null as int), a) as a, b FROM T2) as t2 ON {1}";

    private const string SumA = "SELECT SUM(a2) AS a2, a1 FROM A group by a1";
    private const string SumB = "SELECT SUM(b2) AS b2, b1 FROM B group by b1";

    private static string Nulls(string join, string on) => string.Format(NullSides, join, on);

    private static readonly string[] RightNonEqui = ["null,2", "null,1", "null,3", "null,3", "null,2", "null,5", "null,3", "null,5",
        "null,4", "null,5", "null,4", "null,5", "null,4", "null,5", "null,4"];

    private static readonly string[] RightAll = ["2,2", "3,3", "3,3", "2,2", "3,3", "null,5", "null,4", "1,1", "null,5", "null,4",
        "null,5", "null,5", "null,5", "null,4", "null,4"];

    private static readonly string[] OuterA3B4 = ["Hi,Hallo", "Hello,Hallo Welt", "Hello world,Hallo Welt", "null,Hallo Welt wie",
        "null,Hallo Welt wie gehts?", "null,ABC", "null,BCD", "null,CDE", "null,DEF", "null,EFG", "null,FGH", "null,GHI", "null,HIJ",
        "null,IJK", "null,JKL", "null,KLM"];

    private static readonly string[] LR =
    [
        View("l", "a, b", ["INT", "DOUBLE"], "1, 2.0", "1, 2.0", "2, 1.0", "2, 1.0", "3, 3.0", "null, null", "null, 5.0", "6, null"),
        View("r", "c, d", ["INT", "DOUBLE"], "2, 3.0", "2, 3.0", "3, 2.0", "4, 1.0", "null, null", "null, 5.0", "6, null"),
    ];

    private static string Grouped(string join, string on) =>
        $"select * from (select a, max(b) b, count(*) c1 from l group by a) {join} (select c, max(d) d, count(*) c2 from r group by c) on {on}";

    private static readonly string[] Matched = ["2,1.0,2,2,3.0,2", "3,3.0,1,3,2.0,1", "6,null,1,6,null,1"];

    private static readonly ItcCase[] All =
    [
        new("testDependentConditionDerivationInnerJoin", AB, "SELECT * FROM A, B WHERE (a2 = 1 and b2 = 2) or (a1 = 2 and b1 = 4)",
            ["1,1,Hi,2,2,1,Hallo Welt,2", "2,2,Hello,4,10,9,FGH,2", "2,2,Hello,4,7,6,CDE,2", "2,2,Hello,4,8,7,DEF,1", "2,2,Hello,4,9,8,EFG,1"]),
        new("testDependentConditionDerivationInnerJoinWithTrue", AB, "SELECT * FROM A, B WHERE (a2 = 1 AND true) OR (a1 = 2 AND b1 = 4) ",
            ["1,1,Hi,1,1,0,Hallo,1", "1,1,Hi,2,2,1,Hallo Welt,2", "1,1,Hi,2,3,2,Hallo Welt wie,1", "1,1,Hi,3,4,3,Hallo Welt wie gehts?,2",
             "1,1,Hi,3,5,4,ABC,2", "1,1,Hi,3,6,5,BCD,3", "1,1,Hi,4,10,9,FGH,2", "1,1,Hi,4,7,6,CDE,2", "1,1,Hi,4,8,7,DEF,1",
             "1,1,Hi,4,9,8,EFG,1", "1,1,Hi,5,11,10,GHI,1", "1,1,Hi,5,12,11,HIJ,3", "1,1,Hi,5,13,12,IJK,3", "1,1,Hi,5,14,13,JKL,2",
             "1,1,Hi,5,15,14,KLM,2", "2,2,Hello,4,10,9,FGH,2", "2,2,Hello,4,7,6,CDE,2", "2,2,Hello,4,8,7,DEF,1", "2,2,Hello,4,9,8,EFG,1"]),
        new("testDependentConditionDerivationInnerJoinWithNull",
            [
                View("a", "a1, a2, a3", ["INT", "INT", "STRING"], "0, 1, 'hi a1'", "1, 2, 'hi a2'", "2, 3, 'hi a3'"),
                View("b", "b1, b2, b3", ["INT", "INT", "STRING"], "3, 4, 'hi b1'", "4, 5, null", "5, 6, 'hi b3'"),
            ],
            "SELECT * FROM a, b WHERE (a1 = 1 AND b1 = 3) OR (a1 = 2 AND b3 is null) ", ["1,2,hi a2,3,4,hi b1", "2,3,hi a3,4,5,null"]),
        new("testNonWindowInnerJoin", NonWindowData,
            "SELECT t2.a, t2.c, t1.c FROM (SELECT if(a = 3, cast(null as int), a) as a, b, c FROM T1) as t1"
            + " JOIN (SELECT if(a = 3, cast(null as int), a) as a, b, c FROM T2) as t2 ON t1.a = t2.a AND t1.b > t2.b",
            ["1,HiHi,Hi2", "1,HiHi,Hi2", "1,HiHi,Hi3", "1,HiHi,Hi6", "1,HiHi,Hi8", "2,HeHe,Hi5"]),
        new("testIsNullInnerJoinWithNullCond", NonWindowData,
            "SELECT t2.a, t2.c, t1.c FROM (SELECT if(a = 3, cast(null as int), a) as a, b, c FROM T1) as t1"
            + " JOIN (SELECT if(a = 3, cast(null as int), a) as a, b, c FROM T2) as t2"
            + " ON ((t1.a is null AND t2.a is null) OR (t1.a = t2.a)) AND t1.b > t2.b",
            ["1,HiHi,Hi2", "1,HiHi,Hi2", "1,HiHi,Hi3", "1,HiHi,Hi6", "1,HiHi,Hi8", "2,HeHe,Hi5", "null,HeHe,Hi9"]),
        new("testJoin", AB, "SELECT a3, b4 FROM A, B WHERE a2 = b2", ["Hi,Hallo", "Hello,Hallo Welt", "Hello world,Hallo Welt"]),
        new("testInnerJoin", [View("ds1", "a, b, c", Tuple3Types, Tuple3), View("ds2", "d, e, f, g, h", Tuple5Types, SmallTuple5)],
            "SELECT b, c, e, g FROM ds1 JOIN ds2 ON b = e", ["1,Hi,1,Hallo", "2,Hello world,2,Hallo Welt", "2,Hello,2,Hallo Welt"]),
        new("testInnerJoin2", AB, "SELECT a1, b1 FROM A JOIN B ON a1 = b1", ["3,3", "1,1", "3,3", "2,2", "3,3", "2,2"]),
        new("testJoinWithFilter", AB, "SELECT a3, b4 FROM A, B WHERE a2 = b2 AND a2 < 2", ["Hi,Hallo"]),
        new("testInnerJoinWithDuplicateKey", AB, "SELECT a1, b1, b3 FROM A JOIN B ON a1 = b1 AND a1 = b3", ["2,2,2", "3,3,3"]),
        new("testInnerJoinWithBooleanFilterCondition",
            [
                View("Table3", "a1, b1, c1, d1", ["INT", "BIGINT", "STRING", "BOOLEAN"], "1, 1, 'Hi', true", "2, 2, 'Hello', false", "3, 2, 'Hello world', true"),
                View("Table5", "a2, b2, c2, d2", ["INT", "BIGINT", "STRING", "BOOLEAN"], "1, 1, 'Hi', true", "2, 2, 'Hello', false", "3, 2, 'Hello world', true"),
            ],
            "SELECT a1, a1, c2 FROM Table3 INNER JOIN Table5 ON d1 = d2 where d1 is true",
            ["1,1,Hello world", "1,1,Hi", "3,3,Hello world", "3,3,Hi"]),
        new("testInnerJoinWithNonEquiJoinPredicate", [TupleData3("Table3", "a, b, c"), TupleData5("Table5", "d, e, f, g, h")],
            "SELECT c, g FROM Table3, Table5 WHERE b = e AND a < 6 AND h < b",
            ["Hello world, how are you?,Hallo Welt wie", "I am fine.,Hallo Welt wie"]),
        new("testJoinWithMultipleKeys", [TupleData3("Table3", "a, b, c"), TupleData5("Table5", "d, e, f, g, h")],
            "SELECT c, g FROM Table3, Table5 WHERE a = d AND b = h",
            ["Hi,Hallo", "Hello,Hallo Welt", "Hello world,Hallo Welt wie gehts?", "Hello world,ABC", "I am fine.,HIJ", "I am fine.,IJK"]),
        new("testJoinWithAlias", AB,
            "SELECT B.b5, T.`1-_./Ü` FROM (SELECT a1, a2, a3 AS `1-_./Ü` FROM A) AS T, B WHERE a1 = b1 AND a1 < 4",
            ["1,Hi", "2,Hello", "1,Hello", "2,Hello world", "2,Hello world", "3,Hello world"]),
        new("testDataStreamJoinWithAggregation", AB, "SELECT COUNT(b4), COUNT(a2) FROM A, B WHERE a1 = b1", ["6,6"]),
        new("testLeftOuterJoin", [View("ds1", "a, b, c", Tuple3Types, Tuple3), View("ds2", "d, e, f, g, h", Tuple5Types, SmallTuple5[2..])],
            "SELECT b, c, e, g FROM ds1 LEFT OUTER JOIN ds2 ON b = e", ["1,Hi,null,null", "2,Hello world,null,null", "2,Hello,null,null"]),
        new("testLeftOuterJoinWithRetraction", [View("ds1", "a, b, c", Tuple3Types, Tuple3), View("ds2", "d, e, f, g, h", Tuple5Types, SmallTuple5)],
            "SELECT b, c, e, g FROM ds1 LEFT OUTER JOIN ds2 ON b = e", ["1,Hi,1,Hallo", "2,Hello world,2,Hallo Welt", "2,Hello,2,Hallo Welt"]),
        new("testStreamJoinWithSameRecord",
            [
                View("ds1", "pk, a", ["INT", "INT"], "1, 1", "1, 1", "2, 2", "2, 2", "3, 3", "3, 3", "4, 4", "4, 4", "5, 5", "5, 5"),
                View("ds2", "pk, a", ["INT", "INT"], "1, 1", "2, 2", "3, 3", "4, 4", "5, 5", "6, 6", "7, 7", "8, 8", "9, 9", "10, 10"),
            ],
            "SELECT ds1.pk as leftPk, ds1.a as leftA, ds2.pk as rightPk, ds2.a as rightA FROM ds1 JOIN ds2 ON ds1.pk = ds2.pk",
            ["1,1,1,1", "1,1,1,1", "2,2,2,2", "2,2,2,2", "3,3,3,3", "3,3,3,3", "4,4,4,4", "4,4,4,4", "5,5,5,5", "5,5,5,5"]),
        new("testFullOuterJoin", AB, "SELECT a3, b4 FROM A FULL OUTER JOIN B ON a2 = b2", OuterA3B4),
        new("testLeftOuterJoin2", [SmallTupleData3("Table3", "a, b, c"), TupleData5("Table5", "d, e, f, g, h")],
            "SELECT c, g FROM Table5 LEFT OUTER JOIN Table3 ON b = e", OuterA3B4),
        new("testRightOuterJoin", AB, "SELECT a3, b4 FROM A RIGHT OUTER JOIN B ON a2 = b2", OuterA3B4),
        new("testInnerJoinWithEqualPk", AB, $"SELECT a1, b1 FROM ({SumA}) JOIN ({SumB}) ON a1 = b1", ["1,1", "2,2", "3,3"]),
        new("testInnerJoinWithPk", AB, $"SELECT a1, a2, b1, b2 FROM ({SumA}) JOIN ({SumB}) ON a2 = b2", ["1,1,1,1"]),
        new("testLeftJoinNonEqui", AB, "SELECT a1, b1 FROM A LEFT JOIN B ON a1 = b1 AND a2 > b2", ["3,null", "1,null", "2,null"]),
        new("testLeftJoinWithEqualPkNonEqui", AB, $"SELECT a1, b1 FROM ({SumA}) LEFT JOIN ({SumB}) ON a1 = b1 AND a2 > b2",
            ["1,null", "3,null", "2,null"]),
        new("testLeftJoinWithRightNotPkNonEqui", AB, $"SELECT a1, b1 FROM ({SumA}) LEFT JOIN B ON a1 = b1 AND a2 > b2",
            ["1,null", "3,null", "2,null"]),
        new("testLeftJoinWithPkNonEqui", AB, $"SELECT a1, a2, b1, b2 FROM ({SumA}) LEFT JOIN ({SumB}) ON a2 = b2 AND a1 > b1",
            ["1,1,null,null", "3,2,null,null", "2,2,null,null"]),
        new("testLeftJoin", AB, "SELECT a1, b1 FROM A LEFT JOIN B ON a1 = b1", ["1,1", "2,2", "3,3", "2,2", "3,3", "3,3"]),
        new("testLeftJoinWithEqualPk", AB, $"SELECT a1, b1 FROM ({SumA}) LEFT JOIN ({SumB}) ON a1 = b1", ["2,2", "1,1", "3,3"]),
        new("testLeftJoinWithRightNotPk", AB, $"SELECT a1, b1 FROM ({SumA}) LEFT JOIN B ON a1 = b1", ["3,3", "3,3", "3,3", "2,2", "2,2", "1,1"]),
        new("testLeftJoinWithPk", AB, $"SELECT a1, a2, b1, b2 FROM ({SumA}) LEFT JOIN ({SumB}) ON a2 = b2",
            ["1,1,1,1", "3,2,null,null", "2,2,null,null"]),
        new("testRightJoinNonEqui", AB, "SELECT a1, b1 FROM A RIGHT JOIN B ON a1 = b1 AND a2 > b2", RightNonEqui),
        new("testRightJoinWithEqualPkNonEqui", AB, $"SELECT a1, b1 FROM ({SumA}) RIGHT JOIN ({SumB}) ON a1 = b1 AND a2 > b2",
            ["null,1", "null,3", "null,2", "null,5", "null,4"]),
        new("testRightJoinWithRightNotPkNonEqui", AB, $"SELECT a1, b1 FROM ({SumA}) RIGHT JOIN B ON a1 = b1 AND a2 > b2", RightNonEqui),
        new("testRightJoinWithPkNonEqui", AB, $"SELECT a1, a2, b1, b2 FROM ({SumA}) RIGHT JOIN ({SumB}) ON a2 = b2 AND a1 > b1",
            ["null,null,3,15", "null,null,4,34", "null,null,2,5", "null,null,5,65", "null,null,1,1"]),
        new("testRightJoin", AB, "SELECT a1, b1 FROM A RIGHT JOIN B ON a1 = b1", RightAll),
        new("testRightJoinWithEqualPk", AB, $"SELECT a1, b1 FROM ({SumA}) RIGHT JOIN ({SumB}) ON a1 = b1",
            ["1,1", "2,2", "null,5", "3,3", "null,4"]),
        new("testRightJoinWithRightNotPk", AB, $"SELECT a1, b1 FROM ({SumA}) RIGHT JOIN B ON a1 = b1", RightAll),
        new("testRightJoinWithPk", AB, $"SELECT a1, a2, b1, b2 FROM ({SumA}) RIGHT JOIN ({SumB}) ON a2 = b2",
            ["null,null,3,15", "null,null,4,34", "null,null,5,65", "1,1,1,1", "null,null,2,5"]),
        new("testFullJoinNonEqui", AB, "SELECT a1, b1 FROM A FULL JOIN B ON a1 = b1 AND a2 > b2", ["1,null", "3,null", "2,null", .. RightNonEqui]),
        new("testFullJoinWithEqualPkNonEqui", AB, $"SELECT a1, b1 FROM ({SumA}) FULL JOIN ({SumB}) ON a1 = b1 AND a2 > b2",
            ["null,2", "null,5", "null,3", "null,4", "3,null", "1,null", "null,1", "2,null"]),
        new("testFullJoinWithFullNotPkNonEqui", AB, $"SELECT a1, b1 FROM ({SumA}) FULL JOIN B ON a1 = b1 AND a2 > b2",
            ["3,null", "1,null", "2,null", .. RightNonEqui]),
        new("testFullJoinWithPkNonEqui", AB, $"SELECT a1, a2, b1, b2 FROM ({SumA}) FULL JOIN ({SumB}) ON a2 = b2 AND a1 > b1",
            ["1,1,null,null", "null,null,5,65", "null,null,2,5", "2,2,null,null", "3,2,null,null", "null,null,3,15", "null,null,4,34",
             "null,null,1,1"]),
        new("testFullJoin", AB, "SELECT a1, b1 FROM A FULL JOIN B ON a1 = b1", RightAll),
        new("testFullJoinWithEqualPk", AB, $"SELECT a1, b1 FROM ({SumA}) FULL JOIN ({SumB}) ON a1 = b1",
            ["null,4", "1,1", "3,3", "2,2", "null,5"]),
        new("testFullJoinWithFullNotPk", AB, $"SELECT a1, b1 FROM ({SumA}) FULL JOIN B ON a1 = b1", RightAll),
        new("FullJoinWithPk", AB, $"SELECT a1, a2, b1, b2 FROM ({SumA}) FULL JOIN ({SumB}) ON a2 = b2",
            ["null,null,3,15", "null,null,4,34", "null,null,5,65", "3,2,null,null", "2,2,null,null", "null,null,2,5", "1,1,1,1"]),
        new("testNullLeftOuterJoin", NullData, Nulls("LEFT OUTER JOIN", "t1.a = t2.a"), ["1,1,1,1", "4,2,null,null", "null,8,null,null"]),
        new("testNullLeftOuterJoinWithNullCond", NullData, Nulls("LEFT OUTER JOIN", "t1.a = t2.a OR (t1.a is null AND t2.a is null)"),
            ["1,1,1,1", "4,2,null,null", "null,8,null,2"]),
        new("testNullRightOuterJoin", NullData, Nulls("RIGHT OUTER JOIN", "t1.a = t2.a"), ["1,1,1,1", "null,null,2,2", "null,null,null,2"]),
        new("testNullRightOuterJoinWithNullCond", NullData, Nulls("RIGHT OUTER JOIN", "t1.a = t2.a OR (t1.a is null AND t2.a is null)"),
            ["1,1,1,1", "null,null,2,2", "null,8,null,2"]),
        new("testNullFullOuterJoin", NullData, Nulls("FULL OUTER JOIN", "t1.a = t2.a"),
            ["1,1,1,1", "null,null,2,2", "4,2,null,null", "null,8,null,null", "null,null,null,2"]),
        new("testNullFullOuterJoinWithNullCond", NullData, Nulls("FULL OUTER JOIN", "t1.a = t2.a OR (t1.a is null AND t2.a is null)"),
            ["1,1,1,1", "null,null,2,2", "4,2,null,null", "null,8,null,2"]),
        new("testJoinWithoutWatermark",
            [View("T1", "a, b", ["INT", "BIGINT"], "1, 1", "2, 2", "3, 3"), View("T2", "a, c", ["INT", "BIGINT"], "1, -1", "2, -2", "3, -3")],
            "select T1.a, b, c from T1, T2 WHERE T1.a = T2.a", ["1,1,-1", "2,2,-2", "3,3,-3"]),
        new("testBigDataOfJoin",
            [
                "CREATE TEMPORARY VIEW T0 AS SELECT CAST(i AS INT) AS i FROM (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) AS D(i)",
                "CREATE TEMPORARY VIEW T1 AS SELECT MOD(n, 10) AS a, CAST(n AS BIGINT) AS b, CAST(n AS STRING) AS c FROM"
                + " (SELECT x.i * 100 + y.i * 10 + z.i AS n FROM T0 x, T0 y, T0 z) WHERE n < 500",
                "CREATE TEMPORARY VIEW T2 AS SELECT a AS d, b AS e, c AS f FROM T1",
            ],
            "SELECT COUNT(DISTINCT b) FROM (SELECT b FROM T1, T2 WHERE b = e)", ["500"]),
        new("testJoinWithFilterPushDown#1", LR, Grouped("join", "a = c and c1 = c2 where a >= 2"), Matched),
        new("testJoinWithFilterPushDown#2", LR, Grouped("left join", "a = c and c1 = c2 where a >= 2"), Matched),
        new("testJoinWithFilterPushDown#3", LR, Grouped("left join", "a = c and c1 = c2 where c >= 2"), Matched),
        new("testJoinWithFilterPushDown#4", LR, Grouped("right join", "a = c and c1 = c2 where a >= 2"), Matched),
        new("testJoinWithFilterPushDown#5", LR, Grouped("right join", "a = c and c1 = c2 where c >= 2"), [.. Matched, "null,null,null,4,1.0,1"]),
        new("testJoinWithFilterPushDown#6", LR, "select * from l left join r on a = c where c = 3", ["3,3.0,3,2.0"]),
        new("testJoinWithFilterPushDown#7", LR, "select * from l left join r on a = c where c IS NULL",
            ["1,2.0,null,null", "1,2.0,null,null", "null,5.0,null,null", "null,null,null,null"]),
        new("testJoinWithFilterPushDown#8", LR, "select * from l left join r on a = c where c IS NULL AND a <= 1",
            ["1,2.0,null,null", "1,2.0,null,null"]),
        new("testJoinWithFilterPushDown#9", LR, "select * from l left join r on a = c where c < 3 AND a <= 3",
            ["2,1.0,2,3.0", "2,1.0,2,3.0", "2,1.0,2,3.0", "2,1.0,2,3.0"]),
        new("testJoinWithFilterPushDown#10", LR, "select * from l left join r on a = c where c <> 3 AND a <= 3",
            ["2,1.0,2,3.0", "2,1.0,2,3.0", "2,1.0,2,3.0", "2,1.0,2,3.0"]),
        new("testJoinWithJoinConditionPushDown#1", LR, Grouped("join", "a = c and c1 = c2 and a >= 2"), Matched),
        new("testJoinWithJoinConditionPushDown#2", LR, Grouped("left join", "a = c and c1 = c2 and a >= 2"),
            ["1,2.0,2,null,null,null", .. Matched, "null,5.0,2,null,null,null"]),
        new("testJoinWithJoinConditionPushDown#3", LR, Grouped("left join", "a = c and c1 = c2 and c >= 2"),
            ["1,2.0,2,null,null,null", .. Matched, "null,5.0,2,null,null,null"]),
        new("testJoinWithJoinConditionPushDown#4", LR, Grouped("right join", "a = c and c1 = c2 and a >= 2"),
            [.. Matched, "null,null,null,4,1.0,1", "null,null,null,null,5.0,2"]),
        new("testJoinWithJoinConditionPushDown#5", LR, Grouped("right join", "a = c and c1 = c2 and c >= 2"),
            [.. Matched, "null,null,null,4,1.0,1", "null,null,null,null,5.0,2"]),
        new("testInnerMultiJoinWithEqualPk", AB, $"SELECT a1, b1 FROM ({SumA}) JOIN ({SumB}) ON a1 = b1", ["1,1", "2,2", "3,3"])
            { Config = [("table.optimizer.multi-join.enabled", "true")] },
        new("testThreeWayMultiJoinWithoutPk",
            [
                View("Atable", "a1, a2", ["INT", "BIGINT"], "1, 1", "1, 2", "1, 2", "1, 5", "2, 7", "1, 9", "1, 8", "3, 8"),
                View("Btable", "b1, b2", ["INT", "BIGINT"], "1, 1", "2, 2", "3, 2", "1, 4"),
                View("Ctable", "c1, c2", ["INT", "BIGINT"], "1, 1", "2, 2", "3, 2", "2, 1"),
            ],
            "SELECT a1, b1, c1 FROM (SELECT SUM(a2) AS a2, a1 FROM Atable group by a1) JOIN (SELECT SUM(b2) AS b2, b1 FROM Btable group by b1)"
            + " ON a1 = b1 JOIN (SELECT SUM(c2) AS c2, c1 FROM Ctable group by c1) ON c2 = b2",
            ["2,2,3", "3,3,3"]) { Config = [("table.optimizer.multi-join.enabled", "true")] },
    ];

    public static TheoryData<string, bool> Cases() => ItcCaseRunner.Variants(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Flink_expected_rows(string name, bool miniBatch) => ItcCaseRunner.RunAsync(All, name, miniBatch);
}
