namespace StreamSql.Tests;

/// <summary>User-defined scalar functions run end to end: SQL-created and API-registered, typed parameters, NULLs,
/// overloads, per-subtask instances and failures.</summary>
public sealed class UserFunctionTests
{
    private static async Task<IReadOnlyList<string>> Rows(StreamSqlEnvironment env, string query)
    {
        await using var result = env.Query(query);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return rows.Select(r => r.ToString()).ToList();
    }

    private static StreamSqlEnvironment Session() => Sessions.Create(settings: ("parallelism.default", "1"));

    [Fact]
    public async Task Typed_parameters_and_results_round_trip_with_nulls()
    {
        await using var env = Session();
        env.ExecuteSql($"CREATE FUNCTION describe_row AS '{typeof(DescribeRow).FullName}'");
        var rows = await Rows(env, """
            SELECT describe_row(b, i, l, d, m, s) FROM (VALUES
              (TRUE, 1, CAST(10 AS BIGINT), 1.5e0, CAST(2.25 AS DECIMAL(10, 2)), 'x'),
              (FALSE, CAST(NULL AS INT), CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE), CAST(NULL AS DECIMAL(10, 2)), CAST(NULL AS STRING))
            ) AS t(b, i, l, d, m, s)
            """);
        // Nullable .NET parameters receive NULL; a DECIMAL arrives as DECIMAL(38, 18), as Flink passes a BigDecimal.
        Assert.Equal(new[] { "+I[True|1|10|1.5|2.250000000000000000|x]", "+I[False|null|null|null|null|null]" }, rows);
    }

    [Fact]
    public async Task Null_into_a_non_nullable_parameter_gives_null_without_a_call_and_null_results_are_null()
    {
        await using var env = Session();
        env.ExecuteSql($"CREATE TEMPORARY FUNCTION half AS '{typeof(Half).FullName}'");
        var rows = await Rows(env, "SELECT half(v) AS h, half(v) IS NULL AS n FROM (VALUES (4), (CAST(NULL AS INT)), (3)) AS t(v)");
        // Half.Eval(long) returns null for odd numbers; an INT argument widens into its long parameter.
        Assert.Equal(new[] { "+I[2, false]", "+I[null, true]", "+I[null, true]" }, rows);
    }

    [Fact]
    public async Task Decimal_results_are_decimal_38_18_rounded_half_up()
    {
        await using var env = Session();
        env.ExecuteSql($"CREATE FUNCTION third AS '{typeof(Third).FullName}'");
        var rows = await Rows(env, "SELECT third(CAST(1 AS DECIMAL(10, 0))), third(CAST(-2 AS DECIMAL(10, 0)))");
        Assert.Equal(new[] { "+I[0.333333333333333333, -0.666666666666666667]" }, rows);
    }

    [Fact]
    public async Task An_instance_registered_through_the_api_shadows_a_built_in_and_keeps_its_state()
    {
        await using var env = Session();
        var counter = new CallCounter();
        env.CreateTemporarySystemFunction("char_length", counter);
        var rows = await Rows(env, "SELECT CHAR_LENGTH(s) FROM (VALUES ('a'), ('b'), ('c')) AS t(s)");
        Assert.Equal(new[] { "+I[1]", "+I[2]", "+I[3]" }, rows);
        Assert.Equal(3, counter.Calls);
        Assert.True(env.DropTemporarySystemFunction("char_length"));
        Assert.Equal(new[] { "+I[1]" }, await Rows(env, "SELECT CHAR_LENGTH('z')"));
    }

    [Fact]
    public async Task Each_subtask_gets_its_own_instance_of_a_class_registered_by_type()
    {
        await using var env = Sessions.Create(settings: [("parallelism.default", "2")]);
        env.CreateTemporaryFunction("instance_id", typeof(InstanceId));
        env.ExecuteSql("CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '2000', 'fields.id.kind' = 'sequence', " +
            "'fields.id.start' = '1', 'fields.id.end' = '2000')");
        var rows = await Rows(env, "SELECT DISTINCT instance_id(id) FROM src");
        // Two subtasks read the source: two instances, each counting from its own first call.
        Assert.Equal(2, rows.Count(r => r.StartsWith("+I", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_exception_in_the_function_fails_the_query_naming_the_function()
    {
        await using var env = Session();
        env.ExecuteSql($"CREATE FUNCTION fails AS '{typeof(Fails).FullName}'");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Rows(env, "SELECT fails(v) FROM (VALUES (1), (0)) AS t(v)"));
        Assert.Contains("User-defined function 'fails'", error.Message + error.InnerException?.Message);
        Assert.Contains("cannot take zero", error.Message + error.InnerException?.Message);
    }
}

public sealed class DescribeRow
{
    public string Eval(bool b, int? i, long? l, double? d, decimal? m, string? s) =>
        string.Join('|', b, i?.ToString() ?? "null", l?.ToString() ?? "null",
            d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null",
            m?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null", s ?? "null");
}

public sealed class Half
{
    public long? Eval(long value) => value % 2 == 0 ? value / 2 : null;
}

public sealed class Third
{
    public decimal Eval(decimal value) => value / 3;
}

public sealed class CallCounter
{
    public int Calls;

    public int Eval(string? text) => Interlocked.Increment(ref Calls);
}

public sealed class InstanceId
{
    private static int _next;
    private readonly int _id = Interlocked.Increment(ref _next);

    public int Eval(int value) => _id;
}

public sealed class Fails
{
    public int Eval(int value) => value == 0 ? throw new InvalidOperationException("cannot take zero") : value;
}
