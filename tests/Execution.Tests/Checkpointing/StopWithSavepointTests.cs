using Apache.Arrow;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.Tests.Support;
using StreamSql.Sql.Planner.Physical;
using static StreamSql.Execution.Tests.Support.TestGraphs;

namespace StreamSql.Execution.Tests.Checkpointing;

/// <summary>Stop-with-savepoint ends a job FINISHED only when every sink committed the savepoint's output.</summary>
public sealed class StopWithSavepointTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-stop-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private JobGraph Graph(params (string Key, string Value)[] sinkOptions)
    {
        var source = new JobVertex(0, "Source", [Source("events", Events, ("unbounded", "true")) with { StableId = "source" }], 1);
        var sink = new JobVertex(1, "Sink", [Sink("out", Events, sinkOptions) with { StableId = "sink" }], 1);
        return TestGraphs.Graph([source, sink], [Edge(0, 1, ExchangeKind.Forward)],
            ("execution.checkpointing.interval", "1h"), ("restart-strategy.type", "none"),
            ("state.checkpoints.dir", Path.Combine(_dir, "checkpoints")), ("state.savepoints.dir", Path.Combine(_dir, "savepoints")));
    }

    private static JobRunner Runner(MemoryConnector memory)
    {
        var connectors = new ConnectorRegistry();
        connectors.Register(memory);
        return new JobRunner(connectors, standardOutput: TextWriter.Null, diagnostics: TextWriter.Null);
    }

    private static MemoryConnector Memory()
    {
        var memory = new MemoryConnector();
        memory.Sources["events"] = new List<RecordBatch> { EventBatch([1, 2, 3], [true, false, true], ["a", "b", "c"]) };
        return memory;
    }

    [Fact]
    public async Task A_stop_whose_sink_cannot_commit_fails_instead_of_reporting_finished()
    {
        var memory = Memory();
        var job = Runner(memory).Start(Graph(("fail-on-commit", "disk quota exceeded")), "job");
        while (memory.RowsWritten < 3) await Task.Delay(10);
        var error = await Assert.ThrowsAsync<CheckpointFailedException>(() => job.StopWithSavepointAsync(null).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("could not commit", error.Message);
        Assert.Contains("disk quota exceeded", error.Message);
        await job.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("disk quota exceeded", job.Failure!.ToString());
    }

    [Fact]
    public async Task A_stop_whose_sinks_commit_finishes_the_job_with_the_output_published()
    {
        var memory = Memory();
        var job = Runner(memory).Start(Graph(), "job");
        while (memory.RowsWritten < 3) await Task.Delay(10);
        var savepoint = await job.StopWithSavepointAsync(null).WaitAsync(TimeSpan.FromSeconds(30));
        await job.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(JobStatus.Finished, job.Status);
        Assert.True(Directory.Exists(savepoint.Path));
        Assert.Equal(3, memory.CommittedTo("out").Sum(c => c.Batch.Length));
    }
}
