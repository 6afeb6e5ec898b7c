namespace StreamSql.Tests.ItcB;

/// <summary>Flink's <c>TestData</c> (runtime/utils/TestData.scala) and the ITCases' inline lists as
/// <c>CREATE TEMPORARY VIEW</c> statements over VALUES. Scala <c>Long</c> columns are cast to BIGINT.</summary>
internal static class ItcData
{
    /// <summary>A view <paramref name="name"/>(<paramref name="columns"/>) of <paramref name="rows"/>, each a SQL
    /// row constructor's contents; <paramref name="types"/> casts the columns (null keeps a literal's type).</summary>
    public static string View(string name, string columns, string?[] types, params string[] rows)
    {
        var names = columns.Split(',', StringSplitOptions.TrimEntries);
        var select = string.Join(", ", names.Select((c, i) => types[i] is { } t ? $"CAST({c} AS {t}) AS {c}" : c));
        return $"CREATE TEMPORARY VIEW {name} AS SELECT {select} FROM (VALUES {string.Join(", ", rows.Select(r => $"({r})"))}) AS T({columns})";
    }

    public static string SmallTupleData3(string name, string columns) => View(name, columns, ["INT", "BIGINT", "STRING"],
        "1, 1, 'Hi'", "2, 2, 'Hello'", "3, 2, 'Hello world'");

    public static string TupleData3(string name, string columns) => View(name, columns, ["INT", "BIGINT", "STRING"],
        "1, 1, 'Hi'", "2, 2, 'Hello'", "3, 2, 'Hello world'", "4, 3, 'Hello world, how are you?'", "5, 3, 'I am fine.'", "6, 3, 'Luke Skywalker'", "7, 4, 'Comment#1'", "8, 4, 'Comment#2'", "9, 4, 'Comment#3'", "10, 4, 'Comment#4'", "11, 5, 'Comment#5'", "12, 5, 'Comment#6'", "13, 5, 'Comment#7'", "14, 5, 'Comment#8'", "15, 5, 'Comment#9'", "16, 6, 'Comment#10'", "17, 6, 'Comment#11'", "18, 6, 'Comment#12'", "19, 6, 'Comment#13'", "20, 6, 'Comment#14'", "21, 6, 'Comment#15'");

    public static string TupleData5(string name, string columns) => View(name, columns, ["INT", "BIGINT", "INT", "STRING", "BIGINT"],
        "1, 1, 0, 'Hallo', 1", "2, 2, 1, 'Hallo Welt', 2", "2, 3, 2, 'Hallo Welt wie', 1",
        "3, 4, 3, 'Hallo Welt wie gehts?', 2", "3, 5, 4, 'ABC', 2", "3, 6, 5, 'BCD', 3",
        "4, 7, 6, 'CDE', 2", "4, 8, 7, 'DEF', 1", "4, 9, 8, 'EFG', 1", "4, 10, 9, 'FGH', 2",
        "5, 11, 10, 'GHI', 1", "5, 12, 11, 'HIJ', 3", "5, 13, 12, 'IJK', 3", "5, 14, 13, 'JKL', 2", "5, 15, 14, 'KLM', 2");

    public static readonly string?[] IntString = ["INT", "STRING"];
    public static readonly string?[] IntInt = ["INT", "INT"];
}
