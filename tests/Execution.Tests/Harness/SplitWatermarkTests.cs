using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>Per-split watermarks (Flink's split-local watermark generation): batches that say which source split each row
/// came from get a watermark per split, and the assigner emits the minimum over the splits that are not idle.</summary>
public sealed class SplitWatermarkTests
{
    private static readonly RowSchema Input = new([new Field("k", SqlType.BigInt), new Field("ts", SqlType.Timestamp(3))]);
    private static readonly SourceSplitSet Both = new(["t-0", "t-1"]);

    /// <summary>Microseconds of minute <paramref name="minutes"/> (and seconds) of a day.</summary>
    private static long At(int minutes, int seconds = 0) => (minutes * 60L + seconds) * 1_000_000;

    private static WatermarkAssignerOperator Assigner() =>
        new(new WatermarkAssignerSpec(1, new InputRef(1, SqlType.Timestamp(3)), "WatermarkAssigner(rowtime=[ts])", Input), Input);

    private static Configuration Settings(string? idleTimeout = null)
    {
        var config = Configuration.Empty.With(CoreOptions.AutoWatermarkInterval.Key, "0");
        return idleTimeout is null ? config : config.With(CoreOptions.IdleTimeout.Key, idleTimeout);
    }

    /// <summary>A batch of rows (split, timestamp) in order, runs as they come, with the source's assignment.</summary>
    private static Batch Rows(SourceSplitSet assigned, params (string Split, long Ts)[] rows)
    {
        var batch = TestBatches.KeyTimes(rows.Select((r, i) => ((long)i, r.Ts)).ToList());
        var runs = new SourceSplitsBuilder();
        foreach (var (split, _) in rows) runs.Add(split, 1);
        return new Batch(batch.Data) { Splits = runs.Build(assigned) };
    }

    private static async Task<OperatorTestHarness> Open(ManualClock? clock = null, string? idleTimeout = null, int subtask = 0, int parallelism = 1,
        HarnessCheckpoint? restore = null) =>
        await OperatorTestHarness.OpenAsync(Assigner(), HarnessBackend.HashMap, subtask, parallelism, restoreFrom: restore, clock: clock,
            configuration: Settings(idleTimeout));

    [Fact]
    public async Task A_fast_split_does_not_move_the_watermark_past_a_slow_split_of_the_same_subtask()
    {
        await using var h = await Open();

        await h.ProcessBatchAsync(Rows(Both, ("t-1", At(120)), ("t-1", At(121))));
        Assert.Empty(h.OutputWatermarks); // t-0 has no watermark yet: nothing is known about its rows
        await h.ProcessBatchAsync(Rows(Both, ("t-0", At(10))));
        await h.ProcessBatchAsync(Rows(Both, ("t-1", At(130)), ("t-0", At(11)), ("t-0", At(10, 30))));
        await h.ProcessBatchAsync(Rows(Both, ("t-0", At(140))));

        // One watermark per subtask over the interleaved rows would have been 121 minutes after the first batch.
        Assert.Equal(new[] { At(10), At(11), At(130) }, h.OutputWatermarks);
        Assert.Equal(7, h.OutputRows.Count); // rows pass unchanged
    }

    [Fact]
    public async Task An_idle_split_is_left_out_of_the_minimum_until_it_has_rows_again_and_the_watermark_never_goes_back()
    {
        var clock = new ManualClock();
        await using var h = await Open(clock, idleTimeout: "1 s");
        var assigner = (IPeriodicOperator)h.Operator;

        await h.ProcessBatchAsync(Rows(Both, ("t-1", At(120))));
        Assert.Empty(h.OutputWatermarks);
        Assert.Equal(clock.MonotonicMillis() + 1000, assigner.NextDueMillis); // when the splits without rows become idle
        clock.Micros += 999_000;
        await h.ProcessBatchAsync(Rows(Both, ("t-1", At(121))));
        await h.ProcessPeriodicAsync();
        Assert.Empty(h.OutputWatermarks);
        clock.Micros += 1_000;
        await h.ProcessPeriodicAsync();
        Assert.Equal(new[] { At(121) }, h.OutputWatermarks); // t-0 idle: t-1 alone decides

        await h.ProcessBatchAsync(Rows(Both, ("t-0", At(10))));  // active again, far behind: no step back
        await h.ProcessBatchAsync(Rows(Both, ("t-1", At(125)))); // and it holds t-1 back again
        Assert.Equal(new[] { At(121) }, h.OutputWatermarks);
        clock.Micros += 999_000;
        await h.ProcessBatchAsync(Rows(Both, ("t-1", At(126))));
        clock.Micros += 1_000;
        await h.ProcessPeriodicAsync();
        Assert.Equal(new[] { At(121), At(126) }, h.OutputWatermarks);

        clock.Micros += 1_000_000;
        await h.ProcessPeriodicAsync(); // every split idle: no minimum, nothing emitted (the subtask is idle)
        Assert.Equal(new[] { At(121), At(126) }, h.OutputWatermarks);
        Assert.Equal(long.MaxValue, assigner.NextDueMillis);
    }

    [Fact]
    public async Task A_split_the_source_stops_reading_no_longer_holds_the_watermark_back()
    {
        await using var h = await Open();
        await h.ProcessBatchAsync(Rows(Both, ("t-0", At(10)), ("t-1", At(120))));
        await h.ProcessBatchAsync(Rows(new SourceSplitSet(["t-1"]), ("t-0", At(11)), ("t-1", At(121)))); // t-0 ended with this batch

        Assert.Equal(new[] { At(10), At(121) }, h.OutputWatermarks);
    }

    [Fact]
    public async Task Split_watermarks_are_restored_by_split_at_a_lower_parallelism()
    {
        var checkpoints = new HarnessCheckpoints();
        await using var s0 = await Open(subtask: 0, parallelism: 2);
        await using var s1 = await Open(subtask: 1, parallelism: 2);
        await s0.ProcessBatchAsync(Rows(new SourceSplitSet(["t-0"]), ("t-0", At(10))));
        await s1.ProcessBatchAsync(Rows(new SourceSplitSet(["t-1"]), ("t-1", At(120))));
        var checkpoint = await checkpoints.SnapshotAsync(1, [s0, s1]);

        await using var restored = await Open(restore: checkpoint);
        await restored.ProcessBatchAsync(Rows(Both, ("t-0", At(20))));

        // The lowest old watermark first; then t-1 (restored at 120 minutes, no row since) lets t-0's rows move it on.
        Assert.Equal(new[] { At(10), At(20) }, restored.OutputWatermarks);
    }

    [Fact]
    public async Task Split_watermarks_are_restored_by_split_at_a_higher_parallelism_and_survive_a_checkpoint_before_any_row()
    {
        var checkpoints = new HarnessCheckpoints();
        await using var before = await Open();
        await before.ProcessBatchAsync(Rows(Both, ("t-0", At(10)), ("t-1", At(120))));
        var first = await checkpoints.SnapshotAsync(1, [before]);

        // Restored at parallelism 2 and checkpointed again before any row came: the split watermarks are kept.
        await using var a0 = await Open(subtask: 0, parallelism: 2, restore: first);
        await using var a1 = await Open(subtask: 1, parallelism: 2, restore: first);
        var second = await checkpoints.SnapshotAsync(2, [a0, a1]);

        await using var b1 = await Open(subtask: 1, parallelism: 2, restore: second);
        await b1.ProcessBatchAsync(Rows(new SourceSplitSet(["t-1"]), ("t-1", At(119)))); // out of order, within t-1's past

        Assert.Equal(new[] { At(10), At(120) }, b1.OutputWatermarks); // t-1's own watermark, not 119 minutes
    }

    [Fact]
    public void A_filter_keeps_the_runs_of_the_rows_it_keeps()
    {
        var runs = new SourceSplitsBuilder();
        runs.Add("a", 3);
        runs.Add("b", 2);
        runs.Add("a", 1);
        var splits = runs.Build(SourceSplitSet.Empty)!;

        var kept = splits.Select([1, 2, 5], 3); // rows 1, 2 of the first run, none of the second, the one of the third

        Assert.Equal(2, kept.RunCount);
        Assert.Equal(("a", 0, 2), (kept.RunSplit(0), kept.RunStart(0), kept.RunEnd(0)));
        Assert.Equal(("a", 2, 3), (kept.RunSplit(1), kept.RunStart(1), kept.RunEnd(1)));
    }
}
