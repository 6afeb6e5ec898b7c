using System.Globalization;
using StreamSql.Tests.Differential;

namespace StreamSql.Tests;

/// <summary>
/// Nexmark q13's shape through SQL: a stream joined with a CSV file <c>FOR SYSTEM_TIME AS OF</c> its processing time. Random
/// rows with repeated, absent and NULL keys on both sides; the committed result must equal DuckDB's batch join of the same
/// two files (the file does not change while the job runs, so time plays no part).
/// </summary>
public sealed class FilesystemLookupJoinTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private string Dir(string name) => Path.Combine(_dir, name);

    [Theory]
    [InlineData("JOIN", 1, "INT")]
    [InlineData("LEFT JOIN", 2, "INT")]
    // A single BIGINT key without a cache is resolved by value (LookupJoinOperator.IntegerKeyMisses).
    [InlineData("JOIN", 1, "BIGINT")]
    [InlineData("LEFT JOIN", 2, "BIGINT")]
    public async Task A_lookup_join_against_a_csv_file_equals_duckdbs_join(string join, int parallelism, string keyType)
    {
        var random = new Random(20261204 + parallelism);
        Directory.CreateDirectory(Dir("orders"));
        Directory.CreateDirectory(Dir("dim"));
        string Key(int nulls, int range) => random.Next(nulls) == 0 ? "" : random.Next(range).ToString(CultureInfo.InvariantCulture);
        File.WriteAllLines(Path.Combine(Dir("orders"), "orders.csv"), Enumerable.Range(1, 3000).Select(i => $"{i},{Key(20, 60)}"));
        File.WriteAllLines(Path.Combine(Dir("dim"), "part-0.csv"), Enumerable.Range(1, 60).Select(i => $"{Key(15, 50)},name{i}"));
        File.WriteAllLines(Path.Combine(Dir("dim"), "part-1.csv"), Enumerable.Range(61, 40).Select(i => $"{Key(15, 50)},name{i}"));

        await using var env = Sessions.Create(null, ("table.dml-sync", "true"), ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)));
        env.ExecuteSql($"CREATE TABLE orders (id BIGINT, k {keyType}, p AS PROCTIME()) WITH ('connector' = 'filesystem', 'path' = '{Dir("orders")}', 'format' = 'csv')");
        env.ExecuteSql($"CREATE TABLE dim (k {keyType}, name STRING) WITH ('connector' = 'filesystem', 'path' = '{Dir("dim")}', 'format' = 'csv')");
        env.ExecuteSql($"CREATE TABLE out (id BIGINT, k {keyType}, name STRING) WITH ('connector' = 'filesystem', 'path' = '{Dir("out")}', 'format' = 'csv')");
        env.ExecuteSql($"INSERT INTO out SELECT o.id, o.k, d.name FROM orders AS o {join} dim FOR SYSTEM_TIME AS OF o.p AS d ON o.k = d.k");
        var engine = Directory.GetFiles(Dir("out"), "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .SelectMany(File.ReadAllLines).Order(StringComparer.Ordinal).ToList();

        using var duck = new DuckDbOracle();
        duck.Execute($"CREATE TABLE orders AS SELECT * FROM read_csv('{Dir("orders")}/*.csv', header = false, columns = {{'id': 'BIGINT', 'k': '{keyType}'}})");
        duck.Execute($"CREATE TABLE dim AS SELECT * FROM read_csv('{Dir("dim")}/*.csv', header = false, columns = {{'k': '{keyType}', 'name': 'VARCHAR'}})");
        var expected = duck.Rows($"SELECT o.id || ',' || COALESCE(CAST(o.k AS VARCHAR), '') || ',' || COALESCE(d.name, '') " +
            $"FROM orders o {join} dim d ON o.k = d.k");

        Assert.True(expected.Count > 2000, $"the join found {expected.Count} rows");
        Assert.Equal(expected, engine);
    }
}
