using static StreamSql.Tests.ItcB.ItcData;

namespace StreamSql.Tests.ItcB;

/// <summary>Flink's <c>SemiAntiJoinStreamITCase</c>: IN / EXISTS / NOT IN / NOT EXISTS subqueries as semi and anti joins,
/// over append-only and retracting (aggregated) inputs. Its state-backend parameter does not apply here.</summary>
public sealed class SemiAntiJoinStreamCases
{
    private static readonly string[] AB = [SmallTupleData3("A", "a1, a2, a3"), TupleData5("B", "b1, b2, b3, b4, b5")];

    private static readonly string[] Data = ["1, 1, 0, 'Hallo', 1", "2, 2, 1, 'Hallo Welt', 2", "2, 3, 2, 'Hallo Welt wie', 1",
        "3, 4, 3, 'Hallo Welt wie gehts?', 2", "3, 5, 4, 'ABC', 2", "3, 6, 5, 'BCD', 3"];
    private static readonly string?[] DataTypes = ["INT", "BIGINT", "INT", "STRING", "BIGINT"];
    private static readonly string[] Data2 = ["1, 1, 'Hi'", "2, 2, 'Hello'", "3, 2, 'Hello world'"];
    private static readonly string?[] Data2Types = ["INT", "BIGINT", "STRING"];

    private static readonly string[] RetractRight = ["0, 'a'", "1, 'a'", "1, 'b'", "1, 'b'", "1, 'c'", "2, 'c'", "3, 'c'", "4, 'c'",
        "1, 'd'", "2, 'd'", "3, 'd'", "4, 'e'", "4, 'e'"];

    private const string SumA = "SELECT SUM(a2) AS a2, a1 FROM A group by a1";
    private const string SumB = "SELECT SUM(b2) AS b2, b1 FROM B group by b1";

    private static readonly ItcCase[] All =
    [
        new("testGenericSemiJoin", [View("ds1", "a, b, c", Data2Types, Data2), View("ds2", "d, e, f, g, h", DataTypes, Data)],
            "SELECT a, b, c FROM ds1 WHERE a in (SELECT d from ds2 WHERE d < 3)", ["1,1,Hi", "2,2,Hello"]),
        new("testSemiJoinWithOneSideRetraction",
            [View("ds1", "a, b", IntString, "1, 'a'", "2, 'b'", "10, 'c'", "6, 'd'", "8, 'e'"), View("ds2", "c, d", IntString, RetractRight)],
            "SELECT a FROM ds1 WHERE a in (SELECT sum(c) from ds2 GROUP BY d)", ["1", "2", "10", "6", "8"]),
        new("testSemiJoinWithRetractTwoSidesRetraction",
            [
                View("ds1", "a, b", IntString, [.. RetractRight[..11], "3, 'e'", "5, 'e'"]),
                View("ds2", "c, d", IntString, [.. RetractRight[..11], "3, 'e'", "5, 'e'"]),
                "CREATE TEMPORARY VIEW ds3 AS SELECT sum(a) as a FROM ds1 GROUP BY b",
            ],
            "SELECT a FROM ds3 WHERE a in (SELECT sum(c) from ds2 GROUP BY d)", ["1", "2", "10", "6", "8"]),
        new("testGenericAntiJoin", [View("ds1", "a, b, c, d, e", DataTypes, Data), View("ds2", "f, g, h", Data2Types, Data2)],
            "SELECT c FROM ds1 WHERE NOT EXISTS (SELECT * from ds2 WHERE b = g)", ["2", "3", "4", "5"]),
        new("testAntiJoinWithOneSideRetraction",
            [
                View("ds1", "a, b", IntString, "1, 'a'", "2, 'b'", "10, 'c'", "6, 'd'", "8, 'e'", "11, 'f'"),
                View("ds2", "c, d", IntString, RetractRight),
                "CREATE TEMPORARY VIEW ds3 AS SELECT SUM(c) as c FROM ds2 GROUP BY d",
            ],
            "SELECT * FROM ds1 WHERE NOT EXISTS (SELECT c from ds3 WHERE a = c)", ["11,f"]),
        new("testAntiJoinWithTwoSidesRetraction",
            [
                View("ds1", "a, b", IntString, "0, 'a'", "5, 'f'", "-2, 'a'", "1, 'b'", "1, 'b'", "1, 'c'", "2, 'c'", "3, 'c'", "1, 'f'",
                    "4, 'c'", "1, 'd'", "2, 'd'", "3, 'd'", "4, 'e'", "3, 'a'", "3, 'e'", "2, 'f'"),
                View("ds2", "c, d", IntString, [.. RetractRight[..12], "3, 'e'"]),
                "CREATE TEMPORARY VIEW ds3 AS SELECT SUM(c) as c FROM ds2 GROUP BY d",
                "CREATE TEMPORARY VIEW ds4 AS SELECT SUM(a) as a, b FROM ds1 GROUP BY b",
            ],
            "SELECT * FROM ds4 WHERE NOT EXISTS (SELECT c from ds3 WHERE a = c)", ["8,f"]),
        new("testSemiJoin", AB, "SELECT * FROM A WHERE a1 in (SELECT b1 from B)", ["1,1,Hi", "2,2,Hello", "3,2,Hello world"]),
        new("testSemiJoinNonEqui", AB, "SELECT * FROM A WHERE a1 in (SELECT b1 from B WHERE a2 < b2)", ["2,2,Hello", "3,2,Hello world"]),
        new("testSemiJoinWithEqualPkNonEqui", AB, $"SELECT * FROM ({SumA}) WHERE a1 in (SELECT b1 from ({SumB}) WHERE a2 < b2)", ["2,3", "2,2"]),
        new("testSemiJoinWithRightNotPkNonEqui", AB, $"SELECT * FROM ({SumA}) WHERE a1 in (SELECT b1 from B WHERE a2 < b2)", ["2,2", "2,3"]),
        new("testSemiJoinWithPkNonEqui", AB, $"SELECT * FROM ({SumA}) WHERE a2 in (SELECT b2 from ({SumB}) WHERE a1 > b1)", []),
        new("testAntiJoin", AB, "SELECT * FROM A WHERE NOT EXISTS (SELECT b1 from B WHERE a1 = b1)", []),
        new("testAntiJoinNonEqui", AB, "SELECT * FROM A WHERE NOT EXISTS (SELECT b1 from B WHERE a1 = b1 AND a2 < b2)", ["1,1,Hi"]),
        new("testAntiJoinWithEqualPkNonEqui", AB,
            $"SELECT * FROM ({SumA}) WHERE NOT EXISTS (SELECT b1 from ({SumB}) WHERE a1 = b1 AND a2 < b2)", ["1,1"]),
        new("testAntiJoinWithRightNotPkNonEqui", AB,
            $"SELECT * FROM ({SumA}) WHERE NOT EXISTS (SELECT b1 from B WHERE a1 = b1 AND a2 > b2)", ["2,2", "1,1", "2,3"]),
        new("testAntiJoinWithPkNonEqui", AB,
            $"SELECT * FROM ({SumA}) WHERE NOT EXISTS (SELECT b2 from ({SumB}) WHERE a2 = b2 AND a1 > b1)", ["1,1", "2,3", "2,2"]),
        new("testStreamNotInWithoutEqual",
            [View("ds1", "pk, a", IntInt, "1, 1", "1, 1", "2, 2", "2, 2", "3, 3", "3, 3", "4, 4", "4, 4", "5, 5", "5, 5")],
            "SELECT pk FROM ds1 WHERE pk not in (SELECT pk FROM ds1 WHERE pk > 3)", ["1", "1", "2", "2", "3", "3"]),
        new("testStreamExistsWithoutEqual",
            [
                View("scott_dept", "deptno, dname, loc", ["INT", "STRING", "STRING"],
                    "10, 'ACCOUNTING', 'NEW YORK'", "20, 'RESEARCH', 'DALLAS'", "30, 'SALES', 'CHICAGO'", "40, 'OPERATIONS', 'BOSTON'"),
                View("scott_emp", "empno, ename, deptno", ["INT", "STRING", "INT"],
                    "7369, 'SMITH', 20", "7499, 'ALLEN', 30", "7566, 'JONES', 20", "7654, 'MARTIN', 30"),
            ],
            "select * from scott_dept as d where exists (select 1 from scott_emp where empno > d.deptno)"
            + " and exists (select 0 from scott_emp where deptno = d.deptno and ename = 'SMITH')", ["20,RESEARCH,DALLAS"]),
        new("testStreamNotExistsWithoutEqual",
            [
                View("ds1", "pk, a", IntInt, "1, 1", "1, 1", "2, 2", "2, 2", "3, 3", "3, 3", "4, 4", "4, 4", "5, 5", "5, 5"),
                View("ds2", "pk, a", IntInt, "5, 5", "6, 6", "7, 7", "8, 8", "9, 9", "10, 10"),
            ],
            "SELECT pk FROM ds1 WHERE NOT EXISTS (SELECT 1 FROM ds2 WHERE ds2.pk < ds1.pk)", ["1", "1", "2", "2", "3", "3", "4", "4", "5", "5"]),
        new("testExistsWithUncorrelated_ComplexCondition",
            [
                View("l", "a, b, c", ["INT", "INT", "STRING"], "1, 1, 'a'", "2, 10, 'abc'", "3, 20, 'abc'", "4, 30, 'Hello World!'"),
                View("r", "d", ["INT"], "0", "1"),
            ],
            "SELECT a + 10, c FROM l WHERE b > 10 AND NOT (c like 'abc' OR NOT EXISTS (SELECT d FROM r))", ["14,Hello World!"]),
    ];

    public static TheoryData<string, bool> Cases() => ItcCaseRunner.Variants(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Flink_expected_rows(string name, bool miniBatch) => ItcCaseRunner.RunAsync(All, name, miniBatch);
}
