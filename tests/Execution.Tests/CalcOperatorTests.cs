using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Tests.Support;
using StreamSql.Sql.Planner.Config;
using static StreamSql.Execution.Tests.Support.TestGraphs;

namespace StreamSql.Execution.Tests;

public sealed class CalcOperatorTests
{
    private sealed class Capture : IEmitter
    {
        public List<Batch> Batches { get; } = new();
        public ValueTask EmitAsync(Batch batch, CancellationToken cancellationToken) { Batches.Add(batch); return default; }
        public ValueTask EmitWatermarkAsync(Watermark watermark, CancellationToken cancellationToken) => default;
        public ValueTask EmitBarrierAsync(CheckpointBarrier barrier, CancellationToken cancellationToken) => default;
    }

    private static async Task<CalcOperator> OpenAsync()
    {
        var calc = new CalcOperator(FilterFlagProjectNameId(), Events);
        await calc.OpenAsync(new OperatorContext("job", "op", "Calc", 0, 1, 128,
            Configuration.Empty.With("table.local-time-zone", "UTC"), SystemClock.Instance), CancellationToken.None);
        return calc;
    }

    [Fact]
    public async Task Filtered_rows_keep_their_row_kinds_and_null_or_false_conditions_drop_rows()
    {
        var calc = await OpenAsync();
        var capture = new Capture();
        var data = EventBatch([1, 2, 3, 4], [true, null, false, true], ["a", "b", "c", "d"]);
        await calc.OnBatchAsync(0, new Batch(data, [RowKind.UpdateBefore, RowKind.Insert, RowKind.Insert, RowKind.Delete]), capture, CancellationToken.None);

        var batch = Assert.Single(capture.Batches);
        Assert.Equal(["-U a 1", "-D d 4"], Rows(batch).Select(r => $"{r[0]} {r[1]} {r[2]}"));
        Assert.Equal("name", batch.Schema.FieldsList[0].Name);
    }

    [Fact]
    public async Task When_every_row_passes_columns_are_not_copied_and_when_none_passes_nothing_is_emitted()
    {
        var calc = await OpenAsync();
        var capture = new Capture();
        var all = EventBatch([1, 2], [true, true], ["a", "b"]);
        await calc.OnBatchAsync(0, new Batch(all), capture, CancellationToken.None);
        await calc.OnBatchAsync(0, new Batch(EventBatch([3, 4], [false, null], ["c", "d"])), capture, CancellationToken.None);

        var batch = Assert.Single(capture.Batches);
        Assert.Same(all.Column(2), batch.Column(0));
        Assert.Same(all.Column(0), batch.Column(1));
        Assert.True(batch.IsInsertOnly);
    }
}
