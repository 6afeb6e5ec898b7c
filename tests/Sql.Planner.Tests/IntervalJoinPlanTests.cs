using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Interval joins: which conditions make one (bounds between the two inputs' rowtimes), the bounds found
/// (inclusive, strict, either orientation), the time attributes kept, the insert-only changelog of outer interval joins,
/// Flink's EXPLAIN text, and the conditions that stay regular joins.</summary>
public sealed class IntervalJoinPlanTests
{
    private const long Second = 1_000_000;
    private readonly PlannerFixture _f = new();

    public IntervalJoinPlanTests() => _f.Run(PlannerFixture.Bids + """
        CREATE TABLE auctions (id BIGINT, seller BIGINT, category INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');
        """);

    private QueryPlan Query(string sql) => _f.Run<QueryPlan>(sql);

    private IntervalJoinSpec? Interval(string sql) => Query(sql).Job.Vertices.SelectMany(v => v.Chain).OfType<IntervalJoinSpec>().SingleOrDefault();

    private bool Regular(string sql) => Query(sql).Job.Vertices.SelectMany(v => v.Chain).OfType<JoinSpec>().Any();

    [Fact]
    public void Between_bounds_make_an_interval_join_that_keeps_both_rowtimes()
    {
        const string sql = "SELECT b.price, a.seller, b.ts, a.ts AS ats FROM bids b JOIN auctions a ON b.auction = a.id AND b.ts BETWEEN a.ts AND a.ts + INTERVAL '4' HOUR";
        var spec = Interval(sql)!;
        Assert.Equal((true, 0L, 4 * 3600 * Second), (spec.Bounds.IsRowTime, spec.Bounds.LeftLower, spec.Bounds.LeftUpper));
        Assert.Equal("ts", spec.LeftSchema[spec.Bounds.LeftTimeIndex].Name);
        Assert.Equal("ts", spec.RightSchema[spec.Bounds.RightTimeIndex].Name);
        Assert.Equal(ChangelogMode.InsertOnly, spec.OutputChangelog);
        var schema = Query(sql).ResultSchema;
        Assert.True(schema[2].Type.IsRowtime);
        Assert.True(schema[3].Type.IsRowtime);
    }

    [Fact]
    public void Strict_bounds_are_tightened_by_a_microsecond_and_either_orientation_is_read()
    {
        var strict = Interval("SELECT b.price FROM bids b JOIN auctions a ON b.auction = a.id AND b.ts >= a.ts - INTERVAL '5' SECOND AND b.ts < a.ts")!;
        Assert.Equal((-5 * Second, -1L), (strict.Bounds.LeftLower, strict.Bounds.LeftUpper));
        var flipped = Interval("SELECT b.price FROM bids b JOIN auctions a ON b.auction = a.id AND a.ts + INTERVAL '1' SECOND > b.ts AND a.ts <= b.ts")!;
        Assert.Equal((0L, Second - 1), (flipped.Bounds.LeftLower, flipped.Bounds.LeftUpper));
        var where = Interval("SELECT b.price FROM bids b, auctions a WHERE b.auction = a.id AND a.ts BETWEEN b.ts - INTERVAL '2' SECOND AND b.ts + INTERVAL '3' SECOND")!;
        Assert.Equal((-3 * Second, 2 * Second), (where.Bounds.LeftLower, where.Bounds.LeftUpper));
    }

    [Theory]
    [InlineData("LEFT")]
    [InlineData("RIGHT")]
    [InlineData("FULL")]
    public void Outer_interval_joins_are_insert_only(string kind)
    {
        var spec = Interval($"SELECT b.price, a.seller, a.ts AS ats FROM bids b {kind} JOIN auctions a ON b.auction = a.id AND a.ts BETWEEN b.ts - INTERVAL '1' MINUTE AND b.ts")!;
        Assert.Equal(ChangelogMode.InsertOnly, spec.OutputChangelog);
        Assert.NotEqual(JoinType.Inner, spec.JoinType);
    }

    [Theory]
    [InlineData("b.ts > a.ts")]
    [InlineData("(b.ts > a.ts AND b.ts < a.ts + INTERVAL '1' SECOND OR b.price > 3)")]
    [InlineData("b.price > a.seller AND b.price < a.seller + 10")]
    [InlineData("CAST(b.ts AS TIMESTAMP(3)) > a.ts AND b.ts < a.ts")]
    public void Conditions_without_a_lower_and_an_upper_time_bound_stay_regular_joins(string condition)
    {
        string sql = $"SELECT b.price, b.ts FROM bids b JOIN auctions a ON b.auction = a.id AND {condition}";
        Assert.Null(Interval(sql));
        Assert.True(Regular(sql));
        Assert.False(Query(sql).ResultSchema[1].Type.IsRowtime);
    }

    [Fact]
    public void An_updating_input_is_refused_as_flink_refuses_it()
    {
        _f.Run("CREATE TABLE changes (id BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka', 'topic' = 't', 'format' = 'debezium-json');");
        var e = _f.Error("SELECT b.price, c.id FROM bids b JOIN changes c ON b.auction = c.id AND b.ts BETWEEN c.ts AND c.ts + INTERVAL '1' SECOND");
        Assert.StartsWith("StreamPhysicalIntervalJoin doesn't support consuming update and delete changes which is produced by node", e.Problem);
    }

    [Fact]
    public void Explain_prints_flinks_interval_join_in_milliseconds()
    {
        var text = _f.Explain("SELECT b.price, a.seller FROM bids b JOIN auctions a ON b.auction = a.id AND b.ts >= a.ts - INTERVAL '5' SECOND AND b.ts < a.ts");
        Assert.Contains("IntervalJoin(joinType=[InnerJoin], windowBounds=[isRowTime=true, leftLowerBound=-5000, leftUpperBound=-1, leftTimeIndex=", text);
        Assert.Contains("leftTimeIndex=2, rightTimeIndex=2], where=[((auction = id) AND ((ts >= (ts0 - 5000:INTERVAL MILLISECOND)) AND (ts < ts0)))], "
            + "select=[auction, price, ts, id, seller, ts0])", text);
        Assert.Contains("Exchange(distribution=[hash[auction]])", text);
    }

    [Fact]
    public void A_tumble_window_reads_the_rowtime_an_interval_join_keeps()
    {
        var plan = Query("SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE (SELECT b.price, b.ts FROM bids b JOIN auctions a "
            + "ON b.auction = a.id AND b.ts BETWEEN a.ts AND a.ts + INTERVAL '1' MINUTE), DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end");
        Assert.Contains(plan.Job.Vertices.SelectMany(v => v.Chain), s => s is IntervalJoinSpec);
        Assert.Contains(plan.Job.Vertices.SelectMany(v => v.Chain), s => s is WindowAggregateSpec);
    }

    [Fact]
    public void A_comma_join_bounded_in_where_keeps_both_rowtimes_for_a_window_after_it()
    {
        // Flink pushes the WHERE into the join before RelTimeIndicatorConverter, which keeps an interval join's time
        // attributes: the sql-training's Rides, Fares WHERE ... then GROUP BY TUMBLE(r.rideTime, ...).
        const string sql = "SELECT TUMBLE_START(a.ts, INTERVAL '1' HOUR) AS h, AVG(b.price) AS p FROM auctions a, bids b "
            + "WHERE a.id = b.auction AND a.category > 0 AND b.ts BETWEEN a.ts - INTERVAL '5' MINUTE AND a.ts GROUP BY TUMBLE(a.ts, INTERVAL '1' HOUR)";
        var chain = Query(sql).Job.Vertices.SelectMany(v => v.Chain).ToList();
        Assert.Contains(chain, s => s is IntervalJoinSpec);
        Assert.True(Query("SELECT a.ts, b.ts AS bts FROM auctions a, bids b WHERE a.id = b.auction AND b.ts BETWEEN a.ts AND a.ts + INTERVAL '1' SECOND").ResultSchema[1].Type.IsRowtime);
        // So does an inner join on the key bounded in WHERE.
        Assert.True(Query("SELECT a.ts, b.ts AS bts FROM auctions a JOIN bids b ON a.id = b.auction WHERE b.ts BETWEEN a.ts AND a.ts + INTERVAL '1' SECOND").ResultSchema[1].Type.IsRowtime);
        // Without time bounds the WHERE filters a regular join, whose rowtimes are plain timestamps.
        Assert.False(Query("SELECT a.ts FROM auctions a, bids b WHERE a.id = b.auction").ResultSchema[0].Type.IsTimeAttribute);
    }
}
