using System.Diagnostics;
using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.HuntS;

/// <summary>
/// Mini-batch aggregations over a quiet input: the rows come out one <c>allow-latency</c> after they arrived, as Flink's,
/// where every mini-batch operator ends its bundle at the same MiniBatchAssigner boundary. The Global phase of a two-phase
/// aggregation, and an aggregation over another one, used to wait a latency of their own after the upstream flush, so
/// the rows took two.
/// </summary>
public sealed class MiniBatchLatencyTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        {
            "two-phase", "AUTO", "b BIGINT, cnt BIGINT, min_c VARCHAR, PRIMARY KEY (b) NOT ENFORCED",
            "SELECT b, COUNT(*), MIN(c) FROM source_t GROUP BY b"
        },
        {
            "cascaded", "ONE_PHASE", "cnt BIGINT, keys BIGINT, PRIMARY KEY (cnt) NOT ENFORCED",
            "SELECT cnt, COUNT(*) FROM (SELECT b, COUNT(*) AS cnt FROM source_t GROUP BY b) GROUP BY cnt"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rows_of_a_quiet_input_come_out_within_one_allow_latency(string name, string phases, string sinkSchema, string query)
    {
        var connector = new RestoreValuesConnector();
        connector.Data["rows"] = [I(1, 1L, "Hi"), I(2, 2L, "Hello"), I(2, 2L, "Hello World")];
        var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        var options = new StreamSqlOptions { Output = synced, StopTimeout = TimeSpan.FromSeconds(10) };
        options.Connectors.Add(connector);
        options.Connectors.Add(new RestoreSinkConnector());
        options.Settings["parallelism.default"] = "1";
        options.Settings["pipeline.name"] = name;
        options.Settings["table.exec.mini-batch.enabled"] = "true";
        options.Settings["table.exec.mini-batch.allow-latency"] = "4 s";
        options.Settings["table.exec.mini-batch.size"] = "100";
        options.Settings["table.optimizer.agg-phase-strategy"] = phases;
        await using var env = StreamSqlEnvironment.Create(options);
        env.ExecuteSql("CREATE TABLE source_t (a INT, b BIGINT, c VARCHAR) WITH ('connector' = 'hunt-values', 'data-id' = 'rows', 'bounded' = 'false')");
        env.ExecuteSql($"CREATE TABLE sink_t ({sinkSchema}) WITH ('connector' = 'hunt-sink')");
        var plan = Assert.IsType<ExplainTextResult>(env.ExecuteSql($"EXPLAIN INSERT INTO sink_t {query}"));
        Assert.Equal(phases == "AUTO", plan.Text.Contains("LocalGroupAggregate", StringComparison.Ordinal));

        var clock = Stopwatch.StartNew();
        Assert.IsType<JobSubmittedResult>(await env.ExecuteSqlAsync($"INSERT INTO sink_t {query}"));
        string Printed()
        {
            lock (synced) return output.ToString();
        }
        string[] expected = phases == "AUTO" ? ["sink_t> +I[1, 1, Hi]", "sink_t> +I[2, 2, Hello]"] : ["sink_t> +I[1, 1]", "sink_t> +I[2, 1]"];
        while (!expected.All(Printed().Contains) && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(10);
        var elapsed = clock.Elapsed;
        Assert.All(expected, e => Assert.Contains(e, Printed()));
        // One latency (4 s) plus start-up; two would be 8 s. The latency is long so that a loaded machine's slow start-up
        // cannot be taken for a second latency.
        Assert.True(elapsed < TimeSpan.FromSeconds(7), $"the rows came out after {elapsed.TotalSeconds:0.00} s");
        Assert.IsType<MessageResult>(await env.ExecuteSqlAsync($"STOP JOB '{name}'"));
    }
}
