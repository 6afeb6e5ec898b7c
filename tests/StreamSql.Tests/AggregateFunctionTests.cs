using System.Text.RegularExpressions;
using StreamSql.Functions;

namespace StreamSql.Tests;

/// <summary>User-defined aggregate functions end to end: GROUP BY over inserts and updates, window aggregations, OVER,
/// restore from a savepoint, and the errors of functions that cannot run where they are called.</summary>
public sealed class AggregateFunctionTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static async Task<List<string>> Final(StreamSqlEnvironment env, string query)
    {
        await using var result = env.Query(query);
        var table = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var rows = table.Rows.Select(r => string.Join(", ", r.Values.Select(v => v?.ToString() ?? "null"))).ToList();
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static StreamSqlEnvironment Session(int parallelism = 1)
    {
        var env = Sessions.Create(settings: [("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        env.ExecuteSql($"CREATE FUNCTION wavg AS '{typeof(WeightedAvg).FullName}'");
        env.ExecuteSql($"CREATE FUNCTION concat_agg AS '{typeof(ConcatAgg).FullName}'");
        return env;
    }

    private const string Scores = "(VALUES ('a', 10, 1), ('a', 20, 3), ('b', 5, 2), ('b', CAST(NULL AS INT), 7), ('c', 1, 0)) AS t(k, v, w)";

    [Fact]
    public async Task Group_by_folds_each_group_and_agrees_with_the_built_in_arithmetic()
    {
        await using var env = Session();
        var rows = await Final(env, $"SELECT k, wavg(v, w), SUM(v * w) / NULLIF(SUM(CASE WHEN v IS NULL THEN 0 ELSE w END), 0), concat_agg(CAST(v AS STRING)) " +
            $"FROM {Scores} GROUP BY k");
        // A NULL v skips the call (its parameter is a long); a zero total weight gives NULL.
        Assert.Equal(new[] { "a, 17, 17, 10|20", "b, 5, 5, 5|null", "c, null, null, 1" }, rows);
    }

    [Fact]
    public async Task An_updating_input_is_retracted_and_a_function_without_retract_is_refused()
    {
        await using var env = Session();
        // The inner aggregation updates its rows: wavg over it must take the old values back out.
        var rows = await Final(env, $"SELECT wavg(s, 1) FROM (SELECT k, SUM(v) AS s FROM {Scores} GROUP BY k)");
        Assert.Equal(new[] { "12" }, rows); // (30 + 5 + 1) / 3
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Final(env, $"SELECT concat_agg(k) FROM (SELECT k, SUM(v) AS s FROM {Scores} GROUP BY k)"));
        Assert.Contains($"Function class '{typeof(ConcatAgg).FullName}' does not implement at least one method named 'Retract'", error.Message + error.InnerException?.Message);
    }

    [Fact]
    public async Task Window_aggregations_and_over_run_user_functions()
    {
        await using var env = Session();
        env.ExecuteSql("CREATE TABLE ev (v INT, w INT, ts AS TO_TIMESTAMP_LTZ(v * 1000, 3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', " +
            "'number-of-rows' = '10', 'fields.v.kind' = 'sequence', 'fields.v.start' = '1', 'fields.v.end' = '10', 'fields.w.min' = '1', 'fields.w.max' = '1')");
        var tumble = await Final(env, "SELECT window_start, wavg(v, w), concat_agg(CAST(v AS STRING)) FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '5' SECOND)) " +
            "GROUP BY window_start, window_end");
        Assert.Equal(3, tumble.Count);
        Assert.Contains(tumble, r => r.EndsWith(", 2, 1|2|3|4", StringComparison.Ordinal));
        Assert.Contains(tumble, r => r.EndsWith(", 7, 5|6|7|8|9", StringComparison.Ordinal));
        // HOP windows combine slices: WeightedAvg's Merge adds the partial sums.
        var hop = await Final(env, "SELECT window_end, wavg(v, w) FROM TABLE(HOP(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '4' SECOND)) " +
            "GROUP BY window_start, window_end");
        var expected = new List<string>();
        for (int end = 2; end <= 14; end += 2)
        {
            var inWindow = Enumerable.Range(end - 4, 4).Where(v => v is >= 1 and <= 10).ToList();
            if (inWindow.Count > 0) expected.Add($"{end}, {inWindow.Sum() / inWindow.Count}");
        }
        Assert.Equal(expected, hop.Select(r => Regex.Replace(r, @"^.*00:00:(\d\d), ", m => int.Parse(m.Groups[1].Value) + ", ")).OrderBy(r => int.Parse(r.Split(',')[0])));
        var noMerge = await Assert.ThrowsAnyAsync<Exception>(() => Final(env,
            "SELECT window_end, concat_agg(CAST(v AS STRING)) FROM TABLE(HOP(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '4' SECOND)) GROUP BY window_start, window_end"));
        Assert.Contains("has no public method Merge(ConcatAccumulator, IEnumerable<ConcatAccumulator>)", noMerge.Message + noMerge.InnerException?.Message);
        var over = await Final(env, "SELECT v, wavg(v, w) OVER (ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM ev");
        Assert.Contains("10, 9", over); // (9 + 10) / 2, the 8 retracted out of the frame
    }

    [Fact]
    public async Task Grouping_sets_group_windows_cumulate_and_session_windows_run_user_functions()
    {
        await using var env = Session();
        var sets = await Final(env, $"SELECT k, wavg(v, w) FROM {Scores} GROUP BY GROUPING SETS ((k), ())");
        Assert.Equal(new[] { "a, 17", "b, 5", "c, null", "null, 13" }, sets); // (10 + 60 + 10) / 6 overall
        env.ExecuteSql("CREATE TABLE ev (v INT, ts AS TO_TIMESTAMP_LTZ(v * 1000, 3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', " +
            "'number-of-rows' = '10', 'fields.v.kind' = 'sequence', 'fields.v.start' = '1', 'fields.v.end' = '10')");
        Assert.Equal(new[] { "2", "7", "10" }.Order(),
            (await Final(env, "SELECT wavg(v, 1) FROM ev GROUP BY TUMBLE(ts, INTERVAL '5' SECOND)")).Order());
        // CUMULATE windows of 4 s in steps of 2 s: [0, 2) [0, 4) [4, 6) [4, 8) [8, 10) [8, 12).
        Assert.Equal(new[] { "1", "2", "4", "5", "8", "9" }.Order(),
            (await Final(env, "SELECT wavg(v, 1) FROM TABLE(CUMULATE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '4' SECOND)) " +
                "GROUP BY window_start, window_end")).Order());
        // One session (rows a second apart, gap 3 s) merging as it grows: the average of 1..10.
        Assert.Equal(new[] { "5" }, await Final(env, "SELECT wavg(v, 1) FROM TABLE(SESSION(TABLE ev, DESCRIPTOR(ts), INTERVAL '3' SECOND)) GROUP BY window_start, window_end"));
    }

    [Fact]
    public async Task Batch_mode_runs_user_aggregates_over_table_function_rows_and_a_window_after_a_correlate()
    {
        await using var env = Session();
        env.ExecuteSql($"CREATE FUNCTION split_on AS '{typeof(Differential.SplitOn).FullName}'");
        env.ExecuteSql("CREATE TABLE ev (v INT, s STRING, ts AS TO_TIMESTAMP_LTZ(v * 1000, 3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', " +
            "'number-of-rows' = '10', 'fields.v.kind' = 'sequence', 'fields.v.start' = '1', 'fields.v.end' = '10', 'fields.s.length' = '3')");
        // The correlate keeps ts an event-time attribute, so a window aggregation can follow it.
        const string Query = "SELECT window_start, wavg(v, pos), COUNT(*) FROM TABLE(TUMBLE(TABLE " +
            "(SELECT v, ts, pos FROM ev, LATERAL TABLE(split_on(CAST(v AS STRING) || ',' || CAST(v AS STRING), ',')) AS u(part, pos)), " +
            "DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end";
        var streaming = await Final(env, Query);
        env.ExecuteSql("SET 'execution.runtime-mode' = 'batch'");
        var batch = await Final(env, Query);
        // Each v collects positions 1 and 2: weights 3 per v, so the weighted average is the plain one.
        Assert.Equal(3, batch.Count);
        Assert.Contains(batch, r => r.EndsWith(", 2, 8", StringComparison.Ordinal));
        Assert.Equal(streaming, batch);
    }

    [Fact]
    public async Task A_group_by_resumes_from_a_savepoint_with_its_accumulators()
    {
        var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        await using var env = Sessions.Create(synced, ("execution.checkpointing.savepoint-dir", _dir), ("parallelism.default", "2"));
        env.ExecuteSql($"CREATE FUNCTION wavg AS '{typeof(WeightedAvg).FullName}'");
        env.ExecuteSql($"CREATE FUNCTION concat_agg AS '{typeof(ConcatAgg).FullName}'");
        env.ExecuteSql("CREATE TABLE seq (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '200', " +
            "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '400')");
        env.ExecuteSql("CREATE TABLE out (k BIGINT, a BIGINT, n BIGINT) WITH ('connector' = 'print')");
        env.ExecuteSql("SET 'pipeline.name' = 'udaf-job'");
        // The accumulator's sum and count are the whole state: after the restore they go on from the savepoint's.
        const string insert = "INSERT INTO out SELECT id % 2, wavg(id, 1), CHAR_LENGTH(concat_agg(CAST(id AS STRING))) FROM seq GROUP BY id % 2";
        Assert.IsType<JobSubmittedResult>(env.ExecuteSql(insert));
        string Printed()
        {
            lock (synced) return output.ToString();
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Regex.Matches(Printed(), @"\+[IU]\[").Count < 20 && DateTime.UtcNow < deadline) await Task.Delay(20);
        var stop = Assert.IsType<TableTextResult>(await env.ExecuteSqlAsync("STOP JOB 'udaf-job' WITH SAVEPOINT").WaitAsync(TimeSpan.FromSeconds(30)));
        var path = Assert.Single(stop.Rows)[0]!;
        env.ExecuteSql("SET 'table.dml-sync' = 'true'");
        await env.ExecuteSqlAsync($"EXECUTE {insert} FROM SAVEPOINT '{path}'").WaitAsync(TimeSpan.FromSeconds(60));

        var last = new Dictionary<string, string>();
        foreach (Match m in Regex.Matches(Printed(), @"\+[IU]\[(\d+), (\d+), (\d+)\]")) last[m.Groups[1].Value] = m.Groups[2].Value + "/" + m.Groups[3].Value;
        // Evens 2..400 average 201, odds 1..399 average 200; the concatenations hold every id once (digits + separators).
        int Digits(int parity) => Enumerable.Range(1, 400).Where(i => i % 2 == parity).Sum(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture).Length) + 199;
        Assert.Equal($"201/{Digits(0)}", last["0"]);
        Assert.Equal($"200/{Digits(1)}", last["1"]);
    }

    [Fact]
    public async Task An_exception_in_accumulate_fails_the_query_naming_the_function()
    {
        await using var env = Session();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Final(env, "SELECT wavg(v, w) FROM (VALUES (1, -1)) AS t(v, w)"));
        Assert.Contains("User-defined function 'wavg'", error.Message + error.InnerException?.Message);
        Assert.Contains("negative weight", error.Message + error.InnerException?.Message);
    }
}

public sealed class WeightedAvgAccumulator
{
    public long Sum;
    public long Count { get; set; }
}

/// <summary>Flink's documentation example: the average of values weighted by integer weights, NULL when the weights sum to 0.</summary>
public sealed class WeightedAvg : AggregateFunction<long?, WeightedAvgAccumulator>
{
    public override WeightedAvgAccumulator CreateAccumulator() => new();

    public override long? GetValue(WeightedAvgAccumulator acc) => acc.Count == 0 ? null : acc.Sum / acc.Count;

    public void Accumulate(WeightedAvgAccumulator acc, long value, int weight)
    {
        if (weight < 0) throw new ArgumentException("negative weight");
        acc.Sum += value * weight;
        acc.Count += weight;
    }

    public void Retract(WeightedAvgAccumulator acc, long value, int weight)
    {
        acc.Sum -= value * weight;
        acc.Count -= weight;
    }

    public void Merge(WeightedAvgAccumulator acc, IEnumerable<WeightedAvgAccumulator> others)
    {
        foreach (var other in others)
        {
            acc.Sum += other.Sum;
            acc.Count += other.Count;
        }
    }
}

public sealed class ConcatAccumulator
{
    public string? Text { get; set; }
}

/// <summary>Values joined by '|' in arrival order (a NULL as "null"); no Retract.</summary>
public sealed class ConcatAgg : AggregateFunction<string?, ConcatAccumulator>
{
    public override ConcatAccumulator CreateAccumulator() => new();

    public override string? GetValue(ConcatAccumulator acc) => acc.Text;

    public void Accumulate(ConcatAccumulator acc, string? value) => acc.Text = acc.Text is null ? value ?? "null" : acc.Text + "|" + (value ?? "null");
}
