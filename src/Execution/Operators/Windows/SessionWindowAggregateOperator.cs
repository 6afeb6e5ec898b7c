using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Operators.Rank;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Timers;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Windows;

/// <summary>
/// A window aggregation over SESSION windows, phase Single (Flink's <c>WindowOperator</c> with a merging
/// <c>SessionWindowAssigner</c> for the group window, its <c>UnsliceWindowAggProcessor</c> for the window table function).
/// Per key a row opens the session <c>[ts, ts + gap)</c>; sessions that overlap or touch it merge into one (a late,
/// out-of-order row may bridge two: their accumulators merge). A session fires once, when the watermark reaches its
/// <c>end - 1</c> (processing time: the clock passes it), emitting <c>+I</c> rows with <c>window_start</c> = its first
/// row's time, <c>window_end</c> = its last row's time + gap and <c>window_time</c> = <c>window_end - 1 ms</c>.
/// <para><b>State</b>: two group tables. <c>session-windows</c>, keyed by (group key, session id), holds each session's
/// accumulators and bounds (<see cref="SessionBounds"/>); the id is the time of the row that opened it floored to a
/// width w ≤ gap (two rows less than the gap apart cannot open two sessions of one key — the second would touch the first —
/// so a key's open sessions have distinct ids) and stays when the session grows or absorbs others.
/// <c>session-keys</c>, keyed by group key, lists each key's open session ids (<see cref="SessionIds"/>, Flink's
/// <c>MergingWindowSet</c>). Both are snapshot per key group, so they restore into either backend at any parallelism.</para>
/// <para><b>Timers</b>: subtask timers by (time, session id), registered when a session opens at its first end; when one
/// fires, the sessions with that id whose end is due emit and are dropped, and those that grew since re-register at
/// their current end, so a row that only extends a session touches no timer.</para>
/// <para>Over an updating input (the group window), a <c>-U</c>/<c>-D</c> row finds its session as an insert does and
/// retracts from it; a session left with no rows emits nothing when it fires (Flink's <c>RecordCounter</c>).</para>
/// <para><b>Lateness</b>: a row whose session (after merging) would already have fired (watermark ≥ its end - 1) is
/// dropped and counted (<see cref="JobMetrics.NumLateRecordsDropped"/>).</para>
/// <para><b>Rows</b> (<see cref="WindowAggregateSpec.EmitsRows"/>, a SESSION window table function read without aggregation,
/// Flink's <c>UnalignedWindowTableFunctionOperator</c>): instead of accumulators each session keeps its rows
/// (<see cref="GroupRankBuffers"/>: every column, length-prefixed, in arrival order; a merged session's rows follow the kept
/// one's), and when it fires emits them with its <c>window_start</c>, <c>window_end</c> and <c>window_time</c> appended.
/// The input must be insert-only.</para>
/// </summary>
internal sealed class SessionWindowAggregateOperator : StreamOperatorBase, IPeriodicOperator
{
    /// <summary>Session ids are the opening row's time floored to this (or the gap when shorter): sessions opened in the
    /// same second share timers' namespaces, so firing scans few namespaces (with rocksdb each scan seeks every key group).</summary>
    private const long MaxIdWidth = 1_000_000;

    private readonly WindowAggregateSpec _spec;
    private readonly RowSchema _input;
    private readonly JobMetrics _metrics;
    private readonly int[] _keyColumns;
    private readonly Schema _outputSchema;
    private readonly bool _eventTime;
    private readonly long _gap;
    private readonly long _idWidth;
    private readonly TimeAttributeWindowing _windowing;
    private readonly List<NamespaceTimer> _fired = new();
    private readonly HashSet<long> _firedIds = new();
    private readonly List<int> _due = new();
    private readonly List<int> _empty = new();
    private readonly List<int> _merged = new();
    private readonly int[] _one = new int[1];
    private readonly int[] _target = new int[1];
    private GroupTable _sessions = null!;
    private GroupTable _keys = null!;
    private SessionBounds _bounds = null!;
    private SessionIds _ids = null!;
    private WindowAccumulators _accumulators = null!;
    private NamespaceTimerService _timers = null!;
    private WatermarkTracker _watermark = null!;
    private WindowClock _clock = null!;
    private int[] _groups = new int[256];
    private long[] _times = new long[256];
    private bool[] _accumulate = new bool[256];
    private bool[] _retract = new bool[256];
    private bool[] _late = new bool[256];
    private byte[] _key = new byte[64];
    private readonly KeySerializer? _rowSerializer;
    private readonly KeyDecoder? _rowDecoder;
    private readonly SerializedKeys _serializedRows = new();
    private readonly StateRowWriter _writer = new();
    private GroupRankBuffers? _rows;

    public SessionWindowAggregateOperator(WindowAggregateSpec spec, RowSchema input, JobMetrics metrics)
    {
        if (spec.Window is not SessionWindow session) throw new ArgumentException("not a SESSION window", nameof(spec));
        if (spec.Phase != AggregatePhase.Single) throw new ArgumentException("SESSION windows aggregate in one phase", nameof(spec));
        _windowing = spec.Windowing as TimeAttributeWindowing
            ?? throw new ArgumentException($"SESSION windows take the time attribute, not {spec.Windowing.GetType().Name}", nameof(spec));
        _spec = spec;
        _input = input;
        _metrics = metrics;
        _keyColumns = spec.GroupKeys.ToArray();
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _eventTime = spec.Windowing.IsEventTime;
        _gap = session.Gap.Ticks / TimeSpan.TicksPerMicrosecond;
        _idWidth = Math.Max(1, Math.Min(_gap, MaxIdWidth));
        if (spec.EmitsRows)
        {
            _rowSerializer = new KeySerializer(Enumerable.Range(0, input.Count).ToArray());
            _rowDecoder = new KeyDecoder(input.Fields.Select(f => f.Type).ToArray());
        }
    }

    /// <summary>Late rows this subtask dropped.</summary>
    public long LateRecordsDropped { get; private set; }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var keyTypes = _keyColumns.Select(k => _input[k].Type).ToList();
        _sessions = context.State.KeyedState.GetGroupTable("session-windows", new GroupTableSpec(keyTypes, Namespaced: true));
        _accumulators = WindowAccumulators.Create(_spec, _input, _sessions, retracting: _spec.InputChangelog != ChangelogMode.InsertOnly);
        _bounds = _sessions.AddColumn(epoch => new SessionBounds(epoch));
        if (_spec.EmitsRows) _rows = _sessions.AddColumn(epoch => new GroupRankBuffers(epoch));
        _keys = context.State.KeyedState.GetGroupTable("session-keys", new GroupTableSpec(keyTypes));
        _ids = _keys.AddColumn(epoch => new SessionIds(epoch));
        _timers = context.State.NamespaceTimers("session-timers");
        _watermark = context.State.Watermark();
        _clock = new WindowClock(_windowing.TimeZone is null ? null : SessionTimeZone.Resolve(_windowing.TimeZone));
        return base.OpenAsync(context, cancellationToken);
    }

    private TimeDomain Domain => _eventTime ? TimeDomain.EventTime : TimeDomain.ProcessingTime;

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        if (_rows is not null) batch.RequireInsertOnly(_spec.Description);
        Grow(n);
        ReadTimes(batch, n);
        _sessions.TrimCache();
        var keyGroups = _keys.Resolve(batch.Data, _keyColumns, selection: _accumulate.AsSpan(0, n)).Groups;
        var kinds = batch.RowKinds;
        bool anyRetract = false;
        bool anyLate = false;
        long late = 0;
        for (int i = 0; i < n; i++)
        {
            _groups[i] = -1;
            if (!_accumulate[i]) continue;
            int key = keyGroups[i];
            if (!Assign(key, i))
            {
                _accumulate[i] = false;
                _late[i] = true;
                anyLate = true;
                late++;
                continue;
            }
            if (kinds is not null && kinds[i].IsRetraction())
            {
                _accumulate[i] = false;
                _retract[i] = true;
                anyRetract = true;
                _bounds.Rows(_groups[i])--;
            }
            else _bounds.Rows(_groups[i])++;
        }
        if (anyLate)
        {
            // A late row of a key without open sessions leaves no empty list behind.
            for (int i = 0; i < n; i++)
                if (_late[i])
                {
                    _late[i] = false;
                    if (_keys.IsLive(keyGroups[i]) && _ids.First(keyGroups[i]) < 0) _keys.Remove(keyGroups[i]);
                }
            LateRecordsDropped += late;
            _metrics.AddLateRecordsDropped(late);
        }
        _accumulators.Update(batch, _groups.AsSpan(0, n), _accumulate.AsSpan(0, n), anyRetract ? _retract.AsSpan(0, n) : default);
        if (anyRetract) _retract.AsSpan(0, n).Clear();
        if (_rows is not null) BufferRows(batch, n);
        return default;
    }

    /// <summary>Appends the assigned rows of the batch to their sessions' row buffers, in arrival order.</summary>
    private void BufferRows(Batch batch, int n)
    {
        _rowSerializer!.SerializeBatch(batch.Data, _serializedRows);
        var order = new long[n];
        int kept = 0;
        for (int i = 0; i < n; i++)
            if (_accumulate[i]) order[kept++] = ((long)_groups[i] << 32) | (uint)i;
        System.Array.Sort(order, 0, kept);
        for (int k = 0; k < kept;)
        {
            int g = (int)(order[k] >> 32);
            _writer.Clear();
            if (_rows!.HasBuffer(g)) _writer.WriteRaw(_rows.Buffer(g));
            for (; k < kept && (int)(order[k] >> 32) == g; k++) _writer.WriteBytes(_serializedRows[(int)order[k]]);
            _rows.Set(g, _writer.Written);
        }
    }

    private void Grow(int n)
    {
        if (_groups.Length >= n) return;
        _groups = new int[n];
        _times = new long[n];
        _accumulate = new bool[n];
        _retract = new bool[n];
        _late = new bool[n];
    }

    /// <summary>Each row's time on the window clock in <see cref="_times"/>; <see cref="_accumulate"/> false for rows
    /// without one. Processing time: the clock's now, for every row.</summary>
    private void ReadTimes(Batch batch, int n)
    {
        if (!_eventTime)
        {
            _times.AsSpan(0, n).Fill(_clock.ToWindow(Context.Clock.NowMicros()));
            _accumulate.AsSpan(0, n).Fill(true);
            return;
        }
        var column = batch.Column(_windowing.TimeColumn);
        var values = TimeValues.Micros(column);
        for (int i = 0; i < n; i++)
        {
            bool valid = column.IsValid(i);
            _accumulate[i] = valid;
            if (valid) _times[i] = _clock.ToWindow(values[i]);
        }
    }

    /// <summary>
    /// Puts row <paramref name="row"/> into its key's session (Flink's <c>MergingWindowSet.addWindow</c>): the new window
    /// <c>[ts, ts + gap)</c> absorbs every open session it overlaps or touches — they become one, under the first one's id —
    /// or opens a new session. Returns false for a late row (a new session that would already have fired).
    /// </summary>
    private bool Assign(int key, int row)
    {
        long ts = _times[row];
        long windowEnd = ts + _gap;
        var keyBytes = _keys.KeyOf(key);
        int keyGroup = _keys.KeyGroupOf(key);
        int keep = -1;
        long start = ts, end = windowEnd;
        _merged.Clear();
        for (int e = _ids.First(key); e >= 0; e = _ids.Next(e))
        {
            long id = _ids.Id(e);
            int g = _sessions.Find(keyBytes, keyGroup, id);
            if (g < 0) throw new InvalidOperationException($"session window state is inconsistent: key has session {id} without its group");
            long s = _bounds.Start(g), en = _bounds.End(g);
            if (s > windowEnd || en < ts) continue;
            start = Math.Min(start, s);
            end = Math.Max(end, en);
            if (keep < 0) keep = g;
            else _merged.Add(g);
        }
        if (keep < 0)
        {
            if (_eventTime && _watermark.IsLate(_clock.LastInstantBefore(windowEnd))) return false;
            if (_key.Length < keyBytes.Length) _key = new byte[Math.Max(keyBytes.Length, _key.Length * 2)];
            keyBytes.CopyTo(_key);
            long id = ts - (ts % _idWidth + _idWidth) % _idWidth;
            int created = _sessions.FindOrAdd(_key.AsSpan(0, keyBytes.Length), keyGroup, id, out _);
            _bounds.Set(created, ts, windowEnd);
            _keys.MarkUsed(key);
            _ids.Add(key, id);
            _timers.Register(Domain, _clock.LastInstantBefore(windowEnd), id);
            _groups[row] = created;
            return true;
        }
        _sessions.MarkUsed(keep);
        _bounds.Set(keep, start, end);
        if (_merged.Count > 0) Merge(key, keep, row);
        _groups[row] = keep;
        return true;
    }

    /// <summary>Folds the sessions in <see cref="_merged"/> into <paramref name="keep"/>: their accumulators merge, their
    /// groups and ids go, and earlier rows of this batch assigned to them now go to the kept session (before a later row
    /// may reuse a removed group's index).</summary>
    private void Merge(int key, int keep, int row)
    {
        _keys.MarkUsed(key);
        _target[0] = keep;
        foreach (int g in _merged)
        {
            long id = _sessions.NamespaceOf(g);
            _one[0] = g;
            _accumulators.Merge(_one, _target);
            _bounds.Rows(keep) += _bounds.Rows(g);
            if (_rows is not null && _rows.HasBuffer(g))
            {
                _writer.Clear();
                if (_rows.HasBuffer(keep)) _writer.WriteRaw(_rows.Buffer(keep));
                _writer.WriteRaw(_rows.Buffer(g));
                _rows.Set(keep, _writer.Written);
            }
            _sessions.Remove(g);
            _ids.Remove(key, id);
            for (int j = 0; j < row; j++)
                if (_groups[j] == g) _groups[j] = keep;
        }
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        _watermark.Advance(watermark.Timestamp);
        if (_eventTime) await FireAsync(watermark.Timestamp, output, cancellationToken).ConfigureAwait(false);
        await output.EmitWatermarkAsync(watermark, cancellationToken).ConfigureAwait(false);
    }

    public long NextDueMillis => _eventTime || _timers is null ? long.MaxValue : _timers.NextProcessingTimeDueMillis(Context.Clock);

    public ValueTask OnPeriodicAsync(long nowMillis, IEmitter output, CancellationToken cancellationToken) =>
        FireAsync(Context.Clock.NowMicros(), output, cancellationToken);

    /// <summary>Emits every session due at <paramref name="time"/> (rows' clock) as one batch and drops it; sessions whose
    /// timer fired but which grew since re-register at their current end.</summary>
    private async ValueTask FireAsync(long time, IEmitter output, CancellationToken cancellationToken)
    {
        _fired.Clear();
        if (_timers.PollDue(Domain, time, _fired) == 0) return;
        _firedIds.Clear();
        _due.Clear();
        _empty.Clear();
        foreach (var timer in _fired)
        {
            if (!_firedIds.Add(timer.Namespace)) continue;
            foreach (int g in _sessions.GroupsOf(timer.Namespace))
            {
                long at = _clock.LastInstantBefore(_bounds.End(g));
                if (at > time) _timers.Register(Domain, at, timer.Namespace);
                else if (_bounds.Rows(g) != 0) _due.Add(g);
                else _empty.Add(g);
            }
        }
        if (_due.Count > 0)
        {
            var due = CollectionsMarshal.AsSpan(_due);
            await output.EmitAsync(_rows is null ? Results(due) : Rows(due), cancellationToken).ConfigureAwait(false);
        }
        Drop(_due);
        Drop(_empty);
    }

    /// <summary>Removes fired sessions, and their keys' entries when no session is left.</summary>
    private void Drop(List<int> sessions)
    {
        foreach (int g in CollectionsMarshal.AsSpan(sessions))
        {
            var keyBytes = _sessions.KeyOf(g);
            int key = _keys.Find(keyBytes, _sessions.KeyGroupOf(g));
            if (key >= 0)
            {
                _keys.MarkUsed(key);
                _ids.Remove(key, _sessions.NamespaceOf(g));
                if (_ids.First(key) < 0) _keys.Remove(key);
            }
            _sessions.Remove(g);
        }
    }

    /// <summary>The buffered rows of the sessions <paramref name="groups"/>, each followed by its session's
    /// <c>window_start</c>, <c>window_end</c> and <c>window_time</c>.</summary>
    private Batch Rows(ReadOnlySpan<int> groups)
    {
        var builders = new ColumnBuilder[_input.Count];
        for (int c = 0; c < builders.Length; c++) builders[c] = ColumnBuilder.Create(_input[c].Type);
        var starts = new List<long>();
        var ends = new List<long>();
        var times = new List<long>();
        foreach (int g in groups)
        {
            long start = _bounds.Start(g), end = _bounds.End(g), time = _clock.WindowTime(end);
            var reader = new StateRowReader(_rows!.Buffer(g));
            while (!reader.AtEnd)
            {
                _rowDecoder!.DecodeInto(reader.ReadBytes(), builders);
                starts.Add(start);
                ends.Add(end);
                times.Add(time);
            }
        }
        var columns = new List<IArrowArray>(_outputSchema.FieldsList.Count);
        foreach (var builder in builders) columns.Add(builder.Build());
        int first = builders.Length;
        columns.Add(ResultArrays.Integers(_spec.OutputSchema[first].Type, starts.ToArray(), default));
        columns.Add(ResultArrays.Integers(_spec.OutputSchema[first + 1].Type, ends.ToArray(), default));
        columns.Add(ResultArrays.Integers(_spec.OutputSchema[first + 2].Type, times.ToArray(), default));
        return new Batch(new RecordBatch(_outputSchema, columns, starts.Count));
    }

    /// <summary>The output rows of the sessions <paramref name="groups"/>: keys, aggregates, then window properties.</summary>
    private Batch Results(ReadOnlySpan<int> groups)
    {
        var columns = new List<IArrowArray>(_outputSchema.FieldsList.Count);
        columns.AddRange(_sessions.KeyColumns(groups));
        _accumulators.Evaluate(groups, columns);
        int n = groups.Length;
        long now = _spec.Properties.Contains(WindowProperty.ProcTime) ? Context.Clock.NowMicros() / 1000 * 1000 : 0; // processing time is in ms, as Flink's
        foreach (var property in _spec.Properties)
        {
            var type = _spec.OutputSchema[columns.Count].Type;
            var values = new long[n];
            for (int i = 0; i < n; i++)
                values[i] = property switch
                {
                    WindowProperty.Start => _bounds.Start(groups[i]),
                    WindowProperty.End => _bounds.End(groups[i]),
                    WindowProperty.RowTime => _clock.WindowTime(_bounds.End(groups[i])),
                    WindowProperty.ProcTime => now,
                    _ => _bounds.End(groups[i]),
                };
            columns.Add(ResultArrays.Integers(type, values, default));
        }
        return new Batch(new RecordBatch(_outputSchema, columns, n));
    }
}
