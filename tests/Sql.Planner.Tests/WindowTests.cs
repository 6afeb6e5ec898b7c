using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Window table functions, window aggregation and the group window syntax: binding, errors and the window specs.</summary>
public sealed class WindowTests
{
    private readonly PlannerFixture _f = new();

    public WindowTests()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Run("""
            CREATE TABLE clicks (user_id BIGINT, url STRING, ts TIMESTAMP(3), pt AS PROCTIME()) WITH ('connector' = 'datagen');
            CREATE TABLE ltz_events (id BIGINT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
            """);
    }

    private T Spec<T>(string query) where T : OperatorSpec =>
        _f.Run<QueryPlan>(query).Job.Vertices.SelectMany(v => v.Chain).OfType<T>().Single();

    private SqlValidationException Error(string sql, string problemStart, int line, int column)
    {
        var e = _f.Error(sql);
        Assert.StartsWith(problemStart, e.Problem);
        Assert.Equal((line, column), (e.Span.Line, e.Span.Column));
        return e;
    }

    [Fact]
    public void Window_table_functions_add_window_start_end_and_time()
    {
        var schema = _f.Run<QueryPlan>("SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' MINUTES))").ResultSchema;
        Assert.Equal(["auction", "bidder", "price", "channel", "url", "ts", "window_start", "window_end", "window_time"], schema.Fields.Select(f => f.Name));
        Assert.Equal("TIMESTAMP(3) NOT NULL", schema[6].Type.ToString());
        Assert.Equal("TIMESTAMP(3) NOT NULL", schema[7].Type.ToString());
        Assert.Equal("TIMESTAMP(3) NOT NULL *ROWTIME*", schema[8].Type.ToString());
        var proc = _f.Run<QueryPlan>("SELECT window_start, window_time FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(pt), INTERVAL '1' HOUR))").ResultSchema;
        // As Flink's: the bounds are TIMESTAMP(3) over a TIMESTAMP_LTZ or processing-time attribute too.
        Assert.Equal("TIMESTAMP(3) NOT NULL", proc[0].Type.ToString());
        Assert.Equal("TIMESTAMP(3) NOT NULL", _f.Run<QueryPlan>("SELECT window_end FROM TABLE(TUMBLE(TABLE ltz_events, DESCRIPTOR(ts), INTERVAL '1' HOUR))").ResultSchema[0].Type.ToString());
        Assert.Equal("TIMESTAMP(3) NOT NULL", _f.Run<QueryPlan>("SELECT TUMBLE_START(pt, INTERVAL '1' MINUTE) FROM clicks GROUP BY TUMBLE(pt, INTERVAL '1' MINUTE)").ResultSchema[0].Type.ToString());
        Assert.Equal("TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*", proc[1].Type.ToString());
    }

    [Fact]
    public void A_window_table_function_alone_is_a_window_table_function_spec()
    {
        var spec = Spec<WindowTableFunctionSpec>("SELECT * FROM TABLE(HOP(DATA => TABLE bids, TIMECOL => DESCRIPTOR(ts), SLIDE => INTERVAL '5' MINUTE, SIZE => INTERVAL '10' MINUTE)) AS w");
        Assert.Equal(new HopWindow(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), null), spec.Window);
        var windowing = Assert.IsType<TimeAttributeWindowing>(spec.Windowing);
        Assert.True(windowing.IsEventTime);
        Assert.Equal("ts", spec.OutputSchema[windowing.TimeColumn].Name);
    }

    [Fact]
    public void A_session_window_table_function_alone_keeps_rows_keyed_by_its_partition_columns()
    {
        var spec = Spec<WindowAggregateSpec>("SELECT * FROM TABLE(SESSION(TABLE bids PARTITION BY bidder, DESCRIPTOR(ts), INTERVAL '5' MINUTES))");
        Assert.True(spec.EmitsRows);
        Assert.Empty(spec.Calls);
        Assert.Equal(TimeSpan.FromMinutes(5), Assert.IsType<SessionWindow>(spec.Window).Gap);
        Assert.Equal(["bidder"], spec.GroupKeys.Select(k => spec.OutputSchema[k].Name));
        Assert.Equal(["window_start", "window_end", "window_time"], spec.OutputSchema.Fields.TakeLast(3).Select(f => f.Name));
        // Its rows wait for their sessions, so it takes inserts only, refused when planning as Flink's.
        var e = _f.Error("SELECT * FROM TABLE(SESSION(TABLE (SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder ORDER BY ts DESC) AS rn FROM bids) WHERE rn = 1) "
            + "PARTITION BY bidder, DESCRIPTOR(ts), INTERVAL '5' MINUTES))");
        Assert.StartsWith("StreamPhysicalWindowTableFunction doesn't support consuming update and delete changes", e.Problem);
    }

    [Fact]
    public void Window_aggregation_merges_the_function_and_specifies_what_the_runtime_needs()
    {
        _f.Configuration = Configuration.Empty.With("table.optimizer.agg-phase-strategy", "ONE_PHASE");
        var spec = Spec<WindowAggregateSpec>("""
            SELECT auction, window_start, window_end, COUNT(*) AS n, MAX(price) AS top
            FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND, INTERVAL '1' SECOND))
            GROUP BY auction, window_start, window_end
            """);
        Assert.Equal(new TumbleWindow(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)), spec.Window);
        var windowing = Assert.IsType<TimeAttributeWindowing>(spec.Windowing);
        Assert.True(windowing.IsEventTime);
        Assert.Null(windowing.TimeZone);
        Assert.Equal(AggregatePhase.Single, spec.Phase);
        Assert.Equal(ChangelogMode.InsertOnly, spec.InputChangelog);
        Assert.Equal([WindowProperty.Start, WindowProperty.End], spec.Properties);
        Assert.Equal(["auction", "n", "top", "window_start", "window_end"], spec.OutputSchema.Fields.Select(f => f.Name));
        Assert.Equal([AggregateFunctionKind.Count, AggregateFunctionKind.Max], spec.Calls.Select(c => c.Kind));
        Assert.Equal(ChangelogMode.InsertOnly, spec.OutputChangelog);
    }

    [Fact]
    public void Event_time_window_aggregation_splits_into_local_and_global_by_default()
    {
        var job = _f.Run<QueryPlan>("SELECT auction, window_start, COUNT(*), SUM(price) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY auction, window_start, window_end").Job;
        var specs = job.Vertices.SelectMany(v => v.Chain).OfType<WindowAggregateSpec>().ToList();
        var local = specs.Single(s => s.Phase == AggregatePhase.Local);
        var global = specs.Single(s => s.Phase == AggregatePhase.Global);
        Assert.Equal([WindowProperty.SliceEnd], local.Properties);
        Assert.Equal(["auction", "count1$0", "sum$1", "$slice_end"], local.OutputSchema.Fields.Select(f => f.Name));
        Assert.Equal(new SliceAttachedWindowing(3, true), global.Windowing);
        Assert.Equal(local.Accumulators, global.Accumulators);
        Assert.Equal(ExchangeKind.Hash, job.InputsOf(job.Vertices.Single(v => v.Chain.Contains(global)).Id).Single().Kind);
        // SESSION, processing time and DISTINCT stay in one phase.
        var session = Spec<WindowAggregateSpec>("SELECT auction, COUNT(*) FROM TABLE(SESSION(TABLE bids PARTITION BY auction, DESCRIPTOR(ts), INTERVAL '5' MINUTE)) GROUP BY auction, window_start, window_end");
        Assert.Equal(AggregatePhase.Single, session.Phase);
        Assert.Equal([0], ((SessionWindow)session.Window).PartitionKeys);
        var proc = Spec<WindowAggregateSpec>("SELECT user_id, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(pt), INTERVAL '1' MINUTE)) GROUP BY user_id, window_start, window_end");
        Assert.Equal(AggregatePhase.Single, proc.Phase);
        var procWindowing = Assert.IsType<TimeAttributeWindowing>(proc.Windowing);
        Assert.False(procWindowing.IsEventTime);
        Assert.NotNull(procWindowing.TimeZone);
    }

    [Fact]
    public void Grouping_by_window_time_emits_it_as_an_event_time_attribute_for_cascaded_windows()
    {
        _f.Configuration = Configuration.Empty.With("table.optimizer.agg-phase-strategy", "ONE_PHASE");
        const string inner = "SELECT auction, window_time AS wt, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY auction, window_start, window_end, window_time";
        Assert.Equal("TIMESTAMP(3) NOT NULL *ROWTIME*", _f.Run<QueryPlan>(inner).ResultSchema[1].Type.ToString());
        var specs = _f.Run<QueryPlan>($"SELECT window_start, SUM(n) FROM TABLE(TUMBLE(TABLE ({inner}), DESCRIPTOR(wt), INTERVAL '1' HOUR)) GROUP BY window_start, window_end")
            .Job.Vertices.SelectMany(v => v.Chain).OfType<WindowAggregateSpec>().ToList();
        Assert.Equal(2, specs.Count);
        Assert.Equal(WindowProperty.RowTime, specs[0].Properties[2]);
    }

    [Fact]
    public void A_filter_on_window_columns_keeps_the_function_and_the_aggregation_reads_its_window_columns()
    {
        var spec = Spec<WindowAggregateSpec>("""
            SELECT auction, COUNT(*) FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '1' HOUR))
            WHERE window_start >= TIMESTAMP '2024-01-01 00:00:00' GROUP BY auction, window_start, window_end
            """);
        var attached = Assert.IsType<WindowAttachedWindowing>(spec.Windowing);
        Assert.True(attached.IsEventTime);
        Assert.Equal(new CumulateWindow(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), null), spec.Window);
        Assert.Contains(_f.Run<QueryPlan>("SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE))").Job.Vertices.SelectMany(v => v.Chain), s => s is WindowTableFunctionSpec);
    }

    [Fact]
    public void Group_windows_plan_as_flinks_group_window_aggregate()
    {
        var spec = Spec<WindowAggregateSpec>("""
            SELECT bidder, HOP_START(ts, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE) AS s, HOP_ROWTIME(ts, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE), COUNT(*)
            FROM bids GROUP BY HOP(ts, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE), bidder
            """);
        Assert.Equal(new HopWindow(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), null), spec.Window);
        Assert.Equal([WindowProperty.Start, WindowProperty.End, WindowProperty.RowTime, WindowProperty.ProcTime], spec.Properties);
        Assert.Equal(AggregatePhase.Single, spec.Phase);
        Assert.Contains("GroupWindowAggregate(groupBy=[bidder], window=[SlidingGroupWindow('w$, ts, 300000, 60000)], properties=[w$start, w$end, w$rowtime, w$proctime]",
            _f.Explain("SELECT bidder, HOP_END(ts, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE), COUNT(*) FROM bids GROUP BY HOP(ts, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE), bidder"));
        var session = Spec<WindowAggregateSpec>("SELECT SESSION_END(pt, INTERVAL '30' SECOND), COUNT(*) FROM clicks GROUP BY SESSION(pt, INTERVAL '30' SECOND)");
        Assert.Equal([WindowProperty.Start, WindowProperty.End, WindowProperty.ProcTime], session.Properties);
        Assert.False(session.Windowing.IsEventTime);
    }

    [Theory]
    [InlineData("SELECT * FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))",
        "The window function TUMBLE(TABLE table_name, DESCRIPTOR(timecol), datetime interval[, datetime interval]) requires the timecol to be a time attribute type, but is TIMESTAMP(3). Column 'ts' has no watermark", 1, 53)]
    [InlineData("SELECT * FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(user_id), INTERVAL '1' MINUTE))",
        "The window function TUMBLE(TABLE table_name, DESCRIPTOR(timecol), datetime interval[, datetime interval]) requires the timecol to be a time attribute type, but is BIGINT. Column 'user_id' is not a time column", 1, 53)]
    [InlineData("SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(tss), INTERVAL '1' MINUTE))", "Column 'tss' not found in the table of TUMBLE; did you mean 'ts'?", 1, 51)]
    [InlineData("SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '0' MINUTE))", "The size of TUMBLE must be positive, but is 0 ms", 1, 56)]
    [InlineData("SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MONTH))", "The size of TUMBLE must be a day-time interval", 1, 56)]
    [InlineData("SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), 10))", "The size of TUMBLE must be an interval literal such as INTERVAL '10' MINUTE, but is INT NOT NULL", 1, 56)]
    [InlineData("SELECT COUNT(*) FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '4' MINUTE, INTERVAL '10' MINUTE)) GROUP BY window_start, window_end",
        "HOP table function based aggregate requires size must be an integral multiple of slide, but got size 600000 ms and slide 240000 ms", 1, 22)]
    [InlineData("SELECT COUNT(*) FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '25' MINUTE, INTERVAL '1' HOUR)) GROUP BY window_start, window_end",
        "CUMULATE table function based aggregate requires maxSize must be an integral multiple of step, but got maxSize 3600000 ms and step 1500000 ms", 1, 22)]
    [InlineData("SELECT COUNT(*) FROM TABLE(SESSION(TABLE bids PARTITION BY bidder, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end",
        "The PARTITION BY columns of a SESSION window must be grouped by in its aggregation", 1, 22)]
    [InlineData("SELECT bidder, auction, COUNT(*) FROM TABLE(SESSION(TABLE bids PARTITION BY bidder, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, ROLLUP (bidder, auction)",
        "The PARTITION BY columns of a SESSION window must be in every grouping set of its aggregation", 1, 39)]
    [InlineData("SELECT bidder, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, ROLLUP (bidder, window_time)",
        "Not supported yet: window_time in only some grouping sets of a window aggregation", 1, 93)]
    [InlineData("SELECT bidder, COUNT(*) FROM bids GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE), ROLLUP (bidder)",
        "Not supported yet: GROUPING SETS, ROLLUP or CUBE with a group window", 1, 77)]
    [InlineData("SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts)))", "Invalid number of arguments to function 'TUMBLE'. Was expecting 3 arguments", 1, 21)]
    [InlineData("SELECT * FROM TABLE(TUMBLE(TABLE bids PARTITION BY auction, DESCRIPTOR(ts), INTERVAL '1' MINUTE))", "Only SESSION windows take PARTITION BY", 1, 52)]
    [InlineData("SELECT COUNT(*) FROM clicks GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE)", "Window can only be defined on a time attribute column, but is type of TIMESTAMP(3). Column 'ts' has no watermark", 1, 45)]
    [InlineData("SELECT TUMBLE_END(ts, INTERVAL '2' MINUTE) FROM bids GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE)",
        "Call to auxiliary group function 'TUMBLE_END' must have matching call to group function '$TUMBLE' in GROUP BY clause", 1, 8)]
    [InlineData("SELECT COUNT(*) FROM bids GROUP BY HOP(ts, INTERVAL '1' MINUTE)", "HOP takes a time attribute, a slide and a size", 1, 36)]
    public void Window_errors_point_at_the_construct(string sql, string problemStart, int line, int column) => Error(sql, problemStart, line, column);

    [Fact]
    public void An_aggregation_materializes_its_time_attribute_so_a_window_over_its_result_is_refused()
    {
        var e = _f.Error("""
            SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE (
              SELECT auction, ts, COUNT(*) AS n FROM bids GROUP BY auction, ts), DESCRIPTOR(ts), INTERVAL '1' MINUTE))
            GROUP BY window_start, window_end
            """);
        Assert.StartsWith("The window function TUMBLE(TABLE table_name, DESCRIPTOR(timecol), datetime interval[, datetime interval]) requires the timecol to be a time attribute type, but is TIMESTAMP(3)", e.Problem);
        Assert.Equal((2, 81), (e.Span.Line, e.Span.Column));
    }

    [Fact]
    public void A_window_aggregations_id_keeps_across_cosmetic_changes_but_not_a_new_size()
    {
        string Id(string q) => StableIdTests.IdOf<WindowAggregateSpec>(_f, q);
        _f.Configuration = Configuration.Empty.With("table.optimizer.agg-phase-strategy", "ONE_PHASE");
        string id = Id("SELECT auction, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) WHERE price > 5 GROUP BY auction, window_start, window_end");
        Assert.Equal(id, Id("SELECT auction AS a, window_start AS ws, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) WHERE price > 50 GROUP BY auction, window_start, window_end"));
        Assert.NotEqual(id, Id("SELECT auction, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '2' MINUTE)) WHERE price > 5 GROUP BY auction, window_start, window_end"));
        Assert.NotEqual(id, Id("SELECT auction, window_start, COUNT(*) FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '1' MINUTE)) WHERE price > 5 GROUP BY auction, window_start, window_end"));
    }

    [Fact]
    public void Hop_and_cumulate_are_described_as_slices_the_runtime_can_share()
    {
        _f.Configuration = Configuration.Empty.With("table.optimizer.agg-phase-strategy", "ONE_PHASE");
        Assert.Equal((TimeSpan.FromMinutes(5), 2), (new HopWindow(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), null).SliceSize, new HopWindow(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), null).SlicesPerWindow));
        Assert.Equal((TimeSpan.FromMinutes(1), 10), (new HopWindow(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(3), null).SliceSize, new HopWindow(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(3), null).SlicesPerWindow));
        var cumulate = Spec<WindowAggregateSpec>("SELECT COUNT(*) FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' MINUTE, INTERVAL '1' HOUR)) GROUP BY window_start, window_end");
        Assert.Equal((TimeSpan.FromMinutes(10), 6), (cumulate.Window.SliceSize, cumulate.Window.SlicesPerWindow));
        var tumble = Spec<WindowAggregateSpec>("SELECT COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' MINUTE)) GROUP BY window_start, window_end");
        Assert.Equal((TimeSpan.FromMinutes(10), 1), (tumble.Window.SliceSize, tumble.Window.SlicesPerWindow));
        Assert.False(new SessionWindow(TimeSpan.FromMinutes(1), []).IsSliced);
    }

    [Fact]
    public void A_hop_whose_size_is_not_a_multiple_of_its_slide_is_refused_only_by_a_window_aggregation()
    {
        // As Flink's: the window table function alone and the group window HOP take any size and slide.
        var alone = Spec<WindowTableFunctionSpec>("SELECT * FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '3' MINUTE, INTERVAL '10' MINUTE))");
        Assert.Equal(new HopWindow(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(3), null), alone.Window);
        var legacy = Spec<WindowAggregateSpec>("SELECT COUNT(*) FROM bids GROUP BY HOP(ts, INTERVAL '3' MINUTE, INTERVAL '10' MINUTE)");
        Assert.Equal(TimeSpan.FromMinutes(1), legacy.Window.SliceSize);
    }

    [Fact]
    public void Without_window_start_and_window_end_in_group_by_it_is_a_plain_group_aggregate_as_in_flink()
    {
        _f.Configuration = Configuration.Empty.With("table.optimizer.agg-phase-strategy", "ONE_PHASE");
        var plan = _f.Run<QueryPlan>("SELECT window_start, auction, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, auction");
        var chain = plan.Job.Vertices.SelectMany(v => v.Chain).ToList();
        Assert.Contains(chain, s => s is GroupAggregateSpec);
        Assert.Contains(chain, s => s is WindowTableFunctionSpec);
        Assert.DoesNotContain(chain, s => s is WindowAggregateSpec);
        // A grouping set without the window is the same fallback.
        var sets = _f.Run<QueryPlan>("SELECT auction, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY GROUPING SETS ((auction, window_start, window_end), (auction))");
        Assert.DoesNotContain(sets.Job.Vertices.SelectMany(v => v.Chain), s => s is WindowAggregateSpec);
        Assert.Contains(sets.Job.Vertices.SelectMany(v => v.Chain), s => s is GroupAggregateSpec);
    }

    [Theory]
    [InlineData("GROUPING SETS ((auction), ())", 2)]
    [InlineData("ROLLUP (auction, channel)", 3)]
    [InlineData("CUBE (auction, channel)", 4)]
    public void Grouping_sets_in_a_window_aggregation_expand_each_row_once_per_set_below_it(string sets, int count)
    {
        _f.Configuration = Configuration.Empty.With("table.optimizer.agg-phase-strategy", "ONE_PHASE");
        var plan = _f.Run<QueryPlan>($"SELECT window_start, window_end, auction, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, {sets}");
        var chain = plan.Job.Vertices.SelectMany(v => v.Chain).ToList();
        var expand = Assert.Single(chain.OfType<ExpandSpec>());
        Assert.Equal(count, expand.Projects.Count);
        var aggregate = Assert.Single(chain.OfType<WindowAggregateSpec>());
        // The regular keys and $e.
        Assert.Equal(sets.Contains("channel") ? 3 : 2, aggregate.GroupKeys.Count);
        Assert.DoesNotContain(chain, s => s is GroupAggregateSpec);
        Assert.Equal(["window_start", "window_end", "auction", "EXPR$3"], plan.ResultSchema.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Grouping_sets_in_a_processing_time_window_aggregation_plan_the_same_expansion()
    {
        var plan = _f.Run<QueryPlan>("SELECT user_id, url, window_start, COUNT(*), GROUPING_ID(user_id, url) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(pt), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, CUBE (user_id, url)");
        var chain = plan.Job.Vertices.SelectMany(v => v.Chain).ToList();
        Assert.Equal(4, Assert.Single(chain.OfType<ExpandSpec>()).Projects.Count);
        var aggregates = chain.OfType<WindowAggregateSpec>().ToList();
        Assert.NotEmpty(aggregates);
        Assert.All(aggregates, a => Assert.False(a.Windowing.IsEventTime));
        Assert.Equal("BIGINT NOT NULL", plan.ResultSchema[4].Type.ToString());
    }

    [Fact]
    public void A_processing_time_window_aggregation_goes_into_timestamp_columns_as_nexmark_q12_does()
    {
        _f.Run("CREATE TABLE q12_sink (bidder BIGINT, bid_count BIGINT, starttime TIMESTAMP(3), endtime TIMESTAMP(3)) WITH ('connector' = 'blackhole')");
        var plan = _f.Run<InsertPlan>("""
            INSERT INTO q12_sink SELECT user_id, COUNT(*), window_start, window_end
            FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(pt), INTERVAL '10' SECOND)) GROUP BY user_id, window_start, window_end
            """);
        Assert.Contains(plan.Job.Vertices.SelectMany(v => v.Chain), s => s is WindowAggregateSpec);
    }
}
