using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Operators.Windows;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Timers;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>
/// Flink's RowTimeSortOperator for <c>ORDER BY rowtime, ...</c> without LIMIT, and its ProcTimeSortOperator for
/// <c>ORDER BY proctime, ...</c> (<c>ORDER BY proctime</c> alone: rows pass in arrival order). Rows are buffered in a
/// namespaced <see cref="GroupTable"/>, one group per rowtime (the namespace; the key is empty), each group's rows kept in
/// order of the other keys (<see cref="SortKeyEncoder"/> bytes; a later row goes after rows of equal order) in a
/// <see cref="GroupRankBuffers"/> byte string, with an event-time timer per rowtime. When the watermark passes a rowtime its
/// rows are emitted and the group removed. A row is late and dropped when its rowtime is not above the last rowtime emitted
/// (Flink's <c>lastTriggeringTsState</c>), not the watermark: a row behind the watermark but after every row already
/// sorted out is held and comes out at the next watermark, as Flink's timers fire then. On processing time
/// the namespace is the row's processing-time millisecond and its timer a processing-time one at the next millisecond:
/// once the clock has left a millisecond its rows are emitted in the order of the other keys; the end of input emits the
/// rows still held. Timers and the last rowtime emitted are operator state, so all of it is checkpointed and
/// restored.
/// </summary>
public sealed class TemporalSortOperator : StreamOperatorBase, IPeriodicOperator
{
    private const long MillisecondMicros = 1000;

    private readonly TemporalSortSpec _spec;
    private readonly SqlType[] _types;
    private readonly KeySerializer _rowSerializer;
    private readonly SerializedKeys _rows = new();
    private readonly SortKeyEncoder _sortKeys;
    private readonly StateRowWriter _keyBytes = new();
    private readonly StateRowWriter _newBuffer = new();
    private readonly Schema _outputSchema;
    private readonly List<NamespaceTimer> _fired = new();
    private int[] _keyOffsets = new int[257];
    private long[] _namespaces = [];
    private bool[] _onTime = [];
    private GroupTable _table = null!;
    private GroupRankBuffers _buffers = null!;
    private NamespaceTimerService _timers = null!;
    private State.IOperatorListState _lastEmittedState = null!;
    /// <summary>The latest rowtime whose rows were emitted (µs); null before the first.</summary>
    private long? _lastEmitted;

    public TemporalSortOperator(TemporalSortSpec spec, RowSchema inputSchema)
    {
        _spec = spec;
        _types = inputSchema.Fields.Select(f => f.Type).ToArray();
        _rowSerializer = new KeySerializer(Enumerable.Range(0, _types.Length).ToArray());
        _sortKeys = new SortKeyEncoder(spec.ThenBy, _types);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
    }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        if (Buffers)
        {
            _table = context.State.KeyedState.GetGroupTable("temporal-sort", new GroupTableSpec([], Namespaced: true));
            _buffers = _table.AddColumn(epoch => new GroupRankBuffers(epoch));
            _timers = context.State.NamespaceTimers("temporal-sort-timers");
            if (_spec.IsRowtime)
            {
                _lastEmittedState = context.State.OperatorState.GetUnionListState("temporal-sort-last-emitted");
                foreach (var entry in _lastEmittedState.Get())
                    if (entry.Length == 8 && System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(entry) is var time)
                        _lastEmitted = _lastEmitted is { } last ? Math.Max(last, time) : time;
            }
        }
        return base.OpenAsync(context, cancellationToken);
    }

    /// <summary>Whether rows are held (event time, or processing time with other keys); else they pass in arrival order.</summary>
    private bool Buffers => _spec.IsRowtime || _spec.ThenBy.Count > 0;

    private TimeDomain Domain => _spec.IsRowtime ? TimeDomain.EventTime : TimeDomain.ProcessingTime;

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        batch.RequireInsertOnly(_spec.Description);
        if (!Buffers) return output.EmitAsync(batch, cancellationToken);

        var data = batch.Data;
        var times = TimeValues.Micros(data.Column(_spec.TimeColumn));
        if (_namespaces.Length < n)
        {
            _namespaces = new long[n];
            _onTime = new bool[n];
        }
        bool any = false;
        for (int r = 0; r < n; r++)
        {
            if (_spec.IsRowtime)
            {
                _namespaces[r] = times[r];
                _onTime[r] = _lastEmitted is not { } last || times[r] > last;
            }
            else
            {
                // The millisecond of processing time; a row of a millisecond already emitted is emitted at the next poll.
                _namespaces[r] = times[r] - (((times[r] % MillisecondMicros) + MillisecondMicros) % MillisecondMicros);
                _onTime[r] = true;
            }
            any |= _onTime[r];
        }
        if (!any) return default;
        var groups = _table.Resolve(data, [], _namespaces.AsSpan(0, n), default, _onTime.AsSpan(0, n));
        var isNew = groups.TouchedIsNew;
        var firstRows = groups.TouchedFirstRows;
        var touched = groups.Touched;
        long due = _spec.IsRowtime ? 0 : MillisecondMicros;
        for (int i = 0; i < touched.Length; i++)
            if (isNew[i]) _timers.Register(Domain, _namespaces[firstRows[i]] + due, _namespaces[firstRows[i]]);
        _rowSerializer.SerializeBatch(data, _rows);
        _sortKeys.EncodeBatch(data, _keyBytes, ref _keyOffsets);
        var keyBytes = _keyBytes.Written;
        var rowGroups = groups.Groups;
        for (int r = 0; r < n; r++)
        {
            if (!_onTime[r]) continue;
            int g = rowGroups[r];
            Insert(g, keyBytes[_keyOffsets[r].._keyOffsets[r + 1]], _rows[r]);
        }
        return default;
    }

    /// <summary>Writes the group's buffer again with the row after every entry whose key is not greater than its own.</summary>
    private void Insert(int group, ReadOnlySpan<byte> key, ReadOnlySpan<byte> row)
    {
        var buffer = _buffers.HasBuffer(group) ? _buffers.Buffer(group) : ReadOnlySpan<byte>.Empty;
        _newBuffer.Clear();
        int pos = 0;
        bool written = false;
        while (pos < buffer.Length)
        {
            int start = pos;
            var entryKey = Read(buffer, ref pos);
            Read(buffer, ref pos);
            if (!written && entryKey.SequenceCompareTo(key) > 0)
            {
                WriteEntry(key, row);
                written = true;
            }
            _newBuffer.WriteRaw(buffer[start..pos]);
        }
        if (!written) WriteEntry(key, row);
        _buffers.Set(group, _newBuffer.Written);
    }

    private void WriteEntry(ReadOnlySpan<byte> key, ReadOnlySpan<byte> row)
    {
        _newBuffer.WriteBytes(key);
        _newBuffer.WriteBytes(row);
    }

    private static ReadOnlySpan<byte> Read(ReadOnlySpan<byte> buffer, ref int pos)
    {
        int length = (int)VarInt.Read(buffer, ref pos);
        var bytes = buffer.Slice(pos, length);
        pos += length;
        return bytes;
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        if (_spec.IsRowtime) await FireAsync(watermark.Timestamp, output, cancellationToken).ConfigureAwait(false);
        await output.EmitWatermarkAsync(watermark, cancellationToken).ConfigureAwait(false);
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        if (_spec.IsRowtime && _lastEmitted is { } last)
        {
            var entry = new byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(entry, last);
            _lastEmittedState.Update([entry]);
        }
        return base.OnBarrierAsync(barrier, output, cancellationToken);
    }

    public long NextDueMillis => _spec.IsRowtime || !Buffers ? long.MaxValue : _timers.NextProcessingTimeDueMillis(Context.Clock);

    public ValueTask OnPeriodicAsync(long nowMillis, IEmitter output, CancellationToken cancellationToken) =>
        _spec.IsRowtime || !Buffers ? default : FireAsync(Context.Clock.NowMicros(), output, cancellationToken);

    /// <summary>Processing time: the rows still held come out, as the sort would have emitted them a moment later.</summary>
    public override ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken) =>
        _spec.IsRowtime || !Buffers ? default : FireAsync(long.MaxValue, output, cancellationToken);

    /// <summary>Emits the rows of every time whose timer is due at <paramref name="now"/>, in time order, and drops them.</summary>
    private async ValueTask FireAsync(long now, IEmitter output, CancellationToken cancellationToken)
    {
        _fired.Clear();
        _timers.PollDue(Domain, now, _fired);
        if (_fired.Count == 0) return;
        var rows = new RankOutput(_types, false, 64);
        foreach (var timer in _fired)
        {
            foreach (int g in _table.GroupsOf(timer.Namespace))
            {
                if (!_buffers.HasBuffer(g)) continue;
                if (_spec.IsRowtime) _lastEmitted = timer.Namespace;
                var buffer = _buffers.Buffer(g);
                int pos = 0;
                while (pos < buffer.Length)
                {
                    Read(buffer, ref pos);
                    rows.Append(RowKind.Insert, Read(buffer, ref pos), 0);
                }
            }
            _table.RemoveNamespace(timer.Namespace);
        }
        if (rows.Count > 0) await output.EmitAsync(rows.Build(_outputSchema), cancellationToken).ConfigureAwait(false);
    }
}
