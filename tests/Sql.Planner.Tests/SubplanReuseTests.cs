using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Views, CTEs and statement sets that read one table read it once: the physical plan is a DAG.</summary>
public sealed class SubplanReuseTests
{
    private static PlannerFixture Fixture(string parallelism = "1")
    {
        var f = new PlannerFixture();
        f.Run(PlannerFixture.Bids);
        f.Run("CREATE TABLE out2 (auction BIGINT, price BIGINT) WITH ('connector' = 'blackhole')");
        f.Run("CREATE TABLE out3 (bidder BIGINT) WITH ('connector' = 'blackhole')");
        f.Configuration = Configuration.Empty.With("parallelism.default", parallelism);
        return f;
    }

    [Fact]
    public void A_statement_set_over_one_datagen_table_has_one_source_vertex_feeding_both_sinks()
    {
        var job = Fixture().Run<InsertPlan>("""
            EXECUTE STATEMENT SET BEGIN
              INSERT INTO out_table SELECT auction, price FROM bids WHERE price > 10;
              INSERT INTO out3 SELECT bidder FROM bids;
            END
            """).Job;
        var source = Assert.Single(job.Vertices, v => v.Head is SourceSpec);
        var spec = (SourceSpec)source.Head;
        Assert.Equal(new[] { 0, 1, 2, 5 }, spec.ProjectedColumns);   // auction, bidder, price and ts, read once for both
        Assert.Equal(2, job.Vertices.SelectMany(v => v.Chain).OfType<SinkSpec>().Count());
        // The source and its watermarks are one chain; each INSERT's projection and sink follow in a vertex of its own.
        Assert.Equal("Source: bids -> WatermarkAssigner", source.Name);
        var outputs = job.OutputsOf(source.Id).ToList();
        Assert.Equal(2, outputs.Count);
        Assert.All(outputs, e => Assert.Equal(ExchangeKind.Forward, e.Kind));
        Assert.Equal(["Calc -> Sink: out_table", "Calc -> Sink: out3"], outputs.Select(e => job.Vertex(e.TargetVertex).Name));
    }

    [Fact]
    public void Explain_of_a_statement_set_marks_the_shared_sub_plan_with_reuse_ids()
    {
        var text = Fixture().Explain("""
            STATEMENT SET BEGIN
              INSERT INTO out_table SELECT auction, price FROM bids;
              INSERT INTO out2 SELECT auction, price FROM bids WHERE price > 10;
            END
            """);
        int physical = text.IndexOf("== Optimized Physical Plan ==", StringComparison.Ordinal);
        Assert.Equal("""
            == Optimized Physical Plan ==
            Sink(table=[default_catalog.default_database.out_table], fields=[auction, price])
            +- Calc(select=[auction, price])
               +- WatermarkAssigner(rowtime=[ts], watermark=[-(ts, 5000:INTERVAL MILLISECOND)])(reuse_id=[1])
                  +- TableSourceScan(table=[[default_catalog, default_database, bids, project=[auction, price, ts]]], fields=[auction, price, ts])

            Sink(table=[default_catalog.default_database.out2], fields=[auction, price])
            +- Calc(select=[auction, price], where=[>(price, 10)])
               +- Reused(reference_id=[1])
            """, text[physical..text.IndexOf("\n\n== Optimized Execution Plan", StringComparison.Ordinal)]);
    }

    [Fact]
    public void A_view_read_twice_in_a_union_is_computed_once()
    {
        var f = Fixture("2");
        f.Run("CREATE VIEW expensive AS SELECT auction, price FROM bids WHERE price > 100");
        var job = f.Run<InsertPlan>("INSERT INTO out_table SELECT * FROM expensive UNION ALL SELECT * FROM expensive").Job;
        Assert.Single(job.Vertices, v => v.Head is SourceSpec);
        var union = Assert.Single(job.Vertices, v => v.Head is UnionSpec);
        var inputs = job.InputsOf(union.Id).ToList();
        Assert.Equal(2, inputs.Count);
        Assert.Equal(inputs[0].SourceVertex, inputs[1].SourceVertex);
        Assert.Equal([0, 1], inputs.Select(e => e.TargetInput));
    }

    [Fact]
    public void Different_columns_of_one_table_in_a_cte_and_a_union_share_the_scan_and_its_watermarks()
    {
        var job = Fixture().Run<QueryPlan>("""
            WITH a AS (SELECT auction AS x FROM bids), b AS (SELECT bidder AS x FROM bids)
            SELECT x FROM a UNION ALL SELECT x FROM b
            """).Job;
        Assert.Single(job.Vertices.SelectMany(v => v.Chain).OfType<SourceSpec>());
        Assert.Single(job.Vertices.SelectMany(v => v.Chain).OfType<WatermarkAssignerSpec>());
    }

    [Fact]
    public void Tables_read_with_different_options_are_not_merged()
    {
        var job = Fixture().Run<InsertPlan>("""
            EXECUTE STATEMENT SET BEGIN
              INSERT INTO out3 SELECT bidder FROM bids;
              INSERT INTO out3 SELECT bidder FROM bids /*+ OPTIONS('number-of-rows' = '5') */;
            END
            """).Job;
        Assert.Equal(2, job.Vertices.SelectMany(v => v.Chain).OfType<SourceSpec>().Count());
    }
}
