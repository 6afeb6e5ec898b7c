using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Sql.Planner.Tests;

public sealed class PlanTests
{
    private static PlannerFixture Fixture(ArithmeticEvaluator? evaluator = null)
    {
        var f = new PlannerFixture(evaluator);
        f.Run(PlannerFixture.Bids);
        return f;
    }

    private static string PhysicalSection(string explain)
    {
        int start = explain.IndexOf("== Optimized Physical Plan ==", StringComparison.Ordinal);
        int end = explain.IndexOf("== Optimized Execution Plan ==", StringComparison.Ordinal);
        return explain[start..end].Trim();
    }

    [Fact]
    public void Projection_pushdown_narrows_the_scan()
    {
        var f = Fixture();
        var plan = f.Run<QueryPlan>("SELECT auction, price FROM bids WHERE price > 100");
        var source = plan.Job.Vertices.SelectMany(v => v.Chain).OfType<SourceSpec>().Single();
        Assert.Equal(new[] { 0, 2, 5 }, source.ProjectedColumns);   // ts stays: the watermark reads it
        var explain = PhysicalSection(f.Explain("SELECT id FROM orders WHERE amount > 1"));
        Assert.Equal("""
            == Optimized Physical Plan ==
            Calc(select=[id], where=[>(amount, 1)])
            +- TableSourceScan(table=[[default_catalog, default_database, orders, project=[id, amount]]], fields=[id, amount])
            """, explain);
    }

    [Fact]
    public void Comparisons_between_and_in_lists_of_literals_are_handed_to_a_scan_that_accepts_filters()
    {
        var f = Fixture();
        f.Run("CREATE TABLE files (id BIGINT, name STRING, dt DATE) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'parquet')");
        var plan = f.Run<QueryPlan>("SELECT id FROM files WHERE name IN ('a', 'b', NULL) AND id BETWEEN 1 AND 5 AND id IN (1, id + 1) "
            + "AND dt > DATE '2026-12-01' AND NOT name IN ('c')");
        var source = plan.Job.Vertices.SelectMany(v => v.Chain).OfType<SourceSpec>().Single();
        var filters = source.Filters.Select(p => $"{p.PhysicalColumn} {p.Op} {string.Join(",", p.Values.Select(v => v.Value))}").Order().ToList();
        Assert.Equal(new[] { "0 <= 5", "0 >= 1", "1 IN a,b", "2 > 20788" }, filters);
    }

    [Fact]
    public void Filters_are_pushed_through_projections_but_not_past_the_watermark_assigner()
    {
        var f = Fixture();
        var explain = PhysicalSection(f.Explain("SELECT p FROM (SELECT price * 2 AS p, auction FROM bids) WHERE p > 10"));
        Assert.Equal("""
            == Optimized Physical Plan ==
            Calc(select=[*(price, 2) AS p], where=[>(*(price, 2), 10)])
            +- WatermarkAssigner(rowtime=[ts], watermark=[-(ts, 5000:INTERVAL MILLISECOND)])
               +- TableSourceScan(table=[[default_catalog, default_database, bids, project=[price, ts]]], fields=[price, ts])
            """, explain);
    }

    [Fact]
    public void Filters_go_into_each_union_branch_and_equal_branches_are_one_sub_plan()
    {
        var f = Fixture();
        var explain = PhysicalSection(f.Explain("SELECT * FROM (SELECT id, name FROM orders UNION ALL SELECT id, name FROM orders) WHERE id = 1"));
        Assert.Equal("""
            == Optimized Physical Plan ==
            Union(all=[true], union=[id, name])
            :- Calc(select=[id, name], where=[=(id, 1)])(reuse_id=[1])
            :  +- TableSourceScan(table=[[default_catalog, default_database, orders, project=[id, name]]], fields=[id, name])
            +- Reused(reference_id=[1])
            """, explain);
    }

    [Fact]
    public void Constants_are_folded_through_the_evaluator_and_booleans_simplified()
    {
        var evaluator = new ArithmeticEvaluator();
        var f = Fixture(evaluator);
        var explain = PhysicalSection(f.Explain("SELECT id + (2 * 3) AS x FROM orders WHERE id > 1 + 1 AND TRUE"));
        Assert.Contains("Calc(select=[+(id, 6) AS x], where=[>(id, 2)])", explain);
        Assert.True(evaluator.Calls >= 2);
        var unfolded = PhysicalSection(Fixture().Explain("SELECT id FROM orders WHERE id > 1 + 1"));
        Assert.Contains("where=[>(id, +(1, 1))]", unfolded);
    }

    [Fact]
    public void Insert_chains_source_calc_and_sink_in_one_vertex()
    {
        var f = Fixture();
        var plan = f.Run<InsertPlan>("INSERT INTO out_table SELECT auction, price FROM bids WHERE price > 3");
        var vertex = Assert.Single(plan.Job.Vertices);
        Assert.Equal("Source: bids -> WatermarkAssigner -> Calc -> Sink: out_table", vertex.Name);
        Assert.Equal("insert-into_default_catalog.default_database.out_table", plan.Job.Name);
        Assert.Empty(plan.Job.Edges);
        Assert.All(vertex.Chain, op => Assert.Matches("^[0-9a-f]{32}$", op.StableId));
        Assert.Equal(vertex.Chain.Count, vertex.Chain.Select(op => op.StableId).Distinct().Count());
    }

    [Fact]
    public void Stable_ids_are_deterministic_across_planners()
    {
        string Ids() => string.Join(",", Fixture().Run<InsertPlan>("INSERT INTO out_table SELECT auction, price FROM bids")
            .Job.Vertices.SelectMany(v => v.Chain).Select(op => op.StableId));
        Assert.Equal(Ids(), Ids());
    }

    [Fact]
    public void Stable_ids_do_not_depend_on_parallelism_or_chaining()
    {
        string Ids(string parallelism)
        {
            var f = Fixture();
            f.Configuration = Configuration.Empty.With("parallelism.default", parallelism);
            var job = f.Run<InsertPlan>("INSERT INTO out_table SELECT * FROM (VALUES (1, 2)) WHERE EXPR$0 > 0").Job;
            return string.Join(",", job.Vertices.SelectMany(v => v.Chain).Select(op => op.StableId));
        }
        Assert.Equal(Ids("1"), Ids("3"));
    }

    [Fact]
    public void Select_ends_in_a_single_parallelism_collect_sink()
    {
        var f = Fixture();
        f.Configuration = Configuration.Empty.With("parallelism.default", "3");
        var plan = f.Run<QueryPlan>("SELECT auction FROM bids");
        Assert.Equal(2, plan.Job.Vertices.Count);
        Assert.Equal(3, plan.Job.Vertices[0].Parallelism);
        Assert.Equal(1, plan.Job.Vertices[1].Parallelism);
        Assert.IsType<CollectSinkSpec>(plan.Job.Vertices[1].Head);
        var edge = Assert.Single(plan.Job.Edges);
        Assert.Equal(ExchangeKind.Single, edge.Kind);
        Assert.Equal("collect", plan.Job.Name);
    }

    /// <summary>A Calc runs at its input's parallelism (Flink's CommonExecCalc): HAVING over a global aggregation stays in
    /// its one subtask; a rebalance there would spread one key's -U and +U over two subtasks and reorder them.</summary>
    [Fact]
    public void A_calc_over_a_global_aggregation_is_chained_into_its_single_subtask()
    {
        var f = Fixture();
        f.Configuration = Configuration.Empty.With("parallelism.default", "2");
        var plan = f.Run<QueryPlan>("SELECT COUNT(*) AS c FROM bids HAVING COUNT(*) > 1");
        var aggregate = plan.Job.Vertices.Single(v => v.Chain.OfType<GroupAggregateSpec>().Any());
        Assert.Equal(1, aggregate.Parallelism);
        Assert.IsType<CalcSpec>(aggregate.Chain[^1]);
        Assert.DoesNotContain(plan.Job.Edges, e => e.Kind == ExchangeKind.Rebalance);
    }

    [Fact]
    public void Values_run_at_parallelism_one_and_rebalance_into_wider_operators()
    {
        var f = Fixture();
        f.Configuration = Configuration.Empty.With("parallelism.default", "2");
        f.Run("CREATE TABLE wide_out (auction BIGINT, price BIGINT) WITH ('connector' = 'print', 'sink.parallelism' = '2')");
        var plan = f.Run<InsertPlan>("INSERT INTO wide_out VALUES (1, 2), (3, 4)");
        var values = plan.Job.Vertices.First(v => v.Head is ValuesSpec);
        Assert.Equal(1, values.Parallelism);
        Assert.Equal(2, ((ValuesSpec)values.Head).Rows.Count);
        Assert.Contains(plan.Job.Edges, e => e.SourceVertex == values.Id && e.Kind == ExchangeKind.Rebalance);
    }

    /// <summary>Flink's CommonExecSink: a sink without <c>sink.parallelism</c> runs at its input's parallelism, so the
    /// rows of VALUES or of a global aggregation are written by one subtask (chained, no exchange).</summary>
    [Fact]
    public void A_sink_without_sink_parallelism_runs_at_its_inputs_parallelism()
    {
        var f = Fixture();
        f.Configuration = Configuration.Empty.With("parallelism.default", "2");
        var values = f.Run<InsertPlan>("INSERT INTO out_table VALUES (1, 2), (3, 4)").Job;
        Assert.Equal(1, values.Vertices.Single(v => v.Chain.Any(op => op is SinkSpec)).Parallelism);
        Assert.Empty(values.Edges);
        f.Run("CREATE TABLE total (n BIGINT) WITH ('connector' = 'print')");
        var global = f.Run<InsertPlan>("INSERT INTO total SELECT COUNT(*) FROM bids").Job;
        Assert.Equal(1, global.Vertices.Single(v => v.Chain.Any(op => op is SinkSpec)).Parallelism);
    }

    [Fact]
    public void Sink_and_scan_parallelism_options_override_the_default_parallelism()
    {
        var f = Fixture();
        f.Configuration = Configuration.Empty.With("parallelism.default", "2");
        f.Run("CREATE TABLE narrow_out (auction BIGINT) WITH ('connector' = 'print', 'sink.parallelism' = '1')");
        f.Run("CREATE TABLE wide_gen (auction BIGINT) WITH ('connector' = 'datagen', 'scan.parallelism' = '3')");
        var job = f.Run<InsertPlan>("INSERT INTO narrow_out SELECT auction FROM wide_gen").Job;
        var source = job.Vertices.Single(v => v.Head is SourceSpec);
        var sink = job.Vertices.Single(v => v.Chain.Any(op => op is SinkSpec));
        Assert.Equal(3, source.Parallelism);
        Assert.Equal(1, sink.Parallelism);
        Assert.Contains(job.Edges, e => e.SourceVertex == source.Id && e.Kind == ExchangeKind.Rebalance);
        var plain = f.Run<InsertPlan>("INSERT INTO out_table SELECT auction, price FROM bids").Job;
        Assert.All(plain.Vertices, v => Assert.Equal(2, v.Parallelism));
    }

    [Fact]
    public void A_watermark_assigner_runs_at_its_sources_parallelism_chained_to_it()
    {
        var f = Fixture();
        f.Configuration = Configuration.Empty.With("parallelism.default", "2");
        f.Run("CREATE TABLE timed_gen (auction BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + "WITH ('connector' = 'datagen', 'scan.parallelism' = '3')");
        f.Run("CREATE TABLE timed_out (auction BIGINT, ts TIMESTAMP(3)) WITH ('connector' = 'print')");
        var job = f.Run<InsertPlan>("INSERT INTO timed_out SELECT auction, ts FROM timed_gen").Job;

        // Watermarks are generated per source split inside the source subtask: no exchange may come between the two.
        var source = job.Vertices.Single(v => v.Head is SourceSpec);
        Assert.Equal(3, source.Parallelism);
        Assert.Contains(source.Chain, op => op is WatermarkAssignerSpec);
    }

    [Fact]
    public void Union_gets_its_own_vertex_with_one_forward_edge_per_branch()
    {
        var f = Fixture();
        var plan = f.Run<InsertPlan>("INSERT INTO out_table SELECT auction, price FROM bids UNION ALL SELECT bidder, price FROM bids");
        var union = plan.Job.Vertices.Single(v => v.Head is UnionSpec);
        var inputs = plan.Job.InputsOf(union.Id).ToList();
        Assert.Equal(2, inputs.Count);
        Assert.All(inputs, e => Assert.Equal(ExchangeKind.Forward, e.Kind));
        Assert.Equal(new[] { 0, 1 }, inputs.Select(e => e.TargetInput));
    }

    [Fact]
    public void Statement_sets_plan_one_job_with_combined_name_and_pipeline_name_wins()
    {
        var f = Fixture();
        f.Run("CREATE TABLE out2 (auction BIGINT, price BIGINT) WITH ('connector' = 'blackhole')");
        var plan = f.Run<InsertPlan>("""
            EXECUTE STATEMENT SET BEGIN
              INSERT INTO out_table SELECT auction, price FROM bids;
              INSERT INTO out2 SELECT auction, price FROM bids;
            END
            """);
        Assert.Equal("insert-into_default_catalog.default_database.out_table,default_catalog.default_database.out2", plan.Job.Name);
        Assert.Equal(2, plan.Job.Vertices.SelectMany(v => v.Chain).OfType<SinkSpec>().Count());
        f.Configuration = Configuration.Empty.With("pipeline.name", "my job");
        Assert.Equal("my job", f.Run<InsertPlan>("INSERT INTO out_table SELECT auction, price FROM bids").Job.Name);
    }

    [Fact]
    public void Computed_and_metadata_columns_expand_into_scan_and_projection()
    {
        var f = Fixture();
        f.Run("""
            CREATE TABLE k (id BIGINT, kts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', doubled AS id * 2)
            WITH ('connector' = 'kafka', 'topic' = 't')
            """);
        var plan = f.Run<QueryPlan>("SELECT doubled, kts FROM k");
        var source = plan.Job.Vertices.SelectMany(v => v.Chain).OfType<SourceSpec>().Single();
        Assert.Equal(new[] { "timestamp" }, source.MetadataColumns);
        Assert.Equal(new[] { 0 }, source.ProjectedColumns);
        Assert.Contains("metadata=[timestamp]", f.Explain("SELECT doubled, kts FROM k"));
    }
}
