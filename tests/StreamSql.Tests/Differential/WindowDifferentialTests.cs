using System.Globalization;

namespace StreamSql.Tests.Differential;

/// <summary>
/// Window TVF aggregations (TUMBLE, HOP, CUMULATE) over random in-order rows (NULL and skewed keys, NULL values), each
/// compared with DuckDB's answer: the engine fires every window when the bounded input ends; DuckDB assigns each row to
/// its windows by arithmetic on epoch milliseconds (HOP and CUMULATE through a join with the window offsets) and groups.
/// 60 generated cases per run with a fixed seed: COUNT(*), COUNT, SUM, MIN, MAX, AVG and FILTER (WHERE ...).
/// </summary>
public sealed class WindowDifferentialTests
{
    private static readonly (string Engine, string DuckDb)[] Aggregates =
    [
        ("COUNT(*)", "COUNT(*)"),
        ("COUNT(v)", "COUNT(v)"),
        ("SUM(v)", "SUM(v)"),
        ("MIN(v)", "MIN(v)"),
        ("MAX(v)", "MAX(v)"),
        // Flink's AVG of an INT is an INT: the sum divided by the count, truncated.
        ("AVG(v)", "CASE WHEN COUNT(v) = 0 THEN NULL ELSE CAST(trunc(SUM(v) / COUNT(v)) AS BIGINT) END"),
        ("SUM(d)", "SUM(d)"),
        ("MIN(d)", "MIN(d)"),
        ("MAX(s)", "MAX(s)"),
        ("MIN(s)", "MIN(s)"),
        ("COUNT(*) FILTER (WHERE b)", "COUNT(*) FILTER (WHERE b)"),
        ("SUM(v) FILTER (WHERE v > 100)", "SUM(v) FILTER (WHERE v > 100)"),
        ("MAX(d) FILTER (WHERE s = 'a')", "MAX(d) FILTER (WHERE s = 'a')"),
    ];

    private static readonly string[][] Keys = [[], ["k"], ["k"], ["k", "s"], ["b"]];

    [Fact]
    public async Task Random_window_aggregations_agree_with_duckdb()
    {
        await using var run = new DifferentialRun(defaultSeed: 20261204);
        run.AddTable("w", rows: 400, lateRows: false);
        var random = run.Random;
        int[] sizes = [5, 10, 20, 30, 60];
        for (int i = 0; i < 60; i++)
        {
            string kind = (i % 3) switch { 0 => "TUMBLE", 1 => "HOP", _ => "CUMULATE" };
            int size = sizes[random.Next(sizes.Length)];
            int step = kind == "TUMBLE" ? size : size / (random.Next(2) == 0 ? 5 : size == 5 ? 5 : 2);
            var keys = Keys[random.Next(Keys.Length)];
            var aggregates = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Aggregates[random.Next(Aggregates.Length)]).ToList();
            await run.CheckAsync(Query(kind, size, step, keys, aggregates));
        }
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == run.Cases, $"only {run.NonEmptyCases} of {run.Cases} cases returned rows");
        Assert.True(run.RowsCompared > 5_000, $"{run.RowsCompared} rows compared");
    }

    private static DualSql Query(string kind, int size, int step, string[] keys, List<(string Engine, string DuckDb)> aggregates)
    {
        string Seconds(int s) => $"INTERVAL '{s.ToString(CultureInfo.InvariantCulture)}' SECOND";
        string tvf = kind switch
        {
            "TUMBLE" => $"TUMBLE(TABLE w, DESCRIPTOR(ts), {Seconds(size)})",
            "HOP" => $"HOP(TABLE w, DESCRIPTOR(ts), {Seconds(step)}, {Seconds(size)})",
            _ => $"CUMULATE(TABLE w, DESCRIPTOR(ts), {Seconds(step)}, {Seconds(size)})",
        };
        long sizeMs = size * 1000L, stepMs = step * 1000L;
        // Each row's windows as (start, end) in epoch ms.
        string windows = kind switch
        {
            "TUMBLE" => $"SELECT *, epoch_ms(ts) // {sizeMs} * {sizeMs} AS ws, epoch_ms(ts) // {sizeMs} * {sizeMs} + {sizeMs} AS we FROM w",
            "HOP" => $"SELECT *, epoch_ms(ts) // {stepMs} * {stepMs} - i * {stepMs} AS ws, epoch_ms(ts) // {stepMs} * {stepMs} - i * {stepMs} + {sizeMs} AS we "
                + $"FROM w CROSS JOIN range(0, {size / step}) r(i)",
            _ => $"SELECT *, epoch_ms(ts) // {sizeMs} * {sizeMs} AS ws, epoch_ms(ts) // {sizeMs} * {sizeMs} + j * {stepMs} AS we "
                + $"FROM w CROSS JOIN range(1, {size / step + 1}) r(j) WHERE epoch_ms(ts) // {sizeMs} * {sizeMs} + j * {stepMs} > epoch_ms(ts)",
        };
        string keyList = string.Concat(keys.Select(k => k + ", "));
        string engineAggs = string.Join(", ", aggregates.Select((a, n) => $"{a.Engine} AS a{n}"));
        string duckAggs = string.Join(", ", aggregates.Select((a, n) => $"{a.DuckDb} AS a{n}"));
        return new DualSql(
            $"SELECT {keyList}window_start, window_end, {engineAggs} FROM TABLE({tvf}) GROUP BY {keyList}window_start, window_end",
            $"SELECT {keyList}make_timestamp(ws * 1000) AS window_start, make_timestamp(we * 1000) AS window_end, {duckAggs} "
            + $"FROM ({windows}) GROUP BY {keyList}ws, we");
    }
}
