using StreamSql.Tests.Differential;

namespace StreamSql.Tests.FsItc;

/// <summary>
/// Flink's <c>FsStreamingSinkITCaseBase</c> (run by <c>FsStreamingSinkTestCsvITCase</c>, <c>JsonFsStreamSinkITCase</c> with
/// <c>'sink.rolling-policy.file-size' = '1b'</c>: a part file a row, and the parquet one): a streaming INSERT with
/// checkpoints every 100 ms into a filesystem table with a partition commit policy. Flink's <c>FiniteTestSource</c> emits a
/// watermark after every row (the row's time); here the rows come from a csv file with that time as rowtime, a batch a
/// row and a watermark after every batch. At the end of input every partition is committed whatever the trigger's delay,
/// so each partition directory gets the custom success file. The rows read back equal DuckDB's rows of the input file.
/// </summary>
public sealed class FsStreamingSinkTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private string ResultPath => Path.Combine(_dir, "result");

    /// <summary>Flink's <c>getData</c>: iso dates as MM-dd-yyyy.</summary>
    private static readonly string[] Data = ["1,a,b,05-03-2020,07", "2,p,q,05-03-2020,08", "3,x,y,05-03-2020,09", "4,x,y,05-03-2020,10", "5,x,y,05-03-2020,11"];

    /// <summary>Flink's <c>getData2</c>: basic iso dates.</summary>
    private static readonly string[] Data2 = ["1,a,b,20200503,07", "2,p,q,20200503,08", "3,x,y,20200503,09", "4,x,y,20200504,10", "5,x,y,20200504,11"];

    /// <summary>Flink's <c>additionalProperties()</c> of the subclasses.</summary>
    private static readonly Dictionary<string, string> AdditionalProperties = new()
    {
        ["csv"] = "'format' = 'csv'",
        ["json-1b"] = "'format' = 'json', 'sink.rolling-policy.file-size' = '1b'",
        ["parquet"] = "'format' = 'parquet'",
    };

    public static TheoryData<string> Formats() => new(AdditionalProperties.Keys);

    private async Task Test(string format, string[] data, string rowtime, string timeExtractorKind, string formatterPattern, string timeExtractorPattern,
        string partition, string commitTrigger, string commitDelay, string policy = "success-file", string successFileName = "_MY_SUCCESS")
    {
        var input = Path.Combine(_dir, "input", "data.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        File.WriteAllLines(input, data);
        await using var env = Sessions.Create(null, ("table.dml-sync", "true"), ("parallelism.default", "1"),
            ("execution.checkpointing.interval", "100ms"), ("execution.checkpointing.mode", "EXACTLY_ONCE"),
            ("execution.batch.max-rows", "1"), ("pipeline.auto-watermark-interval", "0"));
        env.ExecuteSql($"CREATE TABLE my_table (a INT, b STRING, c STRING, d STRING, e STRING, ts AS {rowtime}, WATERMARK FOR ts AS ts) "
            + $"WITH ('connector' = 'filesystem', 'path' = '{input}', 'format' = 'csv')");
        env.ExecuteSql($"""
            create table sink_table (a int, b string, c string, d string, e string)
            {(partition.Length > 0 ? $"partitioned by ({partition})" : "")}
            with (
              'connector' = 'filesystem',
              'path' = '{ResultPath}',
              'partition.time-extractor.kind' = '{timeExtractorKind}',
              {(formatterPattern.Length > 0 ? $"'partition.time-extractor.timestamp-formatter' = '{formatterPattern}'," : "")}
              'partition.time-extractor.timestamp-pattern' = '{timeExtractorPattern}',
              'sink.partition-commit.trigger' = '{commitTrigger}',
              'sink.partition-commit.delay' = '{commitDelay}',
              'sink.partition-commit.policy.kind' = '{policy}',
              'sink.partition-commit.success-file.name' = '{successFileName}',
              {AdditionalProperties[format]}
            )
            """);
        env.ExecuteSql("insert into sink_table select a, b, c, d, e from my_table");

        using var duck = new DuckDbOracle();
        duck.Execute($"CREATE TABLE my_table AS SELECT * FROM read_csv('{input}', header = false, "
            + "columns = {'a': 'INTEGER', 'b': 'VARCHAR', 'c': 'VARCHAR', 'd': 'VARCHAR', 'e': 'VARCHAR'})");
        var expected = duck.Rows("select * from my_table");
        Assert.Equal(data.Length, expected.Count);
        Assert.Equal(expected, await FsItcData.Rows(env, "select * from sink_table"));
    }

    private Task TestPartitionCustomFormatDate(string format, bool partition, string policy = "success-file") =>
        Test(format, Data, "TO_TIMESTAMP(d || ' ' || e || ':00:00', 'MM-dd-yyyy HH:mm:ss')", "default", "MM-dd-yyyy HH:mm:ss", "$d $e:00:00",
            partition ? "d,e" : "", "process-time", "1h", policy);

    [Theory, MemberData(nameof(Formats))]
    public async Task NonPart(string format)
    {
        await TestPartitionCustomFormatDate(format, partition: false);
        Assert.Empty(Directory.GetDirectories(ResultPath));
        Assert.Empty(Directory.GetFiles(ResultPath, "_MY_SUCCESS"));
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task Part(string format)
    {
        await TestPartitionCustomFormatDate(format, partition: true);
        var basePath = Path.Combine(ResultPath, "d=05-03-2020");
        Assert.Equal(5, Directory.GetFileSystemEntries(basePath).Length);
        foreach (var e in new[] { "07", "08", "09", "10", "11" })
            Assert.True(File.Exists(Path.Combine(basePath, "e=" + e, "_MY_SUCCESS")), "e=" + e);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task MetastorePolicy(string format)
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => TestPartitionCustomFormatDate(format, partition: true, "metastore"));
        Assert.Contains("Can not configure a 'metastore' partition commit policy for a file system table."
            + " You can only configure 'metastore' partition commit policy for a hive table.", e.Message);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task PartitionWithBasicDate(string format)
    {
        await Test(format, Data2, "TO_TIMESTAMP(d, 'yyyyMMdd')", "default", "yyyyMMdd", "$d", "d", "partition-time", "1d");
        Assert.Equal(2, Directory.GetFileSystemEntries(ResultPath).Length);
        Assert.True(File.Exists(Path.Combine(ResultPath, "d=20200503", "_MY_SUCCESS")));
        Assert.True(File.Exists(Path.Combine(ResultPath, "d=20200504", "_MY_SUCCESS")));
    }
}
