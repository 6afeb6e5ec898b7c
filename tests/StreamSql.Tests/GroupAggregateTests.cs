using StreamSql.Execution.Batches;

namespace StreamSql.Tests;

/// <summary>
/// GROUP BY queries run end to end through the embedded API, with the exact changelog Flink gives. With
/// <c>execution.batch.max-rows</c> = 1 every row is its own batch (and an aggregation applies the rows of a batch an
/// upstream operator made one by one), so the aggregation emits a change per input row as Flink's GroupAggFunction does;
/// a query over VALUES alone (no DDL) runs with whole batches, so VALUES arrive as one batch, whose rows the aggregation
/// applies per key as Flink's mini-batch aggregation applies a bundle.
/// </summary>
public sealed class GroupAggregateTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-tests", "group-agg-" + Guid.NewGuid().ToString("N"));

    public GroupAggregateTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>A table t (k STRING, v INT) over <paramref name="lines"/> of CSV, read in file order.</summary>
    private string Table(params string[] lines)
    {
        var path = Path.Combine(_dir, "t.csv");
        File.WriteAllLines(path, lines);
        return $"CREATE TABLE t (k STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv')";
    }

    private static async Task<IReadOnlyList<string>> Changelog(string? ddl, string query, params (string, string)[] settings)
    {
        var all = new List<(string, string)> { ("parallelism.default", "1"), ("execution.batch.max-rows", ddl is null ? "4096" : "1") };
        all.AddRange(settings);
        await using var env = Sessions.Create(settings: all.ToArray());
        if (ddl is not null) env.ExecuteSql(ddl);
        await using var result = env.Query(query);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return rows.Select(r => r.ToString()).ToList();
    }

    [Fact]
    public async Task Group_by_over_one_batch_emits_one_insert_per_key_with_every_function()
    {
        var rows = await Changelog(null, "SELECT k, COUNT(*) AS c, SUM(v) AS s, AVG(v) AS a, MIN(v) AS lo, MAX(v) AS hi "
            + "FROM (VALUES ('a', 1), ('b', 5), ('a', 2), ('c', CAST(NULL AS INT)), ('b', 7)) AS t(k, v) GROUP BY k");
        Assert.Equal(new[] { "+I[a, 2, 3, 1, 1, 2]", "+I[b, 2, 12, 6, 5, 7]", "+I[c, 1, null, null, null, null]" }, rows);
    }

    [Fact]
    public async Task Group_by_row_by_row_emits_an_insert_then_update_before_and_after()
    {
        var rows = await Changelog(Table("a,1", "b,2", "a,3", "b,", "a,-4"), "SELECT k, COUNT(*) AS c, SUM(v) AS s FROM t GROUP BY k");
        Assert.Equal(new[]
        {
            "+I[a, 1, 1]", "+I[b, 1, 2]", "-U[a, 1, 1]", "+U[a, 2, 4]", "-U[b, 1, 2]", "+U[b, 2, 2]", "-U[a, 2, 4]", "+U[a, 3, 0]",
        }, rows);
    }

    [Fact]
    public async Task An_unchanged_result_emits_nothing()
    {
        var rows = await Changelog(Table("a,1", "a,", "a,1"), "SELECT k, MAX(v) AS m FROM t GROUP BY k");
        Assert.Equal(new[] { "+I[a, 1]" }, rows);
    }

    [Fact]
    public async Task Global_aggregation_emits_from_its_first_row_and_updates_after_each()
    {
        var rows = await Changelog(Table("a,1", "b,2", "a,3"), "SELECT COUNT(*) AS c, SUM(v) AS s FROM t");
        Assert.Equal(new[] { "+I[1, 1]", "-U[1, 1]", "+U[2, 3]", "-U[2, 3]", "+U[3, 6]" }, rows);
    }

    [Fact]
    public async Task Having_filters_each_change()
    {
        var rows = await Changelog(Table("a,1", "b,2", "a,3", "b,5"), "SELECT k, SUM(v) AS s FROM t GROUP BY k HAVING SUM(v) > 2");
        Assert.Equal(new[] { "+U[a, 4]", "+U[b, 7]" }, rows);
    }

    [Fact]
    public async Task Distinct_counts_each_value_once_and_filter_skips_rows()
    {
        var rows = await Changelog(Table("a,1", "a,1", "a,2", "a,"),
            "SELECT k, COUNT(DISTINCT v) AS d, COUNT(*) FILTER (WHERE v > 1) AS f FROM t GROUP BY k");
        Assert.Equal(new[] { "+I[a, 1, 0]", "-U[a, 1, 0]", "+U[a, 2, 1]" }, rows);
    }

    [Fact]
    public async Task Select_distinct_emits_each_key_once()
    {
        var rows = await Changelog(Table("a,1", "b,2", "a,3"), "SELECT DISTINCT k FROM t");
        Assert.Equal(new[] { "+I[a]", "+I[b]" }, rows);
    }

    [Fact]
    public async Task An_aggregation_over_an_updating_aggregation_retracts_and_deletes()
    {
        // Inner: +I[a, 1], +I[b, 1], -U[a, 1], +U[a, 2]. Outer counts keys per count.
        var rows = await Changelog(Table("a,1", "b,2", "a,3"),
            "SELECT c, COUNT(*) AS n FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) GROUP BY c");
        Assert.Equal(new[] { "+I[1, 1]", "-U[1, 1]", "+U[1, 2]", "-U[1, 2]", "+U[1, 1]", "+I[2, 1]" }, rows);
    }

    [Fact]
    public async Task Min_and_max_over_retractions_find_the_next_value()
    {
        var rows = await Changelog(Table("a,1", "b,5", "a,10", "b,-20"),
            "SELECT MIN(s) AS lo, MAX(s) AS hi, COUNT(*) AS n FROM (SELECT k, SUM(v) AS s FROM t GROUP BY k)");
        await using var env = Sessions.Create();
        var table = new MaterializedRows();
        foreach (var row in rows) table.Apply(Parse(row));
        Assert.Equal("+I[-15, 11, 2]", Assert.Single(table.Rows).ToString());
        Assert.Equal("+I[1, 1, 1]", rows[0]);
    }

    [Fact]
    public async Task Retracting_every_row_of_a_group_deletes_it()
    {
        // The inner aggregation's a-row moves from count 1 to count 2: the outer group c = 1 loses its only row.
        var rows = await Changelog(Table("a,1", "a,2"),
            "SELECT c, COUNT(*) AS n FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) GROUP BY c");
        Assert.Equal(new[] { "+I[1, 1]", "-D[1, 1]", "+I[2, 1]" }, rows);
    }

    [Fact]
    public async Task Grouping_sets_aggregate_each_set_with_grouping_ids()
    {
        var rows = await Changelog(null, "SELECT k, v, COUNT(*) AS c, GROUPING_ID(k, v) AS g "
            + "FROM (VALUES ('a', 1), ('a', 2), ('b', 1)) AS t(k, v) GROUP BY GROUPING SETS ((k, v), (k), ())");
        Assert.Equal(new[]
        {
            "+I[a, 1, 1, 0]", "+I[a, null, 2, 1]", "+I[null, null, 3, 3]", "+I[a, 2, 1, 0]", "+I[b, 1, 1, 0]", "+I[b, null, 1, 1]",
        }, rows);
    }

    [Fact]
    public async Task Mini_batch_applies_the_buffered_rows_per_key()
    {
        var rows = await Changelog(Table("a,1", "b,2", "a,3"), "SELECT k, SUM(v) AS s FROM t GROUP BY k",
            ("table.exec.mini-batch.enabled", "true"), ("table.exec.mini-batch.allow-latency", "1 h"), ("table.exec.mini-batch.size", "1000"),
            ("table.optimizer.agg-phase-strategy", "ONE_PHASE"));
        Assert.Equal(new[] { "+I[a, 4]", "+I[b, 2]" }, rows);
    }

    [Fact]
    public async Task Two_phase_aggregation_merges_each_mini_batch_into_the_global_state()
    {
        // Mini-batches of 2 rows: the Local phase sends partial (count, sum, avg sum and count, min) per key and mini-batch.
        var rows = await Changelog(Table("a,1", "b,2", "a,3", "b,", "a,-4"),
            "SELECT k, COUNT(*) AS c, SUM(v) AS s, AVG(v) AS av, MIN(v) AS lo FROM t GROUP BY k",
            ("table.exec.mini-batch.enabled", "true"), ("table.exec.mini-batch.allow-latency", "1 h"), ("table.exec.mini-batch.size", "2"));
        Assert.Equal(new[]
        {
            "+I[a, 1, 1, 1, 1]", "+I[b, 1, 2, 2, 2]", "-U[a, 1, 1, 1, 1]", "+U[a, 2, 4, 2, 1]", "-U[b, 1, 2, 2, 2]", "+U[b, 2, 2, 2, 2]",
            "-U[a, 2, 4, 2, 1]", "+U[a, 3, 0, 0, -4]",
        }, rows);
    }

    [Fact]
    public async Task Automatic_runtime_mode_over_a_bounded_file_gives_final_rows_only()
    {
        // Read one row per batch: streaming mode would emit -U/+U for a; automatic picks batch for a bounded table.
        var rows = await Changelog(Table("a,1", "b,2", "a,3"), "SELECT k, SUM(v) AS s FROM t GROUP BY k", ("execution.runtime-mode", "automatic"));
        Assert.Equal(new[] { "+I[a, 4]", "+I[b, 2]" }, rows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_phase_listagg_and_variance_merge_each_mini_batch_into_the_global_state()
    {
        // Mini-batches of 2 rows: the Local phase sends each key's joined values and Welford state (n, mean, m2); the
        // Global phase joins the partial strings with the separator and combines the states (1, 3 then 5, 7: mean 4, M2 20).
        var rows = await Changelog(Table("a,1", "b,2", "a,3", "b,", "a,5", "a,7"),
            "SELECT k, LISTAGG(CAST(v AS STRING), ';') AS l, VAR_POP(CAST(v AS DOUBLE)) AS vp FROM t GROUP BY k",
            ("table.exec.mini-batch.enabled", "true"), ("table.exec.mini-batch.allow-latency", "1 h"), ("table.exec.mini-batch.size", "2"));
        Assert.Equal(new[]
        {
            "+I[a, 1, 0]", "+I[b, 2, 0]", "-U[a, 1, 0]", "+U[a, 1;3, 1]", "-U[a, 1;3, 1]", "+U[a, 1;3;5;7, 5]",
        }, rows);
    }

    [Fact]
    public async Task Two_phase_array_agg_appends_each_mini_batch_partial_array_in_order()
    {
        var rows = await Changelog(Table("a,1", "b,2", "a,", "b,", "a,3"), "SELECT k, ARRAY_AGG(v) AS vs FROM t GROUP BY k",
            ("table.exec.mini-batch.enabled", "true"), ("table.exec.mini-batch.allow-latency", "1 h"), ("table.exec.mini-batch.size", "2"));
        Assert.Equal(new[]
        {
            "+I[a, [1]]", "+I[b, [2]]", "-U[a, [1]]", "+U[a, [1, null]]", "-U[b, [2]]", "+U[b, [2, null]]", "-U[a, [1, null]]", "+U[a, [1, null, 3]]",
        }, rows);
    }

    [Fact]
    public async Task Two_phase_window_aggregation_merges_array_agg_listagg_and_variance_per_slice()
    {
        // HOP of 2 s sliding by 1 s: each window merges two 1 s slices' partials (Local per slice, Global per window).
        var path = Path.Combine(_dir, "w.csv");
        File.WriteAllLines(path, ["a,1,2026-01-01 00:00:00.100", "a,3,2026-01-01 00:00:00.900", "a,5,2026-01-01 00:00:01.200", "a,7,2026-01-01 00:00:01.500"]);
        string ddl = $"CREATE TABLE w (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv')";
        var rows = await Changelog(ddl,
            "SELECT k, window_start, ARRAY_AGG(v) AS vs, LISTAGG(CAST(v AS STRING), '-') AS l, VAR_POP(CAST(v AS DOUBLE)) AS vp "
            + "FROM TABLE(HOP(TABLE w, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '2' SECOND)) GROUP BY k, window_start, window_end");
        Assert.Equal(new[]
        {
            "+I[a, 2025-12-31T23:59:59, [1, 3], 1-3, 1]", "+I[a, 2026-01-01T00:00:00, [1, 3, 5, 7], 1-3-5-7, 5]", "+I[a, 2026-01-01T00:00:01, [5, 7], 5-7, 1]",
        }, rows);
    }

    [Fact]
    public async Task Two_phase_aggregation_over_retractions_deletes_a_group_whose_rows_are_gone()
    {
        var rows = await Changelog(Table("a,1", "a,2", "b,5"),
            "SELECT c, COUNT(*) AS n, SUM(c) AS s FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) GROUP BY c",
            ("table.exec.mini-batch.enabled", "true"), ("table.exec.mini-batch.allow-latency", "1 h"), ("table.exec.mini-batch.size", "1"));
        var table = new MaterializedRows();
        foreach (var row in rows) table.Apply(Parse(row));
        Assert.Equal(new[] { "+I[1, 1, 1]", "+I[2, 1, 2]" }, table.Rows.Select(r => r.ToString()).Order(StringComparer.Ordinal));
        Assert.Contains("-D[1, 1, 1]", rows);
    }

    [Fact]
    public async Task Array_agg_collects_values_with_nulls_in_arrival_order()
    {
        var rows = await Changelog(Table("a,1", "b,2", "a,", "a,1"), "SELECT k, ARRAY_AGG(v) AS vs FROM t GROUP BY k");
        Assert.Equal(new[]
        {
            "+I[a, [1]]", "+I[b, [2]]", "-U[a, [1]]", "+U[a, [1, null]]", "-U[a, [1, null]]", "+U[a, [1, null, 1]]",
        }, rows);
    }

    [Fact]
    public async Task Array_agg_ignore_nulls_skips_null_values_and_respect_nulls_keeps_them()
    {
        var rows = await Changelog(Table("a,", "a,1", "b,"),
            "SELECT k, ARRAY_AGG(v IGNORE NULLS) AS kept, ARRAY_AGG(v RESPECT NULLS) AS all_values FROM t GROUP BY k");
        Assert.Equal(new[] { "+I[a, null, [null]]", "-U[a, null, [null]]", "+U[a, [1], [null, 1]]", "+I[b, null, [null]]" }, rows);
    }

    [Fact]
    public async Task Array_agg_distinct_keeps_the_first_of_each_value_and_one_null()
    {
        var rows = await Changelog(Table("a,2", "a,", "a,1", "a,2", "a,", "a,3"),
            "SELECT k, ARRAY_AGG(DISTINCT v) AS vs, ARRAY_AGG(DISTINCT v IGNORE NULLS) AS vs_set FROM t GROUP BY k");
        Assert.Equal("+U[a, [2, null, 1, 3], [2, 1, 3]]", rows[^1]);
    }

    [Fact]
    public async Task Array_agg_over_retractions_removes_the_retracted_value_wherever_it_is()
    {
        // Inner: +I[a, 1], +I[b, 2], then -U[a, 1] and +U[a, 4] in one batch, applied one by one as Flink does.
        var rows = await Changelog(Table("a,1", "b,2", "a,3"), "SELECT ARRAY_AGG(s) AS ss FROM (SELECT k, SUM(v) AS s FROM t GROUP BY k)");
        Assert.Equal(new[] { "+I[[1]]", "-U[[1]]", "+U[[1, 2]]", "-U[[1, 2]]", "+U[[2]]", "-U[[2]]", "+U[[2, 4]]" }, rows);
    }

    [Fact]
    public async Task Array_agg_of_a_group_that_loses_every_value_deletes_it()
    {
        var rows = await Changelog(Table("a,1", "a,2"), "SELECT c, ARRAY_AGG(k) AS ks FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) GROUP BY c");
        Assert.Equal(new[] { "+I[1, [a]]", "-D[1, [a]]", "+I[2, [a]]" }, rows);
    }

    [Fact]
    public async Task Array_agg_in_hop_windows_merges_slices_in_time_order()
    {
        var path = Path.Combine(_dir, "e.csv");
        File.WriteAllLines(path, ["1,2026-01-01 00:00:01", "2,2026-01-01 00:00:06", "3,2026-01-01 00:00:12", "4,2026-01-01 00:00:08"]);
        var rows = await Changelog(
            $"CREATE TABLE e (v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv')",
            "SELECT window_start, ARRAY_AGG(v) AS vs FROM TABLE(HOP(TABLE e, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND)) GROUP BY window_start, window_end");
        Assert.Equal(new[]
        {
            "+I[2025-12-31T23:59:55, [1]]", "+I[2026-01-01T00:00:00, [1, 2, 4]]", "+I[2026-01-01T00:00:05, [2, 4, 3]]", "+I[2026-01-01T00:00:10, [3]]",
        }, rows);
    }

    [Fact]
    public async Task Union_without_all_keeps_each_row_once_across_both_sides()
    {
        var rows = await Changelog(Table("a,1", "b,2", "a,1"),
            "SELECT k, v FROM t UNION SELECT k, v + 1 FROM t WHERE k = 'a' UNION ALL SELECT 'z', 0");
        Assert.Equal(new[] { "+I[a, 1]", "+I[a, 2]", "+I[b, 2]", "+I[z, 0]" }, rows.Order(StringComparer.Ordinal));
    }

    private static ChangelogRow Parse(string row)
    {
        var kind = row[..2] switch { "+I" => RowKind.Insert, "-U" => RowKind.UpdateBefore, "+U" => RowKind.UpdateAfter, _ => RowKind.Delete };
        var values = row[3..^1].Split(", ").Select(v => v == "null" ? null : (object?)long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new ChangelogRow(kind, values);
    }
}
