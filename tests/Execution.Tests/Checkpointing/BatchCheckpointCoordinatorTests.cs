using StreamSql.Execution.Batches;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.State;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.Tests.Checkpointing;

/// <summary>The coordinator of a batch job (<c>'execution.runtime-mode' = 'batch'</c>): no checkpoints, and sinks commit
/// only when every subtask of the job has ended.</summary>
public sealed class BatchCheckpointCoordinatorTests : IDisposable
{
    private readonly InMemoryStateFileSystem _files = new();
    private readonly CheckpointCoordinator _coordinator;
    private readonly SubtaskPort _source = new(0, "Source (1/1)", isSource: true);
    private readonly SubtaskPort _sink = new(1, "Sink (1/2)", isSource: false);
    private readonly SubtaskPort _otherSink = new(2, "Sink (2/2)", isSource: false);

    public BatchCheckpointCoordinatorTests()
    {
        var storage = new CheckpointStorage(_files, "/chk", "job", "/sp", numRetained: 3, savepointFileSystem: _files);
        var configuration = Configuration.Empty.With("execution.runtime-mode", "batch").With("execution.checkpointing.interval", "10ms");
        _coordinator = new CheckpointCoordinator("job", configuration, storage, new CheckpointHistory(1), [_source, _sink, _otherSink],
            _ => { }, () => { });
        foreach (var port in new[] { _source, _sink, _otherSink }) _coordinator.OnSubtaskOpened(port);
    }

    public void Dispose() => _coordinator.Dispose();

    private static CapturedState State(string operatorId, int subtask)
    {
        var backend = new OperatorStateBackend();
        backend.GetListState("s").Update([[1]]);
        return new CapturedState(operatorId, subtask, 1, 128, backend.Snapshot(), null);
    }

    private static List<MailboxItem> Mail(SubtaskPort port)
    {
        var items = new List<MailboxItem>();
        while (port.Mailbox.TryTake(out var item)) items.Add(item);
        return items;
    }

    [Fact]
    public void A_sink_that_ended_commits_only_when_every_subtask_of_the_job_has_ended()
    {
        Assert.False(_coordinator.PeriodicCheckpointing);
        Assert.True(_coordinator.CommitsWhenJobEnds);
        _coordinator.Start();
        _coordinator.OnSubtaskFinished(_sink, [State("sink", 0)], awaitsFinalCommit: true);
        _coordinator.OnSubtaskFinished(_source, [State("src", 0)], awaitsFinalCommit: false);
        // The other sink subtask is still writing: committing the first one now would publish part of the answer.
        Assert.Empty(Mail(_sink));
        _coordinator.OnSubtaskFinished(_otherSink, [State("sink", 1)], awaitsFinalCommit: true);
        foreach (var port in new[] { _sink, _otherSink })
        {
            var notify = Assert.IsType<NotifyCheckpointComplete>(Assert.Single(Mail(port)));
            Assert.True(notify.CoversEndOfInput);
        }
        Assert.Empty(Mail(_source));
        Assert.Empty(_files.ListDirectories("/chk/job"));
    }
}
