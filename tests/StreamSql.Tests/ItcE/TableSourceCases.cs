using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.ItcE;

/// <summary>The SQL cases of Flink's <c>TableSourceITCase</c> (runtime/stream/sql) that need no metadata, nested rows or
/// source watermark of the test connector: projections and filters (a filter the source may take, with a function).</summary>
internal static class TableSourceCases
{
    private static readonly ItceSource MyTable = new("MyTable", "`a` INT, `b` BIGINT, `c` STRING", "I", [I(1, 1L, "Hi"), I(2, 2L, "Hello"), I(3, 2L, "Hello world")]);

    /// <summary><c>TestLegacyFilterableTableSource.defaultRows</c>: (Record_i, i, i, i) for i in 1..33.</summary>
    private static readonly ItceSource FilterableTable = new("FilterableTable", "name STRING, id BIGINT, amount INT, price DOUBLE", "I",
        Enumerable.Range(1, 33).Select(i => I($"Record_{i}", (long)i, i, (double)i)).ToArray());

    public static IEnumerable<ItceCase> All()
    {
        yield return new ItceCase("testSimpleProject", [MyTable], [], ["SELECT a, c FROM MyTable"], ["1,Hi", "2,Hello", "3,Hello world"]);
        yield return new ItceCase("testProjectWithoutInputRef", [MyTable], [], ["SELECT COUNT(*) FROM MyTable"], ["3"]);
        yield return new ItceCase("testTableSourceWithFilterable", [FilterableTable], [],
            ["SELECT id, amount, name FROM FilterableTable WHERE amount > 4 AND price < 9"], ["5,5,Record_5", "6,6,Record_6", "7,7,Record_7", "8,8,Record_8"]);
        yield return new ItceCase("testTableSourceWithFunctionFilterable", [FilterableTable], [],
            ["SELECT id, amount, name FROM FilterableTable WHERE amount > 4 AND price < 9 AND upper(name) = 'RECORD_5'"], ["5,5,Record_5"]);
    }
}
