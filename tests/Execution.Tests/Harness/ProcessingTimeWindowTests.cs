using StreamSql.Execution.Operators.Windows;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// Windows over processing time (<c>PROCTIME()</c>) through the operator harness with a manual clock: a row belongs to the
/// window of the moment it is processed; the window fires when the clock passes its end (its timer checkpointed and
/// restored, at another parallelism too); a bounded input that ends first leaves it unfired, as in Flink, whose tasks
/// quiesce pending processing-time timers at the end of input instead of firing them (FLINK-14231).
/// </summary>
public sealed class ProcessingTimeWindowTests
{
    private const long Second = 1_000_000;
    // 2023-11-14 22:13:20 UTC, a multiple of 10 s.
    private const long T0 = 1_700_000_000 * Second;

    private static readonly RowSchema Input = new([new Field("k", SqlType.BigInt), new Field("ts", SqlType.Timestamp(3))]);

    private static WindowAggregateSpec Spec() => new(
        [0],
        [new AggregateCall(AggregateFunctionKind.Count, [], false, -1, SqlType.BigInt.AsNotNull(), "cnt")],
        new TumbleWindow(TimeSpan.FromSeconds(10), null),
        new TimeAttributeWindowing(1, false, null),
        [WindowProperty.Start, WindowProperty.End],
        AggregatePhase.Single,
        AccumulatorLayout.None,
        ChangelogMode.InsertOnly,
        "WindowAggregate(proctime test)",
        new RowSchema([
            new Field("k", SqlType.BigInt), new Field("cnt", SqlType.BigInt.AsNotNull()),
            new Field("window_start", SqlType.Timestamp(3).AsNotNull()), new Field("window_end", SqlType.Timestamp(3).AsNotNull()),
        ]));

    /// <summary>Rows of keys <paramref name="keys"/>; their ts column is ignored by a processing-time window.</summary>
    private static Batches.Batch Rows(params long[] keys) => TestBatches.KeyTimes(keys.Select(k => (k, 0L)).ToList());

    [Fact]
    public async Task A_window_fires_when_the_clock_passes_its_end_and_its_timer_survives_a_rescaling_restore()
    {
        var clock = new ManualClock(T0 + 1 * Second);
        var h = await OperatorTestHarness.OpenAsync(new WindowAggregateOperator(Spec(), Input, new JobMetrics()), HarnessBackend.HashMap, clock: clock);
        await h.ProcessBatchAsync(Rows(1, 1, 2));
        clock.Micros = T0 + 9 * Second;
        await h.ProcessBatchAsync(Rows(2));
        await h.ProcessPeriodicAsync();
        Assert.Empty(h.OutputRows);

        clock.Micros = T0 + 10 * Second;
        await h.ProcessPeriodicAsync();
        Assert.Equal(["+I[1, 2, 2023-11-14T22:13:20, 2023-11-14T22:13:30]", "+I[2, 2, 2023-11-14T22:13:20, 2023-11-14T22:13:30]"],
            h.OutputRows.Order(StringComparer.Ordinal).ToArray());
        h.ClearOutput();

        // The next window holds rows processed from 22:13:30 on; it is pending at the checkpoint.
        clock.Micros = T0 + 12 * Second;
        await h.ProcessBatchAsync(Rows(3, 4, 3));
        var checkpoint = await new HarnessCheckpoints().SnapshotAsync(1, [h]);
        await h.DisposeAsync();

        var restoredClock = new ManualClock(T0 + 15 * Second);
        var restored = new OperatorTestHarness[2];
        for (int s = 0; s < 2; s++)
            restored[s] = await OperatorTestHarness.OpenAsync(new WindowAggregateOperator(Spec(), Input, new JobMetrics()), HarnessBackend.RocksDb,
                s, 2, restoreFrom: checkpoint, clock: restoredClock);
        foreach (var r in restored) await r.ProcessPeriodicAsync();
        Assert.All(restored, r => Assert.Empty(r.OutputRows));
        restoredClock.Micros = T0 + 20 * Second;
        foreach (var r in restored) await r.ProcessPeriodicAsync();
        Assert.Equal(["+I[3, 2, 2023-11-14T22:13:30, 2023-11-14T22:13:40]", "+I[4, 1, 2023-11-14T22:13:30, 2023-11-14T22:13:40]"],
            restored.SelectMany(r => r.OutputRows).Order(StringComparer.Ordinal).ToArray());
        await GroupAggregateRescaleTests.DisposeAll(restored);
    }

    [Fact]
    public async Task A_window_still_open_when_the_input_ends_emits_nothing_as_in_flink()
    {
        var clock = new ManualClock(T0 + 1 * Second);
        var h = await OperatorTestHarness.OpenAsync(new WindowAggregateOperator(Spec(), Input, new JobMetrics()), HarnessBackend.HashMap, clock: clock);
        await h.ProcessBatchAsync(Rows(1, 2));
        // The end of a bounded input: the final watermark, then the end of input. Neither fires a processing-time window.
        await h.ProcessWatermarkAsync(long.MaxValue);
        await h.EndInputAsync();
        Assert.Empty(h.OutputRows);
        await h.DisposeAsync();
    }
}
