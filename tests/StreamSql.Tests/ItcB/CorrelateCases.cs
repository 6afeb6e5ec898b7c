using static StreamSql.Tests.ItcB.ItcData;

namespace StreamSql.Tests.ItcB;

/// <summary>Flink's <c>CorrelateITCase</c>: its table function is a Java UDTF (<c>StringSplit</c>), so its cases run
/// here with the built-in equivalent, <c>UNNEST(SPLIT(s, sep))</c>, where the strings split are not empty. Not here:
/// the cases whose point is an empty string (the UDTF emits nothing for it, SPLIT gives an array of one empty string),
/// a non-deterministic UDTF, UDF open order, and Scala <c>RF</c>/<c>TableFunc7</c>.</summary>
public sealed class CorrelateCases
{
    private static readonly string?[] IntIntString = ["INT", "INT", "STRING"];

    private static string T1() => View("T1", "a, b, c", IntIntString, "1, 2, 'abc-bcd'", "1, 2, 'hhh'", "1, 2, 'xxx'");

    private static readonly string Dates = View("T1", "a, b, c", IntIntString, "1, 2, '3018-06-10|2018-06-03'", "1, 2, '2018-06-01'", "1, 2, '2018-06-02'");

    private static readonly ItcCase[] All =
    [
        new("testUdtfForSameFieldofDifferentSource",
            [
                T1(), View("T2", "a, c", ["INT", "STRING"], "1, 'abc-bcd'", "1, 'hhh'", "1, 'xxx'"),
                "CREATE TEMPORARY VIEW TMP1 AS SELECT a, v FROM T1, UNNEST(SPLIT(c, '-')) as T(v)",
                "CREATE TEMPORARY VIEW TMP2 AS SELECT a, v FROM T2, UNNEST(SPLIT(c, '-')) as T(v)",
            ],
            "SELECT * FROM TMP1 UNION ALL SELECT * FROM TMP2", ["1,abc", "1,abc", "1,bcd", "1,bcd", "1,hhh", "1,hhh", "1,xxx", "1,xxx"]),
        new("testConstantTableFunc2", [], "SELECT * FROM UNNEST(SPLIT('Jack,John', ',')) as T0(d)", ["Jack", "John"]),
        new("testConstantTableFunc3", [T1()], "SELECT * FROM T1, UNNEST(SPLIT('Jack,John', ',')) as T0(d)",
            ["1,2,abc-bcd,Jack", "1,2,abc-bcd,John", "1,2,hhh,Jack", "1,2,hhh,John", "1,2,xxx,Jack", "1,2,xxx,John"]),
        new("testMultipleCorrelate",
            [View("T1", "a, b, c", ["STRING", "STRING", "STRING"], "'1', '1,L', 'A,B'", "'2', '2,L', 'B,C'")],
            "SELECT a, b, s FROM T1, UNNEST(SPLIT(c, ',')) as T2(s) UNION ALL SELECT a, c, s FROM T1, UNNEST(SPLIT(b, ',')) as T3(s)",
            ["1,1,L,A", "1,1,L,B", "1,A,B,1", "1,A,B,L", "2,2,L,B", "2,2,L,C", "2,B,C,2", "2,B,C,L"]),
        new("testReUsePerRecord", [Dates, "CREATE TEMPORARY VIEW TMP1 AS SELECT a, v FROM T1, UNNEST(SPLIT(c, '|')) as T(v)"],
            "SELECT * FROM TMP1 where TIMESTAMPADD(day, 3, cast(v as date)) > DATE_FORMAT(CURRENT_TIMESTAMP, 'yyyy-MM-dd')", ["1,3018-06-10"]),
        new("testProjectCorrelateInput", [Dates], "SELECT v FROM T1, UNNEST(SPLIT(c, '|')) as T(v)",
            ["3018-06-10", "2018-06-03", "2018-06-01", "2018-06-02"]),
        new("testPartialProjectCorrelate", [Dates], "SELECT a, v FROM T1, UNNEST(SPLIT(c, '|')) as T(v)",
            ["1,3018-06-10", "1,2018-06-03", "1,2018-06-01", "1,2018-06-02"]),
        new("testPartialProjectWithEmptyOutput (non-empty rows)", [View("T1", "a, b, c", IntIntString, "1, 2, 'a'")],
            "SELECT a, v FROM T1, UNNEST(SPLIT(c, '|')) as T(v)", ["1,a"]),
    ];

    public static TheoryData<string, bool> Cases() => ItcCaseRunner.Variants(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Flink_expected_rows(string name, bool miniBatch) => ItcCaseRunner.RunAsync(All, name, miniBatch);
}
