using StreamSql.Tests.ItcC;
using static StreamSql.Tests.ItcC.ItcData;

namespace StreamSql.Tests.ItcD;

/// <summary>Flink's streaming <c>Limit0RemoveITCase</c> (a LIMIT 0 input becomes empty, and so does what depends on it)
/// and <c>BangEqualITCase</c> (<c>!=</c>): every case.</summary>
internal static class Limit0RemoveCases
{
    private static ItcTable One(string name, string column, params int[] values) => Ints(name, column, values);

    public static IEnumerable<ItcCase> All()
    {
        var six = One("MyTable", "a", 1, 2, 3, 4, 5, 6);
        ItcTable[] twoTables = [One("MyTable1", "a", 1, 2, 3, 4, 5, 6), One("MyTable2", "a", 1, 2, 3)];
        string[] all = ["1", "2", "3", "4", "5", "6"];
        yield return new("Limit0Remove.testSimpleLimitRemove", [six], "SELECT * FROM MyTable LIMIT 0", []);
        yield return new("Limit0Remove.testLimitRemoveWithOrderBy", [six], "SELECT * FROM MyTable ORDER BY a LIMIT 0", []);
        yield return new("Limit0Remove.testLimitRemoveWithSelect", [six], "select a2 from (select cast(a as int) a2 from MyTable limit 0)", []);
        yield return new("Limit0Remove.testLimitRemoveWithIn", twoTables, "SELECT * FROM MyTable1 WHERE a IN (SELECT a FROM MyTable2 LIMIT 0)", []);
        yield return new("Limit0Remove.testLimitRemoveWithNotIn", twoTables, "SELECT * FROM MyTable1 WHERE a NOT IN (SELECT a FROM MyTable2 LIMIT 0)", all);
        yield return new("Limit0Remove.testLimitRemoveWithExists", twoTables, "SELECT * FROM MyTable1 WHERE EXISTS (SELECT a FROM MyTable2 LIMIT 0)", [])
        {
            Result = ItcResult.Raw,
        };
        yield return new("Limit0Remove.testLimitRemoveWithNotExists", twoTables,
            "SELECT * FROM MyTable1 WHERE NOT EXISTS (SELECT a FROM MyTable2 LIMIT 0)", all);
        yield return new("Limit0Remove.testLimitRemoveWithJoin", [One("MyTable1", "a1", 1, 2, 3, 4, 5, 6), One("MyTable2", "a2", 1, 2, 3)],
            "SELECT a1 FROM MyTable1 INNER JOIN (SELECT a2 FROM MyTable2 LIMIT 0) ON true", []);
        yield return new("BangEqual.testBangEqual",
            [IntAndString("T1", [[1, "1"], [2, "2"], [3, "3"], [4, "4"], [5, "5"]])],
            "SELECT a,b FROM T1 WHERE a != 2", ["1,1", "3,3", "4,4", "5,5"]);
    }

    private static ItcTable IntAndString(string name, object?[][] rows) => new(name, "a int, b varchar", ["a", "b"], rows);
}
