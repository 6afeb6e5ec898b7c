namespace StreamSql.Tests.ItcF;

/// <summary>
/// Flink's Java <c>WindowTVFWithOrderByITCase</c>: a view over a TUMBLE window table function ordered by its rowtime
/// (<c>ORDER BY ts</c>, allowed on an ascending time attribute in streaming) expands when queried: its schema has the
/// window columns and its plan the window table function. The datagen table's rows are counted as well: the view's
/// ten rows each come out once.
/// </summary>
public sealed class WindowTvfWithOrderByTests
{
    private static StreamSqlEnvironment Create()
    {
        var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null });
        env.ExecuteSql("""
            CREATE TABLE orders (orderId INT, price DECIMAL(10, 2), quantity INT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts)
            WITH ('connector' = 'datagen', 'number-of-rows' = '10')
            """);
        env.ExecuteSql("CREATE TEMPORARY VIEW test_tumble AS SELECT * FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) ORDER BY ts");
        return env;
    }

    [Fact]
    public async Task testWindowTVFQueryWithOrderBy()
    {
        await using var env = Create();
        await using var result = await env.QueryAsync("SELECT * FROM test_tumble");
        var names = result.Schema.Fields.Select(f => f.Name).ToList();
        Assert.Contains("window_start", names);
        Assert.Contains("window_end", names);
        Assert.Contains("window_time", names);
        Assert.Equal(10, (await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(30))).Count);
    }

    [Fact]
    public async Task testWindowTVFExplainWithOrderBy()
    {
        await using var env = Create();
        var explain = Assert.IsType<ExplainTextResult>(await env.ExecuteSqlAsync("EXPLAIN SELECT * FROM test_tumble"));
        Assert.Contains("WindowTableFunction", explain.Text);
    }
}
