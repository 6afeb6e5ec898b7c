using Apache.Arrow;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Aggregation;

/// <summary>
/// An unbounded GROUP BY: the Single phase of <see cref="GroupAggregateSpec"/> (Flink's GroupAggFunction, and with a
/// <see cref="GroupAggregateSpec.MiniBatch"/> its MiniBatchGroupAggFunction) or the Global phase of a two-phase aggregation
/// (MiniBatchGlobalGroupAggFunction: the input rows are the Local phase's partial accumulators, merged into the state).
/// Keyed state is a <see cref="GroupTable"/>: per group one typed accumulator column per call (Global: per accumulator
/// field, AVG's sum and count in one), the row count when the input retracts, the last write time when a TTL is set. A batch (or a mini-batch of buffered batches) is applied at once: its keys are resolved to groups in one pass,
/// each accumulator folds the batch's rows column at a time, and the groups it touched emit their change as one batch
/// (<see cref="GroupChangelog"/> says which). In batch mode (<see cref="GroupAggregateSpec.EmitFinalRowsOnly"/>) a batch is
/// only folded into the table, and at end of input every group emits its final row once, a batch of groups at a time.
/// </summary>
public sealed class GroupAggregateOperator : StreamOperatorBase, IPeriodicOperator
{
    private readonly GroupAggregateSpec _spec;
    private readonly RowSchema _inputSchema;
    private readonly AggregateCallBinding[] _calls;
    private readonly Schema _outputSchema;
    private readonly MiniBatchBuffer? _miniBatch;
    private readonly GroupChangelog _changelog;
    private readonly Dictionary<int, RowFilters> _filters = new();
    private readonly IArrowArray[][] _arguments;
    private readonly List<int> _builtFilters = new();
    private GroupTable _table = null!;
    private IGroupsAccumulator[] _accumulators = [];
    private IGroupsAccumulator? _rowCount;
    private GroupStateTtl? _ttl;
    private bool[] _started = new bool[256];
    private bool[] _isNew = new bool[256];
    private int[] _touched = new int[256];
    // Global phase: per accumulator field its state column in _accumulators (-1: part of an AVG or variance), per AVG call the input
    // columns of its partial sum and count and its accumulator.
    private readonly int[] _fieldSlots = [];
    private readonly (int Sum, int Count)[] _averages = [];
    private AvgAccumulator?[] _averageStates = [];

    public GroupAggregateOperator(GroupAggregateSpec spec, RowSchema inputSchema)
    {
        if (spec.Phase == AggregatePhase.Local)
            throw new ArgumentException($"the Local phase runs in {nameof(LocalGroupAggregateOperator)} ({spec.Description})", nameof(spec));
        _spec = spec;
        _inputSchema = inputSchema;
        var bindings = new List<AggregateCallBinding>();
        if (spec.Phase == AggregatePhase.Single)
        {
            foreach (var call in spec.Calls) bindings.Add(AggregateCallBinding.Of(call, inputSchema, spec.NeedRetraction));
        }
        else
        {
            var fields = spec.Accumulators.Fields;
            _fieldSlots = new int[fields.Count];
            _averages = new (int, int)[spec.Calls.Count];
            int keys = spec.GroupKeys.Count;
            for (int f = 0; f < fields.Count; f++)
            {
                var field = fields[f];
                if (field.CallIndex >= 0 && spec.Calls[field.CallIndex].Kind == AggregateFunctionKind.Avg)
                {
                    // AVG's (sum, count) merge into one AvgAccumulator, which divides as the Single phase does.
                    _fieldSlots[f] = -1;
                    var (sum, count) = _averages[field.CallIndex];
                    _averages[field.CallIndex] = field.Role == AccumulatorRole.Sum ? (keys + f, count) : (sum, keys + f);
                    continue;
                }
                var binding = TwoPhaseFields.Global(field, spec.Calls, keys + f);
                // A variance's mean and M2 are merged by the accumulator of its count field.
                _fieldSlots[f] = binding is null ? -1 : bindings.Count;
                if (binding is not null) bindings.Add(binding);
            }
        }
        _calls = bindings.ToArray();
        _arguments = new IArrowArray[_calls.Length][];
        for (int i = 0; i < _calls.Length; i++) _arguments[i] = new IArrowArray[_calls[i].ArgumentColumns.Length];
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _changelog = new GroupChangelog(spec.GenerateUpdateBefore, _outputSchema);
        if (spec.MiniBatch is { } miniBatch && !spec.EmitFinalRowsOnly) _miniBatch = new MiniBatchBuffer(miniBatch, ArrowTypeMapping.ToArrowSchema(inputSchema));
    }

    /// <summary>The operator's keyed state (for tests and reports).</summary>
    public GroupTable Table => _table;

    private bool _rowByRow;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var keyTypes = new SqlType[_spec.GroupKeys.Count];
        for (int k = 0; k < keyTypes.Length; k++) keyTypes[k] = _inputSchema[_spec.GroupKeys[k]].Type;
        _table = context.State.KeyedState.GetGroupTable("groups", new GroupTableSpec(keyTypes));
        _accumulators = new IGroupsAccumulator[_calls.Length];
        var distinctValues = new DistinctValueSets();
        for (int i = 0; i < _calls.Length; i++)
        {
            var call = _calls[i];
            _accumulators[i] = _table.AddColumn(epoch => distinctValues.Create(epoch, call.Accumulator, call.ArgumentColumns));
        }
        if (_spec.Phase == AggregatePhase.Global)
        {
            _averageStates = new AvgAccumulator?[_spec.Calls.Count];
            for (int c = 0; c < _averageStates.Length; c++)
            {
                var call = _spec.Calls[c];
                if (call.Kind != AggregateFunctionKind.Avg) continue;
                var sumType = _inputSchema[_averages[c].Sum].Type;
                _averageStates[c] = _table.AddColumn(epoch => new AvgAccumulator(epoch, sumType, call.ResultType, retracting: false));
            }
            int rowCountField = IndexOfRowCount(_spec.Accumulators);
            if (rowCountField >= 0) _rowCount = _accumulators[_fieldSlots[rowCountField]];
        }
        // Flink's count1 (RetractionRecordCounter): over retractions a group ends when its rows are all taken back.
        else if (_spec.NeedRetraction) _rowCount = _table.AddColumn(epoch => new CountAccumulator(epoch, retracting: true));
        _ttl = _spec.EmitFinalRowsOnly ? null : GroupStateTtl.Create(_table, _spec.StateTtl);
        _rowByRow = !_spec.EmitFinalRowsOnly && context.Configuration.Get(CoreOptions.BatchMaxRows) == 1;
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        if (batch.Length == 0) return default;
        if (_miniBatch is null) return _rowByRow && batch.Length > 1 ? ApplyRowByRowAsync(batch, output, cancellationToken) : Emit(Apply(batch), output, cancellationToken);
        _miniBatch.Add(batch, Context.Clock.MonotonicMillis());
        return _miniBatch.IsFull(Context.Clock.MonotonicMillis()) ? FlushAsync(output, cancellationToken) : default;
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        if (_miniBatch is not null && _miniBatch.IsFull(Context.Clock.MonotonicMillis())) await FlushAsync(output, cancellationToken);
        await output.EmitWatermarkAsync(watermark, cancellationToken);
    }

    public override async ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        // A mini-batch ends before a barrier: the snapshot holds no buffered rows.
        await FlushAsync(output, cancellationToken);
        _ttl?.RemoveExpired(Context.Clock.NowMicros());
        await output.EmitBarrierAsync(barrier, cancellationToken);
    }

    public override ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken) =>
        _spec.EmitFinalRowsOnly ? EmitFinalRowsAsync(output, cancellationToken) : FlushAsync(output, cancellationToken);

    /// <summary>Batch mode: one <c>+I</c> row per group whose rows were not all retracted, in batches of at most
    /// <c>execution.batch.max-rows</c>; without group keys the one row even when no input came (SQL's answer over an
    /// empty table: <c>COUNT(*)</c> = 0).</summary>
    private async ValueTask EmitFinalRowsAsync(IEmitter output, CancellationToken cancellationToken)
    {
        var groups = new List<int>(_table.Count);
        _table.CopyGroups(groups);
        if (groups.Count == 0 && _spec.GroupKeys.Count == 0)
        {
            var empty = new RecordBatch(new Schema.Builder().Build(), [], 1);
            groups.Add(_table.Resolve(empty, _spec.GroupKeys).Groups[0]);
        }
        int maxRows = Math.Max(1, Context.Configuration.Get(CoreOptions.BatchMaxRows));
        var chunk = new int[Math.Min(maxRows, Math.Max(1, groups.Count))];
        int at = 0;
        while (at < groups.Count)
        {
            int n = Math.Min(chunk.Length, groups.Count - at);
            groups.CopyTo(at, chunk, 0, n);
            at += n;
            var selected = chunk.AsSpan(0, n);
            if (_rowCount is not null && _spec.GroupKeys.Count > 0) n = KeepNonEmpty(selected);
            if (n == 0) continue;
            var keys = _table.KeyColumns(chunk.AsSpan(0, n));
            var results = Results(chunk.AsSpan(0, n));
            var columns = new IArrowArray[keys.Length + results.Length];
            keys.CopyTo(columns, 0);
            results.CopyTo(columns, keys.Length);
            await output.EmitAsync(new Batch(new RecordBatch(_outputSchema, columns, n)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Moves the groups with rows left to the front of <paramref name="groups"/>; returns how many there are.</summary>
    private int KeepNonEmpty(Span<int> groups)
    {
        var counts = ((Int64Array)_rowCount!.Evaluate(groups)).Values;
        int kept = 0;
        for (int i = 0; i < groups.Length; i++)
            if (counts[i] != 0) groups[kept++] = groups[i];
        return kept;
    }

    /// <summary>When the buffered mini-batch's <c>allow-latency</c> runs out (Flink ends a mini-batch on a processing-time
    /// timer, with or without new input).</summary>
    public long NextDueMillis => _miniBatch?.DueMillis ?? long.MaxValue;

    public ValueTask OnPeriodicAsync(long nowMillis, IEmitter output, CancellationToken cancellationToken) =>
        nowMillis >= NextDueMillis ? FlushAsync(output, cancellationToken) : default;

    /// <summary>One-row batches asked for (<c>execution.batch.max-rows</c> = 1, as the planner sets it for a printed changelog):
    /// an upstream operator that makes several rows of one (UNNEST, a join's matches) still sends them together, and Flink
    /// applies them one at a time, each with its own change.</summary>
    private async ValueTask ApplyRowByRowAsync(Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        var row = new int[1];
        for (int r = 0; r < batch.Length; r++)
        {
            row[0] = r;
            await Emit(Apply(BatchGather.Take(batch, row, 1)), output, cancellationToken).ConfigureAwait(false);
        }
    }

    private ValueTask FlushAsync(IEmitter output, CancellationToken cancellationToken)
    {
        var buffered = _miniBatch?.Take();
        return buffered is null ? default : Emit(Apply(buffered), output, cancellationToken);
    }

    private static ValueTask Emit(Batch? changes, IEmitter output, CancellationToken cancellationToken) =>
        changes is null ? default : output.EmitAsync(changes, cancellationToken);

    /// <summary>Applies the rows of <paramref name="batch"/> to their groups; returns the changes to emit (or null).</summary>
    private Batch? Apply(Batch batch)
    {
        var hashes = batch.KeyHashes is { } h && h.Of(_spec.GroupKeys) ? h.Values : default;
        var groups = _table.Resolve(batch.Data, _spec.GroupKeys, hashes);
        int touchedCount = groups.TouchedCount;
        var touched = Copy(groups.Touched, ref _touched);
        var isNew = Copy(groups.TouchedIsNew, ref _isNew);
        if (_ttl is not null) ExpireStale(touched, isNew);
        if (!batch.IsInsertOnly) SkipLeadingRetractions(batch, groups, touched, isNew);

        bool final = _spec.EmitFinalRowsOnly;
        var before = final ? [] : Results(touched);

        var data = batch.Data;
        _builtFilters.Clear();
        for (int c = 0; c < _calls.Length; c++)
        {
            var call = _calls[c];
            var filters = FiltersFor(batch, groups, call.FilterColumn);
            var arguments = _arguments[c];
            for (int a = 0; a < arguments.Length; a++) arguments[a] = data.Column(call.ArgumentColumns[a]);
            if (filters.HasAccumulations && !UpdatedByKeys(_accumulators[c], arguments, groups, filters))
                _accumulators[c].Update(arguments, groups.Groups, filters.Accumulate);
            if (filters.HasRetractions) _accumulators[c].Retract(arguments, groups.Groups, filters.Retract);
        }
        for (int c = 0; c < _averageStates.Length; c++)
            _averageStates[c]?.AddPartials(data.Column(_averages[c].Sum), data.Column(_averages[c].Count), groups.Groups);
        if (_rowCount is CountAccumulator)
        {
            var filters = FiltersFor(batch, groups, -1);
            if (filters.HasAccumulations) _rowCount.Update([], groups.Groups, filters.Accumulate);
            if (filters.HasRetractions) _rowCount.Retract([], groups.Groups, filters.Retract);
        }

        if (final) return null;
        var after = Results(touched);
        var counts = _rowCount is null ? ReadOnlySpan<long>.Empty : ((Int64Array)_rowCount.Evaluate(touched)).Values;
        if (_ttl is not null)
        {
            long now = Context.Clock.NowMicros();
            foreach (int g in touched) _ttl.Written(g, now);
        }

        var changes = _changelog.Build(batch.Data, _spec.GroupKeys, touched, groups.TouchedFirstRows, isNew, counts, before, after,
            emitUnchanged: _ttl is not null);
        foreach (int g in _changelog.Emptied) _table.Remove(g);
        return changes;
    }

    /// <summary>Folds the batch through its distinct keys (<see cref="ValueAccumulator.UpdateByKeys"/>) when every row
    /// accumulates into a group the table resolved per distinct key; false when the accumulator is to fold row by row.</summary>
    private static bool UpdatedByKeys(IGroupsAccumulator accumulator, IArrowArray[] arguments, GroupBatch groups, RowFilters filters) =>
        accumulator is ValueAccumulator value && filters.Accumulate.IsEmpty && !filters.HasRetractions && !groups.RowKeys.IsEmpty
        && !groups.KeyGroups.ContainsAnyInRange(int.MinValue, -1) && !groups.RowKeys.ContainsAnyInRange(int.MinValue, -1)
        && value.UpdateByKeys(arguments, groups.RowKeys, groups.KeyGroups);

    /// <summary>Each call's result for <paramref name="groups"/>.</summary>
    private IArrowArray[] Results(ReadOnlySpan<int> groups)
    {
        var results = new IArrowArray[_spec.Calls.Count];
        if (_spec.Phase == AggregatePhase.Single)
        {
            for (int c = 0; c < results.Length; c++) results[c] = _accumulators[c].Evaluate(groups);
            return results;
        }
        var fields = _spec.Accumulators.Fields;
        for (int c = 0; c < results.Length; c++)
        {
            if (_averageStates[c] is { } average)
            {
                results[c] = average.Evaluate(groups);
                continue;
            }
            int first = -1, count = -1;
            for (int f = 0; f < fields.Count; f++)
            {
                if (fields[f].CallIndex != c) continue;
                if (first < 0) first = f;
                else if (fields[f].Role == AccumulatorRole.Count) count = f;
            }
            var value = _accumulators[_fieldSlots[first]].Evaluate(groups);
            // SUM over retractions: NULL again once its non-NULL values are all taken back.
            results[c] = count < 0 ? value : NullWhereZero(value, (Int64Array)_accumulators[_fieldSlots[count]].Evaluate(groups), _spec.Calls[c].ResultType);
        }
        return results;
    }

    private static IArrowArray NullWhereZero(IArrowArray value, Int64Array counts, SqlType type)
    {
        var countValues = counts.Values;
        if (!countValues.Contains(0L)) return value;
        var builder = Columns.ColumnBuilder.Create(type, value.Length);
        for (int i = 0; i < value.Length; i++)
            if (countValues[i] == 0) builder.AppendNull();
            else builder.AppendRange(value.Data, i, 1);
        return builder.Build();
    }

    private static int IndexOfRowCount(AccumulatorLayout layout)
    {
        for (int f = 0; f < layout.Fields.Count; f++)
            if (layout.Fields[f].CallIndex < 0) return f;
        return -1;
    }

    /// <summary>The row filters of the batch for calls with FILTER column <paramref name="filterColumn"/> (-1: none), built
    /// once per batch and shared by the calls that filter alike.</summary>
    private RowFilters FiltersFor(Batch batch, GroupBatch groups, int filterColumn)
    {
        if (!_filters.TryGetValue(filterColumn, out var filters)) _filters.Add(filterColumn, filters = new RowFilters());
        if (_builtFilters.Contains(filterColumn)) return filters;
        filters.Build(batch, groups, filterColumn < 0 ? null : batch.Column(filterColumn));
        _builtFilters.Add(filterColumn);
        return filters;
    }

    /// <summary>
    /// Retractions that reach a group before any row was accumulated into it (its first rows, or after its state expired)
    /// are dropped, as Flink's GroupAggFunction drops them: there is nothing to take them back from.
    /// </summary>
    private void SkipLeadingRetractions(Batch batch, GroupBatch groups, ReadOnlySpan<int> touched, ReadOnlySpan<bool> isNew)
    {
        if (_started.Length < groups.TotalGroups) _started = new bool[Math.Max(groups.TotalGroups, _started.Length * 2)];
        for (int t = 0; t < touched.Length; t++) _started[touched[t]] = !isNew[t];
        var kinds = batch.RowKinds!;
        var rowGroups = groups.Groups;
        for (int i = 0; i < rowGroups.Length; i++)
        {
            int g = rowGroups[i];
            if (g < 0 || _started[g]) continue;
            if (kinds[i].IsRetraction()) groups.SetGroup(i, -1);
            else _started[g] = true;
        }
    }

    /// <summary>Groups not written for longer than the TTL start again empty (Flink's TTL never returns expired state).</summary>
    private void ExpireStale(ReadOnlySpan<int> touched, Span<bool> isNew)
    {
        long now = Context.Clock.NowMicros();
        var columns = _table.Columns;
        for (int t = 0; t < touched.Length; t++)
        {
            if (isNew[t]) continue;
            int g = touched[t];
            if (!_ttl!.IsExpired(g, now)) continue;
            foreach (var column in columns) column.Reset(g);
            isNew[t] = true;
        }
    }

    private static Span<T> Copy<T>(ReadOnlySpan<T> source, ref T[] buffer)
    {
        if (buffer.Length < source.Length) buffer = new T[Math.Max(source.Length, buffer.Length * 2)];
        source.CopyTo(buffer);
        return buffer.AsSpan(0, source.Length);
    }
}
