using Apache.Arrow;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Operators.Rank;
using StreamSql.Execution.Operators.Windows;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Timers;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Over;

/// <summary>
/// Flink's OVER aggregate functions (RowTimeRowsBoundedPrecedingFunction, RowTimeRangeBoundedPrecedingFunction,
/// RowTimeRangeUnboundedPrecedingFunction, ProcTimeRowsBoundedPrecedingFunction, ProcTimeUnboundedPrecedingFunction) in
/// one operator. Per partition (a <see cref="GroupTable"/> keyed by the PARTITION BY columns, so it checkpoints in key
/// groups and rescales) one accumulator per call holds the frame's aggregate; a bounded frame also keeps the frame's rows
/// (time and argument values, <see cref="GroupRankBuffers"/>) to retract them when they leave it.
/// <para>Event time: a row is buffered in a second table namespaced by the second of its rowtime (time and row per
/// entry), with an event-time timer at its rowtime. An unbounded frame drops a row at or below the watermark on arrival
/// (Flink's AbstractRowTimeUnboundedPrecedingOver); a bounded one drops a row at or below its partition's last fired time
/// (<see cref="OverTriggerTimes"/>, Flink's <c>lastTriggeringTsState</c>), so a row behind the watermark but after every
/// row its partition has emitted is kept and fires with the next watermark. A bounded RANGE frame also clears a partition
/// whose rows are all older than 1.5 times the interval (Flink's event-time cleanup timer at the last row's time plus 1.5
/// intervals plus 1 ms), after which the partition starts over, late rows included: the cleanup is a marker entry (an
/// empty row) in the buffer of its time. When the watermark passes timers, the buckets of the due timers are read once
/// each, their rows at or below the watermark are processed in time order and leave as one batch. Processing time: a
/// batch's rows are processed on arrival.</para>
/// <para>The accumulators work on whole arrays in rounds: round j holds step j of every partition with due rows, a step
/// being one row (ROWS: each row sees the rows before it) or all rows of one time (RANGE: peers get the same value).
/// Each round retracts the rows leaving the frames, folds its rows in and evaluates its partitions once. Rows leave in
/// round order: in time order within a partition.</para>
/// </summary>
public sealed class OverAggregateOperator : StreamOperatorBase
{
    private readonly OverAggregateSpec _spec;
    private readonly SqlType[] _types;
    private readonly Schema _inputArrowSchema;
    private readonly Schema _outputSchema;
    private readonly AggregateCallBinding[] _bindings;
    private readonly int[] _argumentColumns;
    private readonly int[][] _argumentPositions;
    private readonly SqlType[] _argumentTypes;
    private readonly KeySerializer _rowSerializer;
    private readonly KeyDecoder _rowDecoder;
    private readonly KeySerializer _argumentSerializer;
    private readonly KeyDecoder _argumentDecoder;
    private readonly SerializedKeys _rows = new();
    private readonly SerializedKeys _argumentRows = new();
    private readonly StateRowWriter _writer = new();
    private readonly bool _bounded;
    private readonly long _rowsPreceding;
    private readonly long _rangeMicros;
    private readonly List<NamespaceTimer> _fired = new();
    private readonly HashSet<int> _seen = new();
    private GroupTable _partitions = null!;
    private IGroupsAccumulator[] _accumulators = null!;
    private GroupRankBuffers? _history;
    private GroupStateTtl? _ttl;
    private GroupTable? _pending;
    private GroupRankBuffers? _pendingRows;
    private NamespaceTimerService? _timers;
    private WatermarkTracker? _watermark;
    private OverTriggerTimes? _triggers;

    public OverAggregateOperator(OverAggregateSpec spec, RowSchema inputSchema)
    {
        _spec = spec;
        _types = inputSchema.Fields.Select(f => f.Type).ToArray();
        _inputArrowSchema = ArrowTypeMapping.ToArrowSchema(inputSchema);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _bounded = !spec.Frame.IsUnbounded;
        _bindings = spec.Calls.Select(c => AggregateCallBinding.Of(c, inputSchema, retracting: _bounded)).ToArray();
        _argumentColumns = _bindings.SelectMany(b => b.ArgumentColumns).Distinct().Order().ToArray();
        _argumentPositions = _bindings.Select(b => b.ArgumentColumns.Select(c => System.Array.IndexOf(_argumentColumns, c)).ToArray()).ToArray();
        _argumentTypes = _argumentColumns.Select(c => _types[c]).ToArray();
        _rowSerializer = new KeySerializer(Enumerable.Range(0, _types.Length).ToArray());
        _rowDecoder = new KeyDecoder(_types);
        _argumentSerializer = new KeySerializer(_argumentColumns);
        _argumentDecoder = new KeyDecoder(_argumentTypes);
        _rowsPreceding = spec.Frame.IsRows ? spec.Frame.Preceding ?? 0 : 0;
        _rangeMicros = spec.Frame.IsRows ? 0 : (spec.Frame.Preceding ?? 0) * 1000;
    }

    /// <summary>The partitions' state (tests).</summary>
    public GroupTable Partitions => _partitions;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var keyTypes = _spec.PartitionKeys.Select(k => _types[k]).ToArray();
        _partitions = context.State.KeyedState.GetGroupTable("over-partitions", new GroupTableSpec(keyTypes));
        _accumulators = _bindings.Select(b => _partitions.AddColumn<IGroupsAccumulator>(b.Accumulator.Create)).ToArray();
        if (_bounded) _history = _partitions.AddColumn(epoch => new GroupRankBuffers(epoch));
        if (_bounded && _spec.IsRowtime) _triggers = _partitions.AddColumn(epoch => new OverTriggerTimes(epoch));
        _ttl = GroupStateTtl.Create(_partitions, _spec.StateTtl);
        if (_spec.IsRowtime)
        {
            _pending = context.State.KeyedState.GetGroupTable("over-pending", new GroupTableSpec(keyTypes, Namespaced: true));
            _pendingRows = _pending.AddColumn(epoch => new GroupRankBuffers(epoch));
            _timers = context.State.NamespaceTimers("over-timers");
            _watermark = context.State.Watermark();
        }
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        batch.RequireInsertOnly(_spec.Description);
        if (_spec.IsRowtime)
        {
            Buffer(batch);
            return default;
        }
        var result = ProcessOnArrival(batch);
        return output.EmitAsync(result, cancellationToken);
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        if (_watermark is not null)
        {
            _watermark.Advance(watermark.Timestamp);
            _fired.Clear();
            _timers!.PollDue(TimeDomain.EventTime, watermark.Timestamp, _fired);
            if (_fired.Count > 0 && Fire() is { } result) await output.EmitAsync(result, cancellationToken).ConfigureAwait(false);
        }
        await output.EmitWatermarkAsync(watermark, cancellationToken).ConfigureAwait(false);
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        _ttl?.RemoveExpired(Context.Clock.NowMicros());
        return output.EmitBarrierAsync(barrier, cancellationToken);
    }

    // ------------------------------------------------------------------ event time

    /// <summary>Appends the batch's rows that are not late to the buffers of their (timestamp, partition) and registers a
    /// timer per timestamp.</summary>
    private void Buffer(Batch batch)
    {
        var data = batch.Data;
        int n = batch.Length;
        var timeColumn = data.Column(_spec.OrderColumn);
        var times = TimeValues.Micros(timeColumn);
        var selection = new bool[n];
        var namespaces = new long[n];
        int kept = 0;
        long watermark = _watermark!.Current;
        var hashes = batch.KeyHashes is { } h && h.Of(_spec.PartitionKeys) ? h.Values : default;
        int[]? partitionOfRow = null;
        if (_triggers is not null)
        {
            _partitions.TrimCache();
            var partitions = _partitions.Resolve(data, _spec.PartitionKeys, hashes);
            var isNew = partitions.TouchedIsNew;
            var touched = partitions.Touched;
            for (int t = 0; t < touched.Length; t++) Touch(touched[t], isNew[t]);
            partitionOfRow = partitions.Groups.ToArray();
        }
        for (int r = 0; r < n; r++)
        {
            if (timeColumn.IsNull(r)) continue;
            long lateAtOrBelow = partitionOfRow is null ? watermark : _triggers!.LastTriggered(partitionOfRow[r]);
            if (times[r] <= lateAtOrBelow) continue;
            selection[r] = true;
            namespaces[r] = Bucket(times[r]);
            kept++;
        }
        if (kept == 0) return;
        var groups = _pending!.Resolve(data, _spec.PartitionKeys, namespaces, hashes, kept == n ? default : selection);
        _rowSerializer.SerializeBatch(data, _rows);

        // Rows by group, in arrival order within a group.
        var order = new long[kept];
        var rowGroups = groups.Groups;
        int k = 0;
        for (int r = 0; r < n; r++)
            if (selection[r]) order[k++] = ((long)rowGroups[r] << 32) | (uint)r;
        System.Array.Sort(order);
        for (int i = 0; i < kept;)
        {
            int g = (int)(order[i] >> 32);
            _writer.Clear();
            if (_pendingRows!.HasBuffer(g)) _writer.WriteRaw(_pendingRows.Buffer(g));
            long registered = long.MinValue;
            for (; i < kept && (int)(order[i] >> 32) == g; i++)
            {
                int r = (int)order[i];
                _writer.WriteVarLong(times[r]);
                _writer.WriteBytes(_rows[r]);
                if (times[r] != registered) _timers!.Register(TimeDomain.EventTime, times[r], Bucket(times[r]));
                registered = times[r];
            }
            _pendingRows.Set(g, _writer.Written);
        }
        if (partitionOfRow is not null && !_spec.Frame.IsRows)
            for (int r = 0; r < n; r++)
                if (selection[r]) ScheduleCleanup(partitionOfRow[r], times[r]);
    }

    /// <summary>Flink's RowTimeRangeBoundedPrecedingFunction.registerCleanupTimer for a row at <paramref name="time"/>: when
    /// the partition's cleanup would come before the row's frame could have ended, a cleanup at the row's time plus 1.5
    /// intervals plus 1 ms replaces it (the earlier marker stays and, firing, finds it superseded).</summary>
    private void ScheduleCleanup(int partition, long time)
    {
        long rangeMillis = _spec.Frame.Preceding ?? 0;
        long earliest = time + rangeMillis * 1000 + 1000;
        long at = time + (long)(rangeMillis * 1.5) * 1000 + 1000;
        ref long cleanupAt = ref _triggers!.CleanupAt(partition);
        if (cleanupAt != 0 && cleanupAt >= earliest) return;
        cleanupAt = at;
        int g = _pending!.FindOrAdd(_partitions.KeyOf(partition), _partitions.KeyGroupOf(partition), Bucket(at), out bool added);
        if (!added) _pending.MarkUsed(g);
        _writer.Clear();
        if (_pendingRows!.HasBuffer(g)) _writer.WriteRaw(_pendingRows.Buffer(g));
        _writer.WriteVarLong(at);
        _writer.WriteBytes(ReadOnlySpan<byte>.Empty);
        _pendingRows.Set(g, _writer.Written);
        _timers!.Register(TimeDomain.EventTime, at, Bucket(at));
    }

    /// <summary>The pending table's namespace of a rowtime: its second. Rows wait per (second, partition), so a firing reads
    /// a few namespaces (one RocksDB scan each when the table spills), not one per distinct rowtime.</summary>
    private static long Bucket(long micros) => Math.DivRem(micros, 1_000_000, out long rest) - (rest < 0 ? 1 : 0);

    /// <summary>A due buffered row: its time, partition group, place among the rows of equal time and partition, and bytes.</summary>
    private readonly record struct DueRow(long Time, int Partition, int Place, int Offset, int Length);

    /// <summary>Processes the buffered rows at or below the watermark of every bucket with a fired timer, in time order, as
    /// one output batch; rows of later times stay buffered.</summary>
    private Batch? Fire()
    {
        long watermark = _watermark!.Current;
        // Partition groups are reached by FindOrAdd: make room in a spilling table's cache first, not while indexes are held.
        _partitions.TrimCache();
        var due = new List<DueRow>();
        var cleanups = new List<(long Time, int Partition)>();
        var bytes = new StateRowWriter();
        var places = new Dictionary<long, int>();
        long lastBucket = long.MinValue;
        foreach (var timer in _fired)
        {
            // Timers come in time order, so buckets do too; each bucket is read once.
            if (timer.Namespace == lastBucket) continue;
            lastBucket = timer.Namespace;
            foreach (int pg in _pending!.GroupsOf(lastBucket).ToArray())
            {
                if (!_pendingRows!.HasBuffer(pg)) continue;
                int partition = -1;
                var buffer = _pendingRows.Buffer(pg);
                _writer.Clear();
                places.Clear();
                for (int pos = 0; pos < buffer.Length;)
                {
                    int entry = pos;
                    long time = (long)VarInt.Read(buffer, ref pos);
                    time = (long)((ulong)time >> 1) ^ -(time & 1);
                    int length = (int)VarInt.Read(buffer, ref pos);
                    if (time > watermark)
                    {
                        _writer.WriteRaw(buffer[entry..(pos + length)]);
                    }
                    else if (length == 0)
                    {
                        // A cleanup marker (a row is never empty).
                        if (partition < 0) partition = PartitionOf(_pending.KeyOf(pg), _pending.KeyGroupOf(pg));
                        cleanups.Add((time, partition));
                    }
                    else
                    {
                        if (partition < 0) partition = PartitionOf(_pending.KeyOf(pg), _pending.KeyGroupOf(pg));
                        places.TryGetValue(time, out int place);
                        places[time] = place + 1;
                        due.Add(new DueRow(time, partition, place, bytes.Length, length));
                        bytes.WriteRaw(buffer.Slice(pos, length));
                    }
                    pos += length;
                }
                if (_writer.Length == 0)
                {
                    _pending.Remove(pg);
                }
                else if (partition >= 0)
                {
                    _pending.MarkUsed(pg);
                    _pendingRows.Set(pg, _writer.Written);
                }
            }
        }
        if (due.Count == 0)
        {
            Fired(due, cleanups);
            return null;
        }

        // A partition's due rows in time, then arrival, order; its j-th step is its j-th row (ROWS) or its j-th time with all
        // its rows (RANGE, peers). Round j is step j of every partition: partitions are independent, so a round can mix times.
        bool rows = _spec.Frame.IsRows;
        var sorted = due.ToArray();
        System.Array.Sort(sorted, (a, b) =>
            a.Partition != b.Partition ? a.Partition.CompareTo(b.Partition) : a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Place.CompareTo(b.Place));
        var steps = new long[sorted.Length];
        for (int i = 0, step = 0; i < sorted.Length; i++)
        {
            if (i > 0 && sorted[i].Partition != sorted[i - 1].Partition) step = 0;
            else if (i > 0 && (rows || sorted[i].Time != sorted[i - 1].Time)) step++;
            steps[i] = ((long)step << 32) | (uint)i;
        }
        System.Array.Sort(steps);
        var columns = NewRowBuilders();
        var rowGroups = new int[sorted.Length];
        var rowTimes = new long[sorted.Length];
        var rounds = new List<(int Start, int Count)>();
        var written = bytes.Written;
        for (int i = 0; i < sorted.Length; i++)
        {
            var row = sorted[(int)steps[i]];
            _rowDecoder.DecodeInto(written.Slice(row.Offset, row.Length), columns);
            rowGroups[i] = row.Partition;
            rowTimes[i] = row.Time;
            if (i == 0 || steps[i] >> 32 != steps[i - 1] >> 32) rounds.Add((i, 0));
            rounds[^1] = (rounds[^1].Start, rounds[^1].Count + 1);
        }
        var batch = new RecordBatch(_inputArrowSchema, columns.Select(c => c.Build()).ToArray(), sorted.Length);
        var result = Aggregate(batch, rowGroups, rowTimes, rounds);
        Fired(due, cleanups);
        return _bounded ? InTimeOrder(result, rowTimes) : result;
    }

    /// <summary>After a firing of a bounded frame: each partition's last fired time moves to its latest due row or marker,
    /// and a partition whose cleanup marker fired and was not superseded (no row since pushed the cleanup later) is cleared,
    /// as Flink's onTimer clears its states. A clearing marker is its partition's latest due entry: a later row would have
    /// pushed the cleanup past it.</summary>
    private void Fired(List<DueRow> due, List<(long Time, int Partition)> cleanups)
    {
        if (_triggers is null) return;
        foreach (var row in due)
        {
            ref long last = ref _triggers.LastTriggered(row.Partition);
            if (row.Time > last) last = row.Time;
        }
        foreach (var (time, partition) in cleanups)
        {
            long cleanupAt = _triggers.CleanupAt(partition);
            if (cleanupAt != 0 && cleanupAt <= time)
            {
                foreach (var column in _partitions.Columns) column.Reset(partition);
                continue;
            }
            ref long last = ref _triggers.LastTriggered(partition);
            if (time > last) last = time;
        }
    }

    /// <summary>The rows of a bounded frame in time order across partitions (stable), as Flink emits them: its bounded
    /// OVER functions register a timer per row time and the timer service fires them in time order, each timer emitting
    /// its partition's rows of that time. (Unbounded frames fire per partition at the watermark, in rounds here.)</summary>
    private static Batch InTimeOrder(Batch rows, long[] rowTimes)
    {
        int n = rows.Length;
        bool ordered = true;
        for (int i = 1; i < n && ordered; i++) ordered = rowTimes[i - 1] <= rowTimes[i];
        if (ordered) return rows;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var keys = (long[])rowTimes.Clone();
        System.Array.Sort(keys, order);
        // Array.Sort is not stable: rows of one time keep their round order.
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && keys[j] == keys[i]) j++;
            if (j - i > 1) System.Array.Sort(order, i, j - i);
            i = j;
        }
        return BatchGather.Take(rows, order, n);
    }

    /// <summary>The partition's group for a key of the pending table, started again when its state TTL passed.</summary>
    private int PartitionOf(ReadOnlySpan<byte> key, int keyGroup)
    {
        int g = _partitions.FindOrAdd(key, keyGroup, 0, out bool added);
        if (!added) _partitions.MarkUsed(g);
        Touch(g, added);
        return g;
    }

    private void Touch(int g, bool added)
    {
        if (_ttl is null) return;
        long now = Context.Clock.NowMicros();
        if (!added && _ttl.IsExpired(g, now))
            foreach (var column in _partitions.Columns) column.Reset(g);
        _ttl.Written(g, now);
    }

    // ------------------------------------------------------------------ processing time

    /// <summary>A batch on processing time: the k-th row of every partition makes round k.</summary>
    private Batch ProcessOnArrival(Batch batch)
    {
        var data = batch.Data;
        int n = batch.Length;
        var hashes = batch.KeyHashes is { } h && h.Of(_spec.PartitionKeys) ? h.Values : default;
        var groups = _partitions.Resolve(data, _spec.PartitionKeys, hashes);
        var isNew = groups.TouchedIsNew;
        var touched = groups.Touched;
        for (int t = 0; t < touched.Length; t++) Touch(touched[t], isNew[t]);
        var rowGroups = groups.Groups;
        var occurrence = new Dictionary<int, int>();
        var order = new long[n];
        for (int r = 0; r < n; r++)
        {
            occurrence.TryGetValue(rowGroups[r], out int k);
            occurrence[rowGroups[r]] = k + 1;
            order[r] = ((long)k << 32) | (uint)r;
        }
        System.Array.Sort(order);
        var rows = new int[n];
        var sortedGroups = new int[n];
        var rounds = new List<(int Start, int Count)>();
        for (int i = 0; i < n; i++)
        {
            rows[i] = (int)order[i];
            sortedGroups[i] = rowGroups[rows[i]];
            if (i == 0 || order[i] >> 32 != order[i - 1] >> 32) rounds.Add((i, 0));
            rounds[^1] = (rounds[^1].Start, rounds[^1].Count + 1);
        }
        var sorted = ArrayGather.Take(data, rows, n);
        return Aggregate(sorted, sortedGroups, new long[n], rounds)!;
    }

    // ------------------------------------------------------------------ aggregation

    /// <summary>Runs the rounds over <paramref name="rows"/> (in round order) and appends the calls' values.</summary>
    private Batch Aggregate(RecordBatch rows, int[] rowGroups, long[] rowTimes, List<(int Start, int Count)> rounds)
    {
        int n = rows.Length;
        if (_bounded) _argumentSerializer.SerializeBatch(rows, _argumentRows);
        var results = new List<IArrowArray>[_bindings.Length];
        for (int c = 0; c < results.Length; c++) results[c] = new List<IArrowArray>(rounds.Count);
        foreach (var (start, count) in rounds)
        {
            var groups = rowGroups.AsSpan(start, count);
            if (_bounded) Slide(rowGroups, rowTimes, start, count);
            for (int c = 0; c < _bindings.Length; c++)
            {
                var arguments = new IArrowArray[_bindings[c].ArgumentColumns.Length];
                for (int a = 0; a < arguments.Length; a++) arguments[a] = ArrowArrayFactory.Slice(rows.Column(_bindings[c].ArgumentColumns[a]), start, count);
                _accumulators[c].Update(arguments, groups, default);
            }
            for (int c = 0; c < _bindings.Length; c++) results[c].Add(_accumulators[c].Evaluate(groups));
        }
        var columns = new IArrowArray[rows.ColumnCount + _bindings.Length];
        for (int i = 0; i < rows.ColumnCount; i++) columns[i] = rows.Column(i);
        for (int c = 0; c < _bindings.Length; c++) columns[rows.ColumnCount + c] = Concatenate(results[c], n);
        return new Batch(new RecordBatch(_outputSchema, columns, n));
    }

    /// <summary>
    /// For a bounded frame, before the round's rows are folded in: retracts the rows that leave each partition's frame
    /// (ROWS: beyond the n preceding; RANGE: older than the interval before the round's time) and appends the round's rows
    /// to the partitions' kept rows.
    /// </summary>
    private void Slide(int[] rowGroups, long[] rowTimes, int start, int count)
    {
        ColumnBuilder[]? leaving = null;
        var leavingGroups = new List<int>();
        _seen.Clear();
        int end = start + count;
        for (int i = start; i < end;)
        {
            int g = rowGroups[i];
            int runEnd = i;
            while (runEnd < end && rowGroups[runEnd] == g) runEnd++;
            if (!_seen.Add(g)) throw new InvalidOperationException("a partition's rows of one round must be adjacent");
            int arriving = runEnd - i;
            var kept = _history!.HasBuffer(g) ? _history.Buffer(g) : ReadOnlySpan<byte>.Empty;
            // Entries: time (var long), then the argument row (length-prefixed).
            int entries = 0;
            for (int pos = 0; pos < kept.Length; entries++) Skip(kept, ref pos);
            int leave;
            if (_spec.Frame.IsRows)
            {
                leave = (int)Math.Clamp(entries + arriving - (_rowsPreceding + 1), 0, entries);
            }
            else
            {
                long from = rowTimes[i] - _rangeMicros;
                leave = 0;
                for (int pos = 0; pos < kept.Length; leave++)
                {
                    var reader = new StateRowReader(kept[pos..]);
                    if (reader.ReadVarLong() >= from) break;
                    Skip(kept, ref pos);
                }
            }
            int keepFrom = 0;
            for (int e = 0; e < leave; e++)
            {
                int entryStart = keepFrom;
                Skip(kept, ref keepFrom);
                var reader = new StateRowReader(kept[entryStart..keepFrom]);
                reader.ReadVarLong();
                int length = (int)reader.ReadVarULong();
                var argumentRow = kept.Slice(keepFrom - length, length);
                if (leaving is null)
                {
                    leaving = new ColumnBuilder[_argumentTypes.Length];
                    for (int a = 0; a < leaving.Length; a++) leaving[a] = ColumnBuilder.Create(_argumentTypes[a]);
                }
                _argumentDecoder.DecodeInto(argumentRow, leaving);
                leavingGroups.Add(g);
            }
            _writer.Clear();
            _writer.WriteRaw(kept[keepFrom..]);
            for (int r = i; r < runEnd; r++)
            {
                _writer.WriteVarLong(rowTimes[r]);
                _writer.WriteBytes(_argumentRows[r]);
            }
            _history.Set(g, _writer.Written);
            i = runEnd;
        }
        if (leaving is null) return;
        var leavingArrays = leaving.Select(b => b.Build()).ToArray();
        var groups = leavingGroups.ToArray();
        for (int c = 0; c < _bindings.Length; c++)
        {
            var positions = _argumentPositions[c];
            var arguments = new IArrowArray[positions.Length];
            for (int a = 0; a < positions.Length; a++) arguments[a] = leavingArrays[positions[a]];
            _accumulators[c].Retract(arguments, groups, default);
        }
    }

    /// <summary>Moves past one kept entry (time, argument row).</summary>
    private static void Skip(ReadOnlySpan<byte> buffer, ref int pos)
    {
        VarInt.Read(buffer, ref pos);
        int length = (int)VarInt.Read(buffer, ref pos);
        pos += length;
    }

    private ColumnBuilder[] NewRowBuilders()
    {
        var columns = new ColumnBuilder[_types.Length];
        for (int c = 0; c < columns.Length; c++) columns[c] = ColumnBuilder.Create(_types[c]);
        return columns;
    }

    private int[] _identity = [];

    private IArrowArray Concatenate(List<IArrowArray> parts, int total)
    {
        if (parts.Count == 1) return parts[0];
        int longest = parts.Max(p => p.Length);
        if (_identity.Length < longest) _identity = Enumerable.Range(0, Math.Max(longest, 2 * _identity.Length)).ToArray();
        var segments = new GatherSegment[parts.Count];
        for (int i = 0; i < parts.Count; i++) segments[i] = new GatherSegment(parts[i].Data, _identity, 0, parts[i].Length);
        return ArrowArrayFactory.BuildArray(ArrayGather.Gather(parts[0].Data.DataType, segments, total));
    }
}
