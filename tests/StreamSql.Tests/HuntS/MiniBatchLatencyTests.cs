using System.Diagnostics;
using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.HuntS;

/// <summary>
/// A two-phase GROUP BY with mini-batches over a quiet input: its rows come out one <c>allow-latency</c> after they
/// arrived, as Flink's (both phases end their bundles at the same MiniBatchAssigner boundary). The Global phase used to
/// wait a latency of its own after the Local phase's flush, so the rows took two.
/// </summary>
public sealed class MiniBatchLatencyTests
{
    [Fact]
    public async Task A_two_phase_aggregation_over_a_quiet_input_emits_within_one_allow_latency()
    {
        var connector = new RestoreValuesConnector();
        connector.Data["rows"] = [I(1, 1L, "Hi"), I(2, 2L, "Hello"), I(2, 2L, "Hello World")];
        var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        var options = new StreamSqlOptions { Output = synced, StopTimeout = TimeSpan.FromSeconds(10) };
        options.Connectors.Add(connector);
        options.Connectors.Add(new RestoreSinkConnector());
        options.Settings["parallelism.default"] = "1";
        options.Settings["pipeline.name"] = "mini-batch-latency";
        options.Settings["table.exec.mini-batch.enabled"] = "true";
        options.Settings["table.exec.mini-batch.allow-latency"] = "1500 ms";
        options.Settings["table.exec.mini-batch.size"] = "100";
        await using var env = StreamSqlEnvironment.Create(options);
        env.ExecuteSql("CREATE TABLE source_t (a INT, b BIGINT, c VARCHAR) WITH ('connector' = 'hunt-values', 'data-id' = 'rows', 'bounded' = 'false')");
        env.ExecuteSql("CREATE TABLE sink_t (b BIGINT, cnt BIGINT, min_c VARCHAR, PRIMARY KEY (b) NOT ENFORCED) WITH ('connector' = 'hunt-sink')");
        var plan = Assert.IsType<ExplainTextResult>(env.ExecuteSql(
            "EXPLAIN INSERT INTO sink_t SELECT b, COUNT(*), MIN(c) FROM source_t GROUP BY b"));
        Assert.Contains("LocalGroupAggregate", plan.Text);

        var clock = Stopwatch.StartNew();
        Assert.IsType<JobSubmittedResult>(await env.ExecuteSqlAsync("INSERT INTO sink_t SELECT b, COUNT(*), MIN(c) FROM source_t GROUP BY b"));
        string Printed()
        {
            lock (synced) return output.ToString();
        }
        while (!Printed().Contains("+I[2, 2, Hello]") && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
        var elapsed = clock.Elapsed;
        Assert.Contains("sink_t> +I[1, 1, Hi]", Printed());
        Assert.Contains("sink_t> +I[2, 2, Hello]", Printed());
        // One latency (1.5 s) plus start-up; two would be 3 s.
        Assert.True(elapsed < TimeSpan.FromSeconds(2.7), $"the rows came out after {elapsed.TotalSeconds:0.00} s");
        Assert.IsType<MessageResult>(await env.ExecuteSqlAsync("STOP JOB 'mini-batch-latency'"));
    }
}
