using StreamSql.Execution.Batches;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Expressions.Kernels;
using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>The usual watermark <c>ts - INTERVAL '4' SECOND</c> is the largest timestamp shifted (no shifted copy of the
/// column): the same watermarks as the shifted column's maximum, with and without per-split runs.</summary>
public sealed class ShiftedWatermarkTests
{
    private static readonly RowSchema Input = new([new Field("k", SqlType.BigInt), new Field("ts", SqlType.Timestamp(3))]);

    private static long At(int seconds) => seconds * 1_000_000L;

    private static ScalarExpr Shifted(long millis) =>
        new Call("-", [new InputRef(1, SqlType.Timestamp(3)), new Literal(millis, SqlType.IntervalDayTime.AsNotNull())], SqlType.Timestamp(3));

    private static async Task<OperatorTestHarness> Open(ScalarExpr expression) =>
        await OperatorTestHarness.OpenAsync(
            new WatermarkAssignerOperator(new WatermarkAssignerSpec(1, expression, "WatermarkAssigner(rowtime=[ts])", Input), Input),
            HarnessBackend.HashMap, configuration: Configuration.Empty.With(CoreOptions.AutoWatermarkInterval.Key, "0"));

    private static Batch Rows(params long[] times) => TestBatches.KeyTimes(times.Select((t, i) => ((long)i, t)).ToList());

    [Fact]
    public async Task The_watermark_is_the_largest_timestamp_minus_the_interval()
    {
        Assert.IsType<TimestampShift>(ExpressionCompiler.Compile(Shifted(4000), Input));
        await using var h = await Open(Shifted(4000));
        await h.ProcessBatchAsync(Rows(At(100), At(107), At(103)));
        await h.ProcessBatchAsync(Rows(At(105)));          // below the largest so far: no new watermark
        await h.ProcessBatchAsync(Rows(At(90), At(120)));
        Assert.Equal(new[] { At(103), At(116) }, h.OutputWatermarks);
        Assert.Equal(6, h.OutputRows.Count);
    }

    [Fact]
    public async Task Split_runs_get_their_own_shifted_maximum()
    {
        await using var h = await Open(Shifted(2500));
        var splits = new SourceSplitSet(["a", "b"]);
        var runs = new SourceSplitsBuilder();
        runs.Add("a", 2);
        runs.Add("b", 1);
        await h.ProcessBatchAsync(new Batch(Rows(At(50), At(60), At(40)).Data) { Splits = runs.Build(splits) });
        // The minimum over the splits: b's 40 s less 2.5 s.
        Assert.Equal(new[] { At(40) - 2_500_000 }, h.OutputWatermarks);
    }

    [Fact]
    public async Task A_null_interval_gives_no_watermark()
    {
        var nullInterval = new Call("-", [new InputRef(1, SqlType.Timestamp(3)), new Literal(null, SqlType.IntervalDayTime)], SqlType.Timestamp(3));
        await using var h = await Open(nullInterval);
        await h.ProcessBatchAsync(Rows(At(100)));
        Assert.Empty(h.OutputWatermarks);
    }
}
