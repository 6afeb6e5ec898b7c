using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Where the planner puts Flink's SinkUpsertMaterializer (<c>table.exec.sink.upsert-materialize</c>).</summary>
public sealed class SinkUpsertMaterializerPlanTests
{
    private readonly PlannerFixture _f = new();

    public SinkUpsertMaterializerPlanTests()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Run("""
            CREATE TABLE upserts (auction BIGINT, n BIGINT, PRIMARY KEY (auction) NOT ENFORCED) WITH ('connector' = 'jdbc');
            CREATE TABLE upserts_by_n (auction BIGINT, n BIGINT, PRIMARY KEY (n) NOT ENFORCED) WITH ('connector' = 'jdbc');
            CREATE TABLE printed (auction BIGINT, n BIGINT, PRIMARY KEY (n) NOT ENFORCED) WITH ('connector' = 'print');
            """);
    }

    private const string ByOtherKey = "INSERT INTO upserts_by_n SELECT auction, COUNT(*) FROM bids GROUP BY auction";
    private const string ByGroupKey = "INSERT INTO upserts SELECT auction, COUNT(*) FROM bids GROUP BY auction";

    private string PhysicalPlan(string statement)
    {
        var text = _f.Explain("CHANGELOG_MODE " + statement);
        int start = text.IndexOf("== Optimized Physical Plan ==\n", StringComparison.Ordinal) + "== Optimized Physical Plan ==\n".Length;
        return text[start..text.IndexOf("\n\n== Optimized Execution Plan", StringComparison.Ordinal)];
    }

    private IReadOnlyList<OperatorSpec> Chain(string statement) =>
        ((InsertPlan)_f.Run(statement)).Job.Vertices.SelectMany(v => v.Chain).ToList();

    [Fact]
    public void An_upsert_sink_keyed_otherwise_than_its_input_gets_a_materializer_hashed_by_its_key()
    {
        Assert.Equal("""
            Sink(table=[default_catalog.default_database.upserts_by_n], fields=[auction, EXPR$1], changelogMode=[NONE])
            +- SinkMaterializer(pk=[EXPR$1], changelogMode=[I,UA,D])
               +- Exchange(distribution=[hash[EXPR$1]], changelogMode=[I,UB,UA])
                  +- GroupAggregate(groupBy=[auction], select=[auction, COUNT(*) AS EXPR$1], changelogMode=[I,UB,UA])
                     +- Exchange(distribution=[hash[auction]], changelogMode=[I])
                        +- Calc(select=[auction], changelogMode=[I])
                           +- WatermarkAssigner(rowtime=[ts], watermark=[-(ts, 5000:INTERVAL MILLISECOND)], changelogMode=[I])
                              +- TableSourceScan(table=[[default_catalog, default_database, bids, project=[auction, ts]]], fields=[auction, ts], changelogMode=[I])
            """, PhysicalPlan(ByOtherKey));
        var chain = Chain(ByOtherKey);
        var materializer = chain.OfType<SinkMaterializerSpec>().Single();
        Assert.Equal([1], materializer.Keys);
        Assert.Equal(ChangelogMode.Upsert, chain.OfType<SinkSpec>().Single().InputChangelog);
        Assert.True(chain.OfType<GroupAggregateSpec>().Single().GenerateUpdateBefore);
    }

    [Fact]
    public void The_materializer_takes_the_state_ttl()
    {
        Assert.Equal(TimeSpan.Zero, Chain(ByOtherKey).OfType<SinkMaterializerSpec>().Single().StateTtl);
        _f.Configuration = Configuration.Empty.With("table.exec.state.ttl", "1 h");
        Assert.Equal(TimeSpan.FromHours(1), Chain(ByOtherKey).OfType<SinkMaterializerSpec>().Single().StateTtl);
    }

    [Fact]
    public void An_input_unique_by_the_sink_key_needs_none_unless_forced()
    {
        Assert.DoesNotContain("SinkMaterializer", PhysicalPlan(ByGroupKey));
        Assert.DoesNotContain("SinkMaterializer", PhysicalPlan("INSERT INTO upserts SELECT auction, price FROM bids"));
        _f.Configuration = Configuration.Empty.With("table.exec.sink.upsert-materialize", "FORCE");
        var plan = PhysicalPlan(ByGroupKey);
        Assert.Contains("SinkMaterializer(pk=[auction], changelogMode=[I,UA,D])", plan);
        // The materializer retracts the rows it holds, so the aggregate emits -U again.
        Assert.Contains("GroupAggregate(groupBy=[auction], select=[auction, COUNT(*) AS EXPR$1], changelogMode=[I,UB,UA])", plan);
    }

    [Fact]
    public void Batch_mode_has_none_even_when_forced()
    {
        _f.Run("CREATE TABLE finite (auction BIGINT, n BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
        const string insert = "INSERT INTO upserts SELECT auction, n FROM finite";
        _f.Configuration = Configuration.Empty.With("table.exec.sink.upsert-materialize", "FORCE");
        Assert.Contains("SinkMaterializer(pk=[auction]", PhysicalPlan(insert));
        _f.Configuration = _f.Configuration.With("execution.runtime-mode", "batch");
        Assert.DoesNotContain("SinkMaterializer", _f.Explain(insert));
    }

    [Fact]
    public void None_leaves_it_out_and_the_sink_takes_update_before_as_before()
    {
        _f.Configuration = Configuration.Empty.With("table.exec.sink.upsert-materialize", "NONE");
        Assert.DoesNotContain("SinkMaterializer", PhysicalPlan(ByOtherKey));
        Assert.Equal(ChangelogMode.All, Chain(ByOtherKey).OfType<SinkSpec>().Single().InputChangelog);
    }

    [Fact]
    public void A_retracting_sink_with_a_primary_key_applies_the_changes_itself_as_in_flink()
    {
        Assert.DoesNotContain("SinkMaterializer", PhysicalPlan("INSERT INTO printed SELECT auction, COUNT(*) FROM bids GROUP BY auction"));
    }

    [Fact]
    public void A_join_with_several_rows_per_sink_key_is_materialized_at_the_sinks_parallelism()
    {
        _f.Configuration = Configuration.Empty.With("parallelism.default", "2");
        const string join = "INSERT INTO upserts SELECT a.auction, b.n FROM (SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction) AS a JOIN (SELECT bidder, COUNT(*) AS n FROM bids GROUP BY bidder) AS b ON a.n = b.n";
        var plan = PhysicalPlan(join);
        Assert.Contains("SinkMaterializer(pk=[auction], changelogMode=[I,UA,D])\n   +- Exchange(distribution=[hash[auction]]", plan);
        var job = _f.Run<InsertPlan>(join).Job;
        var vertex = job.Vertices.Single(v => v.Chain.OfType<SinkMaterializerSpec>().Any());
        Assert.Equal(ExchangeKind.Hash, job.InputsOf(vertex.Id).Single().Kind);
    }
}
