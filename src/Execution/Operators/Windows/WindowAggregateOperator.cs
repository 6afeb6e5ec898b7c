using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Timers;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Windows;

/// <summary>
/// A window aggregation over TUMBLE, HOP or CUMULATE windows, phase Single or Global (Flink's <c>SlicingWindowOperator</c>;
/// contract on <see cref="WindowAggregateSpec"/>).
/// <para><b>State</b>: one namespaced group table keyed by (group key, slice end): a row is folded once into its slice's
/// accumulators (Global: the Local phase's partial accumulators are merged into them); a HOP or CUMULATE window merges its
/// slices' accumulators into a scratch namespace when it fires, so no row is copied into several windows. Rows that
/// carry their window (<c>win_start/win_end</c> of a window table function upstream) use the window end as the slice.</para>
/// <para><b>Timers</b>: one per window end for the whole subtask (namespace = window end, not one per key), event time at
/// <c>end - 1</c> in the rows' clock, or processing time for windows over <c>PROCTIME()</c>; a fired timer emits every key
/// of the window as one batch, then drops the slices no later window needs.</para>
/// <para><b>Lateness</b>: a row whose slice's last window already fired (watermark ≥ its end - 1) is dropped and counted
/// (<see cref="JobMetrics.NumLateRecordsDropped"/>); a row of a fired slice that later windows still need goes into it.</para>
/// <para><b>Early and late firings</b> (<see cref="WindowAggregateSpec.Emit"/>, TUMBLE and HOP group windows): a window fires before
/// its end (early) and for rows arriving after it (late) while its state is kept, until the watermark passes its end - 1 +
/// the allowed lateness (a second event-time timer, namespace the window end, cleans it up). A delay of 0 fires the row's
/// key (in every window of the row's slice in that phase; a HOP window merges the key's slices) after each row; a larger one fires the window's changed keys at a processing-time timer (one per window, namespace
/// the window end), registered by the first row after the last such firing. What each key last emitted is kept by
/// <see cref="EmittedWindowResults"/>.</para>
/// </summary>
internal sealed class WindowAggregateOperator : StreamOperatorBase, IPeriodicOperator
{
    /// <summary>The namespace a firing HOP/CUMULATE window merges its slices into (never a slice end).</summary>
    private const long MergeNamespace = long.MinValue;

    private readonly WindowAggregateSpec _spec;
    private readonly RowSchema _input;
    private readonly JobMetrics _metrics;
    private readonly SliceAssigner _assigner;
    private readonly int[] _keyColumns;
    private readonly Schema _outputSchema;
    private readonly bool _eventTime;
    private readonly bool _attached;
    private readonly List<NamespaceTimer> _fired = new();
    private readonly HashSet<long> _registered = new();
    private readonly long[] _slices;
    private GroupTable _table = null!;
    private WindowAccumulators _accumulators = null!;
    private NamespaceTimerService _timers = null!;
    private WatermarkTracker _watermark = null!;
    private WindowClock _clock = null!;
    private long[] _namespaces = new long[256];
    private bool[] _accumulate = new bool[256];
    private bool[] _retract = new bool[256];
    private bool[] _selected = new bool[256];
    private readonly List<int> _from = new();
    private readonly List<int> _into = new();
    private readonly WindowEmit? _emit;
    private readonly long _latenessMicros;
    private readonly HashSet<long> _pendingFirings = new();
    private readonly List<int> _eachRow = new();
    private EmittedWindowResults? _results;

    public WindowAggregateOperator(WindowAggregateSpec spec, RowSchema input, JobMetrics metrics)
    {
        if (spec.Phase == AggregatePhase.Local) throw new ArgumentException("the Local phase runs in LocalWindowAggregateOperator", nameof(spec));
        _spec = spec;
        _input = input;
        _metrics = metrics;
        _assigner = SliceAssigner.For(spec.Window);
        _keyColumns = spec.GroupKeys.ToArray();
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _eventTime = spec.Windowing.IsEventTime;
        _attached = spec.Windowing is WindowAttachedWindowing;
        _slices = new long[Math.Max(1, _assigner.SlicesPerWindow) + 1];
        _emit = spec.Emit;
        _latenessMicros = (spec.Emit?.AllowLatenessMillis ?? 0) * 1000;
        if (_emit is not null && (_attached || spec.Window is not (TumbleWindow or HopWindow)))
            throw new ArgumentException("early and late firings run on TUMBLE and HOP group windows only", nameof(spec));
    }

    /// <summary>Late rows this subtask dropped.</summary>
    public long LateRecordsDropped { get; private set; }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var keyTypes = _keyColumns.Select(k => _input[k].Type).ToList();
        _table = context.State.KeyedState.GetGroupTable("window-aggregate", new GroupTableSpec(keyTypes, Namespaced: true));
        _accumulators = WindowAccumulators.Create(_spec, _input, _table, retracting: _spec.InputChangelog != ChangelogMode.InsertOnly);
        _timers = context.State.NamespaceTimers("window-timers");
        _watermark = context.State.Watermark();
        if (_emit is not null)
        {
            _results = new EmittedWindowResults(_table, _accumulators, _spec.Calls.Count);
            // An event-time window's processing-time timers are its pending early or late firings; a processing-time
            // window's also fire it on time, so after a restore it may get a second early firing (which emits only changes).
            if (_eventTime)
                foreach (long window in _timers.Namespaces(TimeDomain.ProcessingTime)) _pendingFirings.Add(window);
        }
        string? zone = _spec.Windowing.AlignmentZone;
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
            _accumulate = new bool[n];
            _retract = new bool[n];
        }
        AssignSlices(batch);
        var kinds = batch.RowKinds;
        bool anyRetract = false;
        long late = 0;
        long lastSlice = long.MinValue;
        for (int i = 0; i < n; i++)
        {
            if (!_accumulate[i]) continue;
            long slice = _namespaces[i];
            long fireAt = _clock.LastInstantBefore(_attached ? slice : _assigner.LastWindowEnd(slice));
            if (_eventTime && _watermark.IsLate(fireAt + _latenessMicros))
            {
                _accumulate[i] = false;
                late++;
                continue;
            }
            if (slice != lastSlice)
            {
                Register(slice);
                lastSlice = slice;
            }
            if (kinds is not null && kinds[i].IsRetraction())
            {
                _accumulate[i] = false;
                _retract[i] = true;
                anyRetract = true;
            }
            if (_emit is not null && ScheduleFirings(slice))
            {
                // Fired on its own below, after the rest of the batch: accumulated one row at a time.
                _eachRow.Add(i);
                _accumulate[i] = false;
                _retract[i] = false;
            }
        }
        if (late > 0)
        {
            LateRecordsDropped += late;
            _metrics.AddLateRecordsDropped(late);
        }
        var selection = _accumulate.AsSpan(0, n);
        if (anyRetract || _eachRow.Count > 0)
        {
            if (_selected.Length < n) _selected = new bool[Math.Max(n, _accumulate.Length)];
            for (int i = 0; i < n; i++) _selected[i] = _accumulate[i] || _retract[i];
            foreach (int i in _eachRow) _selected[i] = true;
            selection = _selected.AsSpan(0, n);
        }
        var groups = _table.Resolve(batch.Data, _keyColumns, _namespaces.AsSpan(0, n), selection: selection);
        _accumulators.Update(batch, groups.Groups, _accumulate.AsSpan(0, n), anyRetract ? _retract.AsSpan(0, n) : default);
        if (anyRetract) _retract.AsSpan(0, n).Clear();
        if (_eachRow.Count == 0) return default;
        return FireEachRowAsync(batch, groups.Groups.ToArray(), output, cancellationToken);
    }

    /// <summary>With early or late firings: whether a row of <paramref name="slice"/> fires its key on its own (a delay of 0
    /// for one of the slice's windows); schedules the firing of those with a larger delay.</summary>
    private bool ScheduleFirings(long slice)
    {
        bool eachRow = false;
        long last = _assigner.LastWindowEnd(slice);
        for (long end = _assigner.FirstWindowEnd(slice); end <= last; end = _assigner.NextSliceEnd(end))
        {
            if (FiringDelay(end) is not { } millis) continue;
            if (millis == 0) eachRow = true;
            else if (_pendingFirings.Add(end)) _timers.Register(TimeDomain.ProcessingTime, Context.Clock.NowMicros() + millis * 1000, end);
        }
        return eachRow;
    }

    /// <summary>The delay of the firing a row of the window ending at <paramref name="windowEnd"/> causes: late firing's once
    /// the window fired on time, early firing's before; null when there is none (or the window is gone).</summary>
    private long? FiringDelay(long windowEnd)
    {
        long at = _clock.LastInstantBefore(windowEnd);
        if (_eventTime && _watermark.IsLate(at + _latenessMicros)) return null;
        return _eventTime && _watermark.IsLate(at) ? _emit!.LateFireDelayMillis : _emit!.EarlyFireDelayMillis;
    }

    /// <summary>Folds each row of <see cref="_eachRow"/> into its group and fires that group's window for it, in row order
    /// (Flink's <c>ElementTriggers.every</c>: one firing per row).</summary>
    private async ValueTask FireEachRowAsync(Batch batch, int[] groups, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        var kinds = batch.RowKinds;
        try
        {
            foreach (int i in _eachRow)
            {
                bool retract = kinds is not null && kinds[i].IsRetraction();
                (retract ? _retract : _accumulate)[i] = true;
                _accumulators.Update(batch, groups, _accumulate.AsSpan(0, n), retract ? _retract.AsSpan(0, n) : default);
                _accumulate[i] = false;
                _retract[i] = false;
                _table.MarkUsed(groups[i]);
                long slice = _namespaces[i];
                long last = _assigner.LastWindowEnd(slice);
                for (long end = _assigner.FirstWindowEnd(slice); end <= last; end = _assigner.NextSliceEnd(end))
                    if (FiringDelay(end) == 0) await FireKeyAsync(end, groups[i], output, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _eachRow.Clear();
        }
    }

    /// <summary>Emits the results of <paramref name="groups"/> (of window <paramref name="windowEnd"/>) that hold rows: as
    /// <c>+I</c> rows, or with early and late firings the changes since each key's last result.</summary>
    private async ValueTask FireGroupsAsync(long windowEnd, int[] groups, IEmitter output, CancellationToken cancellationToken)
    {
        groups = _accumulators.NonEmpty(groups);
        if (groups.Length == 0) return;
        if (_results is null)
        {
            await EmitAsync(groups, windowEnd, null, output, cancellationToken).ConfigureAwait(false);
            return;
        }
        _results.Plan(windowEnd, groups, out var order, out var kinds);
        if (order.Length > 0) await EmitAsync(order, windowEnd, kinds, output, cancellationToken).ConfigureAwait(false);
        _results.Remember(windowEnd, groups);
    }

    /// <summary>Each row's slice end (window clock) in <see cref="_namespaces"/>; <see cref="_accumulate"/> false for rows
    /// without a time.</summary>
    private void AssignSlices(Batch batch)
    {
        int n = batch.Length;
        switch (_spec.Windowing)
        {
            case SliceAttachedWindowing s:
            {
                var ends = (Int64Array)batch.Column(s.SliceEndColumn);
                for (int i = 0; i < n; i++)
                {
                    _namespaces[i] = ends.GetValue(i) ?? 0;
                    _accumulate[i] = true;
                }
                return;
            }
            case WindowAttachedWindowing w:
                ReadTimes(batch.Column(w.EndColumn), n, end: true);
                return;
            case TimeAttributeWindowing t when !t.IsEventTime:
            {
                long slice = _assigner.SliceEnd(_clock.ToWindow(Context.Clock.NowMicros()));
                _namespaces.AsSpan(0, n).Fill(slice);
                _accumulate.AsSpan(0, n).Fill(true);
                return;
            }
            case TimeAttributeWindowing t:
                ReadTimes(batch.Column(t.TimeColumn), n, end: false);
                return;
        }
    }

    private void ReadTimes(IArrowArray column, int n, bool end)
    {
        var values = TimeValues.Micros(column);
        for (int i = 0; i < n; i++)
        {
            bool valid = column.IsValid(i);
            _accumulate[i] = valid;
            if (!valid) continue;
            // A carried window_end is already on the window clock; a time attribute is an instant (LTZ) or wall time.
            _namespaces[i] = end ? values[i] : _assigner.SliceEnd(_clock.ToWindow(values[i]));
        }
    }

    /// <summary>Timers for every window end the slice belongs to that has not fired yet.</summary>
    private void Register(long slice)
    {
        if (!_registered.Add(slice)) return;
        var domain = _eventTime ? TimeDomain.EventTime : TimeDomain.ProcessingTime;
        long last = _attached ? slice : _assigner.LastWindowEnd(slice);
        for (long end = _attached ? slice : _assigner.FirstWindowEnd(slice); end <= last; end = _assigner.NextSliceEnd(end))
        {
            long at = _clock.LastInstantBefore(end);
            // The window's state is kept for late rows until its cleanup timer.
            if (_eventTime && _latenessMicros > 0) _timers.Register(domain, at + _latenessMicros, end);
            if (_eventTime && _watermark.IsLate(at)) continue;
            _timers.Register(domain, at, end);
        }
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        _watermark.Advance(watermark.Timestamp);
        if (_eventTime)
        {
            _fired.Clear();
            _timers.PollDue(TimeDomain.EventTime, watermark.Timestamp, _fired);
            foreach (var timer in _fired)
            {
                if (_latenessMicros > 0 && timer.Timestamp != _clock.LastInstantBefore(timer.Namespace)) CleanUp(timer.Namespace);
                else await FireAsync(timer.Namespace, output, cancellationToken).ConfigureAwait(false);
            }
        }
        await output.EmitWatermarkAsync(watermark, cancellationToken).ConfigureAwait(false);
    }

    public long NextDueMillis => (_eventTime && _emit is null) || _timers is null ? long.MaxValue : _timers.NextProcessingTimeDueMillis(Context.Clock);

    public async ValueTask OnPeriodicAsync(long nowMillis, IEmitter output, CancellationToken cancellationToken)
    {
        _fired.Clear();
        _timers.PollDue(TimeDomain.ProcessingTime, Context.Clock.NowMicros(), _fired);
        foreach (var timer in _fired)
        {
            long window = timer.Namespace;
            if (_emit is not null && (_eventTime || timer.Timestamp != _clock.LastInstantBefore(window)))
            {
                _pendingFirings.Remove(window);
                await FireWindowAsync(window, output, cancellationToken).ConfigureAwait(false);
            }
            else await FireAsync(window, output, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Emits the window ending at <paramref name="windowEnd"/> for every key that has rows in it, then drops the
    /// slices no later window needs.</summary>
    private async ValueTask FireAsync(long windowEnd, IEmitter output, CancellationToken cancellationToken)
    {
        await FireWindowAsync(windowEnd, output, cancellationToken).ConfigureAwait(false);
        // With late firings the window is kept for late rows until its cleanup timer (end - 1 + allowed lateness).
        if (!_eventTime || _latenessMicros == 0) CleanUp(windowEnd);
    }

    /// <summary>Fires every key of the window ending at <paramref name="windowEnd"/>: its slice's groups, or for a HOP or
    /// CUMULATE window its slices' accumulators merged into the scratch namespace (one slice with rows: that slice's).</summary>
    private async ValueTask FireWindowAsync(long windowEnd, IEmitter output, CancellationToken cancellationToken)
    {
        if (_attached || !_assigner.MergesSlices)
        {
            var groups = _table.GroupsOf(windowEnd).ToArray();
            if (groups.Length > 0) await FireGroupsAsync(windowEnd, groups, output, cancellationToken).ConfigureAwait(false);
            return;
        }
        int sliceCount = _assigner.SlicesOf(windowEnd, _slices);
        int[]? merged = null;
        int withRows = 0;
        long only = 0;
        for (int s = 0; s < sliceCount; s++)
            if (_table.GroupsOf(_slices[s]).Length > 0)
            {
                withRows++;
                only = _slices[s];
            }
        if (withRows == 1)
            merged = _table.GroupsOf(only).ToArray();
        else if (withRows > 1)
        {
            for (int s = 0; s < sliceCount; s++) MergeSlice(_slices[s]);
            merged = _table.GroupsOf(MergeNamespace).ToArray();
        }
        if (merged is { Length: > 0 }) await FireGroupsAsync(windowEnd, merged, output, cancellationToken).ConfigureAwait(false);
        if (withRows > 1) _table.RemoveNamespace(MergeNamespace);
    }

    /// <summary>Fires one key of the window ending at <paramref name="windowEnd"/>, given its group in one of the window's
    /// slices (a HOP window merges the key's groups of all its slices first).</summary>
    private async ValueTask FireKeyAsync(long windowEnd, int group, IEmitter output, CancellationToken cancellationToken)
    {
        if (!_assigner.MergesSlices)
        {
            await FireGroupsAsync(windowEnd, [group], output, cancellationToken).ConfigureAwait(false);
            return;
        }
        int target = _table.FindOrAddSameKey(group, MergeNamespace, out _);
        int sliceCount = _assigner.SlicesOf(windowEnd, _slices);
        for (int s = 0; s < sliceCount; s++)
        {
            int part = _table.FindSameKey(group, _slices[s]);
            if (part >= 0) _accumulators.Merge([part], [target]);
        }
        await FireGroupsAsync(windowEnd, [target], output, cancellationToken).ConfigureAwait(false);
        _table.RemoveNamespace(MergeNamespace);
    }

    /// <summary>Drops what no row can change any more once the window ending at <paramref name="windowEnd"/> is done: its
    /// kept results, and its slice (TUMBLE) or the slices no later window needs.</summary>
    private void CleanUp(long windowEnd)
    {
        _results?.Forget(windowEnd);
        if (_attached || !_assigner.MergesSlices)
        {
            _table.RemoveNamespace(windowEnd);
            _registered.Remove(windowEnd);
            return;
        }
        int expired = _assigner.ExpiredSlices(windowEnd, _slices);
        for (int s = 0; s < expired; s++)
        {
            _table.RemoveNamespace(_slices[s]);
            _registered.Remove(_slices[s]);
        }
    }

    /// <summary>Folds every group of a slice into the same key's group of the scratch namespace.</summary>
    private void MergeSlice(long slice)
    {
        var groups = _table.GroupsOf(slice).ToArray();
        if (groups.Length == 0) return;
        _from.Clear();
        _into.Clear();
        foreach (int g in groups)
        {
            int target = _table.FindOrAddSameKey(g, MergeNamespace, out _);
            _table.MarkUsed(target);
            _from.Add(g);
            _into.Add(target);
        }
        _accumulators.Merge(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_from), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_into));
    }

    /// <summary>One row per group of <paramref name="groups"/> (which hold rows), of the given kinds (null: inserts).</summary>
    private async ValueTask EmitAsync(int[] groups, long windowEnd, RowKind[]? kinds, IEmitter output, CancellationToken cancellationToken)
    {
        var columns = new List<IArrowArray>(_outputSchema.FieldsList.Count);
        columns.AddRange(_table.KeyColumns(groups));
        _accumulators.Evaluate(groups, columns);
        int n = groups.Length;
        foreach (var property in _spec.Properties)
        {
            var type = _spec.OutputSchema[columns.Count].Type;
            long value = property switch
            {
                WindowProperty.Start => _assigner.WindowStart(windowEnd),
                WindowProperty.End => windowEnd,
                WindowProperty.RowTime => _clock.WindowTime(windowEnd),
                WindowProperty.ProcTime => Context.Clock.NowMicros() / 1000 * 1000, // processing time is in ms, as Flink's
                _ => windowEnd,
            };
            columns.Add(ResultArrays.Repeated(type, value, n));
        }
        await output.EmitAsync(new Batch(new RecordBatch(_outputSchema, columns, n), kinds), cancellationToken).ConfigureAwait(false);
    }

}
