using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary><c>'execution.runtime-mode' = 'batch'</c> in the planner: aggregations emit final rows (an insert-only plan an
/// append-only sink takes), no watermark assigners, no mini-batches; what batch mode refuses is refused where it is written.</summary>
public sealed class BatchModeTests
{
    private readonly PlannerFixture _f = new();

    public BatchModeTests()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Run("CREATE TABLE files (auction BIGINT, n BIGINT) WITH ('connector' = 'filesystem', 'path' = '/tmp/out')");
        _f.Configuration = Configuration.Empty.With("execution.runtime-mode", "batch");
    }

    private string PhysicalPlan(string statement)
    {
        var text = _f.Explain("CHANGELOG_MODE " + statement);
        int start = text.IndexOf("== Optimized Physical Plan ==\n", StringComparison.Ordinal) + "== Optimized Physical Plan ==\n".Length;
        return text[start..text.IndexOf("\n\n== Optimized Execution Plan", StringComparison.Ordinal)];
    }

    private IEnumerable<T> Specs<T>(string statement) where T : OperatorSpec =>
        ((InsertPlan)_f.Run(statement)).Job.Vertices.SelectMany(v => v.Chain).OfType<T>();

    /// <summary>Flink's batch rank rules (BatchPhysicalRankRule) take a constant range only: a Top-N bounded by a column
    /// finds no batch plan.</summary>
    [Fact]
    public void A_top_n_bounded_by_a_column_has_no_batch_plan()
    {
        var e = _f.Error("SELECT auction, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids) WHERE rn <= bidder");
        Assert.Equal("Not supported yet: a Top-N bounded by a column (rn <= column) in batch mode", e.Problem);
    }

    [Fact]
    public void A_group_by_is_insert_only_and_an_append_only_sink_takes_it()
    {
        const string insert = "INSERT INTO files SELECT auction, COUNT(*) FROM bids GROUP BY auction";
        Assert.Equal("""
            Sink(table=[default_catalog.default_database.files], fields=[auction, EXPR$1], changelogMode=[NONE])
            +- HashAggregate(isMerge=[false], groupBy=[auction], select=[auction, COUNT(*) AS EXPR$1], changelogMode=[I])
               +- Exchange(distribution=[hash[auction]], changelogMode=[I])
                  +- Calc(select=[auction], changelogMode=[I])
                     +- TableSourceScan(table=[[default_catalog, default_database, bids, project=[auction, ts]]], fields=[auction, ts], changelogMode=[I])
            """, PhysicalPlan(insert));
        var aggregate = Assert.Single(Specs<GroupAggregateSpec>(insert));
        Assert.True(aggregate.EmitFinalRowsOnly);
        Assert.Equal(ChangelogMode.InsertOnly, aggregate.OutputChangelog);
        Assert.Equal(ChangelogMode.InsertOnly, Assert.Single(Specs<SinkSpec>(insert)).InputChangelog);
    }

    [Fact]
    public void An_aggregation_over_an_aggregation_reads_inserts_and_needs_no_retraction()
    {
        const string insert = "INSERT INTO files SELECT n, COUNT(*) FROM (SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction) GROUP BY n";
        var plan = PhysicalPlan(insert);
        Assert.DoesNotContain("_RETRACT", plan);
        Assert.DoesNotContain("UB", plan);
        Assert.All(Specs<GroupAggregateSpec>(insert), a => Assert.False(a.NeedRetraction));
    }

    [Fact]
    public void Explain_names_aggregations_as_flinks_batch_plans_do()
    {
        // Fixed-length aggregate buffers: a hash aggregation; a string, a DECIMAL(38) sum or an object accumulator: a sort one.
        Assert.Contains("HashAggregate(isMerge=[false], groupBy=[auction], select=[auction, COUNT(*) AS EXPR$1, MAX(price) AS EXPR$2, AVG(price) AS EXPR$3])",
            _f.Explain("SELECT auction, COUNT(*), MAX(price), AVG(price) FROM bids GROUP BY auction"));
        foreach (var call in new[] { "MAX(channel)", "LISTAGG(channel)", "FIRST_VALUE(price)", "SUM(CAST(price AS DECIMAL(10, 2)))", "VAR_POP(price)" })
        {
            var plan = _f.Explain($"SELECT auction, COUNT(*), {call} FROM bids GROUP BY auction");
            Assert.Contains("SortAggregate(isMerge=[false], groupBy=[auction], select=[auction, COUNT(*) AS EXPR$1, ", plan);
            Assert.DoesNotContain("GroupAggregate", plan);
        }
        // A global aggregation, SELECT DISTINCT.
        Assert.Contains("HashAggregate(isMerge=[false], select=[COUNT(*) AS EXPR$0])", _f.Explain("SELECT COUNT(*) FROM bids"));
        Assert.Contains("HashAggregate(isMerge=[false], groupBy=[channel], select=[channel])", _f.Explain("SELECT DISTINCT channel FROM bids"));
        // Windows: Flink's batch window aggregations, the two phases as LocalHashWindowAggregate and HashWindowAggregate.
        var window = _f.Explain("SELECT auction, window_start, COUNT(*), MAX(channel) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY auction, window_start, window_end");
        Assert.Contains("SortWindowAggregate(groupBy=[auction], window=[TUMBLE(slice_end=[$slice_end], size=[1 min])], select=[auction, Final_COUNT(count1$0) AS EXPR$2, Final_MAX(max$1) AS EXPR$3", window);
        Assert.Contains("LocalSortWindowAggregate(groupBy=[auction], window=[TUMBLE(time_col=[ts], size=[1 min])], select=[auction, Partial_COUNT(*) AS count1$0, Partial_MAX(channel) AS max$1", window);
        var legacy = _f.Explain("SELECT auction, TUMBLE_START(ts, INTERVAL '1' MINUTE), SUM(price) FROM bids GROUP BY auction, TUMBLE(ts, INTERVAL '1' MINUTE)");
        Assert.Contains("HashWindowAggregate(groupBy=[auction], window=[TumblingGroupWindow('w$, ts, 60000)]", legacy);
        Assert.DoesNotContain("GroupWindowAggregate", legacy);
    }

    [Fact]
    public void Automatic_mode_runs_a_statement_over_bounded_tables_in_batch_mode_and_otherwise_in_streaming_mode()
    {
        _f.Configuration = Configuration.Empty.With("execution.runtime-mode", "automatic");
        // bids is bounded (datagen with number-of-rows): final rows, which the append-only filesystem sink takes.
        const string bounded = "INSERT INTO files SELECT auction, COUNT(*) FROM bids GROUP BY auction";
        Assert.Contains("HashAggregate(isMerge=[false], groupBy=[auction]", PhysicalPlan(bounded));
        var insert = (InsertPlan)_f.Run(bounded);
        Assert.True(Assert.Single(insert.Job.Vertices.SelectMany(v => v.Chain).OfType<GroupAggregateSpec>()).EmitFinalRowsOnly);
        Assert.Equal("batch", insert.Job.Configuration.Get(CoreOptions.RuntimeMode));
        // orders is unbounded: the same query is a streaming one, with its changelog.
        var unbounded = (QueryPlan)_f.Run("SELECT id, COUNT(*) FROM orders GROUP BY id");
        Assert.Equal("streaming", unbounded.Job.Configuration.Get(CoreOptions.RuntimeMode));
        Assert.Contains("GroupAggregate(groupBy=[id]", _f.Explain("SELECT id, COUNT(*) FROM orders GROUP BY id"));
        Assert.Contains("doesn't support consuming update changes",
            _f.Error("INSERT INTO files SELECT id, COUNT(*) FROM orders GROUP BY id").Problem);
        // A statement reading both is unbounded.
        Assert.Equal("streaming", ((QueryPlan)_f.Run("SELECT auction FROM bids UNION ALL SELECT id FROM orders")).Job.Configuration.Get(CoreOptions.RuntimeMode));
    }

    [Fact]
    public void Mini_batch_settings_do_not_apply()
    {
        _f.Configuration = _f.Configuration.With("table.exec.mini-batch.enabled", "true")
            .With("table.exec.mini-batch.allow-latency", "1 s").With("table.exec.mini-batch.size", "100");
        var plan = PhysicalPlan("INSERT INTO files SELECT auction, COUNT(*) FROM bids GROUP BY auction");
        Assert.DoesNotContain("MiniBatchAssigner", plan);
        Assert.DoesNotContain("LocalGroupAggregate", plan);
    }

    [Fact]
    public void Streaming_mode_keeps_its_changelog_and_refuses_the_append_only_sink()
    {
        _f.Configuration = Configuration.Empty;
        Assert.Contains("doesn't support consuming update changes", _f.Error("INSERT INTO files SELECT auction, COUNT(*) FROM bids GROUP BY auction").Problem);
    }

    [Fact]
    public void A_window_takes_a_timestamp_column_without_watermark_in_batch_mode_only()
    {
        _f.Run("CREATE TABLE plain (k BIGINT, ts TIMESTAMP(3)) WITH ('connector' = 'datagen', 'number-of-rows' = '5')");
        const string query = "SELECT k, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE plain, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY k, window_start, window_end";
        Assert.Contains("WindowAggregate(groupBy=[k]", _f.Explain(query));
        _f.Configuration = Configuration.Empty;
        var e = _f.Error(query);
        Assert.Contains("requires the timecol to be a time attribute type", e.Problem);
    }

    [Fact]
    public void A_window_over_a_column_that_is_no_timestamp_says_what_batch_mode_needs()
    {
        var e = _f.Error("SELECT COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(price), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end");
        Assert.Contains("in batch mode windows need a TIMESTAMP or TIMESTAMP_LTZ column", e.Problem);
        Assert.Equal((1, 58), (e.Span.Line, e.Span.Column));
    }

    [Fact]
    public void Session_windows_are_refused_with_flinks_batch_messages()
    {
        // A SESSION window table function, alone or aggregated (Flink's BatchExecWindowTableFunction).
        var tvf = _f.Error("SELECT auction, window_start, COUNT(*)\nFROM TABLE(SESSION(TABLE bids PARTITION BY auction, DESCRIPTOR(ts), INTERVAL '5' MINUTE))\nGROUP BY auction, window_start, window_end");
        Assert.Equal("Unaligned windows like session are not supported in batch mode yet.", tvf.Problem);
        Assert.Equal((2, 12), (tvf.Span.Line, tvf.Span.Column));
        Assert.Equal("Unaligned windows like session are not supported in batch mode yet.",
            _f.Error("SELECT * FROM TABLE(SESSION(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' MINUTE))").Problem);
        // A session group window (Flink's BatchPhysicalWindowAggregateRule).
        var legacy = _f.Error("SELECT auction, COUNT(*) FROM bids GROUP BY auction, SESSION(ts, INTERVAL '5' SECOND)");
        Assert.Equal("Window SessionGroupWindow('w$, ts, 5000) is not supported right now.", legacy.Problem);
        Assert.Equal((1, 54), (legacy.Span.Line, legacy.Span.Column));
        // Streaming mode takes both.
        _f.Configuration = Configuration.Empty;
        Assert.Contains("GroupWindowAggregate", _f.Explain("SELECT auction, COUNT(*) FROM bids GROUP BY auction, SESSION(ts, INTERVAL '5' SECOND)"));
    }

    [Fact]
    public void An_unbounded_table_is_refused_at_the_statement()
    {
        var e = _f.Error("SELECT 1;\nSELECT id FROM orders");
        Assert.Equal("Querying an unbounded table 'default_catalog.default_database.orders' in batch mode is not allowed. The table source is unbounded.", e.Problem);
        Assert.Equal((2, 1), (e.Span.Line, e.Span.Column));
    }
}
