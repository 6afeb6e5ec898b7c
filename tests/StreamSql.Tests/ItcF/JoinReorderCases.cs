using StreamSql.Tests.ItcE;
using static StreamSql.Tests.HuntS.RestoreProgram;
using static StreamSql.Tests.ItcC.ItcData;

namespace StreamSql.Tests.ItcF;

/// <summary>
/// Flink's Java <c>JoinReorderITCase</c> (stream mode, <c>table.optimizer.join-reorder-enabled</c>): chains of inner,
/// outer and cross joins over T1, T2, T4 (<c>TestData.data2</c>/<c>data5</c>, the rows of <c>tupleData5</c>) and T3
/// (<c>smallData3</c>), whose order the optimizer may change but whose rows it must not. Flink's table statistics only
/// steer its reordering and are left out; its batch join-operator parameters do not apply to a streaming join, so each
/// case runs once, the cross joins Flink runs only with its nested-loop parameter included.
/// </summary>
internal static class JoinReorderCases
{
    private static ItceSource Table(string name, string columns, object?[][] rows) => new(name, columns, "I", rows.Select(r => I(r)).ToArray());

    private static readonly ItceSource[] Tables =
    [
        Table("T1", "a1 INT, b1 BIGINT, c1 INT, d1 STRING, e1 BIGINT", TupleData5),
        Table("T2", "a2 INT, b2 BIGINT, c2 INT, d2 STRING, e2 BIGINT", TupleData5),
        Table("T3", "a3 INT, b3 BIGINT, c3 STRING", SmallTupleData3),
        Table("T4", "a4 INT, b4 BIGINT, c4 INT, d4 STRING, e4 BIGINT", TupleData5),
    ];

    private static readonly (string, string)[] Reorder = [("table.optimizer.join-reorder-enabled", "true")];

    private static ItceCase Case(string name, string sql, params string[] expected) =>
        new(name, Tables, [], [sql], expected) { Settings = Reorder, DefaultOnly = true };

    private const string Select = "SELECT T4.d4, T3.c3, T2.d2, T1.d1 FROM T4 ";

    private static readonly string[] ThreeMatches = ["Hallo Welt,Hello world,Hallo Welt,Hallo Welt", "Hallo Welt,Hello,Hallo Welt,Hallo Welt", "Hallo,Hi,Hallo,Hallo"];

    public static IEnumerable<ItceCase> All()
    {
        yield return Case("testJoinReorderWithFullOuterJoin",
            Select + "FULL OUTER JOIN T3 ON T4.b4 = T3.b3 FULL OUTER JOIN T2 ON T4.b4 = T2.b2 FULL OUTER JOIN T1 ON T2.b2 = T1.b1",
            "ABC,null,ABC,ABC", "BCD,null,BCD,BCD", "CDE,null,CDE,CDE", "DEF,null,DEF,DEF", "EFG,null,EFG,EFG", "FGH,null,FGH,FGH",
            "GHI,null,GHI,GHI", "HIJ,null,HIJ,HIJ", "Hallo Welt wie gehts?,null,Hallo Welt wie gehts?,Hallo Welt wie gehts?",
            "Hallo Welt wie,null,Hallo Welt wie,Hallo Welt wie", "Hallo Welt,Hello world,Hallo Welt,Hallo Welt", "Hallo Welt,Hello,Hallo Welt,Hallo Welt",
            "Hallo,Hi,Hallo,Hallo", "IJK,null,IJK,IJK", "JKL,null,JKL,JKL", "KLM,null,KLM,KLM");
        yield return Case("testJoinReorderWithInnerAndFullOuterJoin",
            Select + "JOIN T3 ON T4.b4 = T3.b3 FULL OUTER JOIN T2 ON T4.b4 = T2.b2 JOIN T1 ON T4.b4 = T1.b1", ThreeMatches);
        yield return Case("testJoinReorderWithInnerJoin",
            Select + "JOIN T3 ON T4.b4 = T3.b3 JOIN T2 ON T4.b4 = T2.b2 JOIN T1 ON T4.b4 = T1.b1 WHERE T1.a1 > 0 AND T3.a3 > 0", ThreeMatches);
        yield return Case("testJoinReorderWithLeftOuterJoin",
            Select + "LEFT OUTER JOIN T3 ON T4.b4 = T3.b3 LEFT OUTER JOIN T2 ON T4.b4 = T2.b2 LEFT OUTER JOIN T1 ON T4.b4 = T1.b1 WHERE T4.a4 < 3",
            [.. ThreeMatches, "Hallo Welt wie,null,Hallo Welt wie,Hallo Welt wie"]);
        yield return Case("testJoinReorderWithInnerAndLeftOuterJoin",
            Select + "JOIN T3 ON T4.b4 = T3.b3 LEFT OUTER JOIN T2 ON T4.b4 = T2.b2 JOIN T1 ON T4.b4 = T1.b1 WHERE T4.a4 < 3", ThreeMatches);
        yield return Case("testJoinReorderWithRightOuterJoin",
            Select + "RIGHT OUTER JOIN T3 ON T4.b4 = T3.b3 JOIN T2 ON T3.b3 = T2.b2 JOIN T1 ON T2.b2 = T1.b1 WHERE T2.a2 <= 2", ThreeMatches);
        yield return Case("testJoinReorderWithTrueCondition",
            "SELECT T4.d4, T3.c3, T2.d2, T1.d1 FROM T4, T3, T2, T1 WHERE T4.a4 <= 1 AND T3.a3 <= 1 AND T2.a2 <= 1 AND T1.a1 <= 1", "Hallo,Hi,Hallo,Hallo");
        yield return Case("testJoinReorderWithInnerJoinAndTrueCondition",
            "SELECT tab1.d4, tab1.c3, T2.d2, T1.d1 FROM T1, (SELECT * FROM T3 JOIN T4 ON T4.b4 = T3.b3) tab1, T2 "
            + "WHERE tab1.a4 <= 1 AND tab1.a3 <= 1 AND T2.a2 <= 1 AND T1.a1 <= 1", "Hallo,Hi,Hallo,Hallo");
        yield return Case("testJoinReorderWithMixedJoinTypeAndCondition",
            "SELECT tab2.d4, tab2.c3, tab2.d2, T1.d1 FROM T1, (SELECT * FROM T4 LEFT OUTER JOIN T3 ON T4.b4 = T3.b3 JOIN T2 ON T4.b4 = T2.b2) tab2 "
            + "WHERE tab2.a4 <= 1 AND tab2.a3 <= 1 AND tab2.a2 <= 1 AND T1.a1 <= 1", "Hallo,Hi,Hallo,Hallo");
        yield return Case("testBusyTreeJoinReorder",
            "SELECT tab2.d4, tab2.c3, tab1.d2, tab1.d1 FROM (SELECT * FROM T1 JOIN T2 ON T1.b1 = T2.b2) tab1 "
            + "JOIN (SELECT * FROM T3 JOIN T4 ON T3.b3 = T4.b4) tab2 ON tab1.b2 = tab2.b4", ThreeMatches);
        yield return new ItceCase("testBushyJoinReorderDpThreshold", Tables, [],
            [Select + "JOIN T3 ON T4.b4 = T3.b3 JOIN T2 ON T4.b4 = T2.b2 JOIN T1 ON T4.b4 = T1.b1 WHERE T1.a1 > 0 AND T3.a3 > 0"], ThreeMatches)
        {
            Settings = [.. Reorder, ("table.optimizer.bushy-join-reorder-threshold", "2")],
            DefaultOnly = true,
        };
    }
}
