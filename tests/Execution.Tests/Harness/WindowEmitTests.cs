using StreamSql.Execution.Operators.Windows;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// A TUMBLE group window with Flink's early and late firings (<see cref="WindowEmit"/>) through the operator harness with
/// a manual clock: early results at the processing-time delay, the final result as -U/+U when the watermark passes the
/// window's end, late rows within the allowed lateness as -U/+U, and what each key last emitted (kept for late rows)
/// surviving a checkpoint restored at another parallelism and on another backend.
/// </summary>
public sealed class WindowEmitTests
{
    private const long Second = 1_000_000;
    // 2023-11-14 22:13:20 UTC, a multiple of 10 s.
    private const long T0 = 1_700_000_000 * Second;

    private static readonly RowSchema Input = new([new Field("k", SqlType.BigInt), new Field("ts", SqlType.Timestamp(3))]);

    private static WindowAggregateSpec Spec(WindowEmit emit) => new(
        [0],
        [new AggregateCall(AggregateFunctionKind.Count, [], false, -1, SqlType.BigInt.AsNotNull(), "cnt")],
        new TumbleWindow(TimeSpan.FromSeconds(10), null),
        new TimeAttributeWindowing(1, true, null),
        [WindowProperty.Start],
        AggregatePhase.Single,
        AccumulatorLayout.None,
        ChangelogMode.InsertOnly,
        "GroupWindowAggregate(emit test)",
        new RowSchema([
            new Field("k", SqlType.BigInt), new Field("cnt", SqlType.BigInt.AsNotNull()), new Field("w$start", SqlType.Timestamp(3).AsNotNull()),
        ]))
    { Emit = emit };

    private static Batches.Batch Rows(params (long K, long Ts)[] rows) => TestBatches.KeyTimes(rows.Select(r => (r.K, r.Ts)).ToList());

    private static Task<OperatorTestHarness> Open(WindowEmit emit, ManualClock clock, HarnessBackend? backend = null, int subtask = 0, int parallelism = 1,
        HarnessCheckpoint? from = null) =>
        OperatorTestHarness.OpenAsync(new WindowAggregateOperator(Spec(emit), Input, new JobMetrics()), backend ?? HarnessBackend.HashMap,
            subtask, parallelism, restoreFrom: from, clock: clock);

    private const string W0 = "2023-11-14T22:13:20";

    [Fact]
    public async Task Early_firings_emit_at_the_delay_and_the_window_end_emits_only_what_changed()
    {
        var clock = new ManualClock(0);
        await using var h = await Open(new WindowEmit(2000, null, 0), clock);
        await h.ProcessBatchAsync(Rows((1, T0 + 1 * Second), (2, T0 + 2 * Second), (1, T0 + 3 * Second)));
        await h.ProcessWatermarkAsync(T0 + 3 * Second);
        clock.Micros = 1 * Second;
        await h.ProcessPeriodicAsync();
        Assert.Empty(h.OutputRows);

        clock.Micros = 2 * Second;
        await h.ProcessPeriodicAsync();
        Assert.Equal([$"+I[1, 2, {W0}]", $"+I[2, 1, {W0}]"], Sorted(h));
        h.ClearOutput();

        // Only key 1 changes before the next early firing; key 2 emits nothing then.
        await h.ProcessBatchAsync(Rows((1, T0 + 4 * Second)));
        clock.Micros = 4 * Second;
        await h.ProcessPeriodicAsync();
        Assert.Equal([$"-U[1, 2, {W0}]", $"+U[1, 3, {W0}]"], h.OutputRows);
        h.ClearOutput();

        // No rows since: no timer, nothing to emit.
        clock.Micros = 10 * Second;
        await h.ProcessPeriodicAsync();
        Assert.Empty(h.OutputRows);

        // Key 2 changes and the watermark passes the end before the next early firing: the final result comes then.
        await h.ProcessBatchAsync(Rows((2, T0 + 8 * Second), (3, T0 + 9 * Second)));
        await h.ProcessWatermarkAsync(T0 + 10 * Second);
        Assert.Equal([$"+I[3, 1, {W0}]", $"+U[2, 2, {W0}]", $"-U[2, 1, {W0}]"], Sorted(h));
        Assert.True(IndexOf(h, $"-U[2, 1, {W0}]") + 1 == IndexOf(h, $"+U[2, 2, {W0}]"), "-U right before its +U");
        h.ClearOutput();
        clock.Micros = 20 * Second;
        await h.ProcessPeriodicAsync();
        Assert.Empty(h.OutputRows);
    }

    [Fact]
    public async Task An_early_firing_with_no_delay_fires_every_row()
    {
        var clock = new ManualClock(0);
        await using var h = await Open(new WindowEmit(0, null, 0), clock);
        await h.ProcessBatchAsync(Rows((1, T0 + 1 * Second), (1, T0 + 2 * Second), (2, T0 + 3 * Second)));
        Assert.Equal([$"+I[1, 1, {W0}]", $"-U[1, 1, {W0}]", $"+U[1, 2, {W0}]", $"+I[2, 1, {W0}]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessWatermarkAsync(T0 + 20 * Second);
        Assert.Empty(h.OutputRows);
    }

    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    [InlineData("rocksdb-small-cache", "rocksdb-small-cache")]
    public async Task Late_rows_within_the_allowed_lateness_update_their_window_across_a_rescaling_restore(string first, string second)
    {
        var clock = new ManualClock(0);
        var emit = new WindowEmit(null, 0, 60_000);
        var h = await Open(emit, clock, GroupAggregateRescaleTests.Backend(first));
        await h.ProcessBatchAsync(Rows((1, T0 + 1 * Second), (2, T0 + 2 * Second), (1, T0 + 3 * Second), (5, T0 + 4 * Second)));
        await h.ProcessWatermarkAsync(T0 + 15 * Second);
        Assert.Equal([$"+I[1, 2, {W0}]", $"+I[2, 1, {W0}]", $"+I[5, 1, {W0}]"], Sorted(h));
        h.ClearOutput();

        await h.ProcessBatchAsync(Rows((1, T0 + 5 * Second), (1, T0 + 6 * Second), (3, T0 + 7 * Second)));
        Assert.Equal([$"-U[1, 2, {W0}]", $"+U[1, 3, {W0}]", $"-U[1, 3, {W0}]", $"+U[1, 4, {W0}]", $"+I[3, 1, {W0}]"], h.OutputRows);
        h.ClearOutput();

        var checkpoint = await new HarnessCheckpoints().SnapshotAsync(1, [h]);
        await h.DisposeAsync();

        var restored = new OperatorTestHarness[2];
        for (int s = 0; s < 2; s++) restored[s] = await Open(emit, clock, GroupAggregateRescaleTests.Backend(second), s, 2, checkpoint);
        var late = TestBatches.Partition(Rows((1, T0 + 8 * Second), (2, T0 + 9 * Second), (3, T0 + 9 * Second), (4, T0 + 9 * Second)), 2);
        for (int s = 0; s < 2; s++)
            if (late[s].Length > 0) await restored[s].ProcessBatchAsync(late[s]);
        Assert.Equal([$"+I[4, 1, {W0}]", $"+U[1, 5, {W0}]", $"+U[2, 2, {W0}]", $"+U[3, 2, {W0}]", $"-U[1, 4, {W0}]", $"-U[2, 1, {W0}]", $"-U[3, 1, {W0}]"],
            restored.SelectMany(r => r.OutputRows).OrderBy(r => r[0]).ThenBy(r => r, StringComparer.Ordinal).ToArray());

        // Past end - 1 + 60 s the window is gone: a row for it is dropped, and nothing is emitted.
        foreach (var r in restored)
        {
            r.ClearOutput();
            await r.ProcessWatermarkAsync(T0 + 70 * Second);
        }
        for (int s = 0; s < 2; s++)
            if (late[s].Length > 0) await restored[s].ProcessBatchAsync(late[s]);
        Assert.All(restored, r => Assert.Empty(r.OutputRows));
        Assert.Equal(4, restored.Sum(r => ((WindowAggregateOperator)r.Operator).LateRecordsDropped));
        await GroupAggregateRescaleTests.DisposeAll(restored);
    }

    /// <summary>Many keys on a RocksDB group cache of 16 groups (windows and kept results evicted and reloaded all the
    /// time): every late row's -U/+U (or +I) exact, against a count per key kept here.</summary>
    [Theory]
    [InlineData("hashmap")]
    [InlineData("rocksdb-small-cache")]
    public async Task Late_rows_of_many_keys_update_exactly_while_the_state_spills(string backend)
    {
        var clock = new ManualClock(0);
        await using var h = await Open(new WindowEmit(null, 0, 60_000), clock, GroupAggregateRescaleTests.Backend(backend));
        var random = new Random(7);
        var counts = new long[200];
        var onTime = new List<(long K, long Ts)>();
        for (int i = 0; i < 600; i++)
        {
            long k = random.Next(200);
            if (counts[k]++ == 0 && random.Next(4) == 0) counts[k]--; // some keys get their first row only late
            else onTime.Add((k, T0 + random.NextInt64(10 * Second)));
        }
        await h.ProcessBatchAsync(Rows(onTime.ToArray()));
        await h.ProcessWatermarkAsync(T0 + 12 * Second);
        Assert.Equal(counts.Count(c => c > 0), h.OutputRows.Count);
        h.ClearOutput();

        var expected = new List<string>();
        for (int round = 0; round < 5; round++)
        {
            var late = new List<(long K, long Ts)>();
            for (int i = 0; i < 100; i++)
            {
                long k = random.Next(200);
                late.Add((k, T0 + random.NextInt64(10 * Second)));
                if (counts[k] == 0) expected.Add($"+I[{k}, 1, {W0}]");
                else
                {
                    expected.Add($"-U[{k}, {counts[k]}, {W0}]");
                    expected.Add($"+U[{k}, {counts[k] + 1}, {W0}]");
                }
                counts[k]++;
            }
            await h.ProcessBatchAsync(Rows(late.ToArray()));
        }
        Assert.Equal(expected, h.OutputRows);
    }

    /// <summary>HOP(10 s, slide 5 s): a late row updates every fired window of its slice that is still kept, each with its
    /// own -U/+U; a window whose cleanup passed takes no more rows while a later window of the same slice still does.</summary>
    [Fact]
    public async Task Late_rows_update_each_kept_hop_window_of_their_slice()
    {
        var clock = new ManualClock(0);
        var spec = Spec(new WindowEmit(null, 0, 60_000)) with { Window = new HopWindow(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), null) };
        var op = new WindowAggregateOperator(spec, Input, new JobMetrics());
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap, clock: clock);
        const string Wm5 = "2023-11-14T22:13:15", Wp5 = "2023-11-14T22:13:25";
        await h.ProcessBatchAsync(Rows((1, T0 + 1 * Second), (1, T0 + 6 * Second)));
        await h.ProcessWatermarkAsync(T0 + 12 * Second);
        Assert.Equal([$"+I[1, 1, {Wm5}]", $"+I[1, 2, {W0}]"], h.OutputRows);
        h.ClearOutput();

        await h.ProcessBatchAsync(Rows((1, T0 + 7 * Second)));
        await h.ProcessBatchAsync(Rows((1, T0 + 2 * Second)));
        Assert.Equal([$"-U[1, 2, {W0}]", $"+U[1, 3, {W0}]", $"-U[1, 1, {Wm5}]", $"+U[1, 2, {Wm5}]", $"-U[1, 3, {W0}]", $"+U[1, 4, {W0}]"], h.OutputRows);
        h.ClearOutput();

        await h.ProcessWatermarkAsync(T0 + 20 * Second);
        Assert.Equal([$"+I[1, 2, {Wp5}]"], h.OutputRows);
        h.ClearOutput();

        // Past 22:13:30 - 1 ms + 60 s: the windows ending 22:13:25 and 22:13:30 are gone, the one ending 22:13:35 is kept.
        await h.ProcessWatermarkAsync(T0 + 70 * Second);
        await h.ProcessBatchAsync(Rows((1, T0 + 6 * Second)));
        await h.ProcessBatchAsync(Rows((1, T0 + 3 * Second)));
        Assert.Equal([$"-U[1, 2, {Wp5}]", $"+U[1, 3, {Wp5}]"], h.OutputRows);
        Assert.Equal(1, op.LateRecordsDropped);
    }

    [Fact]
    public async Task A_pending_early_firing_and_the_last_early_result_survive_a_restore()
    {
        var clock = new ManualClock(0);
        var emit = new WindowEmit(2000, null, 0);
        var h = await Open(emit, clock);
        await h.ProcessBatchAsync(Rows((1, T0 + 1 * Second)));
        clock.Micros = 2 * Second;
        await h.ProcessPeriodicAsync();
        Assert.Equal([$"+I[1, 1, {W0}]"], h.OutputRows);
        await h.ProcessBatchAsync(Rows((1, T0 + 2 * Second)));
        var checkpoint = await new HarnessCheckpoints().SnapshotAsync(1, [h]);
        await h.DisposeAsync();

        await using var restored = await Open(emit, clock, HarnessBackend.RocksDb, from: checkpoint);
        clock.Micros = 4 * Second;
        await restored.ProcessPeriodicAsync();
        Assert.Equal([$"-U[1, 1, {W0}]", $"+U[1, 2, {W0}]"], restored.OutputRows);
        restored.ClearOutput();
        await restored.ProcessWatermarkAsync(T0 + 10 * Second);
        Assert.Empty(restored.OutputRows);
    }

    [Fact]
    public async Task A_processing_time_window_fires_early_and_then_once_more_when_the_clock_passes_its_end()
    {
        var clock = new ManualClock(T0 + 1 * Second);
        var spec = Spec(new WindowEmit(3000, null, 0)) with { Windowing = new TimeAttributeWindowing(1, false, null) };
        await using var h = await OperatorTestHarness.OpenAsync(new WindowAggregateOperator(spec, Input, new JobMetrics()), HarnessBackend.HashMap, clock: clock);
        await h.ProcessBatchAsync(Rows((1, 0), (1, 0)));
        clock.Micros = T0 + 4 * Second;
        await h.ProcessPeriodicAsync();
        Assert.Equal([$"+I[1, 2, {W0}]"], h.OutputRows);
        h.ClearOutput();

        await h.ProcessBatchAsync(Rows((1, 0), (2, 0)));
        clock.Micros = T0 + 10 * Second;
        await h.ProcessPeriodicAsync();
        Assert.Equal([$"-U[1, 2, {W0}]", $"+U[1, 3, {W0}]", $"+I[2, 1, {W0}]"],
            h.OutputRows.OrderBy(r => r[3]).ThenBy(r => r[0] == '-' ? 0 : 1).ToArray());
        h.ClearOutput();

        // The window is gone: its early timer (due at 7 s + 3 s) finds nothing to fire.
        clock.Micros = T0 + 14 * Second;
        await h.ProcessPeriodicAsync();
        Assert.Empty(h.OutputRows);
    }

    private static int IndexOf(OperatorTestHarness h, string row) => h.OutputRows.ToList().IndexOf(row);

    private static string[] Sorted(OperatorTestHarness h) => h.OutputRows.Order(StringComparer.Ordinal).ToArray();
}
