namespace StreamSql.Tests.Differential;

/// <summary>
/// The collection, split and regex functions that DuckDB has with Flink's semantics, each compared with DuckDB over the
/// same random rows (NULLs, empty strings, duplicates). Where the two differ only in a corner (DuckDB's
/// <c>list_position</c> is NULL, not 0, when absent) the DuckDB side bridges it; functions whose semantics differ
/// (<c>list_distinct</c> drops NULLs, <c>printf</c> of NULL is NULL, <c>url_encode</c> writes <c>%20</c>) are not compared.
/// </summary>
public sealed class CollectionFunctionDifferentialTests
{
    private static readonly DualSql[] Cases =
    [
        new("TRANSLATE(s, 'abZ', 'x')", "translate(s, 'abZ', 'x')"),
        new("ARRAY_REVERSE(ARRAY[k, v, 7])[1]", "list_reverse([k, v, 7])[1]"),
        new("ARRAY_REVERSE(ARRAY[k, v, 7])[3]", "list_reverse([k, v, 7])[3]"),
        new("ARRAY_SORT(ARRAY[v, k, 3, v])[1]", "list_sort([v, k, 3, v], 'ASC', 'NULLS FIRST')[1]"),
        new("ARRAY_SORT(ARRAY[v, k, 3, v])[4]", "list_sort([v, k, 3, v], 'ASC', 'NULLS FIRST')[4]"),
        new("ARRAY_SORT(ARRAY[v, k, 3], FALSE)[1]", "list_sort([v, k, 3], 'DESC', 'NULLS LAST')[1]"),
        new("ARRAY_SORT(ARRAY[s, 'b', 'Zed'])[2]", "list_sort([s, 'b', 'Zed'], 'ASC', 'NULLS FIRST')[2]"),
        new("ARRAY_MAX(ARRAY[v, k])", "list_max([v, k])"),
        new("ARRAY_MIN(ARRAY[v, k, 5])", "list_min([v, k, 5])"),
        new("ARRAY_CONCAT(ARRAY[v], ARRAY[k, 1])[2]", "list_concat([v], [k, 1])[2]"),
        new("ARRAY_POSITION(ARRAY[v, k, 3], 3)", "coalesce(list_position([v, k, 3], 3), 0)"),
        new("CARDINALITY(ARRAY_SLICE(ARRAY[v, k, 3, 4], 2, 3))", "len(list_slice([v, k, 3, 4], 2, 3))"),
        new("ARRAY_JOIN(SPLIT(s, 'b'), '|')", "array_to_string(string_split(s, 'b'), '|')"),
        new("CARDINALITY(SPLIT(s, 'a'))", "CASE WHEN s = '' THEN 0 ELSE len(string_split(s, 'a')) END"),
        new("ARRAY_JOIN(REGEXP_EXTRACT_ALL(s, '(a)b?', 1), ',')", "array_to_string(regexp_extract_all(s, '(a)b?', 1), ',')"),
        new("REGEXP_SUBSTR(s, 'a+b?')", "CASE WHEN regexp_matches(s, 'a+b?') THEN regexp_extract(s, 'a+b?') END"),
    ];

    [Fact]
    public async Task Collection_split_and_regex_functions_agree_with_duckdb()
    {
        await using var run = new DifferentialRun(defaultSeed: 20261204);
        run.AddTable("t", rows: 200);
        foreach (var expression in Cases)
            await run.CheckAsync(new DualSql($"SELECT k, v, s, {expression.Engine} AS r FROM t", $"SELECT k, v, s, {expression.DuckDb} AS r FROM t"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(Cases.Length, run.NonEmptyCases);
    }
}
