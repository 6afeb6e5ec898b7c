using static StreamSql.Tests.ItcC.ItcData;

namespace StreamSql.Tests.ItcC;

/// <summary>Flink's <c>SetOperatorsITCase</c>: every case (all SQL).</summary>
internal static class SetOperatorsCases
{
    public static IEnumerable<ItcCase> All()
    {
        yield return new("SetOperators.testIntersect",
            [Tuple3("A", SmallTupleData3, "a1", "a2", "a3"), Tuple3("B", TupleData3, "b1", "b2", "b3")],
            "SELECT a1, a2, a3 from A INTERSECT SELECT b1, b2, b3 from B",
            ["1,1,Hi", "2,2,Hello", "3,2,Hello world"]);
        yield return new("SetOperators.testExcept",
            [
                Tuple3("T1", [[1, 1L, "Hi1"], [1, 2L, "Hi2"], [1, 2L, "Hi2"], [1, 5L, "Hi3"], [2, 7L, "Hi5"], [1, 9L, "Hi6"], [1, 8L, "Hi8"], [3, 8L, "Hi9"]], "a1", "a2", "a3"),
                Tuple3("T2", [[1, 1L, "Hi1"], [2, 2L, "Hi2"], [3, 2L, "Hi3"]], "b1", "b2", "b3"),
            ],
            "SELECT a3 from T1 EXCEPT SELECT b3 from T2",
            ["Hi5", "Hi6", "Hi8", "Hi9"]);
        yield return new("SetOperators.testIntersectAll",
            [Ints("T1", "c", 1, 1, 1, 2, 2), Ints("T2", "c", 1, 2, 2, 2, 3)],
            "SELECT c FROM T1 INTERSECT ALL SELECT c FROM T2",
            ["1", "2", "2"]);
        yield return new("SetOperators.testMinusAll",
            [Tuple3("tableA", SmallTupleData3), Tuple3("tableB", [[1, 1L, "Hi"], [1, 1L, "Hi"]])],
            "SELECT c FROM ((SELECT * FROM tableA UNION ALL SELECT * FROM tableA UNION ALL SELECT * FROM tableA) EXCEPT ALL SELECT * FROM tableB)",
            ["Hi", "Hello", "Hello", "Hello", "Hello world", "Hello world", "Hello world"]);
    }
}
