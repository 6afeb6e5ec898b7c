using StreamSql.Tests.ItcC;

namespace StreamSql.Tests.ItcD;

/// <summary>Flink's streaming <c>ImplicitTypeConversionITCase</c>: comparisons between types of different families. The
/// DataStream inputs are json tables of the same columns. Flink's <c>new VarCharType()</c> is VARCHAR(1) holding longer
/// strings (internal data is not checked against the type): table B, whose strings only appear in the refusals' messages,
/// declares VARCHAR(1); TestTable, whose strings are compared, declares VARCHAR (the refusals there name only the type
/// root). The results come from <c>TestingAppendRowDataSink</c>, which prints internal data (<see cref="ItcResult.RowData"/>).</summary>
internal static class ImplicitTypeConversionCases
{
    private static ItcTable TestTable => new("TestTable",
        "field_tinyint TINYINT, field_smallint SMALLINT, field_int INT, field_bigint BIGINT, field_decimal DECIMAL(1, 0), " +
        "field_float FLOAT, field_double DOUBLE, field_date DATE, field_time TIME, field_timestamp TIMESTAMP, " +
        "field_varchar_equals_numeric VARCHAR, field_varchar_equals_date VARCHAR, field_varchar_equals_time VARCHAR, " +
        "field_varchar_equals_timestamp VARCHAR",
        [
            "field_tinyint", "field_smallint", "field_int", "field_bigint", "field_decimal", "field_float", "field_double",
            "field_date", "field_time", "field_timestamp", "field_varchar_equals_numeric", "field_varchar_equals_date",
            "field_varchar_equals_time", "field_varchar_equals_timestamp",
        ],
        [[1, 1, 1, 1L, 1m, 1f, 1d, "2001-01-01", "00:00:00", "2001-01-01 00:00:00", "1", "2001-01-01", "00:00:00", "2001-01-01 00:00:00"]]);

    private static ItcTable A => new("A", "a1 INT, a2 INT, a3 INT, a4 DATE, a5 TIME, a6 TIMESTAMP", ["a1", "a2", "a3", "a4", "a5", "a6"],
        [[1, 1, 1, "2001-01-01", "00:00:00", "2001-01-01 00:00:00"]]);

    private static ItcTable B => new("B", "b1 INT, b2 BIGINT, b3 VARCHAR(1), b4 VARCHAR(1), b5 VARCHAR(1), b6 VARCHAR(1)", ["b1", "b2", "b3", "b4", "b5", "b6"],
        [[1, 1L, "1", "2001-01-01", "00:00:00", "2001-01-01 00:00:00"]]);

    private static ItcCase Rows(string name, string sql, string expected) =>
        new("ImplicitTypeConversion." + name, [TestTable], sql, [expected]) { Result = ItcResult.RowData };

    private static ItcCase Refused(string name, string sql, string from, string to) =>
        new("ImplicitTypeConversion." + name, [TestTable], sql, []) { ExpectedError = $"implicit type conversion between {from} and {to} is not supported now" };

    private static ItcCase RefusedJoin(string name, string on, string from) =>
        new("ImplicitTypeConversion." + name, [A, B], $"SELECT a1, b1 from A join B on {on}", [])
        {
            ExpectedError = $"implicit type conversion between {from} and VARCHAR(1) is not supported on join's condition now",
        };

    public static IEnumerable<ItcCase> All()
    {
        string[] numeric = ["field_tinyint", "field_smallint", "field_int", "field_bigint", "field_decimal", "field_float", "field_double"];
        var pairs = numeric.SelectMany((l, i) => numeric.Skip(i + 1).Select(r => $"{l} = {r}"));
        yield return Rows("testNumericConversionInFilter",
            $"SELECT {string.Join(", ", numeric)} FROM TestTable WHERE {string.Join(" AND ", pairs)}", "+I(1,1,1,1,1,1.0,1.0)");
        yield return Rows("testDateAndVarCharConversionInFilter",
            "SELECT field_date, field_varchar_equals_date FROM TestTable WHERE field_date = field_varchar_equals_date", "+I(11323,2001-01-01)");
        yield return Rows("testTimeAndVarCharConversionInFilter",
            "SELECT field_time, field_varchar_equals_time FROM TestTable WHERE field_time = field_varchar_equals_time", "+I(0,00:00:00)");
        yield return Rows("testTimestampAndVarCharConversionInFilter",
            "SELECT field_timestamp, field_varchar_equals_timestamp FROM TestTable WHERE field_timestamp = field_varchar_equals_timestamp",
            "+I(2001-01-01T00:00,2001-01-01 00:00:00)");
        foreach (var (column, type) in new[]
                 {
                     ("field_tinyint", "TINYINT"), ("field_smallint", "SMALLINT"), ("field_int", "INTEGER"), ("field_bigint", "BIGINT"),
                     ("field_decimal", "DECIMAL"), ("field_float", "FLOAT"), ("field_double", "DOUBLE"),
                 })
        {
            var name = char.ToUpperInvariant(column[6]) + column[7..];
            yield return Refused($"testInvalid{name}AndVarCharConversionInFilter",
                $"SELECT {column}, field_varchar_equals_numeric FROM TestTable WHERE {column} = field_varchar_equals_numeric", type, "VARCHAR");
        }
        yield return Rows("testFloatAndDoubleConversionInProjection",
            "SELECT field_float, field_double, field_float = field_double FROM TestTable", "+I(1.0,1.0,true)");
        yield return Rows("testDateAndVarCharConversionInProjection",
            "SELECT field_date, field_varchar_equals_date, field_date = field_varchar_equals_date FROM TestTable", "+I(11323,2001-01-01,true)");
        yield return Refused("testInvalidDecimalAndVarCharConversionInProjection",
            "SELECT field_decimal, field_varchar_equals_numeric, field_decimal = field_varchar_equals_numeric FROM TestTable", "DECIMAL", "VARCHAR");
        yield return new("ImplicitTypeConversion.testIntAndBigIntConversionInJoinOn", [A, B], "SELECT a1, b1 from A join B on a2 = b2", ["+I(1,1)"])
        {
            Result = ItcResult.RowData,
        };
        yield return RefusedJoin("testInvalidIntAndVarCharConversionInJoinOn", "a3 = b3", "INTEGER");
        yield return RefusedJoin("testInvalidDateAndVarCharConversionInJoinOn", "a4 = b4", "DATE");
        yield return RefusedJoin("testInvalidTimeAndVarCharConversionInJoinOn", "a5 = b5", "TIME(0)");
        yield return RefusedJoin("testInvalidTimestampAndVarCharConversionInJoinOn", "a6 = b6", "TIMESTAMP(6)");
    }
}
