using System.Globalization;
using StreamSql.Tests.Differential;

namespace StreamSql.Tests;

/// <summary>
/// VARIANT through sessions: Flink's <c>VariantSemanticTest</c> programs over a json-format table with a VARIANT column
/// (FIRST_VALUE / LAST_VALUE / COUNT / COUNT DISTINCT row by row, a variant as GROUP BY key), the json format writing the
/// variant's JSON, DESCRIBE, and DuckDB's <c>json_extract</c> and GROUP BY as the oracle over random documents.
/// </summary>
public sealed class VariantSessionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-tests", "variant-" + Guid.NewGuid().ToString("N"));

    public VariantSessionTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>A json-format table <paramref name="name"/> with <paramref name="columns"/> over <paramref name="lines"/>.</summary>
    private string JsonTable(string name, string columns, params string[] lines)
    {
        var folder = Path.Combine(_dir, name);
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "data.json"), lines);
        return $"CREATE TABLE {name} ({columns}) WITH ('connector' = 'filesystem', 'path' = '{folder}', 'format' = 'json')";
    }

    private static async Task<IReadOnlyList<string>> Changelog(string ddl, string query)
    {
        await using var env = Sessions.Create(settings: [("parallelism.default", "1"), ("execution.batch.max-rows", "1")]);
        env.ExecuteSql(ddl);
        await using var result = env.Query(query);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return rows.Select(r => r.ToString()).ToList();
    }

    [Fact]
    public async Task Builtin_aggregates_over_a_variant_give_Flinks_changelog()
    {
        var ddl = JsonTable("t", "v VARIANT", """{"v":1}""", """{"v":2}""", """{"v":2}""");
        var rows = await Changelog(ddl, "SELECT FIRST_VALUE(v), LAST_VALUE(v), COUNT(v), COUNT(DISTINCT v) FROM t");
        Assert.Equal(new[] { "+I[1, 1, 1, 1]", "-U[1, 1, 1, 1]", "+U[1, 2, 2, 2]", "-U[1, 2, 2, 2]", "+U[1, 2, 3, 2]" }, rows);
    }

    [Fact]
    public async Task A_variant_is_a_group_by_key()
    {
        var ddl = JsonTable("t", "k VARIANT, v INT", """{"k":1,"v":1}""", """{"k":2,"v":2}""", """{"k":1,"v":2}""");
        var rows = await Changelog(ddl, "SELECT k, SUM(v) AS total FROM t GROUP BY k");
        Assert.Equal(new[] { "+I[1, 1]", "+I[2, 2]", "-U[1, 1]", "+U[1, 3]" }, rows);
    }

    [Fact]
    public async Task Json_format_reads_the_value_and_writes_the_variants_json()
    {
        var ddl = JsonTable("src", "id INT, v VARIANT",
            """{"id":1,"v":{"b":[1,2.50],"a":"x\ty"}}""", """{"id":2,"v":null}""", """{"id":3}""", """{"id":4,"v":"s"}""");
        var output = Path.Combine(_dir, "out");
        await using var env = Sessions.Create(settings: [("parallelism.default", "1"), ("execution.runtime-mode", "batch")]);
        env.ExecuteSql(ddl);
        env.ExecuteSql($"CREATE TABLE dst (id INT, v VARIANT, s STRING) WITH ('connector' = 'filesystem', 'path' = '{output}', 'format' = 'json')");
        var job = Assert.IsType<JobSubmittedResult>(env.ExecuteSql("INSERT INTO dst SELECT id, v, CAST(v AS STRING) FROM src")).Job;
        await job.WaitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var lines = Directory.GetFiles(output).Where(f => !Path.GetFileName(f).StartsWith('.')).SelectMany(File.ReadAllLines).Order(StringComparer.Ordinal);
        Assert.Equal(new[]
        {
            """{"id":1,"v":{"a":"x\ty","b":[1,2.50]},"s":"{\"a\":\"x\\ty\",\"b\":[1,2.50]}"}""",
            """{"id":2,"v":null,"s":null}""",
            """{"id":3,"v":null,"s":null}""",
            """{"id":4,"v":"s","s":"s"}""",
        }, lines);
    }

    [Fact]
    public async Task Describe_shows_variant_and_parse_json_types_as_variant()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql("CREATE TABLE t (id INT, v VARIANT NOT NULL) WITH ('connector' = 'blackhole')");
        var table = Assert.IsType<TableTextResult>(env.ExecuteSql("DESCRIBE t"));
        Assert.Equal(new[] { "INT", "VARIANT" }, table.Rows.Select(r => r[1]).ToArray());
        Assert.Equal(new[] { "TRUE", "FALSE" }, table.Rows.Select(r => r[2]).ToArray());
    }

    [Fact]
    public async Task Access_and_grouping_agree_with_duckdb_over_random_documents()
    {
        var random = new Random(20261206);
        var texts = new List<string>();
        for (int i = 0; i < 400; i++)
        {
            var tags = string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(-3, 300).ToString(CultureInfo.InvariantCulture)));
            var name = random.Next(4) == 0 ? "null" : $"\"n{random.Next(6)}\"";
            texts.Add(random.Next(10) == 0 ? $"[{tags}]" : $"{{\"id\":{random.Next(-200, 70000)},\"name\":{name},\"tags\":[{tags}]}}");
        }
        var path = Path.Combine(_dir, "docs.csv");
        File.WriteAllLines(path, texts.Select((t, i) => $"{i},\"{t.Replace("\"", "\"\"")}\""));
        using var duck = new DuckDbOracle();
        duck.Execute($"CREATE TABLE docs AS SELECT * FROM read_csv('{path}', header = false, quote = '\"', escape = '\"', columns = {{'n': 'INTEGER', 's': 'VARCHAR'}})");

        await using var env = Sessions.Create(settings: [("parallelism.default", "2")]);
        env.ExecuteSql($"CREATE TABLE docs (n INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv')");

        // Field and element access on the objects, cast to text: a string unquoted and a JSON null NULL, as
        // json_extract_string gives them (its path is 0-based, the variant's position 1-based).
        var access = await Rows(env, "SELECT n, CAST(v['id'] AS STRING), CAST(v['name'] AS STRING), CAST(v['tags'][2] AS STRING), CAST(v['nope'] AS STRING) "
            + "FROM (SELECT n, PARSE_JSON(s) AS v FROM docs WHERE s LIKE '{%')");
        Assert.True(access.Count > 300, $"{access.Count} objects");
        Assert.Equal(duck.Rows("SELECT n, json_extract_string(s, '$.id'), json_extract_string(s, '$.name'), json_extract_string(s, '$.tags[1]'), "
            + "json_extract_string(s, '$.nope') FROM docs WHERE s LIKE '{%'"), access);

        // One group per distinct document (each text here is the only spelling of its value).
        var groups = await Rows(env, "SELECT CAST(v AS STRING), c, t FROM (SELECT PARSE_JSON(s) AS v, COUNT(*) AS c, SUM(n) AS t FROM docs GROUP BY PARSE_JSON(s))");
        Assert.True(groups.Count > 100, $"{groups.Count} groups");
        Assert.Equal(duck.Rows("SELECT s, COUNT(*), SUM(n) FROM docs GROUP BY s"), groups);
    }

    /// <summary>The final rows of <paramref name="query"/> in canonical text form, sorted (as the oracle gives them).</summary>
    private static async Task<List<string>> Rows(StreamSqlEnvironment env, string query)
    {
        await using var result = env.Query(query);
        var table = new MaterializedRows();
        foreach (var row in await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60))) table.Apply(row);
        var rows = table.Rows.Select(r => CanonicalValue.Row(r.Values.ToArray())).ToList();
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
