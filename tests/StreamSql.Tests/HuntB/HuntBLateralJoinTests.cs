namespace StreamSql.Tests.HuntB;

/// <summary>Correlated <c>LATERAL</c> subqueries (the flink-sql-cookbook "lateral join" recipe), decorrelated into a join
/// as Calcite does for Flink.</summary>
public sealed class HuntBLateralJoinTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("huntb-lateral").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private StreamSqlEnvironment People()
    {
        File.WriteAllText(Path.Combine(_dir, "people.csv"), string.Join('\n',
            "1,Newmouth,New York,2024-01-01 10:00:00", "2,Newmouth,New York,2024-01-01 10:00:01", "3,Newburgh,New York,2024-01-01 10:00:02",
            "4,Portport,New York,2024-01-01 10:00:03", "5,Portport,Illinois,2024-01-01 10:00:04", "6,Springfield,Illinois,2024-01-01 10:00:05",
            "1,Portport,New York,2024-01-01 10:00:06", "7,Portport,New York,2024-01-01 10:00:07", "2,Springfield,Illinois,2024-01-01 10:00:08") + "\n");
        var env = Sessions.Create(settings: ("execution.batch.max-rows", "1"));
        env.ExecuteSql($"CREATE TABLE People (id INT, city STRING, state STRING, arrival_time TIMESTAMP(3), "
            + $"WATERMARK FOR arrival_time AS arrival_time - INTERVAL '1' MINUTE) WITH ('connector' = 'filesystem', 'path' = '{_dir}/people.csv', 'format' = 'csv')");
        env.ExecuteSql("CREATE TEMPORARY VIEW CurrentPopulation AS SELECT city, state, COUNT(*) AS population FROM ("
            + "SELECT city, state, ROW_NUMBER() OVER (PARTITION BY id ORDER BY arrival_time DESC) AS rownum FROM People) "
            + "WHERE rownum = 1 GROUP BY city, state");
        return env;
    }

    private static async Task<string[]> Materialized(StreamSqlEnvironment env, string query)
    {
        await using var result = env.Query(query);
        var table = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return table.Rows.Select(r => string.Join("|", r.Values)).Order().ToArray();
    }

    [Fact]
    public async Task The_cookbooks_two_most_populous_cities_per_state_end_with_the_top_two_of_each_state()
    {
        await using var env = People();
        var rows = await Materialized(env, """
            SELECT state, city, population
            FROM (SELECT DISTINCT state FROM CurrentPopulation) States,
                LATERAL (SELECT city, population FROM CurrentPopulation WHERE state = States.state ORDER BY population DESC LIMIT 2)
            """);
        Assert.Equal(new[] { "Illinois|Portport|1", "Illinois|Springfield|2", "New York|Newburgh|1", "New York|Portport|3" }, rows);
    }

    [Fact]
    public async Task Over_the_distinct_keys_of_the_ranked_table_the_lateral_top_n_is_the_rank_alone_as_flinks_correlate_sort_to_rank_rule()
    {
        await using var env = People();
        const string Query = "SELECT * FROM (SELECT DISTINCT state FROM CurrentPopulation) States, "
            + "LATERAL (SELECT city, population FROM CurrentPopulation WHERE state = States.state ORDER BY population DESC LIMIT 2)";
        string plan = Assert.IsType<ExplainTextResult>(env.ExecuteSql("EXPLAIN " + Query)).Text;
        var physical = plan[plan.IndexOf("== Optimized Physical Plan ==", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Join(", physical);
        Assert.Contains("Rank(strategy=[RetractStrategy], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=2], partitionBy=[state], orderBy=[population DESC]", physical);
        // SELECT * keeps the outer side's columns first, as over the join.
        Assert.Equal(new[] { "Illinois|Portport|1", "Illinois|Springfield|2", "New York|Newburgh|1", "New York|Portport|3" }, await Materialized(env, Query));
        // An alias on the subquery keeps the join (its columns could be named through it).
        string aliased = Assert.IsType<ExplainTextResult>(env.ExecuteSql("EXPLAIN " + Query + " AS L")).Text;
        Assert.Contains("Join(joinType=[InnerJoin]", aliased);
    }

    [Fact]
    public async Task A_lateral_subquery_without_limit_is_a_join_on_its_correlation_and_keeps_its_other_conditions()
    {
        await using var env = People();
        var rows = await Materialized(env, """
            SELECT s.state, L.c, L.p FROM (SELECT DISTINCT state FROM CurrentPopulation) AS s
            CROSS JOIN LATERAL (SELECT city AS c, population AS p FROM CurrentPopulation cp WHERE cp.state = s.state AND population > 1) AS L
            """);
        Assert.Equal(new[] { "Illinois|Springfield|2", "New York|Portport|3" }, rows);
    }

    [Fact]
    public async Task Correlation_in_the_select_list_is_refused_at_the_reference()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql("CREATE TABLE a (k INT, v INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
        var error = Assert.ThrowsAny<Exception>(() => env.ExecuteSql(
            "EXPLAIN SELECT * FROM a, LATERAL (SELECT b.v + a.v AS w FROM a AS b WHERE b.k = a.k)"));
        Assert.Contains("Not supported yet: a LATERAL subquery correlated outside its WHERE", error.Message);
    }
}
