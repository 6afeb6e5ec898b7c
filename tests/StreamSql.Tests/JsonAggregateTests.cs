using StreamSql.Tests.Differential;

namespace StreamSql.Tests;

/// <summary>
/// <c>JSON_ARRAYAGG</c> and <c>JSON_OBJECTAGG</c> end to end: Flink's documented examples, its ON NULL defaults (ABSENT for
/// the array, NULL for the object), nested JSON values, FILTER, the changelog row by row and over retractions (Flink's
/// JsonArrayAggFunction and JsonObjectAggFunction retract), windows, the errors, and DuckDB's json_group_array /
/// json_group_object as the oracle over random rows.
/// </summary>
public sealed class JsonAggregateTests : IDisposable
{
    private readonly KeyValueCsvTable _csv = new();

    public void Dispose() => _csv.Dispose();

    private string Table(params string[] lines) => _csv.Table(lines);

    private static Task<IReadOnlyList<string>> Changelog(string? ddl, string query) => KeyValueCsvTable.Changelog(ddl, query);

    [Fact]
    public async Task Flink_documented_examples_give_the_documented_text()
    {
        // Flink's docs: JSON_ARRAYAGG(product) '["Apple","Banana","Orange"]'; JSON_OBJECTAGG(KEY product VALUE cnt)
        // '{"Apple":2,"Banana":17,"Orange":0}'.
        var rows = await Changelog(null, "SELECT JSON_ARRAYAGG(product) AS a, JSON_OBJECTAGG(KEY product VALUE cnt) AS o "
            + "FROM (VALUES ('Apple', 2), ('Banana', 17), ('Orange', 0)) AS orders(product, cnt)");
        Assert.Equal(new[] { """+I[["Apple","Banana","Orange"], {"Apple":2,"Banana":17,"Orange":0}]""" }, rows);
    }

    [Fact]
    public async Task On_null_defaults_are_absent_for_the_array_and_null_for_the_object()
    {
        var rows = await Changelog(null,
            "SELECT JSON_ARRAYAGG(v) AS a, JSON_ARRAYAGG(v NULL ON NULL) AS an, JSON_OBJECTAGG(k VALUE v) AS o, "
            + "JSON_OBJECTAGG(KEY k VALUE v ABSENT ON NULL) AS oa "
            + "FROM (VALUES ('b', 1.5e0), ('a', CAST(NULL AS DOUBLE)), ('c', -2e0)) AS t(k, v)");
        Assert.Equal(new[] { """+I[[1.5,-2.0], [1.5,null,-2.0], {"a":null,"b":1.5,"c":-2.0}, {"b":1.5,"c":-2.0}]""" }, rows);
    }

    [Fact]
    public async Task Values_of_json_constructors_are_nested_and_other_values_are_quoted_and_escaped()
    {
        var rows = await Changelog(null,
            "SELECT JSON_ARRAYAGG(JSON_OBJECT('id' VALUE v)) AS a, JSON_OBJECTAGG(KEY k VALUE JSON_ARRAY(v, k)) AS o, "
            + "JSON_ARRAYAGG(k) AS ks, JSON_ARRAYAGG(v > 1) AS bs "
            + "FROM (VALUES ('q\"1', 1), ('tab\t', 2)) AS t(k, v)");
        Assert.Equal(new[]
        {
            """+I[[{"id":1},{"id":2}], {"q\"1":[1,"q\"1"],"tab\t":[2,"tab\t"]}, ["q\"1","tab\t"], [false,true]]""",
        }, rows);
    }

    [Fact]
    public async Task Filter_skips_rows_and_a_group_without_values_gives_an_empty_array_or_object()
    {
        var rows = await Changelog(null,
            "SELECT k, JSON_ARRAYAGG(v) FILTER (WHERE v > 1) AS a, JSON_OBJECTAGG(KEY k VALUE v) FILTER (WHERE v > 1) AS o "
            + "FROM (VALUES ('x', 1), ('x', 2), ('y', 1)) AS t(k, v) GROUP BY k");
        Assert.Equal(new[] { """+I[x, [2], {"x":2}]""", "+I[y, [], {}]" }, rows);
    }

    [Fact]
    public async Task Row_by_row_changelog_updates_the_text_and_absent_nulls_change_nothing()
    {
        var rows = await Changelog(Table("a,1", "b,2", "a,", "a,3"), "SELECT k, JSON_ARRAYAGG(v) AS vs FROM t GROUP BY k");
        Assert.Equal(new[] { "+I[a, [1]]", "+I[b, [2]]", "-U[a, [1]]", "+U[a, [1,3]]" }, rows);
    }

    [Fact]
    public async Task Retractions_remove_the_retracted_item_and_the_retracted_key()
    {
        // Inner: +I[a, 1], +I[b, 2], then -U[a, 1] / +U[a, 4] (one batch, applied one by one as Flink does).
        var rows = await Changelog(Table("a,1", "b,2", "a,3"),
            "SELECT JSON_ARRAYAGG(s) AS a, JSON_OBJECTAGG(KEY CAST(s AS STRING) VALUE k) AS o FROM (SELECT k, SUM(v) AS s FROM t GROUP BY k)");
        Assert.Equal(new[]
        {
            """+I[[1], {"1":"a"}]""", """-U[[1], {"1":"a"}]""", """+U[[1,2], {"1":"a","2":"b"}]""",
            """-U[[1,2], {"1":"a","2":"b"}]""", """+U[[2], {"2":"b"}]""", """-U[[2], {"2":"b"}]""", """+U[[2,4], {"2":"b","4":"a"}]""",
        }, rows);
    }

    [Fact]
    public async Task Tumbling_windows_aggregate_json_per_window()
    {
        var path = Path.Combine(_csv.Folder, "e.csv");
        File.WriteAllLines(path, ["1,2026-01-01 00:00:01", "2,2026-01-01 00:00:06", "3,2026-01-01 00:00:04"]);
        var rows = await Changelog(
            $"CREATE TABLE e (v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv')",
            "SELECT window_start, JSON_ARRAYAGG(v) AS vs FROM TABLE(TUMBLE(TABLE e, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end");
        Assert.Equal(new[] { "+I[2026-01-01T00:00:00, [1,3]]", "+I[2026-01-01T00:00:05, [2]]" }, rows);
    }

    [Fact]
    public async Task A_duplicate_key_fails_the_job_with_flinks_message()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Changelog(null,
            "SELECT JSON_OBJECTAGG(KEY k VALUE v) AS o FROM (VALUES ('a', 1), ('a', 2)) AS t(k, v)"));
        Assert.Contains("Key 'a' is already present. Duplicate keys are not allowed in JSON_OBJECTAGG. Please ensure that keys are unique.",
            Messages(error));
    }

    [Fact]
    public async Task A_null_key_fails_the_job()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Changelog(null,
            "SELECT JSON_OBJECTAGG(KEY k VALUE v) AS o FROM (VALUES ('a', 1), (CAST(NULL AS STRING), 2)) AS t(k, v)"));
        Assert.Contains("The key of JSON_OBJECTAGG must not be NULL", Messages(error));
    }

    [Theory]
    [InlineData("SELECT JSON_ARRAYAGG(v) OVER (ORDER BY v) FROM (VALUES (1)) AS t(v)", "JSON_ARRAYAGG in an OVER window")]
    [InlineData("SELECT JSON_ARRAYAGG(v ORDER BY v) FROM (VALUES (1)) AS t(v)", "ORDER BY in JSON_ARRAYAGG is not supported")]
    [InlineData("SELECT JSON_OBJECTAGG(KEY v VALUE v) FROM (VALUES (1)) AS t(v)", "The key of JSON_OBJECTAGG must be a character string, but it is INT")]
    [InlineData("SELECT v FROM (VALUES (1)) AS t(v) WHERE JSON_ARRAYAGG(v) = '[]'", "Aggregate expression is illegal in WHERE clause")]
    public async Task Misuse_is_refused_when_planning(string query, string message)
    {
        await using var env = Sessions.Create();
        var error = Assert.ThrowsAny<Exception>(() => env.Query(query));
        Assert.Contains(message, error.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Json_aggregates_agree_with_duckdb_over_random_rows()
    {
        await using var run = new DifferentialRun(defaultSeed: 20261204);
        run.AddTable("t", rows: 300, sequence: true);
        await run.CheckAsync(new DualSql(
            "SELECT k, JSON_ARRAYAGG(v NULL ON NULL) AS a, JSON_ARRAYAGG(s) AS b, JSON_OBJECTAGG(KEY CAST(seq AS STRING) VALUE v) AS o FROM t GROUP BY k",
            // DuckDB's json_group_array/json_group_object are macros over list(): ordered here by arrival (seq) and by key.
            "SELECT k, CAST(to_json(list(v ORDER BY seq)) AS VARCHAR), "
            + "coalesce(CAST(to_json(list(s ORDER BY seq) FILTER (WHERE s IS NOT NULL)) AS VARCHAR), '[]'), "
            + "CAST(to_json(map_from_entries(list((CAST(seq AS VARCHAR), v) ORDER BY CAST(seq AS VARCHAR)))) AS VARCHAR) FROM t GROUP BY k"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(1, run.NonEmptyCases);
    }

    private static string Messages(Exception e)
    {
        var text = new System.Text.StringBuilder();
        for (Exception? x = e; x is not null; x = x.InnerException) text.AppendLine(x.Message);
        return text.ToString();
    }
}
