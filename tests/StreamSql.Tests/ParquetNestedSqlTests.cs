namespace StreamSql.Tests;

/// <summary>ROW, ARRAY and MAP columns of a parquet table through SQL: written by INSERT from the constructors, read back by
/// a query into a json table.</summary>
public sealed class ParquetNestedSqlTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private string Dir(string name) => Path.Combine(_dir, name);

    [Fact]
    public async Task Nested_columns_written_by_insert_are_read_back_by_a_query()
    {
        await using var env = Sessions.Create(null, ("table.dml-sync", "true"));
        const string Columns = "id INT, r ROW<a INT, b STRING>, arr ARRAY<INT>, m MAP<STRING, BIGINT>";
        env.ExecuteSql($"CREATE TABLE pq ({Columns}) WITH ('connector' = 'filesystem', 'path' = '{Dir("pq")}', 'format' = 'parquet')");
        env.ExecuteSql("INSERT INTO pq VALUES (1, ROW(1, 'x'), ARRAY[1, 2], MAP['k', CAST(7 AS BIGINT)]), "
            + "(2, ROW(CAST(NULL AS INT), 'y'), ARRAY[CAST(NULL AS INT)], MAP['a', CAST(NULL AS BIGINT), 'b', CAST(2 AS BIGINT)])");
        env.ExecuteSql($"CREATE TABLE out ({Columns}) WITH ('connector' = 'filesystem', 'path' = '{Dir("out")}', 'format' = 'json')");
        env.ExecuteSql("INSERT INTO out SELECT id, r, arr, m FROM pq");
        var lines = Directory.GetFiles(Dir("out"), "part-*").SelectMany(File.ReadAllLines).Order().ToList();
        Assert.Equal(new[]
        {
            """{"id":1,"r":{"a":1,"b":"x"},"arr":[1,2],"m":{"k":7}}""",
            """{"id":2,"r":{"a":null,"b":"y"},"arr":[null],"m":{"a":null,"b":2}}""",
        }, lines);
    }
}
