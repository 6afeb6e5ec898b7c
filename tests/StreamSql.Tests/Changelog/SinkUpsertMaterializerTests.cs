using System.Globalization;
using StreamSql.Execution.Batches;
using StreamSql.Tests.Differential;

namespace StreamSql.Tests.Changelog;

/// <summary>
/// SinkUpsertMaterializer end to end: a regular join whose output holds several (equal) rows per sink key, over a random
/// changelog of orders and dimension rows, written into a sink that applies upserts by its primary key. The sink's final
/// table must be DuckDB's answer (the distinct joined rows); without the materializer (NONE) a retraction of one of a key's
/// rows deletes the key while others still hold it, and the table differs.
/// </summary>
public sealed class SinkUpsertMaterializerTests
{
    private const string Insert = "INSERT INTO out SELECT o.k, d.name FROM orders AS o JOIN dims AS d ON o.k = d.k";

    [Theory]
    [InlineData("AUTO", 1, 1, 11)]
    [InlineData("AUTO", 2, 7, 12)]
    [InlineData("FORCE", 3, 50, 13)]
    public async Task A_join_with_several_rows_per_sink_key_leaves_duckdbs_table_in_the_sink(string mode, int parallelism, int batchRows, int seed)
    {
        var (orders, dims, expected) = Scenario(new Random(seed));
        var actual = await RunAsync(mode, parallelism, batchRows, orders, dims);
        Assert.Equal(expected, actual);
        Assert.NotEmpty(expected);
    }

    /// <summary>Without the materializer a key whose other rows are live is deleted. Shown over one changelog source
    /// (orders projected to its k), so the order of the changes, and thus the lost keys, does not depend on how two
    /// sources interleave (through the join they did: a run could lose nothing).</summary>
    [Theory]
    [InlineData(1, 1, 11)]
    [InlineData(2, 7, 12)]
    public async Task Without_the_materializer_the_sink_loses_keys_that_are_still_live(int parallelism, int batchRows, int seed)
    {
        var (orders, dims, _) = Scenario(new Random(seed));
        const string projection = "INSERT INTO out SELECT k, CAST(id AS STRING) FROM orders";
        var materialized = await RunAsync("AUTO", parallelism, batchRows, orders, dims, projection);
        var actual = await RunAsync("NONE", parallelism, batchRows, orders, dims, projection);
        Assert.NotEmpty(materialized);
        Assert.NotEqual(materialized.Select(KeyOf), actual.Select(KeyOf));

        static string KeyOf(string row) => row[..row.IndexOf(' ')];
    }

    [Fact]
    public async Task Explain_shows_the_materializer_keyed_by_the_sink_key_and_none_leaves_it_out()
    {
        var connector = new ChangelogTestConnector();
        var sink = new UpsertTestSinkConnector();
        await using var engine = Create(connector, sink, 2, 100);
        CreateTables(engine);
        string plan = Assert.IsType<ExplainTextResult>(engine.ExecuteSql("EXPLAIN CHANGELOG_MODE " + Insert)).Text;
        Assert.Contains("SinkMaterializer(pk=[k], changelogMode=[I,UA,D])", plan);
        Assert.Contains("Join(joinType=[InnerJoin]", plan);
        Assert.Contains("changelogMode=[I,UB,UA,D])", plan);
        engine.ExecuteSql("SET 'table.exec.sink.upsert-materialize' = 'NONE'");
        plan = Assert.IsType<ExplainTextResult>(engine.ExecuteSql("EXPLAIN " + Insert)).Text;
        Assert.DoesNotContain("SinkMaterializer", plan);
    }

    private static async Task<List<string>> RunAsync(string mode, int parallelism, int batchRows,
        List<(RowKind, object?[])> orders, List<(RowKind, object?[])> dims, string insert = Insert)
    {
        var connector = new ChangelogTestConnector();
        connector.Sources["orders"] = orders;
        connector.Sources["dims"] = dims;
        var sink = new UpsertTestSinkConnector();
        await using var engine = Create(connector, sink, parallelism, batchRows);
        engine.ExecuteSql($"SET 'table.exec.sink.upsert-materialize' = '{mode}'");
        CreateTables(engine);
        await Task.Run(() => engine.ExecuteSql(insert)).WaitAsync(TimeSpan.FromSeconds(120));
        var rows = sink.Rows("out").Select(r => CanonicalValue.Row(r)).ToList();
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static void CreateTables(StreamSqlEnvironment engine)
    {
        engine.ExecuteSql("CREATE TABLE orders (id BIGINT, k BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'test-changelog', 'source' = 'orders')");
        engine.ExecuteSql("CREATE TABLE dims (k BIGINT, name STRING, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'test-changelog', 'source' = 'dims')");
        engine.ExecuteSql("CREATE TABLE out (k BIGINT, name STRING, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'test-upsert', 'sink' = 'out')");
    }

    /// <summary>Random full-row changelogs of orders (id → k, several per k) and dims (k → name), and DuckDB's answer over
    /// the rows they leave.</summary>
    private static (List<(RowKind, object?[])> Orders, List<(RowKind, object?[])> Dims, List<string> Expected) Scenario(Random random)
    {
        var orders = new List<(RowKind, object?[])>();
        var dims = new List<(RowKind, object?[])>();
        var liveOrders = new SortedDictionary<long, long>();
        var liveDims = new SortedDictionary<long, string>();
        for (int i = 0; i < 400; i++)
        {
            long id = random.Next(60), k = random.Next(8);
            if (liveOrders.TryGetValue(id, out long oldK))
            {
                if (random.Next(2) == 0)
                {
                    orders.Add((RowKind.Delete, [id, oldK]));
                    liveOrders.Remove(id);
                }
                else
                {
                    orders.Add((RowKind.UpdateBefore, [id, oldK]));
                    orders.Add((RowKind.UpdateAfter, [id, k]));
                    liveOrders[id] = k;
                }
            }
            else
            {
                orders.Add((RowKind.Insert, [id, k]));
                liveOrders[id] = k;
            }
            if (i % 10 != 0) continue;
            long dk = random.Next(8);
            string name = "n" + random.Next(100).ToString(CultureInfo.InvariantCulture);
            if (liveDims.TryGetValue(dk, out var oldName))
            {
                dims.Add((RowKind.UpdateBefore, [dk, oldName]));
                dims.Add((RowKind.UpdateAfter, [dk, name]));
            }
            else
            {
                dims.Add((RowKind.Insert, [dk, name]));
            }
            liveDims[dk] = name;
        }

        using var oracle = new DuckDbOracle();
        oracle.Execute("CREATE TABLE orders (id BIGINT, k BIGINT)");
        oracle.Execute("CREATE TABLE dims (k BIGINT, name VARCHAR)");
        if (liveOrders.Count > 0) oracle.Execute("INSERT INTO orders VALUES " + string.Join(", ", liveOrders.Select(o => $"({o.Key}, {o.Value})")));
        if (liveDims.Count > 0) oracle.Execute("INSERT INTO dims VALUES " + string.Join(", ", liveDims.Select(d => $"({d.Key}, '{d.Value}')")));
        return (orders, dims, oracle.Rows("SELECT DISTINCT o.k, d.name FROM orders o JOIN dims d ON o.k = d.k"));
    }

    private static StreamSqlEnvironment Create(ChangelogTestConnector connector, UpsertTestSinkConnector sink, int parallelism, int batchRows)
    {
        var options = new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) };
        options.Connectors.Add(connector);
        options.Connectors.Add(sink);
        options.Settings["table.dml-sync"] = "true";
        options.Settings["parallelism.default"] = parallelism.ToString(CultureInfo.InvariantCulture);
        options.Settings["execution.batch.max-rows"] = batchRows.ToString(CultureInfo.InvariantCulture);
        return StreamSqlEnvironment.Create(options);
    }
}
