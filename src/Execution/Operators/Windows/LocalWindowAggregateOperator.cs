using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Windows;

/// <summary>
/// The Local phase of a two-phase window aggregation (Flink's <c>LocalSlicingWindowAggOperator</c>): before the shuffle,
/// rows are pre-aggregated per (key, slice) in a table of its own, not checkpointed; a slice's partial accumulators go out
/// as one row per key (keys, <see cref="AccumulatorLayout"/> fields, <c>$slice_end</c>) when the watermark reaches the
/// slice's end, and everything goes out before a barrier and at end of input, so nothing is held across a checkpoint.
/// It drops nothing: lateness is decided by the Global phase.
/// </summary>
internal sealed class LocalWindowAggregateOperator : StreamOperatorBase
{
    private readonly WindowAggregateSpec _spec;
    private readonly RowSchema _input;
    private readonly SliceAssigner _assigner;
    private readonly int[] _keyColumns;
    private readonly Schema _outputSchema;
    private readonly int _timeColumn;
    private readonly bool _forwardsRows;
    private GroupTable _table = null!;
    private WindowAccumulators _accumulators = null!;
    private WindowClock _clock = null!;
    private long[] _namespaces = new long[256];
    private bool[] _valid = new bool[256];
    private readonly SortedSet<long> _slices = new();

    public LocalWindowAggregateOperator(WindowAggregateSpec spec, RowSchema input)
    {
        _spec = spec;
        _input = input;
        _assigner = SliceAssigner.For(spec.Window);
        _keyColumns = spec.GroupKeys.ToArray();
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _timeColumn = spec.Windowing is TimeAttributeWindowing t
            ? t.TimeColumn
            : throw new ArgumentException("a Local window aggregation assigns slices by a time attribute", nameof(spec));
        // Without accumulators (a DISTINCT per window, as q8's) pre-aggregating a tumbling window only resolves each row in
        // a table of its own before the Global phase resolves it again: forwarding the rows with their slice ends gives the
        // Global phase the same keys in the same first-arrival order per window, before the same watermarks.
        _forwardsRows = spec.Accumulators.Fields.Count == 0 && spec.Window is TumbleWindow;
    }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var keyTypes = _keyColumns.Select(k => _input[k].Type).ToList();
        _table = new GroupTable("local-window-aggregate", 0, new GroupTableSpec(keyTypes, Namespaced: true),
            new KeyGroupRange(0, context.MaxParallelism - 1), context.MaxParallelism, null);
        _accumulators = WindowAccumulators.Create(_spec, _input, _table, retracting: false);
        string? zone = ((TimeAttributeWindowing)_spec.Windowing).TimeZone;
        _clock = new WindowClock(zone is null ? null : SessionTimeZone.Resolve(zone));
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        if (_namespaces.Length < n)
        {
            _namespaces = new long[n];
            _valid = new bool[n];
        }
        var column = batch.Column(_timeColumn);
        var times = TimeValues.Micros(column);
        long last = long.MinValue;
        bool allValid = column.NullCount == 0;
        for (int i = 0; i < n; i++)
        {
            _valid[i] = allValid || column.IsValid(i);
            if (!_valid[i]) continue;
            long slice = _assigner.SliceEnd(_clock.ToWindow(times[i]));
            _namespaces[i] = slice;
            if (slice == last || _forwardsRows) continue;
            _slices.Add(slice);
            last = slice;
        }
        var selection = allValid ? default : _valid.AsSpan(0, n);
        if (_forwardsRows) return output.EmitAsync(Forwarded(batch, n, allValid), cancellationToken);
        var groups = _table.Resolve(batch.Data, _keyColumns, _namespaces.AsSpan(0, n), selection: selection);
        _accumulators.Update(batch, groups.Groups, selection, default);
        return default;
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        while (_slices.Count > 0 && _clock.LastInstantBefore(_slices.Min) <= watermark.Timestamp)
            await FlushAsync(_slices.Min, output, cancellationToken).ConfigureAwait(false);
        await output.EmitWatermarkAsync(watermark, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        while (_slices.Count > 0) await FlushAsync(_slices.Min, output, cancellationToken).ConfigureAwait(false);
        await output.EmitBarrierAsync(barrier, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken)
    {
        while (_slices.Count > 0) await FlushAsync(_slices.Min, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The batch's key columns and slice ends, without its rows whose time attribute is NULL.</summary>
    private Batch Forwarded(Batch batch, int n, bool allValid)
    {
        var columns = new IArrowArray[_keyColumns.Length + 1];
        for (int k = 0; k < _keyColumns.Length; k++) columns[k] = batch.Column(_keyColumns[k]);
        columns[^1] = Aggregates.ResultArrays.Integers(SqlType.BigInt.AsNotNull(), _namespaces.AsSpan(0, n).ToArray(), default);
        var keysAndSlices = new Batch(new RecordBatch(_outputSchema, columns, n));
        if (allValid) return keysAndSlices;
        var rows = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++)
            if (_valid[i]) rows[count++] = i;
        return BatchGather.Take(keysAndSlices, rows, count);
    }

    private async ValueTask FlushAsync(long slice, IEmitter output, CancellationToken cancellationToken)
    {
        _slices.Remove(slice);
        var groups = _table.GroupsOf(slice).ToArray();
        if (groups.Length > 0)
        {
            var columns = new List<IArrowArray>(_outputSchema.FieldsList.Count);
            columns.AddRange(_table.KeyColumns(groups));
            _accumulators.Evaluate(groups, columns);
            var ends = new long[groups.Length];
            ends.AsSpan().Fill(slice);
            columns.Add(Aggregates.ResultArrays.Integers(SqlType.BigInt.AsNotNull(), ends, default));
            await output.EmitAsync(new Batch(new RecordBatch(_outputSchema, columns, groups.Length)), cancellationToken).ConfigureAwait(false);
        }
        _table.RemoveNamespace(slice);
    }
}
