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
}
