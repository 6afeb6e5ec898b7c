namespace StreamSql.Tests;

/// <summary>Built-in functions whose results differed from Flink's documented examples (the huntf conformance hunt over
/// Flink's "System (Built-in) Functions" page, docs/data/sql_functions.yml): each expression is the page's example, or
/// Flink's runtime class where the page gives none, and the value Flink returns.</summary>
public sealed class HuntFFunctionTests
{
    /// <summary>The one value of <c>SELECT expression</c>, run as a batch query, as text (NULL as null).</summary>
    private static async Task<string?> Value(string expression, params (string Key, string Value)[] settings)
    {
        await using var env = Sessions.Create(null, [("execution.runtime-mode", "batch"), .. settings]);
        await using var result = env.Query($"SELECT {expression}");
        var table = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var row = Assert.Single(table.Rows);
        return row.Values[0]?.ToString();
    }

    [Theory]
    // Flink's docs: a bracket step may follow a dot (Jayway's JsonPath reads `$.['a b']` as `$['a b']`).
    [InlineData("""JSON_VALUE('{"a.b": [0.998,0.996]}','$.["a.b"][0]' RETURNING DOUBLE)""", "0.998")]
    [InlineData("""JSON_VALUE('{"contains blank": "right"}', 'strict $.[''contains blank'']' NULL ON EMPTY DEFAULT 'wrong' ON ERROR)""", "right")]
    [InlineData("""JSON_VALUE('{"a b": "true"}', '$.[''a b'']')""", "true")]
    [InlineData("""JSON_QUERY('{"a": {"b": [1, 2]}}', 'strict $.["a"].[''b'']')""", "[1,2]")]
    public async Task Json_paths_take_a_bracket_step_after_a_dot(string expression, string expected) =>
        Assert.Equal(expected, await Value(expression));

    [Theory]
    // Flink's docs: "-- '[{}]' JSON_QUERY('{}', '$' WITH CONDITIONAL ARRAY WRAPPER)"; only an array is left unwrapped.
    [InlineData("JSON_QUERY('{}', '$' WITH CONDITIONAL ARRAY WRAPPER)", "[{}]")]
    [InlineData("""JSON_QUERY('{"a": {"b": 1}}', '$.a' WITH CONDITIONAL WRAPPER)""", """[{"b":1}]""")]
    [InlineData("JSON_QUERY('[1, 2]', '$' WITH CONDITIONAL ARRAY WRAPPER)", "[1,2]")]
    [InlineData("JSON_QUERY('1', '$' WITH CONDITIONAL ARRAY WRAPPER)", "[1]")]
    [InlineData("""JSON_QUERY('{"a":[{"c":"c1"},{"c":"c2"}]}', 'lax $.a[*].c' WITH CONDITIONAL WRAPPER)""", """["c1","c2"]""")]
    [InlineData("JSON_QUERY('[1, 2]', '$' WITH UNCONDITIONAL ARRAY WRAPPER)", "[[1,2]]")]
    public async Task A_conditional_wrapper_wraps_everything_but_an_array(string expression, string expected) =>
        Assert.Equal(expected, await Value(expression));

    [Theory]
    // Flink's ToTimestampLtzFunction: TO_TIMESTAMP_LTZ(string) reads 'yyyy-MM-dd HH:mm:ss[.SSS]' and, like the form with a
    // format, reads the text as a UTC time whatever the session zone; a third operand names the zone.
    [InlineData("TO_TIMESTAMP_LTZ('1970-01-01 00:00:01.5')", "1970-01-01 09:00:01.500")]
    [InlineData("TO_TIMESTAMP_LTZ('1970-01-01 00:00:01', 'yyyy-MM-dd HH:mm:ss')", "1970-01-01 09:00:01.000")]
    [InlineData("TO_TIMESTAMP_LTZ('1970-01-01 02:00:01', 'yyyy-MM-dd HH:mm:ss', 'Europe/Berlin')", "1970-01-01 10:00:01.000")]
    [InlineData("TO_TIMESTAMP_LTZ('01/01/1970 00:00:01.123456', 'MM/dd/yyyy HH:mm:ss.SSSSSS')", "1970-01-01 09:00:01.123")]
    public async Task To_timestamp_ltz_reads_text_as_utc_unless_given_a_zone(string expression, string expected) =>
        Assert.Equal(expected, await Value($"CAST({expression} AS STRING)", ("table.local-time-zone", "Asia/Tokyo")));

    [Fact]
    public async Task To_timestamp_ltz_of_text_it_cannot_read_is_null()
    {
        Assert.Null(await Value("TO_TIMESTAMP_LTZ('not a time')"));
        Assert.Equal("1", await Value("UNIX_TIMESTAMP(CAST(TO_TIMESTAMP_LTZ('1970-01-01 00:00:01') AS STRING))"));
    }

    /// <summary>The rows of a query (streaming unless settings say otherwise), sorted, as text.</summary>
    private static async Task<List<string>> Rows(string query, params (string Key, string Value)[] settings)
    {
        await using var env = Sessions.Create(null, settings);
        await using var result = env.Query(query);
        var table = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var rows = table.Rows.Select(r => string.Join(" | ", r.Values.Select(v => v is double[] or Array ? string.Join(",", ((System.Collections.IEnumerable)v).Cast<object?>()) : v?.ToString() ?? "null"))).ToList();
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public async Task Percentile_interpolates_between_the_nearest_values_as_flink_documents()
    {
        // Flink's docs: "SELECT PERCENTILE(age, 0.25) FROM (VALUES (10), (20), (30), (40)) AS age ... returns 17.5".
        Assert.Equal("17.5", await Value("PERCENTILE(age, 0.25) FROM (VALUES (10), (20), (30), (40)) AS t(age)"));
        // NULLs are skipped; a group with none is NULL; an array of percentages gives an ARRAY<DOUBLE>; equal values
        // are not interpolated (position 1.5 between 1 and 1 is 1).
        var rows = await Rows(
            "SELECT k, PERCENTILE(x, 0.5), PERCENTILE(x, ARRAY[0.0, 0.75, 1.0]) FROM (VALUES ('a', 1), ('a', 1), ('a', 3), ('a', CAST(NULL AS INT)), " +
            "('b', CAST(NULL AS INT))) AS t(k, x) GROUP BY k", ("execution.runtime-mode", "batch"));
        Assert.Equal(new[] { "a | 1 | 1,2,3", "b | null | null" }, rows);
    }

    [Fact]
    public async Task Percentile_takes_retractions_back_out()
    {
        // The inner sums update (a: 1 then 3): the median of the final sums 3, 5, 10 is 5.
        var rows = await Rows("SELECT PERCENTILE(s, 0.5), PERCENTILE(s, 0.25) FROM (SELECT k, SUM(x) AS s FROM (VALUES ('a', 1), ('b', 5), ('a', 2), ('c', 10)) AS t(k, x) GROUP BY k)");
        Assert.Equal(new[] { "5 | 4" }, rows);
    }

    [Fact]
    public async Task Percentile_refuses_a_percentage_outside_zero_to_one_with_flinks_message()
    {
        await using var env = Sessions.Create(null, ("execution.runtime-mode", "batch"));
        var error = Assert.ThrowsAny<Exception>(() => env.Query("SELECT PERCENTILE(x, 1.5) FROM (VALUES (1)) AS t(x)"));
        Assert.Contains("Percentage of PERCENTILE should be between [0.0, 1.0], but was '1.5'.", error.Message);
    }

    [Theory]
    // Flink 2.1's docs for JSON(value): pre-formatted JSON inserted as JSON, compact; NULL for ''.
    [InlineData("""JSON_OBJECT('K' VALUE JSON('{"K2": 42}'))""", """{"K":{"K2":42}}""")]
    [InlineData("""JSON_OBJECT('K' VALUE JSON('{"K2":{"K3":42}}'))""", """{"K":{"K2":{"K3":42}}}""")]
    [InlineData("JSON_OBJECT('K' VALUE JSON(''))", """{"K":null}""")]
    [InlineData("""JSON_ARRAY(JSON('{"K2": 42}'))""", """[{"K2":42}]""")]
    [InlineData("""JSON_ARRAY(JSON('{"K":{"K1":42}}'), JSON('{"K":{"K1":87}}'))""", """[{"K":{"K1":42}},{"K":{"K1":87}}]""")]
    [InlineData("JSON_ARRAY(JSON('') NULL ON NULL)", "[null]")]
    [InlineData("JSON_ARRAY(JSON(''))", "[]")]
    public async Task Json_inserts_preformatted_json_into_json_object_and_json_array(string expression, string expected) =>
        Assert.Equal(expected, await Value(expression));

    [Fact]
    public async Task Json_of_a_column_is_inserted_per_row_and_text_that_is_not_json_fails_the_job()
    {
        var rows = await Rows("SELECT JSON_ARRAY(JSON(s) NULL ON NULL) FROM (VALUES ('[1, 2]'), (CAST(NULL AS STRING)), ('\"x\"')) AS t(s)",
            ("execution.runtime-mode", "batch"));
        Assert.Equal(new[] { "[\"x\"]", "[[1,2]]", "[null]" }, rows);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Value("JSON_ARRAY(JSON('{bad'))"));
        Assert.Contains("Invalid JSON string in JSON(value) function: {bad", error.ToString());
    }

    [Theory]
    // Flink's docs: "-- "false"  JSON_VALUE('{"a": true}', 'lax $.b' DEFAULT FALSE ON EMPTY)"; JsonValueCallGen turns the
    // default into text with String.valueOf, so a BOOLEAN default is lower case where CAST would give 'FALSE'.
    [InlineData("""JSON_VALUE('{"a": true}', 'lax $.b' DEFAULT FALSE ON EMPTY)""", "false")]
    [InlineData("""JSON_VALUE('{"a": true}', 'strict $.b' DEFAULT FALSE ON ERROR)""", "false")]
    [InlineData("""JSON_VALUE('{"a": true}', 'strict $.b' DEFAULT 1 = 1 ON ERROR)""", "true")]
    [InlineData("""JSON_VALUE('{"a": true}', 'lax $.b' RETURNING BOOLEAN DEFAULT FALSE ON EMPTY)""", "False")]
    [InlineData("""JSON_VALUE('{"a": true}', 'lax $.b' RETURNING INT DEFAULT 42 ON EMPTY)""", "42")]
    [InlineData("""JSON_VALUE('{"a": true}', 'lax $.b' DEFAULT 'x' ON EMPTY)""", "x")]
    public async Task Json_value_writes_a_boolean_default_as_java_does(string expression, string expected) =>
        Assert.Equal(expected, await Value(expression));
}
