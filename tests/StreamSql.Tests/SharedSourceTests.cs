namespace StreamSql.Tests;

/// <summary>
/// A statement set whose INSERTs read one table reads it once (one source vertex feeding every sink), so a random
/// datagen table gives every sink the same rows — before the physical plan was a DAG, each INSERT had a source of its own
/// and the sinks got different random rows.
/// </summary>
public sealed class SharedSourceTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private string Dir(string name) => Path.Combine(_dir, name);

    [Fact]
    public async Task Two_inserts_over_one_random_datagen_table_write_the_same_rows()
    {
        await using var env = Sessions.Create(null, ("table.dml-sync", "true"));
        env.ExecuteSql("CREATE TABLE src (id BIGINT, other BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '500')");
        env.ExecuteSql($"CREATE TABLE a (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Dir("a")}', 'format' = 'csv')");
        env.ExecuteSql($"CREATE TABLE b (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Dir("b")}', 'format' = 'csv')");
        env.ExecuteSql("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT id FROM src; INSERT INTO b SELECT id FROM src WHERE other IS NOT NULL OR other IS NULL; END");
        var a = SinkFiles.Rows(Dir("a"));
        Assert.Equal(500, a.Count);
        Assert.Equal(a, SinkFiles.Rows(Dir("b")));
        await Task.CompletedTask;
    }
}
