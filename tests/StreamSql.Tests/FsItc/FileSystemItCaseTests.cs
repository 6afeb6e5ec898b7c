using StreamSql.Tests.Differential;

namespace StreamSql.Tests.FsItc;

/// <summary>
/// Flink's <c>FileSystemITCaseBase</c> as <c>StreamFileSystemITCaseBase</c> runs it (streaming mode; INSERT OVERWRITE is
/// left out there as here), once per format (Flink runs it with testcsv, csv, json, parquet, orc, avro): the same tables
/// (all sharing one result directory, as Flink's do), the same INSERTs, and each check's rows compared with DuckDB's answer
/// over the rows of <c>originalT</c>.
/// </summary>
public sealed class FileSystemItCaseTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();
    private readonly string _resultPath;
    private readonly string _originalPath;
    private readonly DuckDbOracle _duck;

    public FileSystemItCaseTests()
    {
        _resultPath = Path.Combine(_dir, "result");
        Directory.CreateDirectory(_resultPath);
        _originalPath = FsItcData.WriteOriginal(Path.Combine(_dir, "input"));
        _duck = FsItcData.Oracle(_originalPath);
    }

    public void Dispose()
    {
        _duck.Dispose();
        StateFixtures.Delete(_dir);
    }

    /// <summary>Flink's <c>open()</c>: originalT and the tables over the result directory.</summary>
    private StreamSqlEnvironment Open(string format, params (string Key, string Value)[] settings)
    {
        var env = Sessions.Create(null, [("table.dml-sync", "true"), .. settings]);
        var with = FormatProperties[format];
        var uri = "file://" + _resultPath;
        env.ExecuteSql($"CREATE TABLE originalT ({FsItcData.Schema}) WITH ('connector' = 'filesystem', 'path' = '{_originalPath}', 'format' = 'csv')");
        env.ExecuteSql($"create table partitionedTable (x string, y int, a int, b bigint, c as b + 1) partitioned by (a, b) with ('connector' = 'filesystem', 'path' = '{uri}', {with})");
        env.ExecuteSql($"create table partitionedTableWithMetadata (x string, y int, a int, b bigint, c as b + 1, f string metadata from 'file.path') partitioned by (a, b) with ('connector' = 'filesystem', 'path' = '{_resultPath}', {with})");
        env.ExecuteSql($"create table nonPartitionedTable (x string, y int, a int, b bigint) with ('connector' = 'filesystem', 'path' = '{uri}', {with})");
        env.ExecuteSql($"create table nonPartitionedTableWithMetadata (x string, y int, a int, f string metadata from 'file.path', b bigint) with ('connector' = 'filesystem', 'path' = '{_resultPath}', {with})");
        env.ExecuteSql($"create table hasDecimalFieldWithPrecisionTenAndZeroTable (x decimal(10, 0), y int) with ('connector' = 'filesystem', 'path' = '{uri}', {with})");
        env.ExecuteSql($"create table hasDecimalFieldWithPrecisionThreeAndTwoTable (x decimal(3, 2), y int) with ('connector' = 'filesystem', 'path' = '{uri}', {with})");
        return env;
    }

    /// <summary>The engine's rows of <paramref name="sql"/> equal DuckDB's rows of <paramref name="oracleSql"/> over originalT.</summary>
    private async Task Check(StreamSqlEnvironment env, string sql, string oracleSql, int? expectedCount = null)
    {
        var expected = _duck.Rows(oracleSql);
        if (expectedCount is { } n) Assert.Equal(n, expected.Count);
        var actual = await FsItcData.Rows(env, sql);
        Assert.True(expected.SequenceEqual(actual),
            $"{sql}\n expected: {string.Join(" || ", expected)}\n actual:   {string.Join(" || ", actual)}");
    }

    /// <summary>Flink's <c>formatProperties()</c> of the subclasses: <c>CsvFilesystemStreamITCase</c>,
    /// <c>GeneralCsvFilesystemBatchITCase</c> (another delimiter and quote), <c>JsonFilesystemStreamITCase</c>,
    /// <c>JsonBatchFileSystemITCase</c> (ignore-parse-errors),
    /// <c>ParquetFileSystemITCase</c>, <c>AvroFilesystemStreamITCase</c> (its default codec, snappy) and deflate.</summary>
    private static readonly Dictionary<string, string> FormatProperties = new()
    {
        ["csv"] = "'format' = 'csv'",
        ["csv;#"] = "'format' = 'csv', 'csv.field-delimiter' = ';', 'csv.quote-character' = '#'",
        ["json"] = "'format' = 'json'",
        ["json-lenient"] = "'format' = 'json', 'json.ignore-parse-errors' = 'true'",
        ["parquet"] = "'format' = 'parquet'",
        ["avro"] = "'format' = 'avro'",
        ["avro-deflate"] = "'format' = 'avro', 'avro.codec' = 'deflate'",
    };

    public static TheoryData<string> Formats() => new(FormatProperties.Keys);

    /// <summary>Flink's csv subclasses say <c>supportsReadingMetadata() = false</c>: a table of fewer columns than the
    /// file's rows cannot read a csv file (too many fields), so <c>testReadAllMetadata</c> runs for the others only.</summary>
    public static TheoryData<string> FormatsReadingMetadata() => new("json", "json-lenient", "parquet", "avro");

    [Theory, MemberData(nameof(Formats))]
    public async Task SelectDecimalWithPrecisionTenAndZeroFromFileSystem(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql("insert into hasDecimalFieldWithPrecisionTenAndZeroTable(x, y) values(cast(2113554011 as decimal(10, 0)), 1), (cast(2113554022 as decimal(10,0)), 2)");
        await Check(env, "select x, y from hasDecimalFieldWithPrecisionTenAndZeroTable",
            "select * from (values (cast(2113554011 as decimal(10, 0)), 1), (cast(2113554022 as decimal(10,0)), 2))", 2);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task SelectDecimalWithPrecisionThreeAndTwoFromFileSystem(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql("insert into hasDecimalFieldWithPrecisionThreeAndTwoTable(x,y) values(cast(1.32 as decimal(3, 2)), 1), (cast(2.64 as decimal(3, 2)), 2)");
        await Check(env, "select x, y from hasDecimalFieldWithPrecisionThreeAndTwoTable",
            "select * from (values (cast(1.32 as decimal(3, 2)), 1), (cast(2.64 as decimal(3, 2)), 2))", 2);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task AllStaticPartitions1(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql("insert into partitionedTable partition(a='1', b='1') select x, y from originalT where a=1 and b=1");
        await Check(env, "select x, y from partitionedTable where a=1 and b=1", "select x, y from originalT where a=1 and b=1", 5);
        await Check(env, "select x, y from partitionedTable", "select x, y from originalT where a=1 and b=1", 5);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task AllStaticPartitions2(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql("insert into partitionedTable partition(a='2', b='1') select x, y from originalT where a=2 and b=1");
        await Check(env, "select x, y from partitionedTable where a=2 and b=1", "select x, y from originalT where a=2 and b=1", 5);
        await Check(env, "select x, y from partitionedTable", "select x, y from originalT where a=2 and b=1", 5);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task AllStaticPartitionsWithMetadata(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql("insert into partitionedTable partition(a='1', b='1') select x, y from originalT where a=1 and b=1");
        foreach (var sql in new[] { "select x, f, y from partitionedTableWithMetadata where a=1 and b=1", "select x, f, y from partitionedTableWithMetadata" })
        {
            await using var result = env.Query(sql);
            var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(5, rows.Count);
            foreach (var row in rows)
            {
                Assert.Equal(3, row.FieldCount);
                var path = Assert.IsType<string>(row[1]);
                Assert.StartsWith(Path.Combine(_resultPath, "a=1", "b=1", "part-"), path);
                Assert.True(File.Exists(path), path);
            }
        }
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task PartialDynamicPartition(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql("insert into partitionedTable partition(a=3) select x, y, b from originalT where a=3");
        await Check(env, "select x, y from partitionedTable where a=2 and b=1", "select x, y from originalT where false", 0);
        await Check(env, "select x, y from partitionedTable where a=3 and b=1", "select x, y from originalT where a=3 and b=1", 1);
        await Check(env, "select x, y from partitionedTable where a=3 and b=2", "select x, y from originalT where a=3 and b=2", 1);
        await Check(env, "select x, y from partitionedTable where a=3 and b=3", "select x, y from originalT where a=3 and b=3", 1);
        await Check(env, "select x, y from partitionedTable where a=3", "select x, y from originalT where a=3", 3);
        Assert.Equal(new[] { "b=1", "b=2", "b=3" },
            Directory.GetDirectories(Path.Combine(_resultPath, "a=3")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task DynamicPartition(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql("insert into partitionedTable select x, y, a, b from originalT");
        await Check(env, "select x, y from partitionedTable where a=1 and b=1", "select x, y from originalT where a=1 and b=1", 5);
        await Check(env, "select x, y from partitionedTable where a=2 and b=1", "select x, y from originalT where a=2 and b=1", 5);
        await Check(env, "select x, y, a, b, c from partitionedTable where a=1 and c=2", "select x, y, a, b, b + 1 from originalT where a=1 and b + 1=2", 5);
        await Check(env, "select x, y from partitionedTable", "select x, y from originalT", 27);
        // One directory per distinct (a, b), the partition columns not written into the files.
        var partitions = Directory.GetDirectories(_resultPath, "b=*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(_resultPath, d).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(_duck.Rows("select distinct 'a=' || a || '/b=' || b from originalT"), partitions);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task PartitionWithHiddenFile(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql("insert into partitionedTable partition(a='1', b='1') select x, y from originalT where a=1 and b=1");
        // A hidden partition directory, and hidden files (Flink's in-progress files and success files) no reader may open.
        Assert.True(Directory.CreateDirectory(Path.Combine(_resultPath, "a=1", ".b=2")).Exists);
        File.WriteAllText(Path.Combine(_resultPath, "a=1", ".b=2", "part-0"), "not a data file");
        File.WriteAllText(Path.Combine(_resultPath, "a=1", "b=1", ".part-1.inprogress"), "not a data file");
        File.WriteAllText(Path.Combine(_resultPath, "a=1", "b=1", "_SUCCESS"), "");
        await Check(env, "select x, y from partitionedTable", "select x, y from originalT where a=1 and b=1", 5);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task NonPartition(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql("insert into nonPartitionedTable select x, y, a, b from originalT where a=1 and b=1");
        await Check(env, "select x, y from nonPartitionedTable where a=1 and b=1", "select x, y from originalT where a=1 and b=1", 5);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task NonPartitionWithMetadata(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql("insert into nonPartitionedTable select x, y, a, b from originalT where a=1 and b=1");
        await using var result = env.Query("select x, f, y from nonPartitionedTableWithMetadata where a=1 and b=1");
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal(3, row.FieldCount);
            Assert.StartsWith(Path.Combine(_resultPath, "part-"), Assert.IsType<string>(row[1]));
        }
    }

    [Theory, MemberData(nameof(FormatsReadingMetadata))]
    public async Task ReadAllMetadata(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql($"CREATE TABLE metadataTable (x STRING, `file.path` STRING METADATA, `file.name` STRING METADATA, `file.size` BIGINT METADATA, "
            + $"`file.modification-time` TIMESTAMP_LTZ(3) METADATA) with ('connector' = 'filesystem', 'path' = '{_resultPath}', {FormatProperties[format]})");
        env.ExecuteSql("INSERT INTO nonPartitionedTable (x) SELECT x FROM originalT LIMIT 1");
        var file = new FileInfo(Assert.Single(Directory.GetFiles(_resultPath)));
        await using var result = env.Query("SELECT * FROM metadataTable");
        var row = Assert.Single(await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(5, row.FieldCount);
        Assert.Contains(file.Name, Assert.IsType<string>(row[1]));
        Assert.Equal(file.Name, row[2]);
        Assert.Equal(file.Length, Convert.ToInt64(row[3]));
        var modified = row[4] switch
        {
            DateTimeOffset o => o.ToUnixTimeMilliseconds(),
            DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
            var other => throw new InvalidOperationException($"file.modification-time is a {other?.GetType()}"),
        };
        Assert.Equal(new DateTimeOffset(file.LastWriteTimeUtc).ToUnixTimeMilliseconds(), modified);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task LimitPushDown(string format)
    {
        await using var env = Open(format, ("parallelism.default", "1"));
        env.ExecuteSql("insert into nonPartitionedTable select x, y, a, b from originalT");
        await Check(env, "select x, y from nonPartitionedTable limit 3", "select x, y from originalT where y <= 3", 3);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task FilterPushDown(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql("insert into nonPartitionedTable select x, y, a, b from originalT");
        await Check(env, "select x, y from nonPartitionedTable where a=10086", "select x, y from originalT where a=10086", 0);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task ProjectPushDown(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql("insert into partitionedTable select x, y, a, b from originalT");
        await Check(env, "select y, b, x from partitionedTable where a=3", "select y, b, x from originalT where a=3", 3);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task InsertAppend(string format)
    {
        await using var env = Open(format);
        env.ExecuteSql("insert into partitionedTable select x, y, a, b from originalT");
        env.ExecuteSql("insert into partitionedTable select x, y, a, b from originalT");
        await Check(env, "select y, b, x from partitionedTable where a=3",
            "select y, b, x from originalT where a=3 union all select y, b, x from originalT where a=3", 6);
    }

    /// <summary><c>testInsertOverwrite</c> is a no-op in <c>StreamFileSystemITCaseBase</c>: the filesystem sink refuses it
    /// in streaming mode with <c>FileSystemTableSink</c>'s message.</summary>
    [Theory, MemberData(nameof(Formats))]
    public async Task InsertOverwriteIsRefusedInStreamingMode(string format)
    {
        await using var env = Open(format);
        var e = Assert.ThrowsAny<Exception>(() => env.ExecuteSql("insert overwrite partitionedTable select x, y, a, b from originalT"));
        Assert.Contains("Streaming mode not support overwrite.", e.Message);
    }

    /// <summary><c>testInsertOverwrite</c> as <c>BatchFileSystemITCaseBase</c> runs it: the second overwrite replaces each
    /// partition the first wrote.</summary>
    [Theory, MemberData(nameof(Formats))]
    public async Task InsertOverwriteInBatchMode(string format)
    {
        await using var env = Open(format, ("execution.runtime-mode", "batch"));
        env.ExecuteSql("insert overwrite partitionedTable select x, y, a, b from originalT");
        env.ExecuteSql("insert overwrite partitionedTable select x, y, a, b from originalT");
        await Check(env, "select y, b, x from partitionedTable where a=3", "select y, b, x from originalT where a=3", 3);
        await Check(env, "select x, y from partitionedTable", "select x, y from originalT", 27);
    }

    /// <summary><c>JsonBatchFileSystemITCase.testParseError</c>: with <c>json.ignore-parse-errors</c> a line that is not
    /// JSON is skipped.</summary>
    [Fact]
    public async Task JsonParseError()
    {
        await using var env = Open("json-lenient");
        File.WriteAllText(Path.Combine(_resultPath, "temp_file"),
            "{\"x\":\"x5\",\"y\":5,\"a\":1,\"b\":1}\n" + "{I am a wrong json.}\n" + "{\"x\":\"x5\",\"y\":5,\"a\":1,\"b\":1}");
        Assert.Equal(new[] { "x5 | 5 | 1 | 1", "x5 | 5 | 1 | 1" }, await FsItcData.Rows(env, "select * from nonPartitionedTable"));
    }

    /// <summary><c>JsonBatchFileSystemITCase.bigDataTest</c>: 1000 json rows in one file of partition <c>id=0</c>, read
    /// through a table partitioned by id at parallelism 1.</summary>
    [Fact]
    public async Task JsonBigData()
    {
        var root = Path.Combine(_dir, "bigdata");
        Directory.CreateDirectory(Path.Combine(root, "id=0"));
        File.WriteAllLines(Path.Combine(root, "id=0", "testdata"), Enumerable.Range(0, 1000).Select(i => $"{{\"content\":\"{i}\"}}"));
        await using var env = Sessions.Create(null, ("parallelism.default", "1"));
        env.ExecuteSql($"CREATE TABLE bigdata_source (id INT, content STRING) PARTITIONED by (id) WITH ('connector' = 'filesystem', 'path' = '{root}', 'format' = 'json')");
        var rows = await FsItcData.Rows(env, "select * from bigdata_source");
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"0 | {i}").Order(StringComparer.Ordinal), rows);
    }
}
