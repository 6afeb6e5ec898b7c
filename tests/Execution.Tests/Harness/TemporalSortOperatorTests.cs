using StreamSql.Execution.Operators.Rank;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The temporal sort (<c>ORDER BY rowtime, k DESC</c> without LIMIT) through the harness: rows held until the watermark
/// passes their rowtime, emitted by rowtime then key, late rows dropped, and the buffer and timers kept across a restore.
/// </summary>
public sealed class TemporalSortOperatorTests
{
    private static readonly RowSchema KeyTime = new([new Field("k", SqlType.BigInt), new Field("ts", SqlType.Timestamp(3) with { IsRowtime = true })]);

    private static TemporalSortSpec Spec => new(1, true, [new RankOrderKey(0, Descending: true, NullsFirst: false)], "TemporalSort", KeyTime);

    /// <summary>The emitted rows as their kind and key (each row's time follows from the test's input).</summary>
    private static string[] Keys(OperatorTestHarness h) => h.OutputRows.Select(r => r[..r.IndexOf(',')] + "]").ToArray();

    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public async Task Rows_come_in_rowtime_then_key_order_as_the_watermark_passes_and_survive_a_restore(string first, string second)
    {
        var checkpoints = new HarnessCheckpoints();
        var h = await OperatorTestHarness.OpenAsync(new TemporalSortOperator(Spec, KeyTime), GroupAggregateRescaleTests.Backend(first));
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(1, 3000_000), (5, 1000_000), (2, 3000_000), (9, 2000_000), (7, 1000_000)]));
        Assert.Empty(h.OutputRows);
        await h.ProcessWatermarkAsync(1000_000);
        Assert.Equal(["+I[7]", "+I[5]"], Keys(h));
        h.ClearOutput();
        var chk = await checkpoints.SnapshotAsync(1, [h]);
        await h.DisposeAsync();

        h = await OperatorTestHarness.OpenAsync(new TemporalSortOperator(Spec, KeyTime), GroupAggregateRescaleTests.Backend(second), restoreFrom: chk);
        // 500 ms is not above the restored watermark (1 s): late, dropped. 3 s gets a third row.
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(4, 500_000), (3, 3000_000)]));
        await h.ProcessWatermarkAsync(2999_999);
        Assert.Equal(["+I[9]"], Keys(h));
        h.ClearOutput();
        await h.ProcessWatermarkAsync(10_000_000);
        Assert.Equal(["+I[3]", "+I[2]", "+I[1]"], Keys(h));
        Assert.Contains(10_000_000L, h.OutputWatermarks);
        await h.DisposeAsync();
    }

    private static readonly RowSchema KeyProctime = new([new Field("k", SqlType.BigInt), new Field("ts", SqlType.TimestampLtz(3) with { IsProctime = true })]);

    /// <summary>
    /// <c>ORDER BY proctime, k DESC</c> (Flink's ProcTimeSortOperator): the rows of one millisecond of processing time are
    /// held until the clock leaves it, then come out by key; earlier milliseconds first; the buffer and its timers survive
    /// a restore on the other backend, and the end of input emits the rows still held.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public async Task Processing_time_rows_of_one_millisecond_come_out_by_the_other_keys_once_it_is_over(string first, string second)
    {
        var spec = new TemporalSortSpec(1, false, [new RankOrderKey(0, Descending: true, NullsFirst: false)], "TemporalSort", KeyProctime);
        const long T = 1_700_000_000_000_000;
        var clock = new ManualClock(T + 500);
        var checkpoints = new HarnessCheckpoints();
        var h = await OperatorTestHarness.OpenAsync(new TemporalSortOperator(spec, KeyProctime), GroupAggregateRescaleTests.Backend(first), clock: clock);
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(1, T + 100), (5, T + 400), (3, T + 1200), (9, T + 300)]));
        await h.ProcessPeriodicAsync();
        Assert.Empty(h.OutputRows);
        clock.Micros = T + 1000;
        await h.ProcessPeriodicAsync();
        Assert.Equal(["+I[9]", "+I[5]", "+I[1]"], Keys(h));
        h.ClearOutput();
        var chk = await checkpoints.SnapshotAsync(1, [h]);
        await h.DisposeAsync();

        h = await OperatorTestHarness.OpenAsync(new TemporalSortOperator(spec, KeyProctime), GroupAggregateRescaleTests.Backend(second), restoreFrom: chk, clock: clock);
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(8, T + 1900), (2, T + 2100)]));
        clock.Micros = T + 2050;
        await h.ProcessPeriodicAsync();
        Assert.Equal(["+I[8]", "+I[3]"], Keys(h));
        h.ClearOutput();
        await h.EndInputAsync();
        Assert.Equal(["+I[2]"], Keys(h));
        await h.DisposeAsync();
    }
}
