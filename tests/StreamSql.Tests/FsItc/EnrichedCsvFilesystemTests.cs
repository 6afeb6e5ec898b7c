namespace StreamSql.Tests.FsItc;

/// <summary>
/// Flink's <c>EnrichedCsvFilesystemBatchITCase</c> (flink-csv), whose cases read hand-written files through
/// <c>nonPartitionedTable</c> with <c>'csv.ignore-parse-errors' = 'true'</c> and a tab as <c>'csv.escape-character'</c>:
/// records with too many fields are skipped wherever they are, an escaped character is taken literally (numbers are
/// trimmed, so an escaped newline before a digit still reads as the number), and an empty file has no rows.
/// The expected rows are Flink's test's own.
/// </summary>
public sealed class EnrichedCsvFilesystemTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private async Task<List<string>> Read(string content)
    {
        File.WriteAllText(Path.Combine(_dir, "test_file"), content);
        await using var env = Sessions.Create(null, ("table.dml-sync", "true"));
        env.ExecuteSql($"create table nonPartitionedTable (x string, y int, a int, b bigint) with ('connector' = 'filesystem', 'path' = 'file://{_dir}', "
            + "'format' = 'csv', 'csv.ignore-parse-errors' = 'true', 'csv.escape-character' = '\t')");
        return await FsItcData.Rows(env, "select * from nonPartitionedTable");
    }

    [Fact]
    public async Task ParseError() =>
        Assert.Equal(new[] { "x5 | 5 | 1 | 1", "x5 | 5 | 1 | 1" }, await Read("x5,5,1,1\n" + "x5,5,2,2,2\n" + "x5,5,3,3,3,3\n" + "x5,5,1,1"));

    [Fact]
    public async Task ParseErrorLast() =>
        Assert.Equal(new[] { "x5 | 5 | 1 | 1", "x5 | 5 | 1 | 1" }, await Read("x5,5,1,1\n" + "x5,5,2,2,2\n" + "x5,5,1,1\n" + "x5,5,3,3,3,3\n"));

    [Fact]
    public async Task EscapeChar() =>
        Assert.Equal(new[] { "x5 | 5 | 1 | 1", "x5 | 5 | 2 | 2" }, await Read("x5,\t\n5,1,1\n" + "x5,\t5,2,2"));

    [Fact]
    public async Task Empty() => Assert.Empty(await Read(""));
}
