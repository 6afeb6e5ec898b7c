namespace StreamSql.Sql.Planner.Tests;

/// <summary>Window join planning: the pattern (two window table functions of one spec joined on window_start and
/// window_end), Flink's EXPLAIN text, an insert-only changelog, the time attributes it keeps, and the forms that stay a
/// regular join (Flink's WindowJoinUtil rules).</summary>
public sealed class WindowJoinTests
{
    private readonly PlannerFixture _f = new();

    public WindowJoinTests()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Run("CREATE TABLE asks (auction BIGINT, price BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen')");
    }

    private string PhysicalPlan(string statement)
    {
        var text = _f.Explain("CHANGELOG_MODE " + statement);
        int start = text.IndexOf("== Optimized Physical Plan ==\n", StringComparison.Ordinal) + "== Optimized Physical Plan ==\n".Length;
        return text[start..text.IndexOf("\n\n== Optimized Execution Plan", StringComparison.Ordinal)];
    }

    private static string Windowed(string table, string window = "TUMBLE", string size = "INTERVAL '5' MINUTES") =>
        $"(SELECT * FROM TABLE({window}(TABLE {table}, DESCRIPTOR(ts), {size})))";

    [Fact]
    public void A_full_join_of_two_tumbling_windows_is_an_insert_only_window_join()
    {
        var plan = PhysicalPlan($"""
            SELECT L.price AS L_Num, L.auction AS L_Id, R.price AS R_Num, R.auction AS R_Id,
                   COALESCE(L.window_start, R.window_start) AS window_start, COALESCE(L.window_end, R.window_end) AS window_end
            FROM {Windowed("bids")} L FULL JOIN {Windowed("asks")} R
            ON L.price = R.price AND L.window_start = R.window_start AND L.window_end = R.window_end
            """);
        Assert.Equal("""
            Calc(select=[price AS L_Num, auction AS L_Id, price0 AS R_Num, auction0 AS R_Id, COALESCE(window_start, window_start0) AS window_start, COALESCE(window_end, window_end0) AS window_end], changelogMode=[I])
            +- WindowJoin(leftWindow=[TUMBLE(win_start=[window_start], win_end=[window_end], size=[5 min])], rightWindow=[TUMBLE(win_start=[window_start], win_end=[window_end], size=[5 min])], joinType=[FullOuterJoin], where=[=(price, price0)], select=[auction, price, window_start, window_end, auction0, price0, window_start0, window_end0], changelogMode=[I])
               :- Exchange(distribution=[hash[price]], changelogMode=[I])
               :  +- Calc(select=[auction, price, window_start, window_end], changelogMode=[I])
               :     +- WindowTableFunction(window=[TUMBLE(time_col=[ts], size=[5 min])], changelogMode=[I])
               :        +- WatermarkAssigner(rowtime=[ts], watermark=[-(ts, 5000:INTERVAL MILLISECOND)], changelogMode=[I])
               :           +- TableSourceScan(table=[[default_catalog, default_database, bids, project=[auction, price, ts]]], fields=[auction, price, ts], changelogMode=[I])
               +- Exchange(distribution=[hash[price]], changelogMode=[I])
                  +- Calc(select=[auction, price, window_start, window_end], changelogMode=[I])
                     +- WindowTableFunction(window=[TUMBLE(time_col=[ts], size=[5 min])], changelogMode=[I])
                        +- WatermarkAssigner(rowtime=[ts], watermark=[-(ts, 5000:INTERVAL MILLISECOND)], changelogMode=[I])
                           +- TableSourceScan(table=[[default_catalog, default_database, asks]], fields=[auction, price, ts], changelogMode=[I])
            """, plan);
    }

    [Theory]
    [InlineData("HOP", "INTERVAL '1' MINUTE, INTERVAL '5' MINUTES", "HOP(win_start=[window_start], win_end=[window_end], size=[5 min], slide=[1 min])")]
    [InlineData("CUMULATE", "INTERVAL '1' MINUTE, INTERVAL '5' MINUTES", "CUMULATE(win_start=[window_start], win_end=[window_end], max_size=[5 min], step=[1 min])")]
    public void Hopping_and_cumulating_windows_join_too(string window, string size, string explained)
    {
        var plan = PhysicalPlan($"SELECT L.auction, R.price FROM {Windowed("bids", window, size)} L JOIN {Windowed("asks", window, size)} R "
            + "ON L.auction = R.auction AND L.window_start = R.window_start AND L.window_end = R.window_end AND L.price > R.price");
        Assert.Contains($"WindowJoin(leftWindow=[{explained}], rightWindow=[{explained}], joinType=[InnerJoin], where=[AND(=(auction, auction0), >(price, price0))]", plan);
    }

    [Fact]
    public void Nexmark_q5_max_per_window_of_a_window_count_is_a_window_aggregation_joined_back_by_a_window_join()
    {
        // Flink's window properties flow through a window aggregation (renamed or not), so grouping its output by them is a
        // window aggregation, and joining both on them a window join: insert-only, as Flink plans Nexmark q5.
        var plan = PhysicalPlan("""
            SELECT AuctionBids.auction, AuctionBids.num FROM (
                SELECT auction, COUNT(*) AS num, window_start AS starttime, window_end AS endtime
                FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND)) GROUP BY auction, window_start, window_end
            ) AS AuctionBids JOIN (
                SELECT MAX(CountBids.num) AS maxn, CountBids.starttime, CountBids.endtime FROM (
                    SELECT COUNT(*) AS num, window_start AS starttime, window_end AS endtime
                    FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND)) GROUP BY auction, window_start, window_end
                ) AS CountBids GROUP BY CountBids.starttime, CountBids.endtime
            ) AS MaxBids ON AuctionBids.starttime = MaxBids.starttime AND AuctionBids.endtime = MaxBids.endtime AND AuctionBids.num >= MaxBids.maxn
            """);
        Assert.Contains("WindowAggregate(window=[HOP(win_start=[starttime], win_end=[endtime], size=[10 s], slide=[2 s])], select=[MAX(num) AS maxn", plan);
        Assert.Contains("WindowJoin(leftWindow=[HOP(win_start=[starttime], win_end=[endtime], size=[10 s], slide=[2 s])]", plan);
        Assert.DoesNotContain("GroupAggregate", plan);
        Assert.DoesNotContain("UB", plan);
    }

    [Fact]
    public void Exists_and_not_exists_on_the_windows_are_window_semi_and_anti_joins()
    {
        var semi = PhysicalPlan($"SELECT * FROM {Windowed("bids")} L WHERE EXISTS (SELECT * FROM {Windowed("asks")} R "
            + "WHERE L.auction = R.auction AND L.window_start = R.window_start AND L.window_end = R.window_end)");
        Assert.Contains("WindowJoin(leftWindow=[TUMBLE(win_start=[window_start], win_end=[window_end], size=[5 min])], rightWindow=[TUMBLE(win_start=[window_start], win_end=[window_end], size=[5 min])], joinType=[LeftSemiJoin]", semi);
        var anti = PhysicalPlan($"SELECT * FROM {Windowed("bids")} L WHERE NOT EXISTS (SELECT * FROM {Windowed("asks")} R "
            + "WHERE L.auction = R.auction AND L.window_start = R.window_start AND L.window_end = R.window_end)");
        Assert.Contains("joinType=[LeftAntiJoin]", anti);
        Assert.DoesNotContain("changelogMode=[I,UB,UA,D]", anti);
    }

    [Fact]
    public void Only_the_windows_as_keys_run_on_one_subtask()
    {
        var plan = PhysicalPlan($"SELECT L.auction, R.auction FROM {Windowed("bids")} L JOIN {Windowed("asks")} R "
            + "ON L.window_start = R.window_start AND L.window_end = R.window_end");
        Assert.Contains("joinType=[InnerJoin], select=[", plan);
        Assert.Contains("Exchange(distribution=[single]", plan);
    }

    [Fact]
    public void The_window_time_of_a_window_join_stays_a_time_attribute_for_a_later_window()
    {
        _f.Run($"CREATE VIEW joined AS SELECT L.auction, L.price, L.window_time FROM {Windowed("bids")} L JOIN {Windowed("asks")} R "
            + "ON L.auction = R.auction AND L.window_start = R.window_start AND L.window_end = R.window_end");
        var plan = PhysicalPlan("SELECT window_start, window_end, SUM(price) AS total FROM TABLE(TUMBLE(TABLE joined, DESCRIPTOR(window_time), INTERVAL '1' HOUR)) GROUP BY window_start, window_end");
        Assert.Contains("WindowAggregate(window=[TUMBLE(time_col=[window_time], size=[1 h])]", plan);
        Assert.Contains("WindowJoin(", plan);
    }

    [Fact]
    public void The_window_time_of_a_window_semi_join_stays_a_time_attribute_too()
    {
        _f.Run($"CREATE VIEW kept AS SELECT L.auction, L.price, L.window_time FROM {Windowed("bids")} L WHERE L.auction IN (SELECT R.auction FROM {Windowed("asks")} R "
            + "WHERE L.window_start = R.window_start AND L.window_end = R.window_end)");
        var plan = PhysicalPlan("SELECT window_start, window_end, SUM(price) AS total FROM TABLE(TUMBLE(TABLE kept, DESCRIPTOR(window_time), INTERVAL '1' HOUR)) GROUP BY window_start, window_end");
        Assert.Contains("WindowAggregate(window=[TUMBLE(time_col=[window_time], size=[1 h])]", plan);
        Assert.Contains("joinType=[LeftSemiJoin]", plan);
    }

    [Fact]
    public void A_regular_semi_join_still_materializes_time_attributes()
    {
        _f.Run("CREATE VIEW plain AS SELECT auction, price, ts FROM bids WHERE auction IN (SELECT auction FROM asks)");
        var error = Assert.ThrowsAny<Exception>(() => PhysicalPlan("SELECT window_start, SUM(price) FROM TABLE(TUMBLE(TABLE plain, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY window_start, window_end"));
        Assert.Contains("time attribute", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_aggregation_by_the_windows_a_window_join_carries_is_a_window_aggregation()
    {
        var plan = PhysicalPlan($"SELECT window_start, window_end, COUNT(*) AS pairs FROM (SELECT L.window_start, L.window_end FROM {Windowed("bids")} L "
            + $"JOIN {Windowed("asks")} R ON L.auction = R.auction AND L.window_start = R.window_start AND L.window_end = R.window_end) GROUP BY window_start, window_end");
        Assert.Contains("WindowAggregate(window=[TUMBLE(win_start=[window_start], win_end=[window_end], size=[5 min])]", plan);
        Assert.DoesNotContain("GroupAggregate", plan);
        Assert.DoesNotContain("I,UB,UA", plan);
    }

    [Fact]
    public void The_padded_side_windows_of_an_outer_window_join_are_not_windows_for_a_later_aggregation()
    {
        var plan = PhysicalPlan($"SELECT window_start, window_end, COUNT(*) AS pairs FROM (SELECT R.window_start, R.window_end FROM {Windowed("bids")} L "
            + $"LEFT JOIN {Windowed("asks")} R ON L.auction = R.auction AND L.window_start = R.window_start AND L.window_end = R.window_end) GROUP BY window_start, window_end");
        Assert.Contains("WindowJoin(", plan);
        Assert.Contains("GroupAggregate(", plan);
    }

    [Theory]
    // Different window specs, and only window_start equal: Flink keeps a regular join (and only logs why).
    [InlineData("INTERVAL '5' MINUTES", "INTERVAL '10' MINUTES", "L.window_start = R.window_start AND L.window_end = R.window_end")]
    [InlineData("INTERVAL '5' MINUTES", "INTERVAL '5' MINUTES", "L.window_start = R.window_start")]
    [InlineData("INTERVAL '5' MINUTES", "INTERVAL '5' MINUTES", "L.window_start = R.window_end AND L.window_end = R.window_start")]
    public void Other_joins_of_windowed_relations_stay_regular_joins(string leftSize, string rightSize, string on)
    {
        var plan = PhysicalPlan($"SELECT L.auction, R.price FROM {Windowed("bids", size: leftSize)} L JOIN {Windowed("asks", size: rightSize)} R "
            + $"ON L.auction = R.auction AND {on}");
        Assert.DoesNotContain("WindowJoin", plan);
        Assert.Contains("Join(joinType=[InnerJoin]", plan);
    }
}
