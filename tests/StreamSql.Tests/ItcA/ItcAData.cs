namespace StreamSql.Tests.ItcA;

/// <summary>Input rows of Flink's ITCases (<c>TestData.scala</c> and the cases' own lists), as CSV lines.</summary>
internal static class ItcAData
{
    private static string Csv(params object?[] fields) => string.Join(",", fields.Select(f => f switch
    {
        null => "null",
        string s when s.Contains(',') => "\"" + s + "\"",
        _ => Convert.ToString(f, System.Globalization.CultureInfo.InvariantCulture),
    }));

    public static ItTable Table(string name, string columns, params object?[][] rows) =>
        new(name, columns, rows.Select(r => Csv(r)).ToList());

    /// <summary><c>TestData.tupleData3</c>: (Int, Long, String), 21 rows.</summary>
    public static ItTable TupleData3(string name = "MyTable", string columns = "a INT, b BIGINT, c STRING")
    {
        List<object?[]> rows =
        [
            [1, 1L, "Hi"], [2, 2L, "Hello"], [3, 2L, "Hello world"], [4, 3L, "Hello world, how are you?"],
            [5, 3L, "I am fine."], [6, 3L, "Luke Skywalker"],
        ];
        for (int i = 7; i <= 21; i++) rows.Add([i, i <= 10 ? 4L : i <= 15 ? 5L : 6L, $"Comment#{i - 6}"]);
        return Table(name, columns, [.. rows]);
    }

    /// <summary>The (Int, Long, String) rows many AggregateITCase cases share (b, count(a): 1→1, 2→2, 3→3, 4→4, 5→2).</summary>
    public static ItTable Abc(string name = "T") => Table(name, "a INT, b BIGINT, c STRING",
        [1, 1L, "A"], [2, 2L, "B"], [3, 2L, "B"], [4, 3L, "C"], [5, 3L, "C"], [6, 3L, "C"],
        [7, 4L, "B"], [8, 4L, "A"], [9, 4L, "D"], [10, 4L, "E"], [11, 5L, "A"], [12, 5L, "B"]);
}
