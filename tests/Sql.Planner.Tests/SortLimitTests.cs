namespace StreamSql.Sql.Planner.Tests;

/// <summary>ORDER BY / LIMIT / OFFSET in streaming: Limit, SortLimit, their changelogs, and the refused forms.</summary>
public sealed class SortLimitTests
{
    private readonly PlannerFixture _f = new();

    public SortLimitTests()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Run("CREATE TABLE out_rows (auction BIGINT, price BIGINT) WITH ('connector' = 'filesystem', 'path' = '/tmp/out');");
    }

    private string PhysicalPlan(string statement)
    {
        var text = _f.Explain("CHANGELOG_MODE " + statement);
        int start = text.IndexOf("== Optimized Physical Plan ==\n", StringComparison.Ordinal) + "== Optimized Physical Plan ==\n".Length;
        return text[start..text.IndexOf("\n\n== Optimized Execution Plan", StringComparison.Ordinal)];
    }

    [Fact]
    public void Limit_without_order_is_an_insert_only_limit_on_one_subtask()
    {
        Assert.Equal("""
            Limit(offset=[0], fetch=[10], changelogMode=[I])
            +- Exchange(distribution=[single], changelogMode=[I])
               +- Calc(select=[auction, price], changelogMode=[I])
                  +- WatermarkAssigner(rowtime=[ts], watermark=[-(ts, 5000:INTERVAL MILLISECOND)], changelogMode=[I])
                     +- TableSourceScan(table=[[default_catalog, default_database, bids, project=[auction, price, ts]]], fields=[auction, price, ts], changelogMode=[I])
            """, PhysicalPlan("SELECT auction, price FROM bids LIMIT 10"));
    }

    [Theory]
    [InlineData("SELECT * FROM bids LIMIT 5 OFFSET 3", "Limit(offset=[3], fetch=[5]")]
    [InlineData("SELECT * FROM bids OFFSET 3 ROWS FETCH FIRST 5 ROWS ONLY", "Limit(offset=[3], fetch=[5]")]
    [InlineData("SELECT * FROM bids FETCH FIRST ROW ONLY", "Limit(offset=[0], fetch=[1]")]
    [InlineData("SELECT * FROM bids OFFSET 4", "Limit(offset=[4], fetch=[unlimited]")]
    public void Offset_and_fetch_forms(string sql, string expected)
    {
        Assert.Contains(expected, PhysicalPlan(sql));
    }

    [Fact]
    public void Order_by_with_limit_is_a_global_sort_limit_with_updates()
    {
        var plan = PhysicalPlan("SELECT auction, price FROM bids ORDER BY price DESC, auction LIMIT 3");
        Assert.Equal("SortLimit(orderBy=[price DESC, auction ASC], offset=[0], fetch=[3], strategy=[AppendFastStrategy], changelogMode=[I,UB,UA,D])", plan.Split('\n')[0]);
        Assert.Contains("Exchange(distribution=[single]", plan);
    }

    [Theory]
    [InlineData("SELECT auction AS a, price FROM bids ORDER BY a LIMIT 2 OFFSET 1", "orderBy=[a ASC], offset=[1], fetch=[2]")]
    [InlineData("SELECT auction, price FROM bids ORDER BY 2 DESC NULLS FIRST LIMIT 2", "orderBy=[price DESC NULLS FIRST], offset=[0], fetch=[2]")]
    [InlineData("SELECT auction, price FROM bids ORDER BY price NULLS LAST LIMIT 2", "orderBy=[price ASC NULLS LAST], offset=[0], fetch=[2]")]
    public void Order_keys_name_output_columns_aliases_or_positions(string sql, string expected)
    {
        Assert.Contains(expected, PhysicalPlan(sql));
    }

    [Fact]
    public void A_limit_feeds_an_append_only_sink()
    {
        Assert.Contains("Limit(offset=[0], fetch=[3]", _f.Explain("INSERT INTO out_rows SELECT auction, price FROM bids LIMIT 3"));
    }

    [Fact]
    public void A_sort_limit_over_an_updating_input_takes_the_retract_strategy()
    {
        Assert.Contains("SortLimit(orderBy=[EXPR$1 DESC], offset=[0], fetch=[3], strategy=[RetractStrategy]",
            PhysicalPlan("SELECT auction, SUM(price) FROM bids GROUP BY auction ORDER BY 2 DESC LIMIT 3"));
    }

    [Fact]
    public void A_sort_limit_by_a_count_descending_takes_flinks_update_fast_strategy()
    {
        Assert.Contains("SortLimit(orderBy=[EXPR$1 DESC], offset=[0], fetch=[3], strategy=[UpdateFastStrategy[0]]",
            PhysicalPlan("SELECT auction, COUNT(*) FROM bids GROUP BY auction ORDER BY 2 DESC LIMIT 3"));
    }

    [Fact]
    public void Limit_over_an_updating_input_is_a_rank_that_asks_for_update_befores_and_emits_any_change()
    {
        var plan = PhysicalPlan("SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction LIMIT 3 OFFSET 1");
        Assert.StartsWith("""
            Limit(offset=[1], fetch=[3], changelogMode=[I,UB,UA,D])
            +- Exchange(distribution=[single], changelogMode=[I,UB,UA])
               +- GroupAggregate(groupBy=[auction], select=[auction, COUNT(*) AS n], changelogMode=[I,UB,UA])
            """, plan);
    }

    [Fact]
    public void Limit_over_an_updating_input_into_an_append_only_sink_is_refused()
    {
        var e = _f.Error("INSERT INTO out_rows SELECT auction, COUNT(*) FROM bids GROUP BY auction LIMIT 3");
        Assert.Contains("doesn't support consuming update and delete changes", e.Problem);
    }

    [Fact]
    public void Order_by_a_non_time_column_without_limit_is_refused_with_flinks_message_at_the_order_by()
    {
        var e = _f.Error("SELECT auction, price\nFROM bids ORDER BY price");
        Assert.Equal("Sort on a non-time-attribute field is not supported.", e.Problem);
        Assert.Equal((2, 20), (e.Span.Line, e.Span.Column));
        Assert.Equal("Sort on a non-time-attribute field is not supported.", _f.Error("SELECT * FROM bids ORDER BY ts DESC").Problem);
        Assert.Equal("Sort on a non-time-attribute field is not supported.", _f.Error("SELECT * FROM bids ORDER BY price, ts").Problem);
    }

    [Fact]
    public void Order_by_the_rowtime_without_limit_is_an_insert_only_temporal_sort()
    {
        var plan = PhysicalPlan("SELECT auction, price, ts FROM bids ORDER BY ts, price DESC");
        Assert.Equal("TemporalSort(orderBy=[ts ASC, price DESC], changelogMode=[I])", plan.Split('\n')[0]);
        Assert.Contains("Exchange(distribution=[single]", plan);
    }

    [Fact]
    public void A_subquery_drops_its_order_by_without_limit_as_calcite_does_and_keeps_it_with_limit()
    {
        var dropped = PhysicalPlan("SELECT auction FROM (SELECT auction, price FROM bids ORDER BY price) WHERE price > 1");
        Assert.DoesNotContain("Sort", dropped);
        Assert.Contains("SortLimit(orderBy=[price ASC], offset=[0], fetch=[2]", PhysicalPlan("SELECT auction FROM (SELECT auction, price FROM bids ORDER BY price LIMIT 2) WHERE price > 1"));
        Assert.DoesNotContain("Sort", PhysicalPlan("WITH b AS (SELECT * FROM bids ORDER BY price) SELECT auction FROM b"));
        Assert.Equal("Sort on a non-time-attribute field is not supported.", _f.Error("WITH b AS (SELECT * FROM bids) SELECT auction FROM b ORDER BY auction").Problem);
    }

    [Fact]
    public void Order_by_proctime_alone_or_then_other_keys_is_a_temporal_sort()
    {
        _f.Run("CREATE TABLE clicks (id BIGINT, pt AS PROCTIME()) WITH ('connector' = 'datagen')");
        Assert.StartsWith("TemporalSort(orderBy=[pt ASC], changelogMode=[I])", PhysicalPlan("SELECT id, pt FROM clicks ORDER BY pt"));
        Assert.StartsWith("TemporalSort(orderBy=[pt ASC, id DESC], changelogMode=[I])", PhysicalPlan("SELECT id, pt FROM clicks ORDER BY pt, id DESC"));
    }

    [Theory]
    [InlineData("SELECT * FROM bids LIMIT price", "LIMIT takes a non-negative integer literal")]
    [InlineData("SELECT * FROM bids ORDER BY 9 LIMIT 1", "Ordinal out of range")]
    [InlineData("SELECT DISTINCT auction FROM bids ORDER BY price LIMIT 1", "Expression 'price' is not in the select clause")]
    [InlineData("SELECT * FROM bids ORDER BY nosuch LIMIT 1", "nosuch")]
    public void Malformed_forms_are_refused_at_their_clause(string sql, string expected)
    {
        var e = _f.Error(sql);
        Assert.Contains(expected, e.Problem);
        Assert.True(e.Span.Line >= 1);
    }

    [Theory]
    [InlineData("SELECT auction FROM bids ORDER BY price DESC LIMIT 3", "Calc(select=[auction]", "SortLimit(orderBy=[$order0 DESC]", "Calc(select=[auction, price AS $order0]")]
    [InlineData("SELECT auction, price FROM bids ORDER BY price + 1 LIMIT 3", "Calc(select=[auction, price]", "SortLimit(orderBy=[$order0 ASC]", "Calc(select=[auction, price, +(price, 1) AS $order0]")]
    [InlineData("SELECT auction FROM bids GROUP BY auction ORDER BY MAX(price) DESC LIMIT 3", "Calc(select=[auction]", "SortLimit(orderBy=[$order0 DESC]", "GroupAggregate(groupBy=[auction], select=[auction, MAX(price) AS $order0]")]
    [InlineData("SELECT auction FROM bids ORDER BY ts", "Calc(select=[auction]", "TemporalSort(orderBy=[$order0 ASC]", "Calc(select=[auction, ts AS $order0]")]
    public void Order_by_what_the_select_list_leaves_out_is_computed_beside_it_and_dropped_after_the_sort(string sql, string top, string sort, string below)
    {
        var lines = PhysicalPlan(sql).Split('\n').Select(l => l.TrimStart(' ', '+', '-', '|')).ToList();
        Assert.StartsWith(top, lines[0]);
        Assert.StartsWith(sort, lines[1]);
        Assert.Contains(lines, l => l.StartsWith(below, StringComparison.Ordinal));
    }

    [Fact]
    public void Order_by_with_offset_and_no_limit_is_a_sort_limit_with_an_unlimited_fetch()
    {
        Assert.StartsWith("SortLimit(orderBy=[price DESC], offset=[2], fetch=[unlimited], strategy=[AppendFastStrategy], changelogMode=[I,UB,UA,D])",
            PhysicalPlan("SELECT auction, price FROM bids ORDER BY price DESC OFFSET 2 ROWS"));
    }

    [Theory]
    [InlineData("SELECT auction, price FROM bids OFFSET 2")]
    [InlineData("SELECT auction, price FROM bids ORDER BY price DESC OFFSET 2 ROWS")]
    [InlineData("INSERT INTO out_table SELECT auction, price FROM bids ORDER BY price OFFSET 2")]
    public void An_offset_without_a_fetch_is_explained_but_refused_as_a_job(string sql)
    {
        // Flink's StreamExecLimit / StreamExecSortLimit throw when the job is translated; EXPLAIN does not translate it.
        Assert.Contains("fetch=[unlimited]", _f.Explain(sql));
        var e = _f.Error(sql);
        Assert.Equal("FETCH is missed, which on streaming table is not supported currently.", e.Problem);
        Assert.StartsWith("2", sql[e.Span.StartOffset..]); // the caret is under the offset
    }

    [Fact]
    public void In_batch_mode_an_offset_without_a_fetch_runs()
    {
        _f.Configuration = Config.Configuration.Empty.With("execution.runtime-mode", "batch");
        _f.Run("INSERT INTO out_table SELECT auction, price FROM bids OFFSET 2");
    }

    [Fact]
    public void Limit_zero_reads_nothing()
    {
        var plan = PhysicalPlan("SELECT auction FROM bids LIMIT 0");
        Assert.DoesNotContain("TableSourceScan", plan);
        Assert.Contains("Values", plan);
    }

    [Fact]
    public void Stable_ids_tell_limit_and_sort_limit_apart()
    {
        var limit = _f.Explain("SELECT auction, price FROM bids LIMIT 3");
        var sortLimit = _f.Explain("SELECT auction, price FROM bids ORDER BY price LIMIT 3");
        Assert.NotEqual(limit, sortLimit);
    }

    [Fact]
    public void A_sort_limit_into_an_append_only_sink_is_refused_for_its_updates()
    {
        var e = _f.Error("INSERT INTO out_rows SELECT auction, price FROM bids ORDER BY price LIMIT 3");
        Assert.Contains("doesn't support consuming update and delete changes", e.Problem);
        Assert.Contains("SortLimit(orderBy=[price ASC]", e.Problem);
    }

    [Fact]
    public void In_batch_mode_a_limit_runs_and_order_by_sorts_the_final_rows()
    {
        _f.Configuration = Config.Configuration.Empty.With("execution.runtime-mode", "batch");
        Assert.Contains("Limit(offset=[0], fetch=[3]", _f.Explain("INSERT INTO out_rows SELECT auction, price FROM bids LIMIT 3"));
        Assert.StartsWith("Sort(orderBy=[price ASC], changelogMode=[I])", PhysicalPlan("SELECT auction, price FROM bids ORDER BY price"));
        Assert.StartsWith("SortLimit(orderBy=[price DESC], offset=[1], fetch=[3], global=[true], changelogMode=[I])",
            PhysicalPlan("SELECT auction, price FROM bids ORDER BY price DESC LIMIT 3 OFFSET 1"));
        Assert.Contains("SortLimit(orderBy=[auction ASC]", _f.Explain("INSERT INTO out_rows SELECT auction, price FROM bids ORDER BY auction LIMIT 3"));
    }
}
