namespace StreamSql.Tests.Differential;

/// <summary>
/// Hash, prefix/suffix and array-append functions that DuckDB has with Flink's semantics, compared over the same random
/// rows (NULLs, empty strings): <c>md5</c>/<c>sha1</c>/<c>sha256</c> hex digests, <c>starts_with</c>/<c>ends_with</c>,
/// <c>list_append</c>/<c>list_prepend</c>.
/// </summary>
public sealed class DigestAndAffixDifferentialTests
{
    private static readonly DualSql[] Cases =
    [
        new("MD5(s)", "md5(s)"),
        new("SHA1(s)", "sha1(s)"),
        new("SHA256(s)", "sha256(s)"),
        new("SHA2(s, 256)", "sha256(s)"),
        new("STARTSWITH(s, 'a')", "starts_with(s, 'a')"),
        new("ENDSWITH(s, 'b')", "ends_with(s, 'b')"),
        new("STARTSWITH('abc', s)", "starts_with('abc', s)"),
        new("ARRAY_APPEND(ARRAY[v, 7], k)[3]", "list_append([v, 7], k)[3]"),
        new("ARRAY_PREPEND(ARRAY[v], k)[1]", "list_prepend(k, [v])[1]"),
        new("CARDINALITY(ARRAY_APPEND(ARRAY[v], k))", "CASE WHEN true THEN len(list_append([v], k)) END"),
    ];

    [Fact]
    public async Task Digest_affix_and_array_append_functions_agree_with_duckdb()
    {
        await using var run = new DifferentialRun(defaultSeed: 20261204);
        run.AddTable("t", rows: 200);
        foreach (var expression in Cases)
            await run.CheckAsync(new DualSql($"SELECT k, v, s, {expression.Engine} AS r FROM t", $"SELECT k, v, s, {expression.DuckDb} AS r FROM t"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(Cases.Length, run.NonEmptyCases);
    }
}
