namespace StreamSql.Tests.Changelog;

/// <summary>
/// The change-data formats on the filesystem connector, from recorded sample messages (Changelog/Samples, as Debezium,
/// Canal and Maxwell write them): the exact changelog each file reads as, an updating query over it, the include filters,
/// debezium-json written by an updating query and read back, and malformed messages failing with file:line or skipped.
/// </summary>
public sealed class ChangeDataFormatTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Changelog", "Samples", name);

    private static string Products(string name, string path, string format, params string[] options) =>
        $"CREATE TABLE {name} (id INT, name STRING, description STRING, weight DOUBLE) WITH ('connector' = 'filesystem', "
        + $"'path' = '{path}', 'format' = '{format}'" + string.Concat(options.Select(o => ", " + o)) + ")";

    private static async Task<List<string>> Rows(StreamSqlEnvironment env, string sql)
    {
        await using var result = await env.QueryAsync(sql);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return rows.Select(r => r.Kind switch
        {
            Execution.Batches.RowKind.Insert => "+I",
            Execution.Batches.RowKind.UpdateBefore => "-U",
            Execution.Batches.RowKind.UpdateAfter => "+U",
            _ => "-D",
        } + "[" + string.Join(", ", r.Values.Select(v => v?.ToString() ?? "NULL")) + "]").ToList();
    }

    [Fact]
    public async Task Debezium_messages_read_as_inserts_updates_and_deletes()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql(Products("products", Sample("debezium.json"), "debezium-json"));
        Assert.Equal(
        [
            "+I[101, scooter, Small 2-wheel scooter, 3.14]",
            "+I[102, car battery, 12V car battery, 8.1]",
            "+I[103, 12-pack drill bits, 12-pack of drill bits with sizes ranging from #40 to #3, 0.8]",
            "-U[101, scooter, Small 2-wheel scooter, 3.14]",
            "+U[101, scooter, Small 2-wheel scooter, 5.17]",
            "-D[102, car battery, 12V car battery, 8.1]",
        ], await Rows(env, "SELECT * FROM products"));
        // An updating query over it: the total weight ends at what the rows left behind weigh.
        await using var totals = await env.QueryAsync("SELECT SUM(weight) AS w, COUNT(*) AS n FROM products");
        var table = await totals.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var row = Assert.Single(table.Rows);
        Assert.Equal(5.97, (double)row.Values[0]!, 9);
        Assert.Equal(2L, row.Values[1]);
    }

    [Fact]
    public async Task Debezium_messages_with_their_schema_need_schema_include()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql(Products("with_schema", Sample("debezium-schema.json"), "debezium-json", "'debezium-json.schema-include' = 'true'"));
        Assert.Equal(["+I[101, scooter, Small 2-wheel scooter, 3.14]", "-U[101, scooter, Small 2-wheel scooter, 3.14]", "+U[101, scooter, Small 2-wheel scooter, 5.17]"],
            await Rows(env, "SELECT * FROM with_schema"));

        env.ExecuteSql(Products("without", Sample("debezium-schema.json"), "debezium-json"));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Rows(env, "SELECT * FROM without"));
        Assert.Contains("debezium-schema.json:1", error.ToString());
        Assert.Contains("set 'debezium-json.schema-include' = 'true'", error.ToString());
    }

    [Fact]
    public async Task Writing_debezium_json_with_schema_include_is_refused_when_the_insert_is_planned()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql(Products("with_schema", Sample("debezium-schema.json"), "debezium-json", "'debezium-json.schema-include' = 'true'"));
        var error = Assert.Throws<StreamSqlException>(() => env.ExecuteSql("INSERT INTO with_schema SELECT * FROM with_schema"));
        var planning = Assert.IsType<Sql.Planner.SqlValidationException>(error.InnerException);
        Assert.Contains("Debezium JSON serialization doesn't support 'debezium-json.schema-include' option been set to true", planning.Problem);
        Assert.Equal(13, planning.Span.Column);
    }

    [Fact]
    public async Task Canal_messages_read_per_row_with_ddl_skipped_and_databases_filtered()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql(Products("products", Sample("canal.json"), "canal-json", "'canal-json.database.include' = 'inv.*'", "'canal-json.table.include' = 'products'"));
        Assert.Equal(
        [
            "+I[111, scooter, Big 2-wheel scooter, 5.18]",
            "+I[112, car battery, 12V car battery, 8.1]",
            "+I[113, hammer, 12oz carpenter's hammer, 0.75]",
            "-U[111, scooter, Big 2-wheel scooter, 5.18]",
            "+U[111, scooter, Big 2-wheel scooter, 5.15]",
            "-D[112, car battery, 12V car battery, 8.1]",
        ], await Rows(env, "SELECT * FROM products"));
        // Without the filters the other database's row is read too.
        env.ExecuteSql(Products("everything", Sample("canal.json"), "canal-json"));
        Assert.Contains("+I[900, other, in another database, 1]", await Rows(env, "SELECT * FROM everything"));
    }

    [Fact]
    public async Task Maxwell_messages_read_with_the_previous_row_from_old()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql(Products("products", Sample("maxwell.json"), "maxwell-json", "'maxwell-json.table.include' = 'product'"));
        Assert.Equal(
        [
            "+I[111, scooter, Big 2-wheel scooter, 5.18]",
            "+I[112, car battery, 12V car battery, 8.1]",
            "-U[111, scooter, Big 2-wheel scooter, 5.18]",
            "+U[111, scooter, Big 2-wheel scooter, 5.17]",
            "-D[112, car battery, 12V car battery, 8.1]",
        ], await Rows(env, "SELECT * FROM products"));
    }

    [Fact]
    public async Task A_malformed_message_fails_with_its_line_or_is_skipped_with_ignore_parse_errors()
    {
        var path = Path.Combine(_dir, "bad.json");
        File.WriteAllLines(path,
        [
            "{\"before\":null,\"after\":{\"id\":1,\"name\":\"a\"},\"op\":\"c\"}",
            "{\"before\":null,\"after\":{\"id\":2,\"name\":\"b\"},\"op\":\"u\"}",
            "{\"before\":null,\"after\":{\"id\":3,\"name\":\"c\"},\"op\":\"x\"}",
            "not json",
            "{\"before\":null,\"after\":{\"id\":4,\"name\":\"d\"},\"op\":\"c\"}",
        ]);
        await using var env = Sessions.Create();
        env.ExecuteSql(Products("strict", path, "debezium-json"));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Rows(env, "SELECT id, name FROM strict"));
        Assert.Contains("bad.json:2", error.ToString());
        Assert.Contains("\"before\" field of the UPDATE message is null", error.ToString());

        env.ExecuteSql(Products("lenient", path, "debezium-json", "'debezium-json.ignore-parse-errors' = 'true'"));
        Assert.Equal(["+I[1, a]", "+I[4, d]"], await Rows(env, "SELECT id, name FROM lenient"));
    }

    [Fact]
    public async Task An_updating_query_written_as_debezium_json_reads_back_as_its_final_result()
    {
        var output = Path.Combine(_dir, "out");
        // One row per batch, so the aggregation's every change is written.
        await using var env = Sessions.Create(null, ("execution.checkpointing.interval", "200 ms"), ("execution.batch.max-rows", "1"));
        env.ExecuteSql(Products("products", Sample("debezium.json"), "debezium-json"));
        env.ExecuteSql($"CREATE TABLE counts (heavy BOOLEAN, n BIGINT) WITH ('connector' = 'filesystem', 'path' = '{output}', 'format' = 'debezium-json')");
        await env.ExecuteScriptAsync("INSERT INTO counts SELECT weight > 1 AS heavy, COUNT(*) FROM products GROUP BY weight > 1");
        await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var lines = Directory.GetFiles(output).Where(f => !Path.GetFileName(f).StartsWith('.')).SelectMany(File.ReadAllLines).ToList();
        Assert.Contains("{\"before\":null,\"after\":{\"heavy\":true,\"n\":1},\"op\":\"c\"}", lines);
        Assert.Contains("{\"before\":{\"heavy\":true,\"n\":1},\"after\":null,\"op\":\"d\"}", lines);
        Assert.Contains("{\"before\":null,\"after\":{\"heavy\":true,\"n\":2},\"op\":\"c\"}", lines);

        env.ExecuteSql($"CREATE TABLE counts_back (heavy BOOLEAN, n BIGINT) WITH ('connector' = 'filesystem', 'path' = '{output}', 'format' = 'debezium-json')");
        await using var result = await env.QueryAsync("SELECT heavy, n FROM counts_back");
        var table = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var rows = table.Rows.Select(r => string.Join("|", r.Values)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        // The rows products leaves: 101 (5.17) heavy, 103 (0.8) light.
        Assert.Equal(["False|1", "True|1"], rows);
    }
}
