namespace StreamSql.Tests.ExprX;

/// <summary>
/// The one row a Flink expression test evaluates over (its <c>testData</c> and <c>typeInfo</c>/<c>testDataType</c>):
/// each field as a SQL literal cast to Flink's type, named <c>f0</c>, <c>f1</c>, ... unless the test names them.
/// </summary>
internal sealed record ExprTestRow(string Name, IReadOnlyList<(string Column, string Value)> Fields)
{
    /// <summary>Flink's fields that are declared NOT NULL (<c>DataTypes.BOOLEAN().notNull()</c>); the others are nullable.</summary>
    public IReadOnlySet<string> NotNull { get; init; } = new HashSet<string>();

    /// <summary>The statement that makes the row the view <c>testTable</c>. A second row, filtered out, holds NULL in each
    /// nullable field so that the fields' types are nullable as in Flink's test (a literal alone is NOT NULL).</summary>
    public string CreateView(TimeZoneInfo zone)
    {
        var values = Fields.Select(f => InstantLiteral(f.Value, zone)).ToList();
        return "CREATE TEMPORARY VIEW testTable AS SELECT " + string.Join(", ", Fields.Select(f => f.Column)) + " FROM (VALUES (0, " +
            string.Join(", ", values) + "), (1, " +
            string.Join(", ", Fields.Select((f, i) => NotNull.Contains(f.Column) ? values[i] : "NULL")) +
            ")) AS t(exprx_row, " + string.Join(", ", Fields.Select(f => f.Column)) + ") WHERE exprx_row = 0";
    }

    /// <summary>A TIMESTAMP_LTZ field that is a fixed instant (<see cref="Instant"/>): its wall-clock time in the session's
    /// zone cast to TIMESTAMP_LTZ, so that it is the same instant whatever the zone.</summary>
    private static string InstantLiteral(string value, TimeZoneInfo zone)
    {
        if (!value.StartsWith(InstantPrefix, StringComparison.Ordinal)) return value;
        var parts = value[InstantPrefix.Length..].Split('|');
        var utc = DateTime.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return $"CAST(TIMESTAMP '{local}{parts[1]}' AS TIMESTAMP_LTZ({parts[2]}))";
    }

    private const string InstantPrefix = "instant:";

    /// <summary>A TIMESTAMP_LTZ(<paramref name="precision"/>) field holding the instant <paramref name="utc"/> (whole
    /// seconds, UTC) plus the fraction <paramref name="fraction"/> (".123456789").</summary>
    private static string Instant(string utc, string fraction, int precision) => $"{InstantPrefix}{utc}|{fraction}|{precision}";

    public override string ToString() => Name;

    private static ExprTestRow Numbered(string name, params string[] values) =>
        new(name, values.Select((v, i) => ($"f{i}", v)).ToList());

    private static string Str(string s) => $"CAST('{s.Replace("'", "''")}' AS STRING)";

    private static string Bytes(string utf8) => $"CAST(X'{Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(utf8))}' AS BYTES)";

    /// <summary><c>ScalarTypesTestBase</c> (ScalarFunctionsTest, ...). Fields 55 to 57 are Flink's RAW (generic Integer)
    /// fields; here they are INT, and the cases that depend on RAW are not ported.</summary>
    public static readonly ExprTestRow ScalarTypes = Numbered("ScalarTypes",
        Str("This is a test String."), "TRUE", "CAST(42 AS TINYINT)", "CAST(43 AS SMALLINT)", "CAST(44 AS BIGINT)",
        "CAST(4.5 AS FLOAT)", "CAST(4.6 AS DOUBLE)", "3", Str(" This is a test String. "), "CAST(-42 AS TINYINT)",
        "CAST(-43 AS SMALLINT)", "CAST(-44 AS BIGINT)", "CAST(-4.5 AS FLOAT)", "CAST(-4.6 AS DOUBLE)", "-3",
        "CAST('-1231.1231231321321321111' AS DECIMAL(38, 19))", "DATE '1996-11-10'", "TIME '06:55:44'",
        "TIMESTAMP '1996-11-10 06:55:44.333'", "CAST(INTERVAL '16979 07:23:33.000' DAY TO SECOND(3) AS INTERVAL DAY TO SECOND(3))",
        "INTERVAL '2-01' YEAR TO MONTH", "CAST(NULL AS BOOLEAN)", "CAST(2 AS DECIMAL(38, 19))", Str("%This is a test String."),
        Str("*_This is a test String."), "CAST(0 AS TINYINT)", "CAST(0 AS SMALLINT)", "CAST(0 AS BIGINT)", "CAST(0.45 AS FLOAT)",
        "CAST(0.46 AS DOUBLE)", "1", "CAST('-0.1231231321321321111' AS DECIMAL(38, 19))", "-1", "CAST(NULL AS STRING)",
        "CAST(1514356320000 AS DECIMAL(19, 0))", Str("a"), Str("b"), "CAST(X'01020304' AS BYTES)", Str("AQIDBA=="), Str("1世3"),
        "CAST(NULL AS STRING)", "CAST(NULL AS DECIMAL(38, 19))", "CAST(256 AS BIGINT)", "CAST(-1 AS BIGINT)", "256",
        Str("1996-11-10T06:55:44.333"), Str("test1=1,test2=2,test3=3"), "CAST(NULL AS STRING)", "FALSE",
        "CAST('1345.1231231321321321111' AS DECIMAL(38, 19))", "DATE '1997-11-11'", "TIME '09:44:55'",
        "TIMESTAMP '1997-11-11 09:44:55.333'", Bytes("hello world"), Bytes("This is a testing string."), "1", "2", "1", Bytes("5L2g5aW9"));

    /// <summary><c>ScalarOperatorsTestBase</c>. Field 26 (a MULTISET) and fields 27 to 29 (RAW DayOfWeek) are NULL STRINGs
    /// here, and their cases are not ported; BINARY(200) f18 is BYTES, as Flink's test row holds its 11 bytes unpadded.</summary>
    public static readonly ExprTestRow ScalarOperators = Numbered("ScalarOperators",
        "CAST(1 AS TINYINT)", "CAST(1 AS SMALLINT)", "1", "CAST(1 AS BIGINT)", "CAST(1.0 AS FLOAT)", "CAST(1.0 AS DOUBLE)", "TRUE",
        "CAST(0.0 AS DOUBLE)", "5", "10", Str("String"), "FALSE", "CAST(NULL AS BOOLEAN)",
        "CAST(ROW('foo', NULL) AS ROW<f0 STRING, f1 STRING>)", "CAST(NULL AS STRING)", "DATE '1996-11-10'",
        "CAST(0.00000000 AS DECIMAL(19, 8))", "CAST(10.0 AS DECIMAL(19, 1))", Bytes("hello world"), Bytes("hello flink"), Bytes("who"),
        "TIME '12:34:56'", "CAST(TIMESTAMP '1996-11-10 12:34:56' AS TIMESTAMP(6))",
        "CAST(TIMESTAMP '1996-11-10 12:34:56' AS TIMESTAMP_LTZ(6))", "ARRAY[" + Str("hello") + ", " + Str("world") + "]",
        "MAP[" + Str("a") + ", 1, " + Str("b") + ", 2]", "CAST(NULL AS STRING)", "CAST(NULL AS STRING)", "CAST(NULL AS STRING)",
        "CAST(NULL AS STRING)", "CAST(ROW('abc', 'def') AS ROW<f0 STRING, f1 STRING>)", "INTERVAL '2' DAY", "INTERVAL '3' DAY",
        "INTERVAL '2' DAY", "CAST(NULL AS INTERVAL DAY)") with { NotNull = new HashSet<string> { "f11", "f18", "f19" } };

    /// <summary><c>TemporalTypesTest</c>'s row. The TIMESTAMP_LTZ fields 16 to 20 and 25 are fixed instants; 23 and 24 are
    /// 1970-01-01 00:00:00.123456789 in the session's zone, as Flink's test builds them.</summary>
    public static readonly ExprTestRow TemporalTypes = Numbered("TemporalTypes",
        "DATE '1990-10-14'", "TIME '10:20:45'", "CAST(TIMESTAMP '1990-10-14 10:20:45.123' AS TIMESTAMP(3))", "DATE '1990-10-13'",
        "DATE '1990-10-15'", "TIME '00:00:00'", "CAST(TIMESTAMP '1990-10-14 00:00:00' AS TIMESTAMP(9))", "12000",
        "CAST(1467012213000 AS BIGINT)", "INTERVAL '24' MONTH", "CAST(INTERVAL '12' SECOND AS INTERVAL SECOND(3))",
        "CAST(NULL AS DATE)", "CAST(NULL AS TIME(0))", "CAST(NULL AS TIMESTAMP(9))", "CAST(NULL AS STRING)",
        "CAST(1467012213 AS BIGINT)", Instant("1990-10-14 10:20:45", ".123", 9), Instant("1990-10-14 00:00:00", "", 3),
        Instant("2018-03-14 11:00:00", "", 9), Instant("2018-03-13 17:02:03", "", 9), Instant("2018-03-12 04:00:01", "", 9),
        "CAST(44 AS BIGINT)", "3", "CAST(TIMESTAMP '1970-01-01 00:00:00.123456789' AS TIMESTAMP_LTZ(9))",
        "CAST(TIMESTAMP '1970-01-01 00:00:00.123456789' AS TIMESTAMP_LTZ(9))", Instant("1970-01-01 00:00:00", ".123456789", 9),
        "CAST(124 AS TINYINT)");

    private static string Dec(string value, int precision, int scale) => $"CAST('{value}' AS DECIMAL({precision}, {scale}))";

    /// <summary><c>DecimalTypeTest</c>'s row. Fields 11 and 12 do not fit their type, which Flink's converter turns into NULL;
    /// here they are NULL of that type.</summary>
    public static readonly ExprTestRow DecimalTypes = Numbered("DecimalTypes",
        Dec("123456789.123456789123456789", 30, 18), Dec("123456789123456789123456789", 30, 0), "42", "CAST(4.2 AS DOUBLE)",
        Dec("123456789", 10, 0), Dec("0.000", 10, 3), Dec("123", 10, 0), Dec("123.45", 7, 2), Dec("100.004", 7, 2), Dec("100.1", 7, 2),
        Dec("100.0040", 5, 2), "CAST(NULL AS DECIMAL(2, 0))", "CAST(NULL AS DECIMAL(4, 2))", Dec("100.12", 10, 2), Dec("200.1234", 10, 4),
        Dec("100.0123456789", 38, 10), Dec("200.0123456789012345678901234567", 38, 28), Dec("10000000000", 38, 10), Dec("0", 38, 28),
        Dec("50000000000000000000000000000000000000", 38, 0), Dec("1.00", 5, 2), Dec("2.0000", 10, 4), "200", "CAST(3.14 AS DOUBLE)",
        Dec("1", 30, 6), Dec("2", 30, 10), Dec("0.01", 30, 20), Dec("0.0000006", 38, 10), Dec("1.0", 38, 10),
        Dec("10000000000000000000", 38, 0), Dec("1.0", 30, 20), Dec("1.00", 20, 2), Dec("3", 2, 1), Dec("3", 4, 3), Dec("3", 20, 10),
        Dec("3", 20, 16), Dec("1.00", 10, 2), "2", "CAST(3.0 AS DOUBLE)", Dec("100000000000000000000", 30, 0),
        Dec("0.000000000000001", 30, 20), Dec("3.00", 10, 2), Dec("5.00", 10, 4), "7", Dec("3", 1, 0), Dec("5", 1, 0),
        Dec("3.1234", 10, 4), Dec("5", 10, 2), Dec("3.14", 10, 2), Dec("2.17", 10, 2), Dec("646.646", 10, 3), Dec("99.99", 4, 2),
        Dec(new string('9', 38), 38, 0), Dec("0.0001", 8, 4), Dec("0.01", 10, 2), Str("3.14"), Dec("3.15", 8, 2), "CAST(3.15 AS DOUBLE)",
        Str("3.15"), Str("13.14"), Dec("1.99", 4, 2), Str("1.99"), "1", Dec("1", 8, 2), Dec("1", 8, 4), "1", "CAST(1.0 AS DOUBLE)",
        Dec("1", 1, 0), Dec("99", 2, 0), "99", "CAST(99.0 AS DOUBLE)");

    /// <summary>JSON texts for the VARIANT cases (<c>VariantSemanticTest</c>'s sources, as text for PARSE_JSON).</summary>
    public static readonly ExprTestRow Variants = Numbered("Variants",
        Str("{\"name\":\"Alice\",\"age\":30,\"city\":\"NYC\"}"), Str("[1, \"hello\", 3.14]"),
        Str("{\"users\":[{\"id\":1,\"name\":\"Alice\"}]}"), "CAST(NULL AS STRING)", Str("{"), Str("{\"k\":null}"));

    /// <summary>A row for tests whose expressions read no field (Flink's is empty; a VALUES row needs one field).</summary>
    public static readonly ExprTestRow Empty = Numbered("Empty", "0");

    /// <summary><c>LiteralTest</c>'s row: fields named like keywords' prefixes.</summary>
    public static readonly ExprTestRow Literals = new("Literals",
        [("trUeX", Str("trUeX_value")), ("FALSE_A", Str("FALSE_A_value")), ("FALSE_AB", Str("FALSE_AB_value")), ("f4", Str("这是个测试字符串"))]);

    /// <summary><c>ArrayTypeTestBase</c>'s row (f10, Flink's empty array, is ARRAY_REMOVE(ARRAY[1], 1)).</summary>
    public static readonly ExprTestRow Arrays = Numbered("Arrays",
        "CAST(NULL AS INT)", "42", "ARRAY[1, 2, 3]", "ARRAY[DATE '1984-03-12', DATE '1984-02-10']", "CAST(NULL AS ARRAY<ARRAY<INT>>)",
        "ARRAY[ARRAY[1, 2, 3], CAST(NULL AS ARRAY<INT NOT NULL>)]", "ARRAY[1, CAST(NULL AS INT), CAST(NULL AS INT), 4]", "ARRAY[1, 2, 3, 4]",
        "ARRAY[CAST(4.0 AS DOUBLE)]", "ARRAY[CAST(1 AS INT)]", "ARRAY_REMOVE(ARRAY[CAST(1 AS INT)], 1)", "ARRAY[CAST(1 AS INT)]");

    /// <summary><c>MapTypeTestBase</c>'s row (f1, Flink's empty map, is STR_TO_MAP('') cast to MAP&lt;STRING, INT&gt;).</summary>
    public static readonly ExprTestRow Maps = Numbered("Maps",
        "CAST(NULL AS MAP<STRING, STRING>)", "CAST(STR_TO_MAP('') AS MAP<STRING, INT>)", "CAST(MAP['a', 12, 'b', 13] AS MAP<STRING, INT>)",
        "CAST(MAP[12, 'a', 13, 'b'] AS MAP<INT, STRING>)", Str("foo"), "12", "ARRAY[CAST(1.2 AS DOUBLE), CAST(1.3 AS DOUBLE)]",
        "CAST(MAP[12, 'a', 13, 'b'] AS MAP<INT, STRING>)", "CAST(MAP[10, 1, 20, 2] AS MAP<BIGINT, INT>)",
        "CAST(MAP[10, 1, 20, 2] AS MAP<BIGINT, INT>)", "MAP[1, ARRAY[10, 100], 2, ARRAY[20, 200]]", "MAP[1, ARRAY[10, 100], 2, ARRAY[20, 200]]");

    /// <summary><c>RowTypeTestBase</c>'s row (Flink's row fields are named f0, f1, ...).</summary>
    public static readonly ExprTestRow Rows = Numbered("Rows",
        "CAST(NULL AS STRING)", "1", "CAST(ROW(2, 'foo', TRUE) AS ROW<f0 INT, f1 STRING, f2 BOOLEAN>)",
        "CAST(ROW(3, ROW(2, 'foo', TRUE)) AS ROW<f0 INT, f1 ROW<f0 INT, f1 STRING, f2 BOOLEAN>>)",
        "CAST(ROW(DATE '1984-03-12', CAST(0 AS DECIMAL(9, 8)), ARRAY[1, 2, 3]) AS ROW<f0 DATE, f1 DECIMAL(9, 8), f2 ARRAY<INT>>)",
        "CAST(ROW('foo', NULL) AS ROW<f0 STRING, f1 BOOLEAN>)", "CAST(ROW(NULL, NULL) AS ROW<f0 STRING, f1 STRING>)");
}
