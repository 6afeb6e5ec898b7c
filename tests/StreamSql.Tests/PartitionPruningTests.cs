namespace StreamSql.Tests;

/// <summary>
/// A partitioned parquet table through SQL: INSERT writes <c>dt=…</c> directories, and a query's filter on the partition
/// column reaches the filesystem source through the planner (a scan filter hint), which then never opens the files of
/// other partitions — proven by a file no reader could read sitting in a pruned partition.
/// </summary>
public sealed class PartitionPruningTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private string Dir(string name) => Path.Combine(_dir, name);

    [Fact]
    public async Task A_filter_on_the_partition_column_skips_the_other_partitions_directories()
    {
        await using var env = Sessions.Create(null, ("table.dml-sync", "true"));
        env.ExecuteSql($"CREATE TABLE src (id BIGINT, dt STRING) PARTITIONED BY (dt) WITH ('connector' = 'filesystem', 'path' = '{Dir("src")}', 'format' = 'parquet')");
        env.ExecuteSql("INSERT INTO src VALUES (1, 'a'), (2, 'b'), (3, 'a')");
        Assert.True(Directory.Exists(Path.Combine(Dir("src"), "dt=a")));
        Assert.True(Directory.Exists(Path.Combine(Dir("src"), "dt=b")));
        File.WriteAllText(Path.Combine(Dir("src"), "dt=b", "part-corrupt"), "not a parquet file");

        env.ExecuteSql($"CREATE TABLE a (id BIGINT, dt STRING) WITH ('connector' = 'filesystem', 'path' = '{Dir("a")}', 'format' = 'csv')");
        env.ExecuteSql("INSERT INTO a SELECT id, dt FROM src WHERE dt = 'a' AND id > 0");
        var lines = Directory.GetFiles(Dir("a"), "part-*").SelectMany(File.ReadAllLines).Order().ToList();
        Assert.Equal(new[] { "1,a", "3,a" }, lines);

        env.ExecuteSql($"CREATE TABLE b (id BIGINT, dt STRING) WITH ('connector' = 'filesystem', 'path' = '{Dir("b")}', 'format' = 'csv')");
        var e = Assert.ThrowsAny<Exception>(() => env.ExecuteSql("INSERT INTO b SELECT id, dt FROM src WHERE id > 0"));
        Assert.Contains("part-corrupt", e.ToString());
    }
}
