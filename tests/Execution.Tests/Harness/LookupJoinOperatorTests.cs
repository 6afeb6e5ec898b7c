using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Operators.Lookup;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.Tests.Support;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Support.TestGraphs;
using Field = StreamSql.Sql.Planner.Types.Field;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The lookup join keeps several batches' lookups in flight (Flink's AsyncWaitOperator): requests of later batches start
/// before earlier ones finish, never more than the capacity; a batch arriving at a full queue waits; output keeps input
/// order (ORDERED) or follows completion between watermarks (ALLOW_UNORDERED); watermarks and barriers never overtake
/// rows whose lookups are in flight; a failed lookup fails the operator with its error.
/// </summary>
public sealed class LookupJoinOperatorTests
{
    /// <summary>(seq BIGINT, k BIGINT)</summary>
    private static readonly RowSchema Input = new([new Field("seq", SqlType.BigInt), new Field("k", SqlType.BigInt)]);

    private static readonly RowSchema Output = new([.. Input.Fields, .. SlowLookupConnector.Dim.Fields]);

    private static LookupJoinSpec Spec(int capacity, bool ordered) => new(
        "dim",
        Table("dim", SlowLookupConnector.Dim, ("connector", "slow-lookup")),
        LookupJoinType.Inner,
        [new LookupKey(0, new InputRef(1, SqlType.BigInt))],
        null,
        LookupCacheSettings.None,
        new AsyncLookupSettings(capacity, TimeSpan.FromMinutes(1), ordered),
        "LookupJoin(table=[dim])",
        Output,
        ChangelogMode.InsertOnly);

    private static OperatorServices Services(SlowLookupConnector connector)
    {
        var registry = new ConnectorRegistry();
        registry.Register(connector);
        return new OperatorServices(registry, TextWriter.Null, null);
    }

    private static async Task<(OperatorTestHarness Harness, LookupJoinOperator Operator)> OpenAsync(SlowLookupConnector connector, int capacity, bool ordered)
    {
        var op = new LookupJoinOperator(Spec(capacity, ordered), Input, Services(connector));
        return (await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap), op);
    }

    /// <summary>One row per key: seq = <paramref name="seq"/>, <paramref name="seq"/> + 1, ...</summary>
    private static Batch Rows(long seq, params long[] keys)
    {
        var s = new Int64Array.Builder();
        var k = new Int64Array.Builder();
        for (int i = 0; i < keys.Length; i++)
        {
            s.Append(seq + i);
            k.Append(keys[i]);
        }
        return new Batch(new RecordBatch(ArrowTypeMapping.ToArrowSchema(Input), [s.Build(), k.Build()], keys.Length));
    }

    private static Task DueAsync(LookupJoinOperator op) => WaitUntilAsync(() => op.NextDueMillis == 0, 10);

    /// <summary>As the subtask does when woken: services the operator each time it is due, until it emitted <paramref name="count"/> elements.</summary>
    private static async Task ServiceUntilAsync(OperatorTestHarness harness, LookupJoinOperator op, int count)
    {
        while (harness.Emitted.Count < count)
        {
            await DueAsync(op);
            await harness.ProcessPeriodicAsync();
        }
    }

    [Fact]
    public async Task Ordered_lookups_of_several_batches_overlap_up_to_the_capacity_and_rows_keep_input_order()
    {
        var connector = new SlowLookupConnector();
        var (harness, op) = await OpenAsync(connector, capacity: 3, ordered: true);
        await using var _ = harness;

        await harness.ProcessBatchAsync(Rows(1, 10, 11));
        await harness.ProcessBatchAsync(Rows(3, 20));
        await harness.ProcessBatchAsync(Rows(4, 30));
        // Three batches taken, each one's request in flight: none waited for the one before.
        await connector.WaitForRequestsAsync(3);
        Assert.Equal(3, connector.InFlight);
        Assert.Empty(harness.OutputRows);

        // A fourth batch finds the queue full: it waits (back-pressure), its lookup not yet started.
        var fourth = harness.ProcessBatchAsync(Rows(5, 40)).AsTask();
        Assert.False(fourth.IsCompleted);
        Assert.Equal(3, connector.Requested.Count);

        // The second batch's lookup ends first: in order, nothing can go out before the first batch.
        connector.Release(20);
        await WaitUntilAsync(() => connector.InFlight == 2);
        Assert.False(fourth.IsCompleted);
        Assert.Empty(harness.OutputRows);

        // The first ends: both go out in input order, and the fourth batch gets its place.
        connector.Release(10);
        await fourth.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["+I[1, 10, 10, n10]", "+I[2, 11, 11, n11]", "+I[3, 20, 20, n20]"], harness.OutputRows);
        await connector.WaitForRequestsAsync(4);
        Assert.Equal(3, connector.MaxInFlight);

        // The end of input waits for what is still in flight.
        connector.Release(40);
        connector.Release(30);
        await harness.EndInputAsync();
        Assert.Equal(["+I[1, 10, 10, n10]", "+I[2, 11, 11, n11]", "+I[3, 20, 20, n20]", "+I[4, 30, 30, n30]", "+I[5, 40, 40, n40]"],
            harness.OutputRows);
        Assert.Equal(3, connector.MaxInFlight);
    }

    [Fact]
    public async Task Ordered_a_watermark_waits_behind_the_batches_before_it_and_goes_out_when_they_have()
    {
        var connector = new SlowLookupConnector();
        var (harness, op) = await OpenAsync(connector, capacity: 10, ordered: true);
        await using var _ = harness;

        await harness.ProcessBatchAsync(Rows(1, 10));
        await harness.ProcessWatermarkAsync(100);
        await harness.ProcessBatchAsync(Rows(2, 20));
        await harness.ProcessWatermarkAsync(200);
        await connector.WaitForRequestsAsync(2);
        Assert.Empty(harness.Emitted);

        connector.Release(20);
        connector.Release(10);
        await ServiceUntilAsync(harness, op, 4);
        Assert.Equal(["batch 1", "watermark 100", "batch 2", "watermark 200"], Describe(harness.Emitted));
    }

    [Fact]
    public async Task Unordered_a_batch_goes_out_when_its_lookups_are_done_but_never_past_a_watermark()
    {
        var connector = new SlowLookupConnector();
        var (harness, op) = await OpenAsync(connector, capacity: 10, ordered: false);
        await using var _ = harness;

        await harness.ProcessBatchAsync(Rows(1, 10));
        await harness.ProcessBatchAsync(Rows(2, 20));
        await harness.ProcessWatermarkAsync(100);
        await harness.ProcessBatchAsync(Rows(3, 30));
        await connector.WaitForRequestsAsync(3);

        // The second batch is done first and goes out before the first.
        connector.Release(20);
        await DueAsync(op);
        await harness.ProcessPeriodicAsync();
        Assert.Equal(["batch 2"], Describe(harness.Emitted));

        // The third is done, but the watermark before it waits for the first batch, and so does the third.
        connector.Release(30);
        await WaitUntilAsync(() => connector.InFlight == 1);
        Assert.NotEqual(0, op.NextDueMillis);
        await harness.ProcessPeriodicAsync();
        Assert.Equal(["batch 2"], Describe(harness.Emitted));

        connector.Release(10);
        await ServiceUntilAsync(harness, op, 4);
        Assert.Equal(["batch 2", "batch 1", "watermark 100", "batch 3"], Describe(harness.Emitted));
    }

    [Fact]
    public async Task A_barrier_waits_for_the_lookups_in_flight_and_goes_out_after_their_rows()
    {
        var connector = new SlowLookupConnector();
        var (harness, _) = await OpenAsync(connector, capacity: 10, ordered: true);
        await using var __ = harness;

        await harness.ProcessBatchAsync(Rows(1, 10));
        await harness.ProcessBatchAsync(Rows(2, 20));
        await connector.WaitForRequestsAsync(2);
        var snapshot = harness.SnapshotAsync(1);
        Assert.False(snapshot.IsCompleted);

        connector.Release(20);
        connector.Release(10);
        await snapshot.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["batch 1", "batch 2", "barrier 1"], Describe(harness.Emitted));
    }

    [Fact]
    public async Task A_failed_lookup_fails_the_operator_with_its_error_without_waiting_for_slower_batches_before_it()
    {
        var connector = new SlowLookupConnector { FailingKey = 20 };
        var (harness, op) = await OpenAsync(connector, capacity: 10, ordered: true);
        await using var _ = harness;

        await harness.ProcessBatchAsync(Rows(1, 10));
        // The error surfaces at the next call after the request failed (here maybe the batch's own), while batch 1 still waits.
        var error = await Assert.ThrowsAsync<LookupFailedException>(async () =>
        {
            await harness.ProcessBatchAsync(Rows(2, 20));
            await DueAsync(op);
            await harness.ProcessPeriodicAsync();
        });
        Assert.Contains("key 20 in table 'dim'", error.Message);
        Assert.Empty(harness.OutputRows);
        connector.Release(10);
    }

    [Fact]
    public async Task In_a_running_job_the_lookups_of_many_batches_overlap_and_every_row_comes_out_without_further_input()
    {
        // Source → (forward) → lookup join → sink: the lookup subtask waits on its input channel, and only the requests that
        // end can wake it for the last batches (the unbounded source sends nothing after them).
        var memory = new MemoryConnector();
        var connector = new SlowLookupConnector { Latency = TimeSpan.FromMilliseconds(200) };
        var registry = new ConnectorRegistry();
        registry.Register(memory);
        registry.Register(connector);
        var runner = new JobRunner(registry);
        memory.Sources["orders"] = Enumerable.Range(0, 20).Select(i => Rows(i, 100 + i).Data).ToList();
        var graph = Graph(
            [
                new JobVertex(1, "Source: orders", [Source("orders", Input, ("unbounded", "true"))], 1),
                new JobVertex(2, "LookupJoin -> Sink: out", [Spec(capacity: 4, ordered: true), Sink("out", Output)], 1),
            ],
            [Edge(1, 2, ExchangeKind.Forward)]);

        var handle = runner.Start(graph, Guid.NewGuid().ToString("N"));
        try
        {
            await WaitUntilAsync(() => memory.RowsWritten == 20 || handle.Completion.IsCompleted, 30);
            Assert.Null(handle.Failure);
            Assert.Equal(20, memory.RowsWritten);
            Assert.InRange(connector.MaxInFlight, 2, 4);
        }
        finally
        {
            handle.Cancel();
            await handle.Completion.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
        }
    }

    private static List<string> Describe(IReadOnlyList<object> emitted) => emitted.Select(e => e switch
    {
        Batch b => "batch " + ((Int64Array)b.Column(0)).GetValue(0),
        Watermark w => "watermark " + w.Timestamp,
        CheckpointBarrier c => "barrier " + c.CheckpointId,
        _ => e.ToString()!,
    }).ToList();
}
