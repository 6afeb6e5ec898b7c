using System.Text.RegularExpressions;
using StreamSql.Functions;

namespace StreamSql.Tests;

/// <summary>User-defined table functions run end to end: each join form, NULL and empty outputs, LEFT JOIN padding, row
/// kinds of updating input, two subtasks, instances and failures.</summary>
public sealed class TableFunctionTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static async Task<IReadOnlyList<string>> Rows(StreamSqlEnvironment env, string query)
    {
        await using var result = env.Query(query);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return rows.Select(r => r.ToString()).ToList();
    }

    private static StreamSqlEnvironment Session()
    {
        var env = Sessions.Create(settings: ("parallelism.default", "1"));
        env.ExecuteSql($"CREATE FUNCTION split_words AS '{typeof(SplitWords).FullName}'");
        env.ExecuteSql($"CREATE FUNCTION letters AS '{typeof(Letters).FullName}'");
        return env;
    }

    private const string Lines = "(VALUES (1, 'a bb'), (2, CAST(NULL AS STRING)), (3, ''), (4, 'ccc')) AS t(id, line)";

    [Fact]
    public async Task The_comma_form_emits_each_collected_row_after_its_input_row_with_the_aliases()
    {
        await using var env = Session();
        var rows = await Rows(env, $"SELECT id, w, n FROM {Lines}, LATERAL TABLE(split_words(line, ' ')) AS u(w, n)");
        // A NULL line collects nothing; an empty one collects nothing either (SplitWords drops empty words).
        Assert.Equal(new[] { "+I[1, a, 1]", "+I[1, bb, 2]", "+I[4, ccc, 3]" }, rows);
    }

    [Fact]
    public async Task Cross_join_lateral_uses_the_property_names_and_an_atomic_type_is_f0()
    {
        await using var env = Session();
        Assert.Equal(new[] { "+I[1, bb, 2]", "+I[4, ccc, 3]" },
            await Rows(env, $"SELECT id, Word, Length FROM {Lines} CROSS JOIN LATERAL TABLE(split_words(line, ' ')) WHERE Length > 1"));
        Assert.Equal(new[] { "+I[1, a]", "+I[1, b]", "+I[1, b]", "+I[4, c]", "+I[4, c]", "+I[4, c]" },
            await Rows(env, $"SELECT id, f0 FROM {Lines}, LATERAL TABLE(letters(line)) WHERE f0 <> ' '"));
    }

    [Fact]
    public async Task Left_join_on_true_pads_rows_without_output_with_nulls()
    {
        await using var env = Session();
        var rows = await Rows(env, $"SELECT id, u.w, u.n FROM {Lines} LEFT JOIN LATERAL TABLE(split_words(line, ' ')) AS u(w, n) ON TRUE");
        Assert.Equal(new[] { "+I[1, a, 1]", "+I[1, bb, 2]", "+I[2, null, null]", "+I[3, null, null]", "+I[4, ccc, 3]" }, rows);
    }

    [Fact]
    public async Task An_inner_join_condition_filters_the_collected_rows()
    {
        await using var env = Session();
        var rows = await Rows(env, $"SELECT id, w FROM {Lines} JOIN LATERAL TABLE(split_words(line, ' ')) AS u(w, n) ON n = id");
        Assert.Equal(new[] { "+I[1, a]" }, rows);
    }

    [Fact]
    public async Task Nulls_collected_and_nulls_passed_in_come_through_as_null()
    {
        await using var env = Session();
        env.ExecuteSql($"CREATE FUNCTION maybe AS '{typeof(Maybe).FullName}'");
        // Maybe collects (x, null) and (null, text); a NULL INT into its non-nullable int parameter skips the call.
        var rows = await Rows(env, "SELECT v, a, b FROM (VALUES (1, 'x'), (CAST(NULL AS INT), 'y'), (2, CAST(NULL AS STRING))) AS t(v, s), LATERAL TABLE(maybe(v, s))");
        Assert.Equal(new[] { "+I[1, 1, null]", "+I[1, null, x]", "+I[2, 2, null]", "+I[2, null, null]" }, rows);
    }

    [Fact]
    public async Task A_call_that_reads_no_table_is_a_table_on_its_own()
    {
        await using var env = Session();
        Assert.Equal(new[] { "+I[x, 1]", "+I[yy, 2]" }, await Rows(env, "SELECT * FROM TABLE(split_words('x yy', ' '))"));
        Assert.Equal(new[] { "+I[x]" }, await Rows(env, "SELECT w FROM LATERAL TABLE(split_words('x yy', ' ')) AS u(w, n) WHERE n = 1"));
    }

    [Fact]
    public async Task Rows_keep_the_kind_of_their_input_row()
    {
        // One row per batch, so the count changes row by row.
        await using var env = Sessions.Create(settings: [("parallelism.default", "1"), ("execution.batch.max-rows", "1")]);
        env.ExecuteSql($"CREATE FUNCTION letters AS '{typeof(Letters).FullName}'");
        env.ExecuteSql("CREATE TABLE src (k STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'fields.k.kind' = 'sequence', " +
            "'fields.k.start' = '1', 'fields.k.end' = '3')");
        // A global count updates: every change of it is split into its digits' letters with the change's kind.
        var rows = await Rows(env, "SELECT c, f0 FROM (SELECT CAST(COUNT(*) AS STRING) || 'z' AS c FROM src), LATERAL TABLE(letters(c))");
        Assert.Equal(new[]
        {
            "+I[1z, 1]", "+I[1z, z]", "-U[1z, 1]", "-U[1z, z]", "+U[2z, 2]", "+U[2z, z]", "-U[2z, 2]", "-U[2z, z]", "+U[3z, 3]", "+U[3z, z]",
        }, rows);
    }

    [Fact]
    public async Task Two_subtasks_each_run_their_own_instance_over_their_rows()
    {
        await using var env = Sessions.Create(settings: [("parallelism.default", "2")]);
        env.CreateTemporaryFunction("split_words", typeof(SplitWords));
        env.ExecuteSql("CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1000', 'fields.id.kind' = 'sequence', " +
            "'fields.id.start' = '1', 'fields.id.end' = '1000')");
        await using var result = env.Query("SELECT COUNT(*), SUM(CAST(w AS INT)), COUNT(DISTINCT id) FROM src, " +
            "LATERAL TABLE(split_words(CAST(id AS STRING) || ' ' || CAST(id * 2 AS STRING), ' ')) AS u(w, n)");
        var table = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
        // Every id collects itself and its double: 2000 rows, sum 3 * (1 + ... + 1000).
        Assert.Equal("2000, 1501500, 1000", string.Join(", ", Assert.Single(table.Rows).Values));
    }

    [Fact]
    public async Task An_exception_in_eval_fails_the_query_naming_the_function()
    {
        await using var env = Session();
        env.ExecuteSql($"CREATE FUNCTION explode AS '{typeof(Explode).FullName}'");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Rows(env, "SELECT * FROM (VALUES (1), (0)) AS t(v), LATERAL TABLE(explode(v))"));
        Assert.Contains("User-defined function 'explode'", error.Message + error.InnerException?.Message);
        Assert.Contains("nothing to explode", error.Message + error.InnerException?.Message);
    }

    [Fact]
    public async Task An_aggregate_fed_by_a_table_function_resumes_from_a_savepoint_with_its_totals()
    {
        var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        await using var env = Sessions.Create(synced, ("execution.checkpointing.savepoint-dir", _dir), ("parallelism.default", "2"));
        env.ExecuteSql($"CREATE FUNCTION split_on AS '{typeof(Differential.SplitOn).FullName}'");
        env.ExecuteSql("CREATE TABLE seq (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '200', " +
            "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '400')");
        env.ExecuteSql("CREATE TABLE out (n INT, c BIGINT, total BIGINT) WITH ('connector' = 'print')");
        env.ExecuteSql("SET 'pipeline.name' = 'split-job'");
        // Each id collects itself (n = 1) and its double (n = 2); the aggregation's state holds the totals so far.
        const string insert = "INSERT INTO out SELECT n, COUNT(*), SUM(CAST(w AS BIGINT)) FROM seq, " +
            "LATERAL TABLE(split_on(CAST(id AS STRING) || ' ' || CAST(id * 2 AS STRING), ' ')) AS u(w, n) GROUP BY n";
        Assert.IsType<JobSubmittedResult>(env.ExecuteSql(insert));
        string Printed()
        {
            lock (synced) return output.ToString();
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Regex.Matches(Printed(), @"\+[IU]\[").Count < 20 && DateTime.UtcNow < deadline) await Task.Delay(20);

        var stop = Assert.IsType<TableTextResult>(await env.ExecuteSqlAsync("STOP JOB 'split-job' WITH SAVEPOINT").WaitAsync(TimeSpan.FromSeconds(30)));
        var path = Assert.Single(stop.Rows)[0]!;
        env.ExecuteSql("SET 'table.dml-sync' = 'true'");
        await env.ExecuteSqlAsync($"EXECUTE {insert} FROM SAVEPOINT '{path}'").WaitAsync(TimeSpan.FromSeconds(60));

        var last = new Dictionary<string, string>();
        foreach (Match m in Regex.Matches(Printed(), @"\+[IU]\[(\d+), (\d+), (\d+)\]")) last[m.Groups[1].Value] = m.Groups[2].Value + "/" + m.Groups[3].Value;
        // 400 ids each counted once across both runs: sums 1 + ... + 400 and twice that.
        Assert.Equal("400/80200", last["1"]);
        Assert.Equal("400/160400", last["2"]);
    }

    [Fact]
    public void Collect_outside_eval_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SplitWords().CollectOutsideEval());
        Assert.Contains("Collect may only be called while the engine runs Eval", error.Message);
    }
}

public sealed class SplitWords : TableFunction<SplitWords.Piece>
{
    public sealed record Piece(string Word, int Length);

    public void Eval(string? text, string separator)
    {
        if (text is null) return;
        foreach (var word in text.Split(separator, StringSplitOptions.RemoveEmptyEntries)) Collect(new Piece(word, word.Length));
    }

    public void CollectOutsideEval() => Collect(new Piece("x", 1));
}

public sealed class Letters : TableFunction<string>
{
    public void Eval(string? text)
    {
        foreach (var c in text ?? "") Collect(c.ToString());
    }
}

public sealed class Maybe : TableFunction<Maybe.Pair>
{
    public sealed class Pair
    {
        public int? A { get; init; }
        public string? B { get; init; }
    }

    public void Eval(int value, string? text)
    {
        Collect(new Pair { A = value });
        Collect(new Pair { B = text });
    }
}

public sealed class Explode : TableFunction<int>
{
    public void Eval(int value)
    {
        if (value == 0) throw new InvalidOperationException("nothing to explode");
        Collect(value);
    }
}
