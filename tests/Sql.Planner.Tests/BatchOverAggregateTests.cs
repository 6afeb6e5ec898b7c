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
    public void A_rank_top_n_in_batch_mode_filters_the_batch_over_aggregates_rank()
    {
        const string query = "SELECT auction, price FROM (SELECT *, DENSE_RANK() OVER (PARTITION BY auction ORDER BY price DESC) AS r FROM bids) WHERE r <= 2";
        Assert.Single(Specs<BatchOverAggregateSpec>(query));
        Assert.DoesNotContain("not supported", _f.Explain(query));
    }

    [Fact]
    public void A_bounded_range_frame_is_refused_in_batch_mode_and_streaming_keeps_its_rules()
    {
        var error = _f.Error("SELECT SUM(price) OVER (ORDER BY price RANGE BETWEEN 10 PRECEDING AND CURRENT ROW) FROM bids");
        Assert.Contains("bounded preceding offset in batch mode", error.Message);
        Assert.Contains("OVER windows cannot be ordered by a value of type ARRAY",
            _f.Error("SELECT SUM(price) OVER (ORDER BY ARRAY[price]) FROM bids").Message);
        Assert.Contains("OVER windows cannot be partitioned by a value of type ROW",
            _f.Error("SELECT SUM(price) OVER (PARTITION BY ROW(price, url) ORDER BY price) FROM bids").Message);
        _f.Configuration = Configuration.Empty;
        Assert.Contains("OVER windows' ordering in stream mode must be defined on a time attribute",
            _f.Error("SELECT SUM(price) OVER (ORDER BY price) FROM bids").Message);
        Assert.Contains("LEAD Function is not supported in stream mode", _f.Error("SELECT LEAD(price) OVER (ORDER BY ts) FROM bids").Message);
    }
}
