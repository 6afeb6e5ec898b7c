using StreamSql.Execution.Runtime;
using StreamSql.Execution.Tests.Support;
using StreamSql.Sql.Planner.Physical;
using static StreamSql.Execution.Tests.Support.TestGraphs;

namespace StreamSql.Execution.Tests;

public sealed class HashExchangeTests
{
    private readonly MemoryConnector _memory = new();
    private readonly JobRunner _runner;

    public HashExchangeTests()
    {
        var registry = new Connectors.ConnectorRegistry();
        registry.Register(_memory);
        _runner = new JobRunner(registry);
    }

    [Theory]
    [InlineData("1000")]  // coalesced pieces wait for linger or end of input
    [InlineData("3")]     // pieces flushed in batches of at most 3 rows
    public async Task Equal_keys_go_to_the_subtask_owning_their_key_group_in_order(string maxRows)
    {
        // Keys repeat (id mod 7 in the name column), sequence = id: order per key must survive the exchange.
        var batches = new List<Apache.Arrow.RecordBatch>();
        for (int b = 0; b < 20; b++)
        {
            var ids = Enumerable.Range(b * 5, 5).Select(i => (long)i).ToArray();
            batches.Add(EventBatch(ids, ids.Select(i => (bool?)true).ToArray(), ids.Select(i => (string?)("k" + i % 7)).ToArray()));
        }
        _memory.Sources["keyed"] = batches;
        var graph = Graph(
            [
                new JobVertex(1, "Source: keyed", [Source("keyed", Events)], 1),
                new JobVertex(2, "Sink: keyed", [Sink("keyed-out", Events)], 3),
            ],
            [Edge(1, 2, ExchangeKind.Hash, 0, 2)],
            ("execution.batch.max-rows", maxRows));

        var handle = await RunToEndAsync(_runner, graph);

        Assert.Equal(JobStatus.Finished, handle.Status);
        var received = _memory.CommittedTo("keyed-out");
        Assert.Equal(100, received.Sum(r => r.Batch.Length));
        Assert.All(received, r => Assert.True(r.Batch.Length <= int.Parse(maxRows)));
        var subtaskOfKey = new Dictionary<string, int>();
        var lastIdOfKey = new Dictionary<string, long>();
        foreach (var (subtask, batch) in received)
            foreach (var row in Rows(batch))
            {
                var key = (string)row[3]!;
                var id = (long)row[1]!;
                Assert.Equal(ExpectedSubtask(key, 3), subtask);
                if (lastIdOfKey.TryGetValue(key, out var last)) Assert.True(id > last, $"{key}: {id} after {last}");
                lastIdOfKey[key] = id;
                subtaskOfKey[key] = subtask;
            }
        Assert.Equal(7, subtaskOfKey.Count);
        Assert.True(subtaskOfKey.Values.Distinct().Count() > 1, "keys should spread over subtasks");
    }

    private static int ExpectedSubtask(string key, int parallelism)
    {
        var hashes = new int[1];
        Batches.ColumnHasher.Accumulate(new Apache.Arrow.StringArray.Builder().Append(key).Build(), hashes);
        return KeyGroups.SubtaskOf(KeyGroups.KeyGroupOf(hashes[0], 128), parallelism, 128);
    }
}
