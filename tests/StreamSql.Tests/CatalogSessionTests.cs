using System.Text.RegularExpressions;

namespace StreamSql.Tests;

/// <summary>Jobs over several catalogs (CREATE CATALOG, USE, qualified names), REPLACE TABLE AS, and restore of
/// default-catalog jobs in sessions that have other catalogs.</summary>
public sealed class CatalogSessionTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static string Sequence(string name, int start, int end, string extra = "") =>
        $"CREATE TABLE {name} (id INT, name STRING) WITH ('connector' = 'datagen', {extra}" +
        $"'fields.id.kind' = 'sequence', 'fields.id.start' = '{start}', 'fields.id.end' = '{end}', 'fields.name.length' = '3')";

    private string Csv(string table, string columns, string directory) =>
        $"CREATE TABLE {table} ({columns}) WITH ('connector' = 'filesystem', 'path' = '{Path.Combine(_dir, directory)}', 'format' = 'csv')";

    private static async Task<int[]> Ids(StreamSqlEnvironment env, string query)
    {
        await using var result = env.Query(query);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return rows.Select(r => Convert.ToInt32(r[0], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
    }

    [Fact]
    public async Task Jobs_read_and_write_tables_of_two_catalogs_by_qualified_and_current_names()
    {
        await using var env = Sessions.Create(null, ("table.dml-sync", "true"));
        env.ExecuteSql(Sequence("src", 1, 5));
        env.ExecuteSql("CREATE CATALOG c1 WITH ('type' = 'generic_in_memory')");
        env.ExecuteSql("CREATE DATABASE c1.db");
        env.ExecuteSql(Sequence("c1.db.src", 11, 13));
        env.ExecuteSql(Csv("c1.db.out", "id INT, name STRING", "out"));

        env.ExecuteSql("USE c1.db");
        // Unqualified names are c1.db's now; the default catalog's table of the same name is reached by its full name.
        Assert.IsType<JobSubmittedResult>(env.ExecuteSql("INSERT INTO out SELECT id, name FROM src"));
        Assert.IsType<JobSubmittedResult>(env.ExecuteSql("INSERT INTO out SELECT id, name FROM default_catalog.default_database.src"));
        env.ExecuteSql("USE CATALOG default_catalog");

        Assert.Equal(new[] { 1, 2, 3, 4, 5, 11, 12, 13 }, await Ids(env, "SELECT id FROM c1.db.out"));
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, await Ids(env, "SELECT id FROM src"));
    }

    [Fact]
    public async Task Create_and_replace_table_as_write_a_table_of_another_catalog()
    {
        await using var env = Sessions.Create(null, ("table.dml-sync", "true"));
        env.ExecuteSql(Sequence("src", 1, 5));
        env.ExecuteSql("CREATE CATALOG c1 WITH ('type' = 'generic_in_memory', 'default-database' = 'db')");
        var copy = Path.Combine(_dir, "copy");
        Assert.IsType<JobSubmittedResult>(env.ExecuteSql(
            $"CREATE TABLE c1.db.copy WITH ('connector' = 'filesystem', 'path' = '{copy}', 'format' = 'csv') AS SELECT id FROM src WHERE id > 2"));
        Assert.Equal(new[] { 3, 4, 5 }, await Ids(env, "SELECT id FROM c1.db.copy"));

        var replaced = Path.Combine(_dir, "replaced");
        Assert.IsType<JobSubmittedResult>(env.ExecuteSql(
            $"REPLACE TABLE c1.db.copy WITH ('connector' = 'filesystem', 'path' = '{replaced}', 'format' = 'csv') AS SELECT id * 2 AS doubled FROM src"));
        Assert.Equal(new[] { 2, 4, 6, 8, 10 }, await Ids(env, "SELECT doubled FROM c1.db.copy"));
        var describe = Assert.IsType<TableTextResult>(env.ExecuteSql("DESCRIBE c1.db.copy"));
        Assert.Equal("doubled", Assert.Single(describe.Rows)[0]);
    }

    [Fact]
    public async Task Execute_of_create_and_replace_table_as_restores_from_a_savepoint()
    {
        var savepoint = StateFixtures.EmptySavepoint(_dir);
        await using var env = Sessions.Create();
        env.ExecuteSql(Sessions.FiveRows);
        env.ExecuteSql("CREATE CATALOG c1 WITH ('type' = 'generic_in_memory')");

        var created = Assert.IsType<JobSubmittedResult>(env.ExecuteSql(
            $"EXECUTE CREATE TABLE c1.`default`.t WITH ('connector' = 'blackhole') AS SELECT id FROM src FROM SAVEPOINT '{savepoint}'"));
        Assert.Equal(savepoint, created.Job.RestoredFrom);
        var replaced = Assert.IsType<JobSubmittedResult>(env.ExecuteSql(
            $"EXECUTE CREATE OR REPLACE TABLE c1.`default`.t WITH ('connector' = 'blackhole') AS SELECT name FROM src FROM SAVEPOINT '{savepoint}'"));
        Assert.Equal(savepoint, replaced.Job.RestoredFrom);
        var describe = Assert.IsType<TableTextResult>(env.ExecuteSql("DESCRIBE c1.`default`.t"));
        Assert.Equal("name", Assert.Single(describe.Rows)[0]);
    }

    [Fact]
    public async Task A_default_catalog_job_restores_its_savepoint_in_a_session_with_other_catalogs()
    {
        var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        string Printed()
        {
            lock (synced) return output.ToString();
        }
        const string Seq = "CREATE TABLE seq (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '200', " +
            "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '300')";
        string path;
        await using (var first = Sessions.Create(synced, ("execution.checkpointing.savepoint-dir", _dir), ("pipeline.name", "seq-job")))
        {
            first.ExecuteSql(Seq);
            first.ExecuteSql("CREATE TABLE out (id BIGINT) WITH ('connector' = 'print')");
            first.ExecuteSql("INSERT INTO out SELECT id FROM seq");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (PrintedIds(Printed()).Count < 20 && DateTime.UtcNow < deadline) await Task.Delay(20);
            var stop = Assert.IsType<TableTextResult>(await first.ExecuteSqlAsync("STOP JOB 'seq-job' WITH SAVEPOINT").WaitAsync(TimeSpan.FromSeconds(30)));
            path = Assert.Single(stop.Rows)[0]!;
        }
        Assert.InRange(PrintedIds(Printed()).Count, 20, 299);

        // Another catalog with tables of the same names, and the default catalog's reached by full names from it: the
        // restored job's operators must match the savepoint's, or the restore (without ALLOW NON RESTORED STATE) fails.
        await using var second = Sessions.Create(synced, ("pipeline.name", "seq-job"), ("table.dml-sync", "true"));
        second.ExecuteSql(Seq);
        second.ExecuteSql("CREATE TABLE out (id BIGINT) WITH ('connector' = 'print')");
        second.ExecuteSql("CREATE CATALOG c1 WITH ('type' = 'generic_in_memory')");
        second.ExecuteSql("USE CATALOG c1");
        second.ExecuteSql("CREATE TABLE seq (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
        second.ExecuteSql("CREATE TABLE out (id BIGINT) WITH ('connector' = 'blackhole')");
        var resumed = Assert.IsType<JobSubmittedResult>(await second.ExecuteSqlAsync(
            $"EXECUTE INSERT INTO default_catalog.default_database.out SELECT id FROM default_catalog.default_database.seq FROM SAVEPOINT '{path}'")
            .WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(path, resumed.Job.RestoredFrom);
        var all = PrintedIds(Printed());
        all.Sort();
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), all); // each id once across both runs
    }

    private static List<long> PrintedIds(string output)
    {
        var ids = new List<long>();
        foreach (Match m in Regex.Matches(output, @"\+I\[(\d+)\]")) ids.Add(long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        return ids;
    }
}
