namespace StreamSql.Tests.FsItc;

/// <summary>
/// Rules of Flink's filesystem sink that its ITCases rely on without asserting them one by one: which directory an empty
/// or blank partition value goes to (<c>RowDataPartitionComputer</c>: <c>partitionValue == null || "".equals(partitionValue)</c>)
/// and how a value of another type than a string names its directory (the <c>toString()</c> of Flink's internal value), and
/// when a row-format part file rolls by size (<c>TableRollingPolicy</c>).
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

    /// <summary>Flink names a partition directory with <c>toString()</c> of its internal value: a DATE is its int of days,
    /// a TIME its int of milliseconds, a TIMESTAMP (and TIMESTAMP_LTZ, in UTC) <c>LocalDateTime.toString()</c> (<c>T</c>,
    /// seconds only when not zero, the fraction in groups of three), escaped; numbers and booleans as SQL prints them.
    /// The table reads its own directories back as the values written.</summary>
    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    public async Task Partition_directories_of_dates_times_and_timestamps_are_named_by_flinks_internal_values(string format)
    {
        await using var env = Sessions.Create(null, ("table.dml-sync", "true"), ("table.local-time-zone", "UTC"));
        env.ExecuteSql($"CREATE TABLE t (id INT, d DATE, tm TIME(0), ts TIMESTAMP(3), ts6 TIMESTAMP(6), lt TIMESTAMP_LTZ(3), m DECIMAL(5, 2), b BOOLEAN, f DOUBLE) "
            + $"PARTITIONED BY (d, tm, ts, ts6, lt, m, b, f) WITH ('connector' = 'filesystem', 'path' = '{_dir}', 'format' = '{format}')");
        env.ExecuteSql("INSERT INTO t VALUES (1, DATE '2020-05-03', TIME '10:00:00', TIMESTAMP '2020-05-03 10:00:00', TIMESTAMP '2020-05-03 10:00:00.000123', "
            + "TO_TIMESTAMP_LTZ(1500, 3), 1.50, TRUE, 1.0E10), "
            + "(2, DATE '1969-12-31', TIME '00:00:01', TIMESTAMP '2020-05-03 10:00:01.120', TIMESTAMP '2020-05-03 10:00:00.5', TO_TIMESTAMP_LTZ(0, 3), -0.05, FALSE, 0.1)");
        var directories = Directory.GetFiles(_dir, "part-*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_dir, Path.GetDirectoryName(f)!).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[]
        {
            "d=-1/tm=1000/ts=2020-05-03T10%3A00%3A01.120/ts6=2020-05-03T10%3A00%3A00.500/lt=1970-01-01T00%3A00/m=-0.05/b=false/f=0.1",
            "d=18385/tm=36000000/ts=2020-05-03T10%3A00/ts6=2020-05-03T10%3A00%3A00.000123/lt=1970-01-01T00%3A00%3A01.500/m=1.50/b=true/f=1.0E10",
        }, directories);
        var rows = await FsItcData.Rows(env, "SELECT id, d, CAST(tm AS STRING), ts, ts6, m, b, f FROM t");
        string[] expected =
        [
            "1 | 2020-05-03 | 10:00:00 | 2020-05-03 10:00:00.000000 | 2020-05-03 10:00:00.000123 | 1.5 | TRUE | 1E+10",
            "2 | 1969-12-31 | 00:00:01 | 2020-05-03 10:00:01.120000 | 2020-05-03 10:00:00.500000 | -0.05 | FALSE | 0.1",
        ];
        Assert.True(expected.SequenceEqual(rows), string.Join("\n", rows));
        Assert.Single(await FsItcData.Rows(env, "SELECT id FROM t WHERE d = DATE '2020-05-03'"));
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
