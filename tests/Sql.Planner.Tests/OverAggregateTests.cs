namespace StreamSql.Sql.Planner.Tests;

/// <summary>OVER aggregation planning: the plan and EXPLAIN text, distribution, changelog, stable ids and the refused forms.</summary>
public sealed class OverAggregateTests
{
    private readonly PlannerFixture _f = new();

    public OverAggregateTests()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Run("CREATE TABLE out_over (auction BIGINT, price BIGINT, total BIGINT) WITH ('connector' = 'blackhole');");
        _f.Run("CREATE TABLE out_files (auction BIGINT, price BIGINT, total BIGINT) WITH ('connector' = 'filesystem', 'path' = '/tmp/out');");
    }

    private string PhysicalPlan(string statement)
    {
        var text = _f.Explain("CHANGELOG_MODE " + statement);
        int start = text.IndexOf("== Optimized Physical Plan ==\n", StringComparison.Ordinal) + "== Optimized Physical Plan ==\n".Length;
        return text[start..text.IndexOf("\n\n== Optimized Execution Plan", StringComparison.Ordinal)];
    }

    [Fact]
    public void Over_calls_become_one_over_aggregate_hashed_by_the_partition_with_an_insert_only_changelog()
    {
        var plan = PhysicalPlan("""
            SELECT auction, price, COUNT(*) OVER w AS n, SUM(price) OVER w + 1 AS total
            FROM bids WINDOW w AS (PARTITION BY auction ORDER BY ts ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)
            """);
        Assert.True(plan.Contains("OverAggregate(partitionBy=[auction], orderBy=[ts ASC], window=[ROWS BETWEEN 10 PRECEDING AND CURRENT ROW], "
                        + "select=[auction, price, ts, COUNT(*) AS w0$o0, SUM(price) AS w0$o1], changelogMode=[I])", StringComparison.Ordinal), plan);
        Assert.Contains("Exchange(distribution=[hash[auction]], changelogMode=[I])", plan);
        Assert.Contains("Calc(select=[auction, price, w0$o0 AS n, +(w0$o1, 1) AS total], changelogMode=[I])", plan);
    }

    [Fact]
    public void Inline_windows_that_are_equal_share_one_aggregate_and_range_frames_print_their_interval_in_milliseconds()
    {
        var plan = PhysicalPlan("""
            SELECT MAX(price) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '10' SECOND PRECEDING AND CURRENT ROW),
                   MIN(price) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '10' SECOND PRECEDING AND CURRENT ROW)
            FROM bids
            """);
        Assert.Contains("OverAggregate(orderBy=[ts ASC], window=[RANGE BETWEEN 10000 PRECEDING AND CURRENT ROW], select=[", plan);
        Assert.Contains("MAX(price) AS w0$o0, MIN(price) AS w0$o1]", plan);
        Assert.Contains("Exchange(distribution=[single]", plan);
    }

    [Fact]
    public void Without_a_frame_the_window_is_range_unbounded_and_processing_time_orders_work()
    {
        Assert.Contains("window=[RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW]",
            PhysicalPlan("SELECT SUM(price) OVER (PARTITION BY auction ORDER BY ts) FROM bids"));
        Assert.Contains("orderBy=[pt ASC], window=[ROWS BETWEEN 2 PRECEDING AND CURRENT ROW]",
            PhysicalPlan("SELECT SUM(price) OVER (PARTITION BY auction ORDER BY pt ROWS 2 PRECEDING) FROM (SELECT *, PROCTIME() AS pt FROM bids)"));
    }

    [Fact]
    public void An_over_aggregate_over_an_updating_input_is_refused_with_flinks_changelog_message()
    {
        var e = _f.Error("""
            SELECT auction, SUM(price) OVER (PARTITION BY auction ORDER BY ts) FROM (
              SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids) WHERE rn = 1)
            """);
        Assert.StartsWith("StreamPhysicalOverAggregate doesn't support consuming update and delete changes which is produced by node Rank(", e.Problem);
    }

    [Fact]
    public void Ordered_by_a_non_time_column_the_over_aggregate_emits_updates_and_takes_any_changelog()
    {
        var plan = PhysicalPlan("SELECT auction, price, SUM(price) OVER (PARTITION BY auction ORDER BY price) AS total FROM bids");
        Assert.True(plan.Contains("OverAggregate(partitionBy=[auction], orderBy=[price ASC], window=[RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW], "
                        + "select=[auction, price, ts, SUM(price) AS w0$o0], changelogMode=[I,UB,UA,D])", StringComparison.Ordinal), plan);
        Assert.Contains("window=[ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW]",
            PhysicalPlan("SELECT auction, COUNT(*) OVER (PARTITION BY auction ORDER BY price ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM bids"));
        // An updating input (a Top-N) is taken: its -U rows remove the rows they name.
        var updating = PhysicalPlan("""
            SELECT auction, SUM(price) OVER (PARTITION BY auction ORDER BY price) FROM (
              SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids) WHERE rn <= 2)
            """);
        Assert.Contains("SUM(price) AS w0$o0], changelogMode=[I,UB,UA,D])", updating);
        Assert.Contains("Rank(strategy=[", updating);
    }

    [Fact]
    public void A_non_time_over_aggregate_into_an_append_only_sink_is_refused_with_flinks_changelog_message()
    {
        var e = _f.Error("INSERT INTO out_files SELECT auction, price, SUM(price) OVER (PARTITION BY auction ORDER BY price) FROM bids");
        Assert.StartsWith("Table sink 'default_catalog.default_database.out_files' doesn't support consuming update and delete changes which is produced by node OverAggregate(", e.Problem);
    }

    [Theory]
    [InlineData("SUM(price) OVER (PARTITION BY auction ORDER BY price ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)", 1, 83, "Non-time attribute sort is not supported for bounded OVER window.")]
    [InlineData("SUM(price) OVER (PARTITION BY auction ORDER BY price RANGE BETWEEN CURRENT ROW AND CURRENT ROW)", 1, 84, "OVER RANGE FOLLOWING windows are not supported yet.")]
    [InlineData("SUM(price) OVER (PARTITION BY auction ORDER BY price DESC)", 1, 64, "The window can only be ordered in ASCENDING mode.")]
    [InlineData("SUM(price) OVER (PARTITION BY auction ORDER BY ARRAY[price])", 1, 64, "Not supported yet: OVER windows ordered by a value of type ARRAY")]
    [InlineData("SUM(price) OVER (PARTITION BY auction ORDER BY ts DESC)", 1, 64, "The window can only be ordered in ASCENDING mode.")]
    [InlineData("SUM(price) OVER (PARTITION BY auction ORDER BY ts, price)", 1, 68, "The window can only be ordered by a single time column.")]
    [InlineData("SUM(price) OVER (PARTITION BY auction)", 1, 33, "The window can only be ordered by a single time column.")]
    [InlineData("SUM(price) OVER (ORDER BY ts ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)", 1, 75, "Not supported yet: OVER ROWS windows that end after the current row")]
    [InlineData("SUM(price) OVER (ORDER BY ts RANGE BETWEEN 5 PRECEDING AND CURRENT ROW)", 1, 60, "The preceding offset of an OVER RANGE window")]
    [InlineData("SUM(price) OVER (ORDER BY ts ROWS BETWEEN price PRECEDING AND CURRENT ROW)", 1, 59, "The preceding offset of an OVER ROWS window must be a non-negative integer literal")]
    [InlineData("LISTAGG(url, url) OVER (ORDER BY ts)", 1, 17, "Cannot apply 'LISTAGG'")]
    [InlineData("LEAD(price) OVER (ORDER BY ts)", 1, 17, "LEAD Function is not supported in stream mode.")]
    [InlineData("RANK() OVER w, SUM(price) OVER w FROM bids WINDOW w AS (ORDER BY ts ROWS 2 PRECEDING) --", 1, 72, "Not supported yet: RANK() OVER a window with a bounded frame")]
    [InlineData("LAG(price, price) OVER (ORDER BY ts)", 1, 28, "The offset of LAG must be a non-negative integer literal")]
    [InlineData("ROW_NUMBER(price) OVER (ORDER BY ts)", 1, 17, "ROW_NUMBER takes no arguments")]
    [InlineData("UPPER(url) OVER (ORDER BY ts)", 1, 17, "OVER must be applied to an aggregate function, but UPPER is not one")]
    [InlineData("SUM(price) OVER (ORDER BY ts), COUNT(*) OVER (ORDER BY ts ROWS 2 PRECEDING)", 1, 62, "Over Agg: Unsupported use of OVER windows. All aggregates must be computed on the same window. please re-check the over window statement.")]
    [InlineData("SUM(price) OVER w1, COUNT(*) OVER w2 FROM bids WINDOW w1 AS (ORDER BY ts), w2 AS (PARTITION BY auction ORDER BY ts) --", 1, 98,
        "Over Agg: Unsupported use of OVER windows. All aggregates must be computed on the same window. please re-check the over window statement.")]
    [InlineData("ROW_NUMBER() OVER (ORDER BY ts), SUM(price) OVER (ORDER BY ts)", 1, 66, "Over Agg: Unsupported use of OVER windows. All aggregates must be computed on the same window. please re-check the over window statement.")]
    public void Refused_forms_name_the_problem_where_it_is(string items, int line, int column, string message)
    {
        var e = _f.Error($"SELECT auction, {items} FROM bids");
        Assert.StartsWith(message, e.Problem);
        Assert.Equal((line, column), (e.Span.Line, e.Span.Column));
    }

    [Fact]
    public void A_second_window_is_refused_after_validation_and_before_the_changelog_check()
    {
        // Flink refuses several window groups when it optimizes the plan: a validation error of the SELECT comes first...
        var unknown = _f.Error("SELECT auction, SUM(price) OVER (ORDER BY ts), COUNT(*) OVER (PARTITION BY auction ORDER BY ts), nosuch FROM bids");
        Assert.Contains("nosuch", unknown.Problem);
        // ...and the windows come before the updating input and the ordering.
        var updating = _f.Error("""
            SELECT auction, SUM(price) OVER (ORDER BY price), COUNT(*) OVER (PARTITION BY auction ORDER BY price) FROM (
              SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids) WHERE rn = 1)
            """);
        Assert.StartsWith("Over Agg: Unsupported use of OVER windows. All aggregates must be computed on the same window.", updating.Problem);
        Assert.Equal((1, 65), (updating.Span.Line, updating.Span.Column));
    }

    [Fact]
    public void Calls_over_one_window_written_differently_share_the_over_aggregate()
    {
        var plan = PhysicalPlan("""
            SELECT auction, SUM(price) OVER (PARTITION BY auction ORDER BY ts) AS s,
                   COUNT(*) OVER (PARTITION BY bids.auction ORDER BY bids.ts ASC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c
            FROM bids
            """);
        Assert.Contains("SUM(price) AS w0$o0, COUNT(*) AS w0$o1", plan);
    }

    [Fact]
    public void Window_functions_and_value_aggregates_share_the_over_aggregate()
    {
        var plan = PhysicalPlan("""
            SELECT auction, RANK() OVER w AS r, LAG(price, 2, -1) OVER w AS l, FIRST_VALUE(url) OVER w, LISTAGG(url, '|') OVER w
            FROM bids WINDOW w AS (PARTITION BY auction ORDER BY ts)
            """);
        Assert.True(plan.Contains("window=[RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW], select=[", StringComparison.Ordinal), plan);
        Assert.Contains("RANK(*) AS w0$o0, LAG(price, ", plan);
        Assert.Contains("FIRST_VALUE(url) AS w0$o2, LISTAGG(url, $f", plan);
        // ROW_NUMBER counts ROWS, so it shares a ROWS window only.
        Assert.Contains("select=[auction, price, ts, ROW_NUMBER(*) AS w0$o0, SUM(price) AS w0$o1]",
            PhysicalPlan("SELECT auction, price, ROW_NUMBER() OVER w, SUM(price) OVER w FROM bids WINDOW w AS (PARTITION BY auction ORDER BY ts ROWS UNBOUNDED PRECEDING)"));
    }

    [Fact]
    public void Processing_time_range_windows_with_an_interval_are_refused()
    {
        var e = _f.Error("SELECT SUM(price) OVER (ORDER BY pt RANGE BETWEEN INTERVAL '1' SECOND PRECEDING AND CURRENT ROW) FROM (SELECT *, PROCTIME() AS pt FROM bids)");
        Assert.StartsWith("Not supported yet: OVER RANGE windows with a bounded preceding interval on processing time", e.Problem);
    }

    [Fact]
    public void Over_aggregates_keep_their_operator_ids_when_only_names_change()
    {
        string Ids(string sql) => string.Join(",", ((InsertPlan)_f.Run(sql)).Job.Vertices.SelectMany(v => v.Chain).Where(s => s is Physical.OverAggregateSpec).Select(s => s.StableId));
        var a = Ids("INSERT INTO out_over SELECT auction, price, SUM(price) OVER (PARTITION BY auction ORDER BY ts ROWS 3 PRECEDING) FROM bids");
        var b = Ids("INSERT INTO out_over SELECT auction, price, SUM(price) OVER w AS s FROM bids AS x WINDOW w AS (PARTITION BY auction ORDER BY ts ROWS 3 PRECEDING)");
        Assert.NotEmpty(a);
        Assert.Equal(a, b);
        Assert.NotEqual(a, Ids("INSERT INTO out_over SELECT auction, price, SUM(price) OVER (PARTITION BY auction ORDER BY ts ROWS 4 PRECEDING) FROM bids"));
    }
}
