using Apache.Arrow;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Aggregation;

/// <summary>
/// The Local phase of a two-phase GROUP BY (Flink's MiniBatchLocalGroupAggFunction): no state; the rows of each mini-batch
/// are accumulated per key into the fields of <see cref="GroupAggregateSpec.Accumulators"/> (a retraction subtracts, so
/// partial counts may be negative) and, when the mini-batch ends (its size or latency, a barrier, the end of input), one
/// <c>+I[keys, fields]</c> row per key goes to the Global phase. The groups live in a table of this operator's own that is
/// emptied after every mini-batch.
/// </summary>
public sealed class LocalGroupAggregateOperator : StreamOperatorBase, IPeriodicOperator
{
    private readonly GroupAggregateSpec _spec;
    private readonly AggregateCallBinding[] _fields;
    private readonly IArrowArray[][] _arguments;
    private readonly Schema _outputSchema;
    private readonly MiniBatchBuffer _miniBatch;
    private readonly Dictionary<int, RowFilters> _filters = new();
    private readonly List<int> _builtFilters = new();
    private readonly SqlType[] _keyTypes;
    private GroupTable _table = null!;
    private IGroupsAccumulator[] _accumulators = [];

    public LocalGroupAggregateOperator(GroupAggregateSpec spec, RowSchema inputSchema)
    {
        if (spec.Phase != AggregatePhase.Local) throw new ArgumentException($"{spec.Description} is not a Local phase", nameof(spec));
        _spec = spec;
        bool retracting = spec.InputChangelog != ChangelogMode.InsertOnly;
        _fields = spec.Accumulators.Fields.Select(f => TwoPhaseFields.Local(f, spec.Calls, inputSchema, retracting)).ToArray();
        _arguments = _fields.Select(f => new IArrowArray[f.ArgumentColumns.Length]).ToArray();
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _keyTypes = spec.GroupKeys.Select(k => inputSchema[k].Type).ToArray();
        // Without a mini-batch setting every batch is its own mini-batch.
        _miniBatch = new MiniBatchBuffer(spec.MiniBatch ?? new MiniBatch(TimeSpan.Zero, 1), ArrowTypeMapping.ToArrowSchema(inputSchema));
    }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var all = new KeyGroupRange(0, context.MaxParallelism - 1);
        _table = new GroupTable("local", 0, new GroupTableSpec(_keyTypes), all, context.MaxParallelism, store: null);
        _accumulators = new IGroupsAccumulator[_fields.Length];
        for (int f = 0; f < _fields.Length; f++) _accumulators[f] = _table.AddColumn(_fields[f].Accumulator.Create);
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        if (batch.Length == 0) return default;
        _miniBatch.Add(batch, Context.Clock.MonotonicMillis());
        return _miniBatch.IsFull(Context.Clock.MonotonicMillis()) ? FlushAsync(output, cancellationToken) : default;
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        if (_miniBatch.IsFull(Context.Clock.MonotonicMillis())) await FlushAsync(output, cancellationToken);
        await output.EmitWatermarkAsync(watermark, cancellationToken);
    }

    public override async ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        await FlushAsync(output, cancellationToken);
        await output.EmitBarrierAsync(barrier, cancellationToken);
    }

    public override ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken) => FlushAsync(output, cancellationToken);

    /// <summary>When the buffered mini-batch's <c>allow-latency</c> runs out (Flink ends a mini-batch on a processing-time
    /// timer, with or without new input).</summary>
    public long NextDueMillis => _miniBatch.DueMillis;

    public ValueTask OnPeriodicAsync(long nowMillis, IEmitter output, CancellationToken cancellationToken) =>
        nowMillis >= NextDueMillis ? FlushAsync(output, cancellationToken) : default;

    private ValueTask FlushAsync(IEmitter output, CancellationToken cancellationToken)
    {
        var batch = _miniBatch.Take();
        return batch is null ? default : output.EmitAsync(Accumulate(batch), cancellationToken);
    }

    /// <summary>One +I row per key of <paramref name="batch"/>: the keys, then each field over the key's rows.</summary>
    private Batch Accumulate(Batch batch)
    {
        var groups = _table.Resolve(batch.Data, _spec.GroupKeys);
        var data = batch.Data;
        _builtFilters.Clear();
        for (int f = 0; f < _fields.Length; f++)
        {
            var field = _fields[f];
            var filters = FiltersFor(batch, groups, field.FilterColumn);
            var arguments = _arguments[f];
            for (int a = 0; a < arguments.Length; a++) arguments[a] = data.Column(field.ArgumentColumns[a]);
            if (filters.HasAccumulations) _accumulators[f].Update(arguments, groups.Groups, filters.Accumulate);
            if (filters.HasRetractions) _accumulators[f].Retract(arguments, groups.Groups, filters.Retract);
        }
        var touched = groups.Touched;
        int rows = touched.Length, keyCount = _spec.GroupKeys.Count;
        // Each key is read from its first row in the batch, not decoded from the table.
        var firstRows = groups.TouchedFirstRows.ToArray();
        var columns = new IArrowArray[keyCount + _accumulators.Length];
        for (int k = 0; k < keyCount; k++) columns[k] = ArrayGather.Take(data.Column(_spec.GroupKeys[k]), firstRows, rows);
        for (int f = 0; f < _accumulators.Length; f++) columns[keyCount + f] = _accumulators[f].Evaluate(touched);
        _table.Remove(touched);
        return new Batch(new RecordBatch(_outputSchema, columns, rows));
    }

    private RowFilters FiltersFor(Batch batch, GroupBatch groups, int filterColumn)
    {
        if (!_filters.TryGetValue(filterColumn, out var filters)) _filters.Add(filterColumn, filters = new RowFilters());
        if (_builtFilters.Contains(filterColumn)) return filters;
        filters.Build(batch, groups, filterColumn < 0 ? null : batch.Column(filterColumn));
        _builtFilters.Add(filterColumn);
        return filters;
    }
}
