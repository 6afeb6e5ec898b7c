using StreamSql.Sql.Planner.Config;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Plans of TPC-H's shapes: a join condition that is an OR of branches sharing terms (q19) finds its key and
/// filters in the shared terms, as Calcite's pullFactors does for Flink; batch ORDER BY over a scalar subquery's LEFT
/// join (q11) reads its final rows.</summary>
public sealed class HunthTpchPlanTests
{
    private readonly PlannerFixture _f = new();

    public HunthTpchPlanTests()
    {
        _f.Run("CREATE TABLE li (l_partkey INT, l_quantity INT, l_mode STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
        _f.Run("CREATE TABLE pa (p_partkey INT, p_brand STRING, p_size INT) WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
    }

    private string ExecutionPlan(string statement)
    {
        var text = _f.Explain(statement);
        return text[text.IndexOf("== Optimized Execution Plan ==", StringComparison.Ordinal)..];
    }

    [Theory]
    [InlineData("streaming")]
    [InlineData("batch")]
    public void An_or_of_branches_sharing_an_equality_joins_on_it_and_pushes_the_shared_filters(string mode)
    {
        _f.Configuration = Configuration.Empty.With("execution.runtime-mode", mode);
        var plan = ExecutionPlan("""
            SELECT l_quantity FROM li, pa
            WHERE (p_partkey = l_partkey AND p_brand = 'a' AND l_quantity < 10 AND l_mode = 'AIR')
               OR (p_partkey = l_partkey AND p_brand = 'b' AND l_quantity > 20 AND l_mode = 'AIR')
            """);
        Assert.Contains("Exchange(distribution=[hash[l_partkey]])", plan);
        Assert.Contains("Exchange(distribution=[hash[p_partkey]])", plan);
        Assert.Contains("where=[((l_partkey = p_partkey) AND (((p_brand = 'a') AND (l_quantity < 10)) OR ((p_brand = 'b') AND (l_quantity > 20))))]", plan);
        Assert.Contains("Calc(select=[l_partkey, l_quantity], where=[(l_mode = 'AIR')])", plan);
    }

    [Fact]
    public void An_or_with_a_branch_of_shared_terms_only_is_those_terms()
    {
        var plan = ExecutionPlan("SELECT l_quantity FROM li, pa WHERE (p_partkey = l_partkey) OR (p_partkey = l_partkey AND p_brand = 'b')");
        Assert.Contains("where=[(l_partkey = p_partkey)]", plan);
        Assert.DoesNotContain("'b'", plan);
    }

    [Fact]
    public void Branches_without_a_shared_term_stay_one_condition()
    {
        var plan = ExecutionPlan("SELECT l_quantity FROM li, pa WHERE (p_partkey = l_partkey AND p_brand = 'a') OR (p_size = l_quantity AND p_brand = 'b')");
        Assert.Contains("Exchange(distribution=[single])", plan);
    }

    [Fact]
    public void A_batch_order_by_over_a_scalar_subquery_reads_final_rows()
    {
        _f.Configuration = Configuration.Empty.With("execution.runtime-mode", "batch");
        var plan = ExecutionPlan("""
            SELECT l_partkey, SUM(l_quantity) AS q FROM li GROUP BY l_partkey
            HAVING SUM(l_quantity) > (SELECT SUM(l_quantity) * 0.1 FROM li) ORDER BY q DESC
            """);
        Assert.Contains("Sort(orderBy=[q DESC])", plan);
    }

    [Fact]
    public void An_updating_union_branch_on_one_subtask_is_shuffled_by_its_columns_not_dealt_round_robin()
    {
        _f.Configuration = Configuration.Empty.With("parallelism.default", "2");
        var plan = ExecutionPlan("SELECT 'all' AS k, COUNT(*) AS n FROM li UNION ALL SELECT l_mode, COUNT(*) FROM li GROUP BY l_mode");
        Assert.Contains("""
            Union(all=[true], union=[k, n])
            :- Exchange(distribution=[hash[k, n]])
            :  +- Calc(select=['all' AS k, n])
            """.ReplaceLineEndings("\n"), plan);
    }

    [Fact]
    public void Drop_view_of_a_temporary_view_is_refused_with_flinks_message()
    {
        _f.Run("CREATE TEMPORARY VIEW revenue0 AS SELECT l_partkey FROM li");
        Assert.Equal(
            "Temporary view with identifier '`default_catalog`.`default_database`.`revenue0`' exists. Drop it first before removing the permanent view.",
            _f.Error("DROP VIEW revenue0").Problem);
        _f.Run("DROP TEMPORARY VIEW revenue0");
    }
}
