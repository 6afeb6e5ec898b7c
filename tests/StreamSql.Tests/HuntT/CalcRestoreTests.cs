namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>CalcTestPrograms</c> without Java UDFs (simple, project and filter push-down, filter, Sarg) and
/// <c>CorrelateTestPrograms</c>' CROSS JOIN UNNEST (the others call Java table functions), stopped with a savepoint and
/// restored.</summary>
public sealed class CalcRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private Task Run(string name, RestoreSource source, string sinkSchema, string sql, string before, string after) =>
        RestoreProgramRunner.RunAsync(new RestoreProgram(name, [source], sinkSchema, sql, [before], [after]), _dir);

    private static RestoreSource Source(string name, string schema, string[] columns, object?[] before, object?[] after) =>
        new(name, schema, RestoreSource.Rows(columns, before), RestoreSource.Rows(columns, after));

    [Fact]
    public Task Calc_simple() => Run("calc-simple", Source("t", "a BIGINT, b DOUBLE", ["a", "b"], [420L, 42.0], [421L, 42.1]),
        "a BIGINT, b DOUBLE", "INSERT INTO sink_t SELECT a + 1, b FROM t", "+I[421, 42.0]", "+I[422, 42.1]");

    [Fact]
    public Task Calc_project_pushdown() => Run("calc-project-pushdown",
        Source("source_t", "a BIGINT, b DOUBLE", ["a", "b"], [421L, 42.1], [421L, 42.1]), "a BIGINT, a1 VARCHAR",
        "INSERT INTO sink_t SELECT a, CAST(a AS VARCHAR) FROM source_t WHERE a > CAST(1 AS BIGINT)", "+I[421, 421]", "+I[421, 421]");

    [Fact]
    public Task Calc_filter() => Run("calc-filter",
        Source("source_t", "a BIGINT, b INT, c DOUBLE, d VARCHAR", ["a", "b", "c", "d"], [420L, 1, 42.0, "hello"], [420L, 1, 42.0, "hello"]),
        "a BIGINT, b INT, c DOUBLE, d VARCHAR", "INSERT INTO sink_t SELECT * FROM source_t WHERE b > 0",
        "+I[420, 1, 42.0, hello]", "+I[420, 1, 42.0, hello]");

    [Fact]
    public Task Calc_filter_pushdown() => Run("calc-filter-pushdown",
        Source("source_t", "a BIGINT, b DOUBLE", ["a", "b"], [421L, 42.1], [421L, 42.1]), "a BIGINT, b DOUBLE",
        "INSERT INTO sink_t SELECT a, b FROM source_t WHERE a > CAST(420 AS BIGINT)", "+I[421, 42.1]", "+I[421, 42.1]");

    [Fact]
    public Task Calc_sarg() => Run("calc-sarg", Source("source_t", "a INT", ["a"], [1], [1]), "a INT",
        "INSERT INTO sink_t SELECT a FROM source_t WHERE a = 1 or a = 2 or a is null", "+I[1]", "+I[1]");

    [Fact]
    public Task Correlate_cross_join_unnest() => RestoreProgramRunner.RunAsync(new RestoreProgram("correlate-cross-join-unnest",
        [new RestoreSource("source_t", "name STRING, arr ARRAY<ROW<nested STRING>>",
            ["{\"name\":\"Bob\",\"arr\":[{\"nested\":\"1\"},{\"nested\":\"2\"},{\"nested\":\"3\"}]}"],
            ["{\"name\":\"Alice\",\"arr\":[{\"nested\":\"4\"},{\"nested\":\"5\"},{\"nested\":\"6\"}]}"])],
        "name STRING, nested STRING", "INSERT INTO sink_t SELECT name, nested FROM source_t CROSS JOIN UNNEST(arr) AS T(nested)",
        ["+I[Bob, 1]", "+I[Bob, 2]", "+I[Bob, 3]"], ["+I[Alice, 4]", "+I[Alice, 5]", "+I[Alice, 6]"]), _dir);
}
