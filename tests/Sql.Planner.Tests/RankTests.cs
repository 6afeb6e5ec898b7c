namespace StreamSql.Sql.Planner.Tests;

/// <summary>Top-N and deduplication planning: the pattern, the plans and their changelogs, and the refused forms.</summary>
public sealed class RankTests
{
    private readonly PlannerFixture _f = new();

    public RankTests()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Run("""
            CREATE TABLE out_all (auction BIGINT, bidder BIGINT, price BIGINT, rn BIGINT) WITH ('connector' = 'blackhole');
            CREATE TABLE out_rows (auction BIGINT, bidder BIGINT, price BIGINT) WITH ('connector' = 'blackhole');
            """);
    }

    private string PhysicalPlan(string statement)
    {
        var text = _f.Explain("CHANGELOG_MODE " + statement);
        int start = text.IndexOf("== Optimized Physical Plan ==\n", StringComparison.Ordinal) + "== Optimized Physical Plan ==\n".Length;
        return text[start..text.IndexOf("\n\n== Optimized Execution Plan", StringComparison.Ordinal)];
    }

    private const string Top10 = "SELECT auction, bidder, price, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids) WHERE rn <= 10";

    [Fact]
    public void A_row_number_bounded_by_the_outer_filter_is_an_append_fast_rank_hashed_by_its_partition()
    {
        Assert.Equal("""
            Calc(select=[auction, bidder, price, rn], changelogMode=[I,UB,UA,D])
            +- Rank(strategy=[AppendFastStrategy], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=10], partitionBy=[auction], orderBy=[price DESC], select=[auction, bidder, price, ts, rn], changelogMode=[I,UB,UA,D])
               +- Exchange(distribution=[hash[auction]], changelogMode=[I])
                  +- WatermarkAssigner(rowtime=[ts], watermark=[-(ts, 5000:INTERVAL MILLISECOND)], changelogMode=[I])
                     +- TableSourceScan(table=[[default_catalog, default_database, bids, project=[auction, bidder, price, ts]]], fields=[auction, bidder, price, ts], changelogMode=[I])
            """, PhysicalPlan(Top10));
    }

    [Theory]
    [InlineData("rn < 4", 1, 3, "")]
    [InlineData("rn = 2", 2, 2, "")]
    [InlineData("rn BETWEEN 2 AND 5", 2, 5, "")]
    [InlineData("3 >= rn AND price > 7", 1, 3, "where=[>(price, 7)]")]
    public void The_rank_range_comes_from_the_filter_and_other_terms_stay_a_filter(string filter, int start, int end, string residual)
    {
        var plan = PhysicalPlan($"SELECT auction, price, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price) AS rn FROM bids) WHERE {filter}");
        Assert.Contains($"rankRange=[rankStart={start}, rankEnd={end}], partitionBy=[auction], orderBy=[price ASC]", plan);
        if (residual.Length > 0) Assert.Contains(residual, plan);
        else Assert.DoesNotContain("where=", plan);
    }

    /// <summary>Flink's RankUtil: a lone upper bound by a column of the ranked input is a VariableRankRange (<c>rn &lt; b</c>
    /// and <c>rn = b</c> read as <c>rn &lt;= b</c>); with another bound on the number, or a lower bound by a column, it is no
    /// Top-N (an OVER aggregate, refused as one); a bound of another type is refused as Flink's AbstractTopNFunction does.</summary>
    [Theory]
    [InlineData("rn <= bidder", "")]
    [InlineData("bidder > rn", "")]
    [InlineData("rn = bidder AND price > 7", "where=[>(price, 7)]")]
    public void A_bound_by_a_column_of_the_input_is_a_variable_rank_range(string filter, string residual)
    {
        var plan = PhysicalPlan($"SELECT auction, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids) WHERE {filter}");
        Assert.Contains("Rank(strategy=[AppendFastStrategy], rankType=[ROW_NUMBER], rankRange=[rankEnd=bidder], partitionBy=[auction], orderBy=[price DESC], select=[auction, bidder, price, ts]", plan);
        if (residual.Length > 0) Assert.Contains(residual, plan);
        else Assert.DoesNotContain("where=", plan);
        var spec = _f.Run<InsertPlan>($"INSERT INTO out_rows SELECT auction, bidder, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids) WHERE {filter}")
            .Job.Vertices.SelectMany(v => v.Chain).OfType<StreamSql.Sql.Planner.Physical.RankSpec>().Single();
        Assert.Equal(1, spec.RankEndColumn);
    }

    [Theory]
    [InlineData("rn <= bidder AND rn >= 2")]
    [InlineData("rn >= bidder")]
    public void A_column_bound_with_another_bound_or_from_below_is_no_top_n(string filter)
    {
        var e = _f.Error($"SELECT auction, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids) WHERE {filter}");
        Assert.Contains("ASCENDING", e.Problem);
    }

    [Fact]
    public void A_column_bound_of_another_type_is_refused()
    {
        var e = _f.Error("SELECT auction FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM (SELECT *, CAST(price AS DOUBLE) AS p FROM bids)) WHERE rn <= p");
        Assert.Contains("variable rank index column must be long, short or int type", e.Problem);
    }

    [Fact]
    public void Without_the_rank_number_in_the_output_the_rank_does_not_compute_it()
    {
        var plan = PhysicalPlan("SELECT auction, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids) WHERE rn <= 3");
        Assert.Contains("select=[auction, price, ts], changelogMode=[I,UB,UA,D])", plan);
    }

    [Fact]
    public void Without_partition_the_rank_runs_on_one_subtask()
    {
        var plan = PhysicalPlan("SELECT price, rn FROM (SELECT price, ROW_NUMBER() OVER (ORDER BY price DESC) AS rn FROM bids) WHERE rn <= 3");
        Assert.Contains("partitionBy=[], orderBy=[price DESC]", plan);
        Assert.Contains("Exchange(distribution=[single]", plan);
    }

    [Theory]
    [InlineData("ts DESC", "LastRow", "ROWTIME", "I,UB,UA")]
    [InlineData("ts", "FirstRow", "ROWTIME", "I,UB,UA")]
    [InlineData("pt DESC", "LastRow", "PROCTIME", "I,UB,UA")]
    [InlineData("pt", "FirstRow", "PROCTIME", "I")]
    public void A_top_1_by_a_time_attribute_without_its_number_is_a_deduplication(string order, string keep, string time, string changelog)
    {
        var plan = PhysicalPlan($"SELECT auction, bidder, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction, bidder ORDER BY {order}) AS rn FROM (SELECT *, PROCTIME() AS pt FROM bids)) WHERE rn = 1");
        Assert.Contains($"Deduplicate(keep=[{keep}], key=[auction, bidder], order=[{time}], changelogMode=[{changelog}])", plan);
        Assert.Contains("Exchange(distribution=[hash[auction, bidder]]", plan);
    }

    [Fact]
    public void A_top_1_that_outputs_its_number_or_orders_by_a_plain_column_stays_a_rank()
    {
        Assert.Contains("Rank(strategy=[AppendFastStrategy], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=1]",
            PhysicalPlan("SELECT auction, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY ts DESC) AS rn FROM bids) WHERE rn = 1"));
        Assert.Contains("Rank(strategy=[AppendFastStrategy]",
            PhysicalPlan("SELECT auction FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids) WHERE rn = 1"));
    }

    [Fact]
    public void Partition_and_order_expressions_are_computed_below_the_rank()
    {
        var plan = PhysicalPlan("SELECT auction, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction % 10 ORDER BY price * 2 DESC) AS rn FROM bids) WHERE rn <= 2");
        Assert.Contains("partitionBy=[$over0], orderBy=[$over1 DESC]", plan);
        Assert.Contains("Exchange(distribution=[hash[$over0]]", plan);
    }

    [Fact]
    public void A_rank_function_without_a_filter_on_it_is_an_over_aggregate()
    {
        var plan = PhysicalPlan("SELECT auction, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY ts) AS rn FROM bids");
        Assert.Contains("OverAggregate(partitionBy=[auction], orderBy=[ts ASC], window=[ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW], select=[", plan);
        Assert.Contains("ROW_NUMBER(*) AS rn], changelogMode=[I])", plan);
        Assert.Contains("window=[RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW], select=[",
            PhysicalPlan("SELECT auction, DENSE_RANK() OVER (PARTITION BY auction ORDER BY ts) AS r FROM bids"));
        // Ordered by a column that is no time attribute (Flink 2.1): an OVER whose rows update those after them.
        Assert.Contains("OverAggregate(partitionBy=[auction], orderBy=[price ASC], window=[ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW], select=[",
            PhysicalPlan("SELECT auction, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price) AS rn FROM bids"));
        var e = _f.Error("SELECT auction,\n  ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids");
        Assert.Equal("The window can only be ordered in ASCENDING mode.", e.Problem);
        Assert.Equal((2, 3), (e.Span.Line, e.Span.Column));
    }

    [Fact]
    public void Other_over_uses_are_refused_at_their_span()
    {
        var e = _f.Error("SELECT auction FROM bids WHERE\n  SUM(price) OVER (PARTITION BY auction ORDER BY ts) > 3");
        Assert.StartsWith("Not supported yet: OVER here", e.Problem);
        Assert.Equal((2, 3), (e.Span.Line, e.Span.Column));
        var frame = _f.Error("SELECT * FROM (SELECT auction, ROW_NUMBER() OVER (ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS rn FROM bids) WHERE rn < 3");
        Assert.Equal("ROW/RANGE not allowed with RANK, DENSE_RANK or ROW_NUMBER functions", frame.Problem);
        var rank = _f.Error("SELECT * FROM (SELECT auction, RANK() OVER (ORDER BY price) AS rn FROM bids) WHERE rn < 3");
        Assert.Equal("RANK() on streaming table is not supported currently", rank.Problem);
        var unordered = _f.Error("SELECT * FROM (SELECT auction, ROW_NUMBER() OVER (PARTITION BY auction) AS rn FROM bids) WHERE rn < 3");
        Assert.Equal("ROW_NUMBER requires an ORDER BY clause in its window specification", unordered.Problem);
    }

    [Fact]
    public void A_top_n_over_an_updating_input_is_a_retract_rank_that_asks_for_update_before()
    {
        var plan = PhysicalPlan("SELECT * FROM (SELECT auction, n, ROW_NUMBER() OVER (ORDER BY n DESC) AS rn FROM (SELECT auction, SUM(price) AS n FROM bids GROUP BY auction)) WHERE rn <= 3");
        Assert.Contains("Rank(strategy=[RetractStrategy], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=3], partitionBy=[], orderBy=[n DESC], select=[auction, n, rn], changelogMode=[I,UB,UA,D])", plan);
        Assert.Contains("GroupAggregate(groupBy=[auction], select=[auction, SUM(price) AS n], changelogMode=[I,UB,UA])", plan);
    }

    [Theory]
    // Flink's UpdateFastStrategy.toString: the input's unique key (the GROUP BY's keys where the rank's input has them).
    [InlineData("SELECT * FROM (SELECT auction, n, ROW_NUMBER() OVER (ORDER BY n DESC) AS rn FROM (SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction)) WHERE rn <= 3",
        "Rank(strategy=[UpdateFastStrategy[0]], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=3], partitionBy=[], orderBy=[n DESC], select=[auction, n, rn]")]
    [InlineData("SELECT * FROM (SELECT n, bidder, auction, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY n DESC) AS rn FROM (SELECT auction, bidder, MAX(price) AS n FROM bids GROUP BY auction, bidder)) WHERE rn <= 2",
        "Rank(strategy=[UpdateFastStrategy[0,1]], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=2], partitionBy=[auction], orderBy=[n DESC], select=[auction, bidder, n, rn]")]
    public void A_top_n_whose_order_only_moves_a_row_up_names_flinks_update_fast_strategy_and_its_key(string query, string expected)
    {
        Assert.Contains(expected, PhysicalPlan(query));
    }

    [Fact]
    public void A_deduplication_over_an_updating_input_is_refused_with_flinks_changelog_message()
    {
        var e = _f.Error("SELECT auction, n FROM (SELECT auction, n, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY t DESC) AS rn FROM (SELECT auction, PROCTIME() AS t, n FROM (SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction))) WHERE rn = 1");
        Assert.StartsWith("StreamPhysicalDeduplicate doesn't support consuming update changes which is produced by node GroupAggregate", e.Problem);
    }

    [Fact]
    public void Rank_and_deduplication_keep_their_operator_ids_when_only_names_change()
    {
        string Ids(string sql) => string.Join(",", ((InsertPlan)_f.Run(sql)).Job.Vertices.SelectMany(v => v.Chain).Where(s => s is Physical.RankSpec or Physical.DeduplicateSpec).Select(s => s.StableId));
        var a = Ids("INSERT INTO out_all SELECT auction, bidder, price, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids) WHERE rn <= 10");
        var b = Ids("INSERT INTO out_all SELECT auction, bidder, price, r FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS r FROM bids AS x) WHERE r <= 10");
        Assert.NotEmpty(a);
        Assert.Equal(a, b);
        Assert.NotEqual(a, Ids("INSERT INTO out_all SELECT auction, bidder, price, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price) AS rn FROM bids) WHERE rn <= 10"));
    }

    [Theory]
    // Flink's RankProcessStrategy: an updating input that is a GROUP BY over an insert-only input, whose keys hold the
    // partition, ordered so that an update only moves a row up (COUNT/MAX descending, MIN ascending, grouping keys).
    [InlineData("SELECT auction, bidder, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY n DESC) AS rn FROM (SELECT auction, bidder, COUNT(*) AS n FROM bids GROUP BY auction, bidder)) WHERE rn <= 2", true)]
    [InlineData("SELECT auction, bidder, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY n ASC) AS rn FROM (SELECT auction, bidder, MIN(price) AS n FROM bids GROUP BY auction, bidder)) WHERE rn <= 2", true)]
    [InlineData("SELECT auction, bidder, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY n ASC) AS rn FROM (SELECT auction, bidder, COUNT(*) AS n FROM bids GROUP BY auction, bidder)) WHERE rn <= 2", false)]
    [InlineData("SELECT auction, bidder, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY n DESC) AS rn FROM (SELECT auction, bidder, SUM(price) AS n FROM bids GROUP BY auction, bidder)) WHERE rn <= 2", false)]
    [InlineData("SELECT auction, bidder, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY n DESC) AS rn FROM (SELECT auction, bidder, COUNT(*) AS n FROM bids GROUP BY auction, bidder HAVING COUNT(*) > 1)) WHERE rn <= 2", false)]
    [InlineData("SELECT auction, bidder, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder ORDER BY n DESC) AS rn FROM (SELECT auction, COUNT(*) AS n, MAX(bidder) AS bidder FROM bids GROUP BY auction)) WHERE rn <= 2", false)]
    public void A_top_n_over_a_count_is_flinks_update_fast_strategy_only_where_an_update_moves_a_row_up(string query, bool updateFast)
    {
        var ranks = ((InsertPlan)_f.Run("INSERT INTO out_rows " + query)).Job.Vertices.SelectMany(v => v.Chain).OfType<Physical.RankSpec>().ToList();
        var rank = Assert.Single(ranks);
        Assert.True(rank.Retract);
        Assert.Equal(updateFast, rank.UpdateFast);
        // The GROUP BY's keys (auction, bidder), by which the operator pairs a -U with its +U.
        Assert.Equal(updateFast ? [0, 1] : [], rank.UniqueKey);
    }
}
