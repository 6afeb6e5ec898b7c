using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>
/// A VALUES whose rows are not all literals is planned as Flink plans it (a union of one Calc per row over one reused
/// one-row VALUES, which EXPLAIN shows), but runs as one Expand over that VALUES: Flink's Calcs are chained to the VALUES
/// source and emit the rows in the written order, which a union of separate tasks would not keep.
/// </summary>
public sealed class ValuesRowOrderTests
{
    private const string ArrayValues = "SELECT * FROM (VALUES (1, ARRAY[1, 2]), (2, ARRAY[3]), (3, ARRAY[4, 5, 6])) AS t(a, b)";

    private static PlannerFixture Fixture(string parallelism = "1")
    {
        var f = new PlannerFixture();
        f.Run(PlannerFixture.Bids);
        f.Configuration = Configuration.Empty.With("parallelism.default", parallelism);
        return f;
    }

    private static IEnumerable<OperatorSpec> Operators(JobGraph job) => job.Vertices.SelectMany(v => v.Chain);

    /// <summary>The first column of each row the Expand emits, in order (each a literal in these queries).</summary>
    private static IEnumerable<object?> FirstColumn(ExpandSpec expand) => expand.Projects.Select(p => Assert.IsType<Literal>(p[0]).Value);

    [Fact]
    public void Explain_keeps_flinks_union_of_calcs_over_the_reused_values()
    {
        var text = Fixture().Explain(ArrayValues);
        Assert.Contains("+- Union(all=[true], union=[EXPR$0, EXPR$1])", text);
        Assert.Contains("Values(tuples=[[{ 0 }]])(reuse_id=[1])", text);
    }

    [Fact]
    public void The_job_runs_one_expand_chained_to_the_values_with_the_rows_in_written_order()
    {
        var job = Fixture().Run<QueryPlan>(ArrayValues).Job;
        Assert.DoesNotContain(Operators(job), op => op is UnionSpec);
        var values = Assert.Single(job.Vertices, v => v.Head is ValuesSpec);
        var expand = Assert.IsType<ExpandSpec>(values.Chain[1]);
        Assert.Equal(new object?[] { 1L, 2L, 3L }, FirstColumn(expand));
        Assert.Single(Assert.Single(((ValuesSpec)values.Head).Rows));
    }

    [Fact]
    public void A_row_folded_to_literals_keeps_its_place_among_the_expression_rows()
    {
        var f = Fixture();
        f.Run("CREATE TABLE arrays_out (a INT, b ARRAY<INT>, c STRING) WITH ('connector' = 'print')");
        var job = f.Run<InsertPlan>("INSERT INTO arrays_out VALUES (1, ARRAY[1], 'x'), (2, CAST(NULL AS ARRAY<INT>), 'y'), (3, ARRAY[3], 'z')").Job;
        var expand = Assert.Single(Operators(job).OfType<ExpandSpec>());
        Assert.Equal(new object?[] { 1L, 2L, 3L }, FirstColumn(expand));
        Assert.DoesNotContain(Operators(job), op => op is UnionSpec);
    }

    [Fact]
    public void Non_deterministic_calls_stay_one_per_row_evaluated_at_run_time()
    {
        var job = Fixture().Run<QueryPlan>("SELECT * FROM (VALUES (1, RAND()), (2, RAND())) AS t(a, r)").Job;
        var expand = Assert.Single(Operators(job).OfType<ExpandSpec>());
        Assert.All(expand.Projects, p => Assert.Equal("RAND", Assert.IsType<Call>(p[1]).Function));
    }

    [Fact]
    public void At_parallelism_two_one_expand_subtask_gets_the_values_row_and_feeds_the_aggregation_by_key()
    {
        var f = Fixture("2");
        f.Run("CREATE TABLE firsts (k STRING, f INT) WITH ('connector' = 'print')");
        var job = f.Run<InsertPlan>(
            "INSERT INTO firsts SELECT k, FIRST_VALUE(b[1]) FROM (VALUES ('x', ARRAY[1]), ('x', ARRAY[2])) AS t(k, b) GROUP BY k").Job;
        var values = Assert.Single(job.Vertices, v => v.Head is ValuesSpec);
        var expand = Assert.Single(job.Vertices, v => v.Head is ExpandSpec);
        Assert.Equal(1, values.Parallelism);
        // Rebalance hands the one VALUES row to one subtask, which emits every row in order into the hash exchange.
        Assert.Equal(ExchangeKind.Rebalance, Assert.Single(job.InputsOf(expand.Id)).Kind);
        Assert.Contains(job.OutputsOf(expand.Id), e => e.Kind == ExchangeKind.Hash);
    }

    [Fact]
    public void A_union_with_a_branch_that_does_not_read_the_values_stays_a_union()
    {
        var f = Fixture();
        f.Run("CREATE TABLE arrays_in (a INT, b ARRAY<INT>) WITH ('connector' = 'datagen', 'number-of-rows' = '3')");
        var job = f.Run<QueryPlan>("SELECT * FROM arrays_in UNION ALL SELECT * FROM (VALUES (1, ARRAY[1]), (2, ARRAY[2])) AS t(a, b)").Job;
        Assert.Single(Operators(job).OfType<UnionSpec>());
    }

    [Theory]
    [InlineData("SELECT ARRAY[1] AS a UNION ALL SELECT ARRAY[2] UNION ALL SELECT ARRAY[3]")]
    [InlineData("SELECT a, b FROM (VALUES (1, ARRAY[1]), (2, ARRAY[2, 3]), (3, ARRAY[4])) AS t(a, b) WHERE a > 1")]
    [InlineData("SELECT a, b FROM (VALUES (1, ARRAY[1]), (2, ARRAY[2, 3]), (3, ARRAY[4])) AS t(a, b) WHERE CARDINALITY(b) > 1")]
    [InlineData("SELECT a, b FROM (VALUES (1, ARRAY[1]), (2, ARRAY[2, 3]), (3, ARRAY[4])) AS t(a, b) WHERE RAND() > 0.5")]
    [InlineData("SELECT a, m['k'] FROM (VALUES (1, MAP['k', 1]), (2, MAP['k', 2])) AS t(a, m)")]
    [InlineData("SELECT a, r FROM (VALUES (1, ROW(1, 'x')), (2, ROW(2, 'y'))) AS t(a, r)")]
    public void Other_shapes_of_values_with_expression_rows_run_without_a_union(string query)
    {
        var job = Fixture().Run<QueryPlan>(query).Job;
        Assert.DoesNotContain(Operators(job), op => op is UnionSpec);
    }

    [Fact]
    public void A_where_pushed_into_the_rows_is_kept_as_a_column_a_calc_after_the_expand_filters_by()
    {
        var job = Fixture().Run<QueryPlan>("SELECT a, b FROM (VALUES (1, ARRAY[1]), (2, ARRAY[2, 3])) AS t(a, b) WHERE RAND() > 0.5").Job;
        var vertex = Assert.Single(job.Vertices, v => v.Chain.Any(op => op is ExpandSpec));
        int at = vertex.Chain.ToList().FindIndex(op => op is ExpandSpec);
        var expand = (ExpandSpec)vertex.Chain[at];
        Assert.Equal("$keep", expand.OutputSchema[^1].Name);
        Assert.All(expand.Projects, p => Assert.Equal(">", Assert.IsType<Call>(p[^1]).Function));
        var filter = Assert.IsType<CalcSpec>(vertex.Chain[at + 1]);
        Assert.Equal(new InputRef(2, expand.OutputSchema[2].Type), filter.Condition);
        Assert.Equal(2, filter.OutputSchema.Count);
    }
}
