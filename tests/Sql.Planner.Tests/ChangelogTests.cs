using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Changelog inference (Flink's ModifyKindSet and UpdateKind), sinks' accepted changelogs, and the exchanges of aggregations.</summary>
public sealed class ChangelogTests
{
    private readonly PlannerFixture _f = new();

    public ChangelogTests()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Run("""
            CREATE TABLE files (auction BIGINT, n BIGINT) WITH ('connector' = 'filesystem', 'path' = '/tmp/out');
            CREATE TABLE counts (auction BIGINT, n BIGINT) WITH ('connector' = 'print');
            CREATE TABLE upserts (auction BIGINT, n BIGINT, PRIMARY KEY (auction) NOT ENFORCED) WITH ('connector' = 'jdbc');
            CREATE TABLE upserts_by_n (auction BIGINT, n BIGINT, PRIMARY KEY (n) NOT ENFORCED) WITH ('connector' = 'jdbc');
            CREATE TABLE appends (auction BIGINT, n BIGINT) WITH ('connector' = 'jdbc');
            """);
    }

    private string PhysicalPlan(string statement)
    {
        var text = _f.Explain("CHANGELOG_MODE " + statement);
        int start = text.IndexOf("== Optimized Physical Plan ==\n", StringComparison.Ordinal) + "== Optimized Physical Plan ==\n".Length;
        return text[start..text.IndexOf("\n\n== Optimized Execution Plan", StringComparison.Ordinal)];
    }

    private T Spec<T>(string statement) where T : OperatorSpec =>
        ((InsertPlan)_f.Run(statement)).Job.Vertices.SelectMany(v => v.Chain).OfType<T>().Single();

    [Fact]
    public void An_updating_query_into_an_append_only_sink_is_refused_with_flinks_message_at_the_insert()
    {
        var e = _f.Error("INSERT INTO counts SELECT 1, 2;\n  INSERT INTO files\n  SELECT auction, COUNT(*) FROM bids GROUP BY auction");
        Assert.Equal(
            "Table sink 'default_catalog.default_database.files' doesn't support consuming update changes which is produced by node "
            + "GroupAggregate(groupBy=[auction], select=[auction, COUNT(*) AS EXPR$1])", e.Problem);
        Assert.Equal((2, 3), (e.Span.Line, e.Span.Column));
        Assert.Equal("please declare primary key for sink table when query contains update/delete record.",
            _f.Error("INSERT INTO appends SELECT auction, COUNT(*) FROM bids GROUP BY auction").Problem);
    }

    [Fact]
    public void The_message_names_update_and_delete_when_both_reach_the_sink()
    {
        var e = _f.Error("INSERT INTO files SELECT n, COUNT(*) FROM (SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction) GROUP BY n");
        Assert.StartsWith("Table sink 'default_catalog.default_database.files' doesn't support consuming update and delete changes which is produced by node GroupAggregate(groupBy=[n], select=[n, COUNT_RETRACT(*) AS EXPR$1])", e.Problem);
    }

    [Fact]
    public void A_retracting_sink_gets_update_before_and_after()
    {
        Assert.Equal("""
            Sink(table=[default_catalog.default_database.counts], fields=[auction, EXPR$1], changelogMode=[NONE])
            +- GroupAggregate(groupBy=[auction], select=[auction, COUNT(*) AS EXPR$1], changelogMode=[I,UB,UA])
               +- Exchange(distribution=[hash[auction]], changelogMode=[I])
                  +- Calc(select=[auction], changelogMode=[I])
                     +- WatermarkAssigner(rowtime=[ts], watermark=[-(ts, 5000:INTERVAL MILLISECOND)], changelogMode=[I])
                        +- TableSourceScan(table=[[default_catalog, default_database, bids, project=[auction, ts]]], fields=[auction, ts], changelogMode=[I])
            """, PhysicalPlan("INSERT INTO counts SELECT auction, COUNT(*) FROM bids GROUP BY auction"));
        var sink = Spec<SinkSpec>("INSERT INTO counts SELECT auction, COUNT(*) FROM bids GROUP BY auction");
        Assert.Equal(ChangelogMode.All, sink.InputChangelog);
        Assert.True(Spec<GroupAggregateSpec>("INSERT INTO counts SELECT auction, COUNT(*) FROM bids GROUP BY auction").GenerateUpdateBefore);
    }

    [Fact]
    public void An_upsert_sink_keyed_by_the_group_key_gets_upserts_without_update_before()
    {
        const string insert = "INSERT INTO upserts SELECT auction, COUNT(*) FROM bids GROUP BY auction";
        Assert.Contains("GroupAggregate(groupBy=[auction], select=[auction, COUNT(*) AS EXPR$1], changelogMode=[I,UA])", PhysicalPlan(insert));
        Assert.Equal(ChangelogMode.Upsert, Spec<SinkSpec>(insert).InputChangelog);
        var aggregate = Spec<GroupAggregateSpec>(insert);
        Assert.False(aggregate.GenerateUpdateBefore);
        Assert.Equal(ChangelogMode.Upsert, aggregate.OutputChangelog);
    }

    [Fact]
    public void An_upsert_sink_keyed_otherwise_or_behind_a_filter_gets_update_before_too()
    {
        // Keyed otherwise, the -U/+U go into a SinkUpsertMaterializer (SinkUpsertMaterializerPlanTests), which writes upserts.
        Assert.True(Spec<GroupAggregateSpec>("INSERT INTO upserts_by_n SELECT auction, COUNT(*) FROM bids GROUP BY auction").GenerateUpdateBefore);
        // A filter over updates cannot drop a +U alone (FLINK-9528): the sink falls back to -U/+U.
        const string filtered = "INSERT INTO upserts SELECT auction, n FROM (SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction) WHERE n < 10";
        Assert.Contains("changelogMode=[I,UB,UA]", PhysicalPlan(filtered));
        Assert.Equal(ChangelogMode.All, Spec<SinkSpec>(filtered).InputChangelog);
    }

    [Fact]
    public void An_aggregation_over_an_updating_input_retracts_and_deletes()
    {
        var plan = PhysicalPlan("INSERT INTO counts SELECT n, COUNT(*) FROM (SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction) GROUP BY n");
        Assert.Contains("GroupAggregate(groupBy=[n], select=[n, COUNT_RETRACT(*) AS EXPR$1], changelogMode=[I,UB,UA,D])", plan);
        Assert.Contains("Exchange(distribution=[hash[n]], changelogMode=[I,UB,UA])", plan);
        var outer = ((InsertPlan)_f.Run("INSERT INTO counts SELECT n, COUNT(*) FROM (SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction) GROUP BY n"))
            .Job.Vertices.SelectMany(v => v.Chain).OfType<GroupAggregateSpec>().Last();
        Assert.True(outer.NeedRetraction);
        Assert.Equal(ChangelogMode.All, outer.InputChangelog);
    }

    [Fact]
    public void Aggregations_hash_their_input_by_the_group_keys_and_the_edge_carries_them()
    {
        _f.Configuration = Configuration.Empty.With("parallelism.default", "2");
        var job = _f.Run<InsertPlan>("INSERT INTO counts SELECT bidder, COUNT(*) FROM bids GROUP BY bidder").Job;
        var aggregate = job.Vertices.Single(v => v.Head is GroupAggregateSpec);
        var edge = job.InputsOf(aggregate.Id).Single();
        Assert.Equal(ExchangeKind.Hash, edge.Kind);
        var sender = job.Vertex(edge.SourceVertex);
        Assert.Equal("bidder", sender.Tail.OutputSchema[Assert.Single(edge.HashKeys)].Name);
    }

    [Fact]
    public void An_input_already_distributed_by_the_keys_needs_no_second_exchange()
    {
        var plan = PhysicalPlan("INSERT INTO counts SELECT auction, MAX(n) FROM (SELECT auction, bidder, COUNT(*) AS n FROM bids GROUP BY auction, bidder) GROUP BY auction, bidder");
        Assert.Equal(1, plan.Split("Exchange(").Length - 1);
    }

    [Fact]
    public void An_updating_stream_is_shuffled_by_the_primary_key_into_a_sink_of_another_parallelism()
    {
        _f.Run("CREATE TABLE narrow (auction BIGINT, n BIGINT, PRIMARY KEY (auction) NOT ENFORCED) WITH ('connector' = 'jdbc', 'sink.parallelism' = '1')");
        _f.Configuration = Configuration.Empty.With("parallelism.default", "3");
        var job = _f.Run<InsertPlan>("INSERT INTO narrow SELECT auction, COUNT(*) FROM bids GROUP BY auction").Job;
        var sink = job.Vertices.Single(v => v.Head is SinkSpec);
        var edge = job.InputsOf(sink.Id).Single();
        Assert.Equal(ExchangeKind.Hash, edge.Kind);
        Assert.Equal([0], edge.HashKeys);
        // An insert-only stream is rebalanced as before.
        var plain = _f.Run<InsertPlan>("INSERT INTO narrow SELECT auction, price FROM bids").Job;
        Assert.Equal(ExchangeKind.Rebalance, plain.InputsOf(plain.Vertices.Single(v => v.Head is SinkSpec).Id).Single().Kind);
    }

    [Fact]
    public void A_query_reports_its_changelog_to_the_client()
    {
        Assert.Equal(ChangelogMode.All, _f.Run<QueryPlan>("SELECT auction, COUNT(*) FROM bids GROUP BY auction").Changelog);
        Assert.Equal(ChangelogMode.InsertOnly, _f.Run<QueryPlan>("SELECT auction FROM bids").Changelog);
    }

    [Fact]
    public void Mini_batch_with_two_phase_strategy_splits_the_aggregation_into_local_and_global()
    {
        _f.Configuration = Configuration.Empty
            .With("table.exec.mini-batch.enabled", "true").With("table.exec.mini-batch.allow-latency", "2 s").With("table.exec.mini-batch.size", "500");
        var job = _f.Run<InsertPlan>("INSERT INTO counts SELECT auction, SUM(price) FROM bids GROUP BY auction").Job;
        var specs = job.Vertices.SelectMany(v => v.Chain).ToList();
        var local = specs.OfType<GroupAggregateSpec>().Single(s => s.Phase == AggregatePhase.Local);
        var global = specs.OfType<GroupAggregateSpec>().Single(s => s.Phase == AggregatePhase.Global);
        Assert.Equal(["auction", "sum$0"], local.OutputSchema.Fields.Select(f => f.Name));
        Assert.Equal(local.Accumulators, global.Accumulators);
        Assert.Equal(AccumulatorRole.Sum, Assert.Single(global.Accumulators.Fields).Role);
        Assert.Equal([0], global.GroupKeys);
        Assert.Equal(new MiniBatch(TimeSpan.FromSeconds(2), 500), local.MiniBatch);
        // The Global phase takes each Local flush as it comes (both end at one boundary in Flink): no latency of its own.
        Assert.Equal(new MiniBatch(TimeSpan.Zero, 500), global.MiniBatch);
        Assert.Single(specs.OfType<MiniBatchAssignerSpec>());
        Assert.Equal(ChangelogMode.InsertOnly, local.OutputChangelog);
        Assert.Equal(ChangelogMode.All, global.OutputChangelog);
        // ONE_PHASE keeps one aggregation with mini-batches; FIRST_VALUE cannot be split.
        _f.Configuration = _f.Configuration.With("table.optimizer.agg-phase-strategy", "ONE_PHASE");
        Assert.Equal(AggregatePhase.Single, Spec<GroupAggregateSpec>("INSERT INTO counts SELECT auction, SUM(price) FROM bids GROUP BY auction").Phase);
        _f.Configuration = _f.Configuration.With("table.optimizer.agg-phase-strategy", "TWO_PHASE");
        Assert.Equal(AggregatePhase.Single, Spec<GroupAggregateSpec>("INSERT INTO counts SELECT auction, FIRST_VALUE(price) FROM bids GROUP BY auction").Phase);
    }

    [Fact]
    public void Two_phase_splits_the_functions_flink_merges_and_keeps_first_value_and_distinct_in_one_phase()
    {
        _f.Configuration = Configuration.Empty
            .With("table.exec.mini-batch.enabled", "true").With("table.exec.mini-batch.allow-latency", "1 s").With("table.exec.mini-batch.size", "100");
        // Flink merges the variance family (WELFORD_M2) and LISTAGG (a declarative function).
        const string Query = "SELECT auction, VAR_POP(price), STDDEV_SAMP(price), LISTAGG(channel, ';') FROM bids GROUP BY auction";
        var specs = _f.Run<QueryPlan>(Query).Job.Vertices.SelectMany(v => v.Chain).OfType<GroupAggregateSpec>().ToList();
        var local = specs.Single(s => s.Phase == AggregatePhase.Local);
        var global = specs.Single(s => s.Phase == AggregatePhase.Global);
        Assert.Equal(["auction", "n$0", "mean$1", "m2$2", "n$3", "mean$4", "m2$5", "concatAcc$6"], local.OutputSchema.Fields.Select(f => f.Name));
        Assert.Equal([AccumulatorRole.Count, AccumulatorRole.Mean, AccumulatorRole.M2], global.Accumulators.Of(0).Select(f => f.Role));
        Assert.Equal(AccumulatorRole.Concat, Assert.Single(global.Accumulators.Of(2)).Role);
        var explain = _f.Explain(Query);
        Assert.Matches(@"LocalGroupAggregate\(groupBy=\[auction\], select=\[auction, VAR_POP\(price\) AS \(n\$0, mean\$1, m2\$2\), "
            + @"STDDEV_SAMP\(price\) AS \(n\$3, mean\$4, m2\$5\), LISTAGG\(channel, \$f\d\) AS concatAcc\$6\]\)", explain);
        Assert.Contains("GlobalGroupAggregate(groupBy=[auction], select=[auction, VAR_POP((n$0, mean$1, m2$2)) AS EXPR$1, "
            + "STDDEV_SAMP((n$3, mean$4, m2$5)) AS EXPR$2, LISTAGG(concatAcc$6) AS EXPR$3])", explain);
        // ARRAY_AGG merges by appending the partial arrays.
        Assert.Contains("LocalGroupAggregate(groupBy=[auction], select=[auction, ARRAY_AGG(price) AS list$0])",
            _f.Explain("SELECT auction, ARRAY_AGG(price) FROM bids GROUP BY auction"));
        // FIRST_VALUE and LAST_VALUE have no merge in Flink; DISTINCT is not split here (docs/sql.md).
        foreach (var call in new[] { "FIRST_VALUE(price)", "LAST_VALUE(price)", "COUNT(DISTINCT price)" })
        {
            var phases = _f.Run<QueryPlan>($"SELECT auction, {call}, VAR_POP(price) FROM bids GROUP BY auction").Job.Vertices
                .SelectMany(v => v.Chain).OfType<GroupAggregateSpec>().Select(s => s.Phase);
            Assert.Equal([AggregatePhase.Single], phases);
        }
        // Over retractions the variance family and LISTAGG stay in one phase.
        var retracting = _f.Run<QueryPlan>("SELECT n, VAR_POP(n), LISTAGG(CAST(n AS STRING)) FROM (SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction) GROUP BY n")
            .Job.Vertices.SelectMany(v => v.Chain).OfType<GroupAggregateSpec>().Single(s => s.NeedRetraction);
        Assert.Equal(AggregatePhase.Single, retracting.Phase);
    }

    [Fact]
    public void Split_distinct_aggregation_groups_by_a_bucket_first_and_merges_the_buckets_as_flink_plans_it()
    {
        _f.Configuration = Configuration.Empty.With("table.optimizer.distinct-agg.split.enabled", "true");
        const string Query = "SELECT auction, COUNT(DISTINCT bidder), SUM(price), MAX(price) FROM bids GROUP BY auction";
        Assert.Equal("""
            GroupAggregate(groupBy=[auction], partialFinalType=[FINAL], select=[auction, $SUM0_RETRACT($f3_0) AS EXPR$1, SUM_RETRACT($f3_1) AS EXPR$2, MAX_RETRACT($f3_2) AS EXPR$3], changelogMode=[I,UB,UA,D])
            +- Exchange(distribution=[hash[auction]], changelogMode=[I,UB,UA])
               +- GroupAggregate(groupBy=[auction, $f3], partialFinalType=[PARTIAL], select=[auction, $f3, COUNT(DISTINCT bidder) AS $f3_0, SUM(price) AS $f3_1, MAX(price) AS $f3_2], changelogMode=[I,UB,UA])
                  +- Exchange(distribution=[hash[auction, $f3]], changelogMode=[I])
                     +- Calc(select=[auction, bidder, price, MOD(HASH_CODE(CAST(bidder AS STRING)), 1024) AS $f3], changelogMode=[I])
            """, string.Join("\n", PhysicalPlan(Query).Split('\n').Take(5)));
        // The bucket count; one aggregation again when it is off, or for calls the split does not take.
        _f.Configuration = _f.Configuration.With("table.optimizer.distinct-agg.split.bucket-num", "16");
        Assert.Contains("MOD(HASH_CODE(CAST(bidder AS STRING)), 16) AS $f3", _f.Explain(Query));
        Assert.DoesNotContain("partialFinalType", _f.Explain("SELECT auction, COUNT(DISTINCT bidder), AVG(price) FROM bids GROUP BY auction"));
        Assert.DoesNotContain("partialFinalType", _f.Explain("SELECT auction, COUNT(DISTINCT bidder), COUNT(DISTINCT price) FROM bids GROUP BY auction"));
        _f.Configuration = _f.Configuration.With("table.optimizer.distinct-agg.split.bucket-num", "0");
        var zero = _f.Error("SELECT auction, COUNT(DISTINCT bidder) FROM bids\nGROUP BY auction");
        Assert.Equal("'table.optimizer.distinct-agg.split.bucket-num' must be greater than 0 when 'table.optimizer.distinct-agg.split.enabled' is true", zero.Problem);
        Assert.Equal(2, zero.Span.Line);
        _f.Configuration = Configuration.Empty;
        Assert.DoesNotContain("partialFinalType", _f.Explain(Query));
    }

    [Fact]
    public void Two_phase_plans_a_filtered_call_before_another_call()
    {
        // The filter column comes after the other call's argument in the Local phase's input, past the end of the
        // accumulator row the Global phase reads: the Global phase must not look its calls' columns up in that row.
        _f.Configuration = Configuration.Empty.With("table.optimizer.agg-phase-strategy", "TWO_PHASE")
            .With("table.exec.mini-batch.enabled", "true").With("table.exec.mini-batch.allow-latency", "1 s").With("table.exec.mini-batch.size", "100");
        const string Query = "SELECT auction, MAX(price) FILTER (WHERE price > 1), SUM(bidder) FROM bids GROUP BY auction";
        var specs = _f.Run<QueryPlan>(Query).Job.Vertices.SelectMany(v => v.Chain).OfType<GroupAggregateSpec>().ToList();
        var local = specs.Single(s => s.Phase == AggregatePhase.Local);
        var global = specs.Single(s => s.Phase == AggregatePhase.Global);
        Assert.Equal(["auction", "max$0", "sum$1"], local.OutputSchema.Fields.Select(f => f.Name));
        Assert.Equal([0, 1], global.Accumulators.Fields.Select(f => f.CallIndex));
        Assert.True(local.Calls[0].FilterArg >= 0);
        Assert.Equal(-1, local.Calls[1].FilterArg);
        var explain = _f.Explain(Query);
        Assert.Contains("LocalGroupAggregate(groupBy=[auction], select=[auction, MAX(price) FILTER $f2 AS max$0, SUM(bidder) AS sum$1])", explain);
        Assert.Contains("GlobalGroupAggregate(groupBy=[auction], select=[auction, MAX(max$0) AS EXPR$1, SUM(sum$1) AS EXPR$2])", explain);
    }

    [Fact]
    public void Two_phase_over_retractions_carries_the_row_count_and_refuses_min_and_max()
    {
        _f.Configuration = Configuration.Empty
            .With("table.exec.mini-batch.enabled", "true").With("table.exec.mini-batch.allow-latency", "1 s").With("table.exec.mini-batch.size", "100");
        var job = _f.Run<InsertPlan>("INSERT INTO counts SELECT n, SUM(n) FROM (SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction) GROUP BY n").Job;
        var global = job.Vertices.SelectMany(v => v.Chain).OfType<GroupAggregateSpec>().Single(s => s.Phase == AggregatePhase.Global && s.NeedRetraction);
        Assert.Equal(["sum$0", "count$1", "count1$2"], global.Accumulators.Fields.Select(f => f.Name));
        Assert.Equal(-1, global.Accumulators.Fields[2].CallIndex);
        var withMax = _f.Run<InsertPlan>("INSERT INTO counts SELECT n, MAX(n) FROM (SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction) GROUP BY n").Job;
        Assert.Equal(AggregatePhase.Single, withMax.Vertices.SelectMany(v => v.Chain).OfType<GroupAggregateSpec>().Single(s => s.NeedRetraction).Phase);
    }

    [Fact]
    public void Mini_batch_needs_a_latency_and_a_size()
    {
        _f.Configuration = Configuration.Empty.With("table.exec.mini-batch.enabled", "true").With("table.exec.mini-batch.size", "100");
        Assert.Equal("'table.exec.mini-batch.allow-latency' must be greater than 0 when 'table.exec.mini-batch.enabled' is true",
            _f.Error("INSERT INTO counts SELECT auction, COUNT(*) FROM bids GROUP BY auction").Problem);
    }

    [Fact]
    public void State_ttl_reaches_the_aggregation()
    {
        _f.Configuration = Configuration.Empty.With("table.exec.state.ttl", "1 h");
        Assert.Equal(TimeSpan.FromHours(1), Spec<GroupAggregateSpec>("INSERT INTO counts SELECT auction, COUNT(*) FROM bids GROUP BY auction").StateTtl);
    }
}
