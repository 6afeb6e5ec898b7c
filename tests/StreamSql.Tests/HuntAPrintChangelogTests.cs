namespace StreamSql.Tests;

/// <summary>An updating query into the print sink prints Flink's row-at-a-time changelog (no mini-batches by default):
/// found in the conformance hunt (hunta), where one change per key per batch was printed instead.</summary>
public sealed class HuntAPrintChangelogTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private async Task<string[]> PrintAsync(string insert, params (string Key, string Value)[] settings)
    {
        var file = Path.Combine(_dir, "bids.csv");
        await File.WriteAllTextAsync(file, "s1,4\ns1,2\ns2,5\ns2,3\ns1,1\ns2,6\n");
        var output = new StringWriter();
        await using var env = Sessions.Create(TextWriter.Synchronized(output), [("table.dml-sync", "true"), .. settings]);
        env.ExecuteSql($"CREATE TABLE bids (supplier STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '{file}', 'format' = 'csv')");
        env.ExecuteSql("CREATE TABLE out (supplier STRING, n BIGINT, top INT) WITH ('connector' = 'print')");
        await env.ExecuteSqlAsync(insert).WaitAsync(TimeSpan.FromSeconds(60));
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    public async Task A_group_by_prints_each_rows_update()
    {
        var lines = await PrintAsync("INSERT INTO out SELECT supplier, COUNT(*), MAX(price) FROM bids GROUP BY supplier");
        Assert.Equal(new[]
        {
            "+I[s1, 1, 4]", "-U[s1, 1, 4]", "+U[s1, 2, 4]", "+I[s2, 1, 5]", "-U[s2, 1, 5]", "+U[s2, 2, 5]",
            "-U[s1, 2, 4]", "+U[s1, 3, 4]", "-U[s2, 2, 5]", "+U[s2, 3, 6]",
        }, lines);
    }

    [Fact]
    public async Task Mini_batches_print_one_change_per_key_and_batch()
    {
        var lines = await PrintAsync("INSERT INTO out SELECT supplier, COUNT(*), MAX(price) FROM bids GROUP BY supplier",
            ("table.exec.mini-batch.enabled", "true"), ("table.exec.mini-batch.allow-latency", "10 s"), ("table.exec.mini-batch.size", "1000"));
        Assert.Equal(new[] { "+I[s1, 3, 4]", "+I[s2, 3, 6]" }, lines.Order().ToArray());
    }
}
