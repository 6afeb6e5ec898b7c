using System.Text;

namespace StreamSql.Tests;

/// <summary>
/// Input that once killed the process with a stack overflow, through the embedded API on thread-pool threads (where the
/// issue saw 2,000 nested subqueries end the host): past the nesting limit it is a <see cref="StreamSqlException"/> with a
/// location, within it it plans, and long flat input (thousands of OR terms or UNION ALL branches, huge IN lists and
/// literals) plans and runs.
/// </summary>
public sealed class DeepInputTests
{
    private const string Table = "CREATE TABLE t (id INT, s STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '5', " +
        "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5')";

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static async Task<StreamSqlEnvironment> CreateAsync()
    {
        var env = Sessions.Create();
        await env.ExecuteSqlAsync(Table);
        await env.ExecuteSqlAsync("CREATE VIEW v AS SELECT " + Repeat("ABS(", 900) + "id" + Repeat(")", 900) + " AS id FROM t");
        return env;
    }

    public static TheoryData<string, string> TooDeep => new()
    {
        { "5,000 parentheses", "SELECT " + Repeat("(", 5000) + "1" + Repeat(")", 5000) },
        { "2,000 nested subqueries", "SELECT id FROM " + Repeat("(SELECT id FROM ", 2000) + "t" + Repeat(") AS q", 2000) },
        { "2,000 scalar subqueries", "SELECT " + Repeat("(SELECT ", 2000) + "1" + Repeat(")", 2000) },
        { "5,000 CASE", "SELECT " + Repeat("CASE WHEN id > 0 THEN ", 5000) + "id" + Repeat(" END", 5000) + " FROM t" },
        { "100,000 added terms", "SELECT 1" + Repeat("+1", 99_999) },
        { "5,000 EXPLAIN", Repeat("EXPLAIN ", 5000) + "SELECT 1" },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task Nesting_past_the_limit_fails_the_statement_with_its_location_on_a_thread_pool_thread(string shape, string sql)
    {
        await using var env = await CreateAsync();
        foreach (var statement in new[] { sql, "EXPLAIN " + sql })
        {
            var e = await Assert.ThrowsAnyAsync<StreamSqlException>(() => Task.Run(() => env.ExecuteSql(statement)));
            Assert.True(e.Message.StartsWith("Error at 1:", StringComparison.Ordinal), shape + ": " + e.Message[..Math.Min(200, e.Message.Length)]);
            Assert.Contains("nesting exceeds the limit of 1000 levels", e.Message);
            Assert.Equal(1, e.Line);
            Assert.True(e.Column > 1000, $"{shape}: column {e.Column}");
            Assert.True(e.Message.Length < 600, $"{shape}: the message shows a window of the line, not all of it ({e.Message.Length} chars)");
        }
        // The session goes on.
        Assert.IsType<ExplainTextResult>(await env.ExecuteSqlAsync("EXPLAIN SELECT id FROM t"));
    }

    public static TheoryData<string, string> WithinTheLimit => new()
    {
        { "990 parentheses", "EXPLAIN SELECT " + Repeat("(", 990) + "id" + Repeat(")", 990) + " FROM t" },
        { "300 nested subqueries", "EXPLAIN SELECT id FROM " + Repeat("(SELECT id FROM ", 300) + "t" + Repeat(") AS q", 300) },
        { "900 CASE", "EXPLAIN SELECT " + Repeat("CASE WHEN id > 0 THEN ", 900) + "id" + Repeat(" END", 900) + " FROM t" },
        { "900 function calls", "EXPLAIN SELECT " + Repeat("ABS(", 900) + "id" + Repeat(")", 900) + " FROM t" },
        { "900 added columns", "EXPLAIN SELECT id" + Repeat(" + id", 900) + " FROM t" },
        { "900 unary minus", "EXPLAIN SELECT " + Repeat("- ", 900) + "id FROM t" },
        { "999 added literals (constant folding)", "EXPLAIN SELECT 1" + Repeat(" + 1", 998) + " FROM t" },
        { "a 900-deep view", "EXPLAIN SELECT id FROM v" },
    };

    [Theory]
    [MemberData(nameof(WithinTheLimit))]
    public async Task Nesting_within_the_limit_plans_and_explains_on_a_thread_pool_thread(string shape, string sql)
    {
        await using var env = await CreateAsync();
        var result = await Task.Run(() => env.ExecuteSql(sql));
        var explain = Assert.IsType<ExplainTextResult>(result);
        Assert.True(explain.Text.Contains("== Optimized Execution Plan ==", StringComparison.Ordinal), shape);
    }

    private static async Task<List<string>> RowsAsync(StreamSqlEnvironment env, string sql)
    {
        await using var result = await Task.Run(() => env.Query(sql));
        var rows = new List<string>();
        await foreach (var row in result.ReadRowsAsync()) rows.Add(row.ToString()!);
        return rows;
    }

    [Fact]
    public async Task Nesting_at_the_limit_runs_a_job_whose_kernels_are_as_deep()
    {
        await using var env = await CreateAsync();
        var rows = await RowsAsync(env, "SELECT " + Repeat("ABS(", 500) + "id" + Repeat(" + 1)", 499) + ")" + Repeat(" + 0", 400) + " FROM t");
        Assert.Equal(new[] { "+I[500]", "+I[501]", "+I[502]", "+I[503]", "+I[504]" }, rows);
    }

    /// <summary>Views of views merge their projections into one expression deeper than any one statement may be.</summary>
    private static async Task CreateViewChainAsync(StreamSqlEnvironment env, int views, int depth)
    {
        await env.ExecuteSqlAsync("CREATE VIEW chain0 AS SELECT id FROM t");
        for (int i = 1; i <= views; i++)
            await env.ExecuteSqlAsync($"CREATE VIEW chain{i} AS SELECT {Repeat("ABS(", depth)}id - 1{Repeat(")", depth)} + 1 AS id FROM chain{i - 1}");
    }

    [Fact]
    public async Task Views_merged_within_the_runtime_depth_run()
    {
        await using var env = await CreateAsync();
        await CreateViewChainAsync(env, 3, 900);
        Assert.Equal(new[] { "+I[1]", "+I[2]", "+I[3]", "+I[4]", "+I[5]" }, await RowsAsync(env, "SELECT id FROM chain3"));
    }

    [Fact]
    public async Task Views_merged_past_the_runtime_depth_fail_the_statement_instead_of_the_process()
    {
        await using var env = await CreateAsync();
        await CreateViewChainAsync(env, 20, 900);
        var e = await Assert.ThrowsAnyAsync<StreamSqlException>(() => RowsAsync(env, "SELECT id FROM chain20"));
        Assert.True(e.Message.Contains("past the 4000 levels the runtime evaluates", StringComparison.Ordinal)
            || e.Message.Contains("nested too deeply to plan", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public async Task Five_thousand_OR_terms_plan_shallow_and_select_the_right_rows()
    {
        await using var env = await CreateAsync();
        var where = string.Join(" OR ", Enumerable.Range(0, 5000).Select(i => $"id = {2 * i}"));
        var explain = Assert.IsType<ExplainTextResult>(await Task.Run(() => env.ExecuteSql("EXPLAIN SELECT id FROM t WHERE " + where)));
        Assert.Contains("OR(", explain.Text);
        Assert.Equal(new[] { "+I[2]", "+I[4]" }, await RowsAsync(env, "SELECT id FROM t WHERE " + where));
        var and = string.Join(" AND ", Enumerable.Range(0, 5000).Select(i => $"id <> {2 * i}"));
        Assert.Equal(new[] { "+I[1]", "+I[3]", "+I[5]" }, await RowsAsync(env, "SELECT id FROM t WHERE " + and));
    }

    [Fact]
    public async Task Two_thousand_UNION_ALL_branches_explain_as_one_union()
    {
        await using var env = await CreateAsync();
        var sql = "EXPLAIN SELECT id FROM t" + Repeat(" UNION ALL SELECT id FROM t", 1999);
        var explain = Assert.IsType<ExplainTextResult>(await Task.Run(() => env.ExecuteSql(sql)));
        Assert.Contains("Union(all=[true], union=[id])", explain.Text);
    }

    [Fact]
    public async Task A_hundred_thousand_IN_literals_and_a_ten_megabyte_string_literal_run()
    {
        await using var env = await CreateAsync();
        var list = string.Join(", ", Enumerable.Range(3, 100_000));
        Assert.Equal(new[] { "+I[3]", "+I[4]", "+I[5]" }, await RowsAsync(env, $"SELECT id FROM t WHERE id IN ({list})"));
        Assert.Equal(new[] { "+I[10000000]" }, await RowsAsync(env, $"SELECT CHAR_LENGTH('{new string('x', 10_000_000)}')"));
    }
}
