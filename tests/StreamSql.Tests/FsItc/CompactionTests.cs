using System.Globalization;
using StreamSql.Tests.Differential;

namespace StreamSql.Tests.FsItc;

/// <summary>
/// Flink's <c>CompactionITCaseBase</c> (csv, json, parquet subclasses): 100 rows written twice by a checkpointed streaming
/// INSERT at parallelism 3 into a table with <c>'auto-compaction' = 'true'</c> read back as the same rows (DuckDB over the
/// input), and every visible data file is named with Flink's <c>compacted-</c> prefix; partitioned by b, ten directories,
/// each with its <c>_SUCCESS</c> file. (The files are named as Flink's compactor names them but not merged.)
/// </summary>
public sealed class CompactionTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private string ResultPath => Path.Combine(_dir, "result");

    private async Task<List<string>> Run(string format, bool partitioned, int parallelism)
    {
        var input = Path.Combine(_dir, "input", "rows.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        // FiniteTestSource emits its rows twice.
        var rows = Enumerable.Range(0, 100).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},{i % 10},{i % 10}")).ToList();
        File.WriteAllLines(input, rows.Concat(rows));
        await using var env = Sessions.Create(null, ("table.dml-sync", "true"), ("parallelism.default", "3"),
            ("execution.checkpointing.interval", "100ms"));
        env.ExecuteSql($"CREATE TABLE my_table (a INT, b STRING, c STRING) WITH ('connector' = 'filesystem', 'path' = '{input}', 'format' = 'csv')");
        env.ExecuteSql($"CREATE TABLE sink_table (a INT, b STRING, c STRING) {(partitioned ? "PARTITIONED BY (b)" : "")} WITH ('connector' = 'filesystem', "
            + $"'path' = '{ResultPath}', 'format' = '{format}', 'auto-compaction' = 'true'"
            + (partitioned ? ", 'sink.partition-commit.policy.kind' = 'success-file'" : "") + ")");
        env.ExecuteSql($"insert into sink_table /*+ OPTIONS('sink.parallelism' = '{parallelism}') */ select * from my_table");

        using var duck = new DuckDbOracle();
        duck.Execute($"CREATE TABLE my_table AS SELECT * FROM read_csv('{input}', header = false, columns = {{'a': 'INTEGER', 'b': 'VARCHAR', 'c': 'VARCHAR'}})");
        var expected = duck.Rows("select * from my_table");
        Assert.Equal(200, expected.Count);
        Assert.Equal(expected, await FsItcData.Rows(env, "select * from sink_table"));
        return Directory.GetFiles(ResultPath, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(ResultPath, f)).ToList();
    }

    private static void AssertCompactedNames(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') || name == "_SUCCESS") continue;
            Assert.StartsWith("compacted-part-", name);
        }
    }

    [Theory]
    [InlineData("csv", 1)]
    [InlineData("csv", 3)]
    [InlineData("json", 3)]
    [InlineData("parquet", 3)]
    public async Task NonPartition(string format, int parallelism) => AssertCompactedNames(await Run(format, partitioned: false, parallelism));

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("parquet")]
    public async Task Partition(string format)
    {
        var files = await Run(format, partitioned: true, 3);
        Assert.Equal(10, Directory.GetDirectories(ResultPath).Length);
        for (int i = 0; i < 10; i++)
            Assert.True(File.Exists(Path.Combine(ResultPath, "b=" + i, "_SUCCESS")), "b=" + i);
        AssertCompactedNames(files);
    }
}
