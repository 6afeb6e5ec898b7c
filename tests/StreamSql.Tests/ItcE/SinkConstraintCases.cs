using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.ItcE;

/// <summary>
/// The sink constraint cases of Flink's ITCases: <c>TableSinkITCase.testNotNullEnforcer</c> (runtime/stream/table, Flink
/// 1.x) and <c>testNullEnforcer</c> / <c>testCharLengthEnforcer</c> of the DataStream sink ITCase (a table read and written
/// through one test factory: here a source and a sink of the same columns). <c>table.exec.sink.not-null-enforcer</c> fails
/// the job on a NULL in a NOT NULL column or drops the row; <c>table.exec.sink.type-length-enforcer</c> = TRIM_PAD trims
/// and pads CHAR(n) and trims VARCHAR(n) values to their length, for every sink (the SELECT's collect sink too).
/// </summary>
internal static class SinkConstraintCases
{
    private static readonly ItceSource NullData4 = new("nullable_src", "category STRING, shopId INT, num INT", "I",
        [I("book", 1, 12), I("book", 2, null), I("book", 4, 11), I("fruit", 4, null), I("fruit", 3, 44), I("fruit", 5, null)]);

    private const string NotNullSink = "CREATE TABLE not_null_sink (category STRING, shopId INT, num INT NOT NULL) " +
        "WITH ('connector' = 'itce-values', 'sink-insert-only' = 'true')";

    private static readonly ItceSource NullRows = new("src", "a INT, b STRING, c INT", "I",
        [I(1, "Apache", 11), I(2, null, 22), I(null, "Flink", 33), I(null, null, 44)]);

    private const string NullEnforcerSink = "CREATE TABLE T1 (a INT, b STRING NOT NULL, c INT NOT NULL) " +
        "WITH ('connector' = 'itce-values', 'sink-insert-only' = 'true')";

    private static readonly ItceSource CharRows = new("T1", "a INT, b CHAR(8), c CHAR(6), d INT, e INT, f VARCHAR(6)", "I",
    [
        I(1, "Apache Flink", "SQL RuleZ", 11, 111, "SQL"), I(2, "Apache", "SQL", 22, 222, "Flink"),
        I(3, "Apache", "Flink", 33, 333, "Apache Flink SQL"), I(4, "Flink Project", "SQL or SeQueL?", 44, 444, "Apache Flink SQL"),
    ]);

    public static IEnumerable<ItceCase> All()
    {
        yield return new ItceCase("testNotNullEnforcer_error", [NullData4], [NotNullSink], ["INSERT INTO not_null_sink SELECT * FROM nullable_src"], [])
        {
            Check = ItceCheck.Sink, Sink = "not_null_sink",
            ExpectedError = "Column 'num' is NOT NULL, however, a null value is being written into it. You can set job configuration " +
                "'table.exec.sink.not-null-enforcer'='DROP' to suppress this exception and drop such records silently.",
        };
        yield return new ItceCase("testNotNullEnforcer_drop", [NullData4], [NotNullSink], ["INSERT INTO not_null_sink SELECT * FROM nullable_src"],
            ["book,1,12", "book,4,11", "fruit,3,44"])
        {
            Check = ItceCheck.Sink, Sink = "not_null_sink", Settings = [("table.exec.sink.not-null-enforcer", "drop")],
        };
        yield return new ItceCase("testNullEnforcer_error", [NullRows], [NullEnforcerSink], ["INSERT INTO T1 SELECT * FROM src"], [])
        {
            Check = ItceCheck.Sink, Sink = "T1",
            ExpectedError = "Column 'b' is NOT NULL, however, a null value is being written into it. You can set job configuration " +
                "'table.exec.sink.not-null-enforcer'='DROP' to suppress this exception and drop such records silently.",
        };
        yield return new ItceCase("testNullEnforcer_missingNotNullColumn", [NullRows], [NullEnforcerSink], ["INSERT INTO T1 (a, b) SELECT (a, b) FROM src"], [])
        {
            Check = ItceCheck.Sink, Sink = "T1", ExpectedError = "Column 'c' has no default value and does not allow NULLs",
        };
        yield return new ItceCase("testNullEnforcer_drop", [NullRows], [NullEnforcerSink], ["INSERT INTO T1 SELECT * FROM src"], ["1,Apache,11", "null,Flink,33"])
        {
            Check = ItceCheck.Sink, Sink = "T1", Settings = [("table.exec.sink.not-null-enforcer", "DROP")],
        };
        yield return new ItceCase("testCharLengthEnforcer_ignore", [CharRows], [], ["SELECT * FROM T1"],
            ["1,Apache Flink,SQL RuleZ,11,111,SQL", "2,Apache,SQL,22,222,Flink", "3,Apache,Flink,33,333,Apache Flink SQL", "4,Flink Project,SQL or SeQueL?,44,444,Apache Flink SQL"]);
        yield return new ItceCase("testCharLengthEnforcer_trimPad", [CharRows], [], ["SELECT * FROM T1"],
            ["1,Apache F,SQL Ru,11,111,SQL", "2,Apache  ,SQL   ,22,222,Flink", "3,Apache  ,Flink ,33,333,Apache", "4,Flink Pr,SQL or,44,444,Apache"])
        {
            Settings = [("table.exec.sink.type-length-enforcer", "TRIM_PAD")],
        };
    }
}
