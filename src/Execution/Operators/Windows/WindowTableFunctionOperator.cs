using Apache.Arrow;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Windows;

/// <summary>
/// A window table function read without aggregation (Flink's <c>WindowTableFunctionOperator</c>): each row comes out once
/// per window holding it (TUMBLE once, HOP <c>size / slide</c> times, CUMULATE once per window of its period up to the
/// max size that contains it) with <c>window_start</c>, <c>window_end</c>, <c>window_time</c> (<c>end - 1 ms</c>)
/// appended; the row kind is kept. Stateless: nothing waits for the watermark. Rows without a time are dropped, as Flink
/// refuses them.
/// </summary>
internal sealed class WindowTableFunctionOperator : StreamOperatorBase
{
    private readonly WindowTableFunctionSpec _spec;
    private readonly SliceAssigner _assigner;
    private readonly Schema _outputSchema;
    private readonly int _timeColumn;
    private readonly bool _eventTime;
    private WindowClock _clock = null!;
    private int[] _rows = new int[256];
    private long[] _ends = new long[256];

    public WindowTableFunctionOperator(WindowTableFunctionSpec spec)
    {
        _spec = spec;
        _assigner = SliceAssigner.For(spec.Window);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        var windowing = (TimeAttributeWindowing)spec.Windowing;
        _timeColumn = windowing.TimeColumn;
        _eventTime = windowing.IsEventTime;
    }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        string? zone = ((TimeAttributeWindowing)_spec.Windowing).TimeZone;
        _clock = new WindowClock(zone is null ? null : SessionTimeZone.Resolve(zone));
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        var column = batch.Column(_timeColumn);
        var times = _eventTime ? TimeValues.Micros(column) : default;
        long now = _eventTime ? 0 : _clock.ToWindow(Context.Clock.NowMicros());
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (_eventTime && !column.IsValid(i)) continue;
            long t = _eventTime ? _clock.ToWindow(times[i]) : now;
            long slice = _assigner.SliceEnd(t);
            long last = _assigner.LastWindowEnd(slice);
            for (long end = _assigner.FirstWindowEnd(slice); end <= last; end = _assigner.NextSliceEnd(end))
            {
                if (count == _rows.Length)
                {
                    System.Array.Resize(ref _rows, count * 2);
                    System.Array.Resize(ref _ends, count * 2);
                }
                _rows[count] = i;
                _ends[count++] = end;
            }
        }
        if (count == 0) return default;
        var taken = count == n && _assigner.SlicesPerWindow == 1 && column.NullCount == 0 ? batch : BatchGather.Take(batch, _rows, count);
        var columns = new List<IArrowArray>(_outputSchema.FieldsList.Count);
        for (int c = 0; c < taken.ColumnCount; c++) columns.Add(taken.Column(c));
        var starts = new long[count];
        var ends = new long[count];
        var times2 = new long[count];
        for (int r = 0; r < count; r++)
        {
            // window_start and window_end are TIMESTAMP: the window clock's wall time; window_time is the end's instant - 1 ms.
            starts[r] = _assigner.WindowStart(_ends[r]);
            ends[r] = _ends[r];
            times2[r] = _clock.WindowTime(_ends[r]);
        }
        int first = taken.ColumnCount;
        columns.Add(ResultArrays.Integers(_spec.OutputSchema[first].Type, starts, default));
        columns.Add(ResultArrays.Integers(_spec.OutputSchema[first + 1].Type, ends, default));
        columns.Add(ResultArrays.Integers(_spec.OutputSchema[first + 2].Type, times2, default));
        var kinds = taken.RowKinds;
        return output.EmitAsync(new Batch(new RecordBatch(_outputSchema, columns, count), kinds), cancellationToken);
    }
}
