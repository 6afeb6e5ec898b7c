namespace StreamSql.Sql.Planner.Tests;

/// <summary>Window Top-N and window deduplication planning: the pattern (PARTITION BY window_start and window_end of a
/// window table function, directly or through a window aggregation), Flink's EXPLAIN text, an insert-only changelog,
/// and the forms that stay a regular Top-N.</summary>
public sealed class WindowRankTests
{
    private readonly PlannerFixture _f = new();

    public WindowRankTests() => _f.Run(PlannerFixture.Bids);

    private string PhysicalPlan(string statement)
    {
        var text = _f.Explain("CHANGELOG_MODE " + statement);
        int start = text.IndexOf("== Optimized Physical Plan ==\n", StringComparison.Ordinal) + "== Optimized Physical Plan ==\n".Length;
        return text[start..text.IndexOf("\n\n== Optimized Execution Plan", StringComparison.Ordinal)];
    }

    private const string Tumble = "TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' MINUTES))";

    [Fact]
    public void A_top_n_per_window_is_an_insert_only_window_rank()
    {
        var plan = PhysicalPlan($"SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum FROM {Tumble}) WHERE rownum <= 3");
        Assert.Equal("""
            WindowRank(window=[TUMBLE(win_start=[window_start], win_end=[window_end], size=[10 min])], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=3], partitionBy=[], orderBy=[price DESC], select=[auction, bidder, price, channel, url, ts, window_start, window_end, window_time, rownum], changelogMode=[I])
            +- Exchange(distribution=[single], changelogMode=[I])
               +- WindowTableFunction(window=[TUMBLE(time_col=[ts], size=[10 min])], changelogMode=[I])
                  +- WatermarkAssigner(rowtime=[ts], watermark=[-(ts, 5000:INTERVAL MILLISECOND)], changelogMode=[I])
                     +- TableSourceScan(table=[[default_catalog, default_database, bids]], fields=[auction, bidder, price, channel, url, ts], changelogMode=[I])
            """, plan);
    }

    [Fact]
    public void A_top_n_over_a_window_aggregation_reads_the_windows_it_carries()
    {
        var plan = PhysicalPlan($"""
            SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum
              FROM (SELECT window_start, window_end, bidder, SUM(price) AS price, COUNT(*) AS cnt FROM {Tumble} GROUP BY window_start, window_end, bidder))
            WHERE rownum <= 3
            """);
        Assert.Equal("""
            WindowRank(window=[TUMBLE(win_start=[window_start], win_end=[window_end], size=[10 min])], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=3], partitionBy=[], orderBy=[price DESC], select=[window_start, window_end, bidder, price, cnt, rownum], changelogMode=[I])
            +- Exchange(distribution=[single], changelogMode=[I])
               +- Calc(select=[window_start, window_end, bidder, price, cnt], changelogMode=[I])
                  +- GlobalWindowAggregate(groupBy=[bidder], window=[TUMBLE(slice_end=[$slice_end], size=[10 min])], select=[bidder, SUM(sum$0) AS price, COUNT(count1$1) AS cnt, start('w$) AS window_start, end('w$) AS window_end], changelogMode=[I])
                     +- Exchange(distribution=[hash[bidder]], changelogMode=[I])
                        +- LocalWindowAggregate(groupBy=[bidder], window=[TUMBLE(time_col=[ts], size=[10 min])], select=[bidder, SUM(price) AS sum$0, COUNT(*) AS count1$1, slice_end('w$) AS $slice_end], changelogMode=[I])
                           +- Calc(select=[bidder, price, ts], changelogMode=[I])
                              +- WatermarkAssigner(rowtime=[ts], watermark=[-(ts, 5000:INTERVAL MILLISECOND)], changelogMode=[I])
                                 +- TableSourceScan(table=[[default_catalog, default_database, bids, project=[bidder, price, ts]]], fields=[bidder, price, ts], changelogMode=[I])
            """, plan);
    }

    [Fact]
    public void A_first_row_per_window_and_key_is_a_window_deduplication()
    {
        var plan = PhysicalPlan($"SELECT auction, bidder, price, ts, window_start, window_end FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, auction ORDER BY ts) AS rownum FROM {Tumble}) WHERE rownum = 1");
        Assert.Equal("""
            Calc(select=[auction, bidder, price, ts, window_start, window_end], changelogMode=[I])
            +- WindowDeduplicate(window=[TUMBLE(win_start=[window_start], win_end=[window_end], size=[10 min])], keep=[FirstRow], partitionKeys=[auction], orderKey=[ts], order=[ROWTIME], changelogMode=[I])
               +- Exchange(distribution=[hash[auction]], changelogMode=[I])
                  +- WindowTableFunction(window=[TUMBLE(time_col=[ts], size=[10 min])], changelogMode=[I])
                     +- WatermarkAssigner(rowtime=[ts], watermark=[-(ts, 5000:INTERVAL MILLISECOND)], changelogMode=[I])
                        +- TableSourceScan(table=[[default_catalog, default_database, bids, project=[auction, bidder, price, ts]]], fields=[auction, bidder, price, ts], changelogMode=[I])
            """, plan);
    }

    [Fact]
    public void A_partition_without_both_window_bounds_stays_a_regular_top_n()
    {
        var plan = PhysicalPlan($"SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start ORDER BY price DESC) AS rownum FROM {Tumble}) WHERE rownum <= 3");
        Assert.Contains("Rank(strategy=[AppendFastStrategy]", plan);
        Assert.DoesNotContain("WindowRank", plan);
    }
    [Fact]
    public void The_window_time_of_a_window_top_n_stays_a_time_attribute_for_a_later_window()
    {
        _f.Run($"CREATE VIEW top3 AS SELECT auction, price, window_time FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum FROM {Tumble}) WHERE rownum <= 3");
        var plan = PhysicalPlan("SELECT window_start, window_end, SUM(price) AS total FROM TABLE(TUMBLE(TABLE top3, DESCRIPTOR(window_time), INTERVAL '1' HOUR)) GROUP BY window_start, window_end");
        Assert.Contains("WindowRank(", plan);
        Assert.Contains("WindowAggregate(window=[TUMBLE(time_col=[window_time], size=[1 h])]", plan);
        Assert.DoesNotContain("changelogMode=[I,UB,UA", plan);
    }

    private const string SessionAggregate = """
        SELECT window_start, window_end, bidder, SUM(price) AS price, COUNT(*) AS cnt
        FROM TABLE(SESSION(TABLE bids PARTITION BY bidder, DESCRIPTOR(ts), INTERVAL '5' MINUTES))
        GROUP BY window_start, window_end, bidder
        """;

    [Fact]
    public void A_top_n_over_a_session_window_aggregation_is_a_window_rank_keyed_by_the_session_start_too()
    {
        var plan = PhysicalPlan($"SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum FROM ({SessionAggregate})) WHERE rownum <= 3");
        Assert.StartsWith("""
            WindowRank(window=[SESSION(win_start=[window_start], win_end=[window_end], gap=[5 min], partition keys=[bidder])], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=3], partitionBy=[], orderBy=[price DESC], select=[window_start, window_end, bidder, price, cnt, rownum], changelogMode=[I])
            +- Exchange(distribution=[single], changelogMode=[I])
            """, plan);
        // With another partition key the rows are distributed by it and the session's start.
        plan = PhysicalPlan($"SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, cnt ORDER BY price DESC) AS rownum FROM ({SessionAggregate})) WHERE rownum <= 3");
        Assert.Contains("partitionBy=[cnt]", plan);
        Assert.Contains("Exchange(distribution=[hash[cnt, window_start]]", plan);
    }

    [Fact]
    public void A_session_window_table_function_read_directly_is_not_a_window_rank()
    {
        // The session window table function emits its rows when sessions end; a Top-N over them is a regular one.
        var plan = PhysicalPlan("SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum FROM TABLE(SESSION(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' MINUTES))) WHERE rownum <= 3");
        Assert.DoesNotContain("WindowRank", plan);
        Assert.StartsWith("Rank(strategy=[AppendFastStrategy]", plan);
        Assert.Contains("WindowTableFunction(window=[SESSION(", plan);
    }

    [Theory]
    [InlineData("RANK")]
    [InlineData("DENSE_RANK")]
    public void Rank_and_dense_rank_per_window_are_refused_with_flinks_window_top_n_message_at_the_call(string function)
    {
        var e = _f.Error($"SELECT * FROM (SELECT *,\n {function}() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS r FROM {Tumble}) WHERE r <= 3");
        Assert.Equal($"{function}() function is not supported on Window TopN currently, only ROW_NUMBER() is supported.", e.Problem);
        Assert.Equal((2, 2), (e.Span.Line, e.Span.Column));
        e = _f.Error($"SELECT * FROM (SELECT *, {function}() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS r FROM ({SessionAggregate})) WHERE r <= 3");
        Assert.Equal($"{function}() function is not supported on Window TopN currently, only ROW_NUMBER() is supported.", e.Problem);
    }

    [Fact]
    public void A_top_n_over_a_processing_time_window_aggregation_is_refused_as_flink_refuses_it()
    {
        _f.Run("CREATE TABLE pbids (auction BIGINT, price BIGINT, pt AS PROCTIME()) WITH ('connector' = 'datagen');");
        var e = _f.Error("""
            SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum
              FROM (SELECT window_start, window_end, auction, SUM(price) AS price FROM TABLE(TUMBLE(TABLE pbids, DESCRIPTOR(pt), INTERVAL '10' SECONDS))
                    GROUP BY window_start, window_end, auction)) WHERE rownum <= 3
            """);
        Assert.Equal("Processing time Window TopN is not supported yet.", e.Problem);
    }

    [Fact]
    public void A_top_n_over_a_window_top_n_is_a_window_rank_too()
    {
        var plan = PhysicalPlan($"""
            SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS r2
              FROM (SELECT auction, price, window_start, window_end FROM
                     (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, auction ORDER BY price DESC) AS rownum FROM {Tumble})
                    WHERE rownum <= 3))
            WHERE r2 <= 2
            """);
        Assert.Equal(2, plan.Split("WindowRank(").Length - 1);
        Assert.DoesNotContain("Rank(strategy", plan);
        Assert.DoesNotContain("changelogMode=[I,UB", plan);
    }
}
