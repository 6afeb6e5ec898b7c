using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>OVER windows in batch mode: any ORDER BY, planned as the batch OVER aggregate (<see cref="BatchOverAggregateSpec"/>);
/// what batch mode still refuses is refused at the window; streaming keeps its time-attribute rule.</summary>
public sealed class BatchOverAggregateTests
{
    private readonly PlannerFixture _f = new();

    public BatchOverAggregateTests()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Configuration = Configuration.Empty.With("execution.runtime-mode", "batch");
    }

    private IEnumerable<T> Specs<T>(string statement) where T : OperatorSpec =>
        ((QueryPlan)_f.Run(statement)).Job.Vertices.SelectMany(v => v.Chain).OfType<T>();

    [Fact]
    public void An_over_window_ordered_by_any_columns_is_the_batch_over_aggregate()
    {
        const string query = "SELECT auction, SUM(price) OVER w, RANK() OVER w, LEAD(bidder) OVER w FROM bids WINDOW w AS (PARTITION BY auction ORDER BY price DESC, channel)";
        var spec = Assert.Single(Specs<BatchOverAggregateSpec>(query));
        Assert.Equal(2, spec.OrderKeys.Count);
        Assert.True(spec.OrderKeys[0].Descending);
        Assert.False(spec.OrderKeys[0].NullsFirst);
        Assert.False(spec.OrderKeys[1].Descending);
        Assert.True(spec.OrderKeys[1].NullsFirst);
        Assert.Empty(Specs<OverAggregateSpec>(query));
        Assert.Contains("orderBy=[price DESC, channel ASC]", _f.Explain(query));
    }

    [Fact]
    public void Several_windows_in_one_select_are_one_batch_over_aggregate_each()
    {
        const string query = "SELECT auction, SUM(price) OVER (PARTITION BY auction ORDER BY ts) AS run, RANK() OVER (ORDER BY price DESC) AS r, "
            + "COUNT(*) OVER (PARTITION BY auction ORDER BY ts) AS c, MAX(price) OVER w1 AS m1, MIN(price) OVER w2 AS m2 FROM bids "
            + "WINDOW w1 AS (ORDER BY price ROWS 2 PRECEDING), w2 AS (ORDER BY price ROWS 3 PRECEDING)";
        var specs = Specs<BatchOverAggregateSpec>(query).ToList();
        Assert.Equal(4, specs.Count);
        var explain = _f.Explain(query);
        // The calls of one window share its aggregate, named by window and call as Calcite names them.
        Assert.Contains("SUM(price) AS w0$o0, COUNT(*) AS w0$o1", explain);
        Assert.Contains("RANK(*) AS w1$o0", explain);
        Assert.Contains("MAX(price) AS w2$o0", explain);
        Assert.Contains("MIN(price) AS w3$o0", explain);
    }

    [Fact]
    public void A_rank_top_n_in_batch_mode_filters_the_batch_over_aggregates_rank()
    {
        const string query = "SELECT auction, price FROM (SELECT *, DENSE_RANK() OVER (PARTITION BY auction ORDER BY price DESC) AS r FROM bids) WHERE r <= 2";
        Assert.Single(Specs<BatchOverAggregateSpec>(query));
        Assert.DoesNotContain("not supported", _f.Explain(query));
    }

    [Theory]
    [InlineData("ORDER BY price RANGE BETWEEN 10 PRECEDING AND CURRENT ROW", false, 10L, 0L, "RANGE BETWEEN 10 PRECEDING AND CURRENT ROW")]
    [InlineData("ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND INTERVAL '1' MINUTE FOLLOWING", false, 3_600_000L, 60_000L,
        "RANGE BETWEEN 3600000 PRECEDING AND 60000 FOLLOWING")]
    [InlineData("ORDER BY price ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING", true, 1L, 1L, "ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING")]
    [InlineData("ORDER BY CAST(price AS DECIMAL(10, 2)) RANGE BETWEEN CURRENT ROW AND 5 FOLLOWING", false, 0L, 5L, "RANGE BETWEEN 0 PRECEDING AND 5 FOLLOWING")]
    [InlineData("ORDER BY price ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING", true, 0L, null, "ROWS BETWEEN 0 PRECEDING AND UNBOUNDED FOLLOWING")]
    [InlineData("ORDER BY price ROWS BETWEEN 2 FOLLOWING AND 5 FOLLOWING", true, -2L, 5L, "ROWS BETWEEN 2 FOLLOWING AND 5 FOLLOWING")]
    [InlineData("ORDER BY price DESC RANGE BETWEEN UNBOUNDED PRECEDING AND 3 PRECEDING", false, null, -3L, "RANGE BETWEEN UNBOUNDED PRECEDING AND 3 PRECEDING")]
    // DATE and TIME keys take day-time intervals, in milliseconds as Flink prints them.
    [InlineData("ORDER BY CAST(ts AS DATE) RANGE BETWEEN INTERVAL '2' DAY PRECEDING AND INTERVAL '36' HOUR FOLLOWING", false, 172_800_000L, 129_600_000L,
        "RANGE BETWEEN 172800000 PRECEDING AND 129600000 FOLLOWING")]
    [InlineData("ORDER BY CAST(ts AS TIME) DESC RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW", false, 60_000L, 0L,
        "RANGE BETWEEN 60000 PRECEDING AND CURRENT ROW")]
    public void Batch_frames_take_bounds_on_both_sides_of_the_current_row(string window, bool rows, long? preceding, long? following, string text)
    {
        var query = $"SELECT auction, SUM(price) OVER (PARTITION BY auction {window}) FROM bids";
        var spec = Assert.Single(Specs<BatchOverAggregateSpec>(query));
        Assert.Equal(new Logical.OverFrame(rows, preceding, following), spec.Frame);
        Assert.Contains(text, _f.Explain(query));
    }

    [Theory]
    [InlineData("ORDER BY price, bidder RANGE BETWEEN 10 PRECEDING AND CURRENT ROW", "must be ordered by one key")]
    [InlineData("RANGE BETWEEN 10 PRECEDING AND CURRENT ROW", "An OVER RANGE window with an offset needs an ORDER BY")]
    [InlineData("ORDER BY channel RANGE BETWEEN 10 PRECEDING AND CURRENT ROW", "Not supported yet: OVER RANGE windows with an offset over an ORDER BY of type STRING in batch mode")]
    [InlineData("ORDER BY CAST(price AS DOUBLE) RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW", "ordered by DOUBLE must be a non-negative integer literal")]
    [InlineData("ORDER BY price RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW", "ordered by BIGINT must be a non-negative integer literal")]
    [InlineData("ORDER BY ts RANGE BETWEEN 10 PRECEDING AND CURRENT ROW", "must be a non-negative day-time interval literal")]
    [InlineData("ORDER BY price ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW", "Upper frame boundary cannot be PRECEDING or CURRENT ROW when lower boundary is FOLLOWING")]
    [InlineData("ORDER BY price ROWS BETWEEN CURRENT ROW AND 1 PRECEDING", "Upper frame boundary cannot be PRECEDING when lower boundary is CURRENT ROW")]
    [InlineData("ORDER BY price ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW", "UNBOUNDED FOLLOWING cannot be specified for the lower frame boundary")]
    public void Batch_frames_that_cannot_be_computed_are_refused_at_the_bound(string window, string expected)
    {
        var error = _f.Error($"SELECT SUM(price) OVER (PARTITION BY auction {window}) FROM bids");
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Batch_mode_refuses_unorderable_windows_and_streaming_keeps_its_rules()
    {
        Assert.Contains("OVER windows cannot be ordered by a value of type ARRAY",
            _f.Error("SELECT SUM(price) OVER (ORDER BY ARRAY[price]) FROM bids").Message);
        Assert.Contains("OVER windows cannot be partitioned by a value of type ROW",
            _f.Error("SELECT SUM(price) OVER (PARTITION BY ROW(price, url) ORDER BY price) FROM bids").Message);
        _f.Configuration = Configuration.Empty;
        Assert.Contains("Non-time attribute sort is not supported for bounded OVER window.",
            _f.Error("SELECT SUM(price) OVER (ORDER BY price ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM bids").Message);
        Assert.Contains("LEAD Function is not supported in stream mode", _f.Error("SELECT LEAD(price) OVER (ORDER BY ts) FROM bids").Message);
        Assert.Contains("Not supported yet: OVER ROWS windows that end after the current row",
            _f.Error("SELECT SUM(price) OVER (ORDER BY ts ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM bids").Message);
    }
}
