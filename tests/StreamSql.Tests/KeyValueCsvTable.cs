namespace StreamSql.Tests;

/// <summary>
/// A table <c>t (k STRING, v INT)</c> over CSV lines in a directory of its own, and the changelog of a query read row by
/// row (parallelism 1, one row per batch), for tests that check an aggregate's output change by change.
/// </summary>
internal sealed class KeyValueCsvTable : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-tests", "kv-" + Guid.NewGuid().ToString("N"));

    public KeyValueCsvTable() => Directory.CreateDirectory(_dir);

    /// <summary>The directory, for other files of a test.</summary>
    public string Folder => _dir;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>The DDL of t over <paramref name="lines"/> of CSV, read in file order.</summary>
    public string Table(params string[] lines)
    {
        var path = Path.Combine(_dir, "t.csv");
        File.WriteAllLines(path, lines);
        return $"CREATE TABLE t (k STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv')";
    }

    /// <summary>The changelog rows of <paramref name="query"/> after running <paramref name="ddl"/> (when given). Without a
    /// DDL the query reads VALUES, which arrive as one batch (whose rows an aggregation applies per key, as Flink's mini-batch
    /// aggregation applies a bundle); over t every row is its own batch, Flink's row-by-row changelog.</summary>
    public static async Task<IReadOnlyList<string>> Changelog(string? ddl, string query)
    {
        await using var env = Sessions.Create(settings: [("parallelism.default", "1"), ("execution.batch.max-rows", ddl is null ? "4096" : "1")]);
        if (ddl is not null) env.ExecuteSql(ddl);
        await using var result = env.Query(query);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return rows.Select(r => r.ToString()).ToList();
    }
}
