using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>OVER calls in an aggregate SELECT: the aggregation first, the window over its rows (Calcite's plan); in
/// streaming a window ordered by a time attribute needs an insert-only input, refused otherwise with Flink's messages in
/// Flink's order (the changelog check before the ordering's); one ordered by another column takes the updates (Flink 2.1).</summary>
public sealed class OverAfterGroupByTests
{
    private readonly PlannerFixture _f = new();

    public OverAfterGroupByTests() => _f.Run(PlannerFixture.Bids);

    private void Batch() => _f.Configuration = Configuration.Empty.With("execution.runtime-mode", "batch");

    private IEnumerable<T> Specs<T>(string statement) where T : OperatorSpec =>
        ((QueryPlan)_f.Run(statement)).Job.Vertices.SelectMany(v => v.Chain).OfType<T>();

    [Fact]
    public void In_batch_mode_the_window_reads_the_aggregated_rows_with_the_calls_named_as_the_select_list_names_them()
    {
        Batch();
        const string query = "SELECT auction, COUNT(*) AS n, SUM(COUNT(*)) OVER (ORDER BY auction) AS running FROM bids GROUP BY auction";
        var plan = _f.Explain(query);
        Assert.Contains("OverAggregate(orderBy=[auction ASC], window=[RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW], select=[auction, n, SUM(n) AS w0$o0])", plan);
        Assert.Contains("HashAggregate(isMerge=[false], groupBy=[auction], select=[auction, COUNT(*) AS n])", plan);
        Assert.Single(Specs<BatchOverAggregateSpec>(query));
        // An aggregate call read only by the window is named as Calcite names a call that is not a select item.
        Assert.Contains("select=[channel, SUM(price) AS $f1])", _f.Explain("SELECT channel, RANK() OVER (ORDER BY SUM(price) DESC) AS r FROM bids GROUP BY channel"));
    }

    [Fact]
    public void In_batch_mode_group_keys_and_aggregates_may_partition_order_and_feed_several_calls()
    {
        Batch();
        var plan = _f.Explain("""
            SELECT channel, auction, MAX(price) + 1 AS top,
                   ROW_NUMBER() OVER w AS rn, LAG(MAX(price), 2, 0) OVER w AS before, COUNT(*) OVER w * 2 AS twice
            FROM bids WHERE price > 0 GROUP BY channel, auction HAVING COUNT(*) > 1
            WINDOW w AS (PARTITION BY channel ORDER BY MAX(price) DESC, auction)
            """);
        Assert.Contains("OverAggregate(partitionBy=[channel], orderBy=[$ov3 DESC, auction ASC]", plan);
        Assert.Contains("LAG($ov3, $f4) AS w0$o1, COUNT(*) AS w0$o2])", plan);
        Assert.Contains("HashAggregate(isMerge=[false], groupBy=[channel, auction], select=[channel, auction, MAX(price) AS $f2, COUNT(*) AS $f3])", plan);
    }

    [Fact]
    public void In_streaming_a_group_by_result_updates_and_a_window_ordered_by_a_non_time_column_takes_the_updates()
    {
        var plan = _f.Explain("SELECT auction, COUNT(*) AS n, SUM(COUNT(*)) OVER (ORDER BY auction) AS running FROM bids GROUP BY auction");
        Assert.Contains("OverAggregate(orderBy=[auction ASC], window=[RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW], select=[auction, n, SUM(n) AS w0$o0])", plan);
        Assert.Single(Specs<NonTimeOverAggregateSpec>("SELECT auction, COUNT(*) AS n, SUM(COUNT(*)) OVER (ORDER BY auction) AS running FROM bids GROUP BY auction"));
        // Past the changelog check, the ordering's own rules still apply.
        var rank = _f.Error("SELECT channel, RANK() OVER (ORDER BY SUM(price) DESC) AS r FROM bids GROUP BY channel");
        Assert.Equal("The window can only be ordered in ASCENDING mode.", rank.Problem);
    }

    [Fact]
    public void In_streaming_a_window_aggregation_feeds_an_over_window_ordered_by_its_window_time()
    {
        const string tumble = "FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))";
        var plan = _f.Explain($"""
            SELECT window_time, bidder, SUM(price) AS s, SUM(SUM(price)) OVER (PARTITION BY bidder ORDER BY window_time) AS running
            {tumble} GROUP BY window_start, window_end, window_time, bidder
            """);
        Assert.Contains("OverAggregate(partitionBy=[bidder], orderBy=[window_time ASC], window=[RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW], select=[window_time, bidder, s, SUM(s) AS w0$o0])", plan);
        Assert.Contains("WindowAggregate(groupBy=[bidder], window=[TUMBLE(", plan);
        // window_start is no time attribute: a non-time OVER (Flink 2.1), whose frame must start unbounded.
        Assert.Single(Specs<NonTimeOverAggregateSpec>($"SELECT bidder, SUM(SUM(price)) OVER (PARTITION BY bidder ORDER BY window_start) AS running {tumble} GROUP BY window_start, window_end, bidder"));
        var e = _f.Error($"SELECT bidder, SUM(SUM(price)) OVER (PARTITION BY bidder\n ORDER BY window_start ROWS 2 PRECEDING) AS running {tumble} GROUP BY window_start, window_end, bidder");
        Assert.Equal("Non-time attribute sort is not supported for bounded OVER window.", e.Problem);
        Assert.Equal((2, 29), (e.Span.Line, e.Span.Column));
    }

    [Fact]
    public void In_streaming_a_top_n_over_an_aggregate_is_an_updating_rank()
    {
        var plan = _f.Explain("""
            SELECT * FROM (
              SELECT channel, bidder, SUM(price) AS s, ROW_NUMBER() OVER (PARTITION BY channel ORDER BY SUM(price) DESC) AS rn
              FROM bids GROUP BY channel, bidder)
            WHERE rn <= 2
            """);
        Assert.Contains("Rank(strategy=[RetractStrategy], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=2], partitionBy=[channel], orderBy=[s DESC]", plan);
        Assert.Contains("GroupAggregate(groupBy=[channel, bidder], select=[channel, bidder, SUM(price) AS s])", plan);
    }

    [Fact]
    public void Streaming_over_orderings_are_checked_in_flinks_order()
    {
        // Flink's StreamExecOverAggregate: one key, then ascending.
        Assert.Equal("The window can only be ordered in ASCENDING mode.", _f.Error("SELECT SUM(price) OVER (ORDER BY price DESC) FROM bids").Problem);
        Assert.Equal("The window can only be ordered by a single time column.", _f.Error("SELECT SUM(price) OVER (ORDER BY price, ts) FROM bids").Problem);
        Assert.Equal("The window can only be ordered in ASCENDING mode.",
            _f.Error("SELECT auction, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids").Problem);
        // An aggregate over the whole partition has no ordering key; over a GROUP BY result its input is refused first.
        Assert.Equal("The window can only be ordered by a single time column.", _f.Error("SELECT SUM(price) OVER (PARTITION BY auction) FROM bids").Problem);
        Assert.StartsWith("StreamPhysicalOverAggregate doesn't support consuming update changes",
            _f.Error("SELECT auction, SUM(COUNT(*)) OVER () FROM bids GROUP BY auction").Problem);
    }

    [Fact]
    public void A_star_beside_over_in_an_aggregate_query_is_refused_at_the_star()
    {
        Batch();
        var e = _f.Error("SELECT *, RANK() OVER (ORDER BY auction) FROM bids GROUP BY auction, bidder, price, channel, url, ts");
        Assert.StartsWith("Not supported yet: SELECT * in an aggregate query with OVER", e.Problem);
        Assert.Equal((1, 8), (e.Span.Line, e.Span.Column));
    }
}
