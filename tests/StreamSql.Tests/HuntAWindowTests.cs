namespace StreamSql.Tests;

/// <summary>Group windows found to differ from Flink's in the conformance hunt (hunta).</summary>
public sealed class HuntAWindowTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private async Task<string[]> PrintAsync(string query)
    {
        var file = Path.Combine(_dir, "bids.csv");
        await File.WriteAllTextAsync(file,
            "2020-04-15 08:05:00,4\n2020-04-15 08:07:00,2\n2020-04-15 08:09:00,5\n2020-04-15 08:11:00,3\n2020-04-15 08:13:00,1\n2020-04-15 08:17:00,6\n");
        var output = new StringWriter();
        await using var env = Sessions.Create(TextWriter.Synchronized(output), ("table.dml-sync", "true"));
        env.ExecuteSql($"CREATE TABLE bids (ts TIMESTAMP(3), price INT, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'filesystem', 'path' = '{file}', 'format' = 'csv')");
        env.ExecuteSql("CREATE TABLE out (s TIMESTAMP(3), e TIMESTAMP(3), n BIGINT, total INT) WITH ('connector' = 'print')");
        await env.ExecuteSqlAsync("INSERT INTO out " + query).WaitAsync(TimeSpan.FromSeconds(60));
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order().ToArray();
    }

    [Fact]
    public async Task A_hop_whose_size_is_no_multiple_of_its_slide_starts_its_windows_at_multiples_of_the_slide()
    {
        // Flink's SlidingWindowAssigner: windows [k * 4 min, k * 4 min + 6 min) holding each row.
        var lines = await PrintAsync("SELECT HOP_START(ts, INTERVAL '4' MINUTE, INTERVAL '6' MINUTE), HOP_END(ts, INTERVAL '4' MINUTE, INTERVAL '6' MINUTE), "
            + "COUNT(*), SUM(price) FROM bids GROUP BY HOP(ts, INTERVAL '4' MINUTE, INTERVAL '6' MINUTE)");
        Assert.Equal(new[]
        {
            "+I[2020-04-15T08:00, 2020-04-15T08:06, 1, 4]",
            "+I[2020-04-15T08:04, 2020-04-15T08:10, 3, 11]",
            "+I[2020-04-15T08:08, 2020-04-15T08:14, 3, 9]",
            "+I[2020-04-15T08:12, 2020-04-15T08:18, 2, 7]",
            "+I[2020-04-15T08:16, 2020-04-15T08:22, 1, 6]",
        }, lines);
    }

    [Fact]
    public async Task A_hop_sliding_further_than_its_size_leaves_the_rows_between_its_windows_out()
    {
        var lines = await PrintAsync("SELECT HOP_START(ts, INTERVAL '10' MINUTE, INTERVAL '4' MINUTE), HOP_END(ts, INTERVAL '10' MINUTE, INTERVAL '4' MINUTE), "
            + "COUNT(*), SUM(price) FROM bids GROUP BY HOP(ts, INTERVAL '10' MINUTE, INTERVAL '4' MINUTE)");
        Assert.Equal(new[] { "+I[2020-04-15T08:10, 2020-04-15T08:14, 2, 4]" }, lines);
    }
}
