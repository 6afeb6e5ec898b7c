namespace StreamSql.Tests.FsItc;

/// <summary>
/// Rules of Flink's filesystem sink that its ITCases rely on without asserting them one by one: which directory an empty
/// or blank partition value goes to (<c>RowDataPartitionComputer</c>: <c>partitionValue == null || "".equals(partitionValue)</c>)
/// and when a row-format part file rolls by size (<c>TableRollingPolicy</c>).
/// </summary>
public sealed class FilesystemSinkRulesTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("parquet")]
    public async Task A_null_or_empty_partition_value_goes_to_the_default_partition_and_reads_back_as_null_a_blank_one_keeps_its_own(string format)
    {
        await using var env = Sessions.Create(null, ("table.dml-sync", "true"));
        env.ExecuteSql($"CREATE TABLE t (id INT, k STRING) PARTITIONED BY (k) WITH ('connector' = 'filesystem', 'path' = '{_dir}', 'format' = '{format}', "
            + "'partition.default-name' = 'NONE')");
        env.ExecuteSql("INSERT INTO t VALUES (1, ' '), (2, ''), (3, CAST(NULL AS STRING)), (4, ' x '), (5, '\t')");
        Assert.Equal(new[] { "k= ", "k= x ", "k=%09", "k=NONE" }, Directory.GetDirectories(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "1 |  ", "2 | NULL", "3 | NULL", "4 |  x ", "5 | \t" }, await FsItcData.Rows(env, "SELECT id, k FROM t"));
    }

    /// <summary>A part file rolls before the row that finds it strictly larger than <c>sink.rolling-policy.file-size</c>:
    /// rows of 10 bytes with a 20 byte limit make files of three rows (10, 20: not larger, 30: larger), not two.</summary>
    [Fact]
    public async Task A_csv_part_file_rolls_once_it_is_larger_than_the_file_size_not_when_equal()
    {
        await using var env = Sessions.Create(null, ("table.dml-sync", "true"), ("parallelism.default", "1"));
        env.ExecuteSql($"CREATE TABLE t (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '{_dir}', 'format' = 'csv', "
            + "'sink.rolling-policy.file-size' = '20b')");
        env.ExecuteSql("INSERT INTO t VALUES (1, 'aaaaaaa'), (2, 'bbbbbbb'), (3, 'ccccccc'), (4, 'ddddddd'), (5, 'eeeeeee'), (6, 'fffffff'), (7, 'ggggggg')");
        var files = Directory.GetFiles(_dir, "part-*").OrderBy(f => int.Parse(f[(f.LastIndexOf('-') + 1)..])).Select(File.ReadAllLines).ToList();
        Assert.Equal(new[] { 3, 3, 1 }, files.Select(f => f.Length));
        Assert.Equal(new[] { "1,aaaaaaa", "2,bbbbbbb", "3,ccccccc" }, files[0]);
    }
}
