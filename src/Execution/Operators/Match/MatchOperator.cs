using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Operators.Rank;
using StreamSql.Execution.Operators.Windows;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Timers;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Match;

/// <summary>
/// Flink's MATCH_RECOGNIZE operator (CepOperator behind StreamExecMatch), ONE ROW PER MATCH.
/// <para>State, all in <see cref="GroupTable"/>s so it checkpoints in key groups and restores at any parallelism on either
/// backend: per partition (PARTITION BY key) the rows already in time order that a match may still use — from the next
/// start row (less the rows PREV can reach back to) — with the index of that start row; and, on event time, the rows
/// waiting for the watermark in a table namespaced by the second of their rowtime, with an event-time timer per rowtime
/// (as the OVER aggregate keeps them). A row at or below the watermark on arrival is late and dropped.</para>
/// <para>When the watermark passes rows they are appended to their partition's rows in rowtime order (then the
/// other ORDER BY keys, then arrival order) and the partition is matched from its start row on with <see cref="PatternMatcher"/>: each complete match
/// gives an output row and the search resumes where AFTER MATCH SKIP says; a start row with no match is passed; a start
/// whose preferred match still depends on later rows waits. On processing time a batch's rows are matched on arrival.</para>
/// </summary>
public sealed class MatchOperator : StreamOperatorBase
{
    private readonly MatchSpec _spec;
    private readonly RowSchema _inputSchema;
    private readonly SqlType[] _types;
    private readonly Schema _inputArrowSchema;
    private readonly Schema _outputSchema;
    private readonly KeySerializer _rowSerializer;
    private readonly KeyDecoder _rowDecoder;
    private readonly SerializedKeys _rows = new();
    private readonly StateRowWriter _writer = new();
    private readonly List<NamespaceTimer> _fired = new();
    private readonly MatchExpressionEvaluator?[] _defines;
    private readonly MatchExpressionEvaluator[] _measures;
    private readonly PatternMatcher _matcher;
    private readonly int _maxPrev;
    private readonly bool[]? _skipTo;
    private readonly SortKeyEncoder _sortKeys;
    private readonly StateRowWriter _keyBytes = new();
    private int[] _keyOffsets = new int[257];
    private EvaluationContext _evaluation = EvaluationContext.Utc;
    private GroupTable _partitions = null!;
    private GroupRankBuffers _history = null!;
    private GroupTable? _pending;
    private GroupRankBuffers? _pendingRows;
    private NamespaceTimerService? _timers;
    private WatermarkTracker? _watermark;
    private OutputRows? _output;
    private long _now;

    public MatchOperator(MatchSpec spec, RowSchema inputSchema)
    {
        _spec = spec;
        _inputSchema = inputSchema;
        _types = inputSchema.Fields.Select(f => f.Type).ToArray();
        _inputArrowSchema = ArrowTypeMapping.ToArrowSchema(inputSchema);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _rowSerializer = new KeySerializer(Enumerable.Range(0, _types.Length).ToArray());
        _rowDecoder = new KeyDecoder(_types);
        _defines = spec.Defines.Select((d, v) => d is null ? null : new MatchExpressionEvaluator(d, inputSchema, spec.Variables, spec.TimeColumn, v, spec.Subsets)).ToArray();
        _measures = spec.Measures.Select(m => new MatchExpressionEvaluator(m, inputSchema, spec.Variables, spec.TimeColumn, -1, spec.Subsets)).ToArray();
        _matcher = new PatternMatcher(spec.Pattern, Test, spec.WithinMillis);
        _sortKeys = new SortKeyEncoder(spec.ThenBy, _types);
        _skipTo = MatchAssignment.Members(spec.Skip.Variable, spec.Variables.Count, spec.Subsets);
        _maxPrev = spec.Defines.OfType<MatchExpression>().Concat(spec.Measures).SelectMany(e => e.Slots)
            .Where(s => s is { Kind: MatchSlotKind.Value, Navigation: MatchNavigation.Prev }).Select(s => s.Offset).DefaultIfEmpty(0).Max();
    }

    /// <summary>The partitions' state (tests).</summary>
    public GroupTable Partitions => _partitions;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _evaluation = new EvaluationContext(context.TimeZone, context.Clock);
        var keyTypes = _spec.PartitionKeys.Select(k => _types[k]).ToArray();
        _partitions = context.State.KeyedState.GetGroupTable("match-partitions", new GroupTableSpec(keyTypes));
        _history = _partitions.AddColumn(epoch => new GroupRankBuffers(epoch));
        if (_spec.IsRowtime)
        {
            _pending = context.State.KeyedState.GetGroupTable("match-pending", new GroupTableSpec(keyTypes, Namespaced: true));
            _pendingRows = _pending.AddColumn(epoch => new GroupRankBuffers(epoch));
            _timers = context.State.NamespaceTimers("match-timers");
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
        var result = MatchOnArrival(batch);
        return result is null ? default : output.EmitAsync(result, cancellationToken);
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        if (_watermark is not null)
        {
            _watermark.Advance(watermark.Timestamp);
            if (watermark.Timestamp != long.MaxValue) _evaluation.CurrentWatermark = watermark.Timestamp;
            _fired.Clear();
            _timers!.PollDue(TimeDomain.EventTime, watermark.Timestamp, _fired);
            if (_fired.Count > 0 && Fire() is { } result) await output.EmitAsync(result, cancellationToken).ConfigureAwait(false);
        }
        await output.EmitWatermarkAsync(watermark, cancellationToken).ConfigureAwait(false);
    }

    // ------------------------------------------------------------------ event time

    /// <summary>Appends the batch's rows that are not late to the buffers of their (second, partition) and registers a
    /// timer per rowtime.</summary>
    private void Buffer(Batch batch)
    {
        var data = batch.Data;
        int n = batch.Length;
        var timeColumn = data.Column(_spec.TimeColumn);
        var times = TimeValues.Micros(timeColumn);
        var selection = new bool[n];
        var namespaces = new long[n];
        int kept = 0;
        long watermark = _watermark!.Current;
        for (int r = 0; r < n; r++)
        {
            if (timeColumn.IsNull(r) || times[r] <= watermark) continue;
            selection[r] = true;
            namespaces[r] = Bucket(times[r]);
            kept++;
        }
        if (kept == 0) return;
        var hashes = batch.KeyHashes is { } h && h.Of(_spec.PartitionKeys) ? h.Values : default;
        var groups = _pending!.Resolve(data, _spec.PartitionKeys, namespaces, hashes, kept == n ? default : selection);
        _rowSerializer.SerializeBatch(data, _rows);
        _sortKeys.EncodeBatch(data, _keyBytes, ref _keyOffsets);
        var keyBytes = _keyBytes.Written;
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
            for (; i < kept && (int)(order[i] >> 32) == g; i++)
            {
                int r = (int)order[i];
                _writer.WriteVarLong(times[r]);
                _writer.WriteBytes(keyBytes[_keyOffsets[r].._keyOffsets[r + 1]]);
                _writer.WriteBytes(_rows[r]);
                _timers!.Register(TimeDomain.EventTime, times[r], Bucket(times[r]));
            }
            _pendingRows.Set(g, _writer.Written);
        }
    }

    private static long Bucket(long micros) => Math.DivRem(micros, 1_000_000, out long rest) - (rest < 0 ? 1 : 0);

    /// <summary>A due row: its partition, time, arrival place, and ORDER BY key and row bytes (in <see cref="_dueBytes"/>).</summary>
    private readonly record struct DueRow(int Partition, long Time, int Place, int KeyOffset, int Offset, int Length);

    private readonly StateRowWriter _dueBytes = new();

    /// <summary>Moves the rows the watermark passed into their partitions and matches each partition that got rows.</summary>
    private Batch? Fire()
    {
        long watermark = _watermark!.Current;
        _partitions.TrimCache();
        var due = new List<DueRow>();
        var woken = new HashSet<int>();
        _dueBytes.Clear();
        long lastBucket = long.MinValue;
        int place = 0;
        foreach (var timer in _fired)
        {
            if (timer.Namespace == lastBucket) continue;
            lastBucket = timer.Namespace;
            foreach (int pg in _pending!.GroupsOf(lastBucket).ToArray())
            {
                if (!_pendingRows!.HasBuffer(pg)) continue;
                int partition = -1;
                var buffer = _pendingRows.Buffer(pg);
                _writer.Clear();
                for (int pos = 0; pos < buffer.Length;)
                {
                    int entry = pos;
                    long time = ReadVarLong(buffer, ref pos);
                    int keyLength = (int)VarInt.Read(buffer, ref pos);
                    var key = buffer.Slice(pos, keyLength);
                    pos += keyLength;
                    int length = (int)VarInt.Read(buffer, ref pos);
                    var row = buffer.Slice(pos, length);
                    pos += length;
                    if (time > watermark)
                    {
                        _writer.WriteRaw(buffer[entry..pos]);
                        continue;
                    }
                    if (partition < 0) partition = PartitionOf(_pending.KeyOf(pg), _pending.KeyGroupOf(pg));
                    if (length == 0)
                    {
                        woken.Add(partition);
                        continue;
                    }
                    int keyOffset = _dueBytes.Length;
                    _dueBytes.WriteRaw(key);
                    due.Add(new DueRow(partition, time, place++, keyOffset, _dueBytes.Length, row.Length));
                    _dueBytes.WriteRaw(row);
                }
                if (_writer.Length == 0)
                {
                    _pending.Remove(pg);
                }
                else if (partition >= 0)
                {
                    // Changed outside Resolve: a spilling table writes the group back (else RocksDB keeps the fired rows).
                    _pending.MarkUsed(pg);
                    _pendingRows.Set(pg, _writer.Written);
                }
            }
        }
        if (due.Count == 0 && woken.Count == 0) return null;
        var sorted = due.ToArray();
        var allBytes = _dueBytes.Written.ToArray();
        System.Array.Sort(sorted, (a, b) =>
        {
            if (a.Partition != b.Partition) return a.Partition.CompareTo(b.Partition);
            if (a.Time != b.Time) return a.Time.CompareTo(b.Time);
            int byKey = allBytes.AsSpan(a.KeyOffset, a.Offset - a.KeyOffset).SequenceCompareTo(allBytes.AsSpan(b.KeyOffset, b.Offset - b.KeyOffset));
            return byKey != 0 ? byKey : a.Place.CompareTo(b.Place);
        });
        _output = new OutputRows(_spec.OutputSchema, _outputSchema);
        _now = Context.Clock.NowMicros();
        bool final = watermark == long.MaxValue;
        var bytes = allBytes;
        for (int i = 0; i < sorted.Length;)
        {
            int end = i;
            while (end < sorted.Length && sorted[end].Partition == sorted[i].Partition) end++;
            var rows = new List<(long Time, ReadOnlyMemory<byte> Row)>(end - i);
            for (int j = i; j < end; j++) rows.Add((sorted[j].Time, bytes.AsMemory(sorted[j].Offset, sorted[j].Length)));
            MatchPartition(sorted[i].Partition, rows, final, watermark);
            woken.Remove(sorted[i].Partition);
            i = end;
        }
        foreach (int partition in woken) MatchPartition(partition, [], final, watermark);
        return _output.Build();
    }

    private int PartitionOf(ReadOnlySpan<byte> key, int keyGroup)
    {
        int g = _partitions.FindOrAdd(key, keyGroup, 0, out bool added);
        if (!added) _partitions.MarkUsed(g);
        return g;
    }

    // ------------------------------------------------------------------ processing time

    private Batch? MatchOnArrival(Batch batch)
    {
        var data = batch.Data;
        int n = batch.Length;
        var hashes = batch.KeyHashes is { } h && h.Of(_spec.PartitionKeys) ? h.Values : default;
        var groups = _partitions.Resolve(data, _spec.PartitionKeys, hashes);
        var rowGroups = groups.Groups.ToArray();
        _rowSerializer.SerializeBatch(data, _rows);
        var order = new long[n];
        for (int r = 0; r < n; r++) order[r] = ((long)rowGroups[r] << 32) | (uint)r;
        System.Array.Sort(order);
        _output = new OutputRows(_spec.OutputSchema, _outputSchema);
        _now = Context.Clock.NowMicros();
        for (int i = 0; i < n;)
        {
            int g = (int)(order[i] >> 32);
            var rows = new List<(long Time, ReadOnlyMemory<byte> Row)>();
            for (; i < n && (int)(order[i] >> 32) == g; i++) rows.Add((_now, _rows[(int)order[i]].ToArray()));
            // Rows to come arrive after now: as Flink's CepOperator advances the NFA to the current processing time, a
            // partial match older than WITHIN stops waiting for them.
            MatchPartition(g, rows, finalRows: false, _now);
        }
        return _output.Build();
    }

    // ------------------------------------------------------------------ matching

    /// <summary>
    /// Appends <paramref name="arrived"/> (in order) to the partition's kept rows and matches from its start row on;
    /// keeps what later matches may still use.
    /// </summary>
    private void MatchPartition(int group, List<(long Time, ReadOnlyMemory<byte> Row)> arrived, bool finalRows, long watermark)
    {
        var kept = _history.HasBuffer(group) ? _history.Buffer(group).ToArray() : [];
        int start = 0;
        var entries = new List<(long Time, ReadOnlyMemory<byte> Row)>();
        if (kept.Length > 0)
        {
            int pos = 0;
            start = (int)ReadVarLong(kept, ref pos);
            while (pos < kept.Length)
            {
                long time = ReadVarLong(kept, ref pos);
                int length = (int)VarInt.Read(kept, ref pos);
                entries.Add((time, kept.AsMemory(pos, length)));
                pos += length;
            }
        }
        entries.AddRange(arrived);
        int n = entries.Count;
        var builders = new ColumnBuilder[_types.Length];
        for (int c = 0; c < builders.Length; c++) builders[c] = ColumnBuilder.Create(_types[c], n);
        var times = new long[n];
        for (int i = 0; i < n; i++)
        {
            times[i] = entries[i].Time;
            _rowDecoder.DecodeInto(entries[i].Row.Span, builders);
        }
        var rows = new RecordBatch(_inputArrowSchema, builders.Select(b => b.Build()).ToArray(), n);
        foreach (var define in _defines) define?.Prepare(rows, _evaluation);
        foreach (var measure in _measures) measure.Prepare(rows, _evaluation);

        var matchStarts = new List<int>();
        while (start < n)
        {
            var outcome = _matcher.TryMatch(start, n, times, finalRows, watermark);
            if (outcome == MatchOutcome.NeedMore)
            {
                if (_spec.IsRowtime) WakeUpLater(group, times[start]);
                break;
            }
            if (outcome == MatchOutcome.Failed)
            {
                start++;
                continue;
            }
            var match = _matcher.Match;
            matchStarts.Add(start);
            foreach (var measure in _measures)
            {
                if (measure.HasSlots) measure.AddRow(match, _now);
                else measure.AddConstantRow();
            }
            start = NextStart(start, match);
        }
        if (matchStarts.Count > 0)
        {
            var values = _measures.Select(m => m.Evaluate(_evaluation)).ToArray();
            _output!.Add(rows, _spec.PartitionKeys, matchStarts, values);
        }

        int keepFrom = Math.Max(0, Math.Min(start, n) - _maxPrev);
        if (keepFrom >= n)
        {
            _partitions.Remove(group);
            return;
        }
        _writer.Clear();
        _writer.WriteVarLong(start - keepFrom);
        for (int i = keepFrom; i < n; i++)
        {
            _writer.WriteVarLong(entries[i].Time);
            _writer.WriteBytes(entries[i].Row.Span);
        }
        _history.Set(group, _writer.Written);
    }

    /// <summary>
    /// A partition whose match from <paramref name="startTime"/> waits for rows must be matched again even if no row comes:
    /// when WITHIN expires for it, and at the end of input (then no row can come, and a less preferred branch may
    /// match). A marker entry (time, no row) waits among the partition's pending rows with a timer of its own, once per time.
    /// </summary>
    private void WakeUpLater(int group, long startTime)
    {
        const long endOfInput = long.MaxValue - 1;
        long time = _spec.WithinMillis is { } w && startTime < endOfInput - w * 1000 - 1 ? startTime + w * 1000 + 1 : endOfInput;
        long bucket = Bucket(time);
        int pg = _pending!.FindOrAdd(_partitions.KeyOf(group), _partitions.KeyGroupOf(group), bucket, out bool added);
        if (!added) _pending.MarkUsed(pg);
        var buffer = added || !_pendingRows!.HasBuffer(pg) ? ReadOnlySpan<byte>.Empty : _pendingRows.Buffer(pg);
        for (int pos = 0; pos < buffer.Length;)
        {
            long entryTime = ReadVarLong(buffer, ref pos);
            int keyLength = (int)VarInt.Read(buffer, ref pos);
            pos += keyLength;
            int length = (int)VarInt.Read(buffer, ref pos);
            if (length == 0 && entryTime == time) return;
            pos += length;
        }
        _writer.Clear();
        _writer.WriteRaw(buffer);
        _writer.WriteVarLong(time);
        _writer.WriteBytes([]);
        _writer.WriteBytes([]);
        _pendingRows!.Set(pg, _writer.Written);
        _timers!.Register(TimeDomain.EventTime, time, bucket);
    }

    private static long ReadVarLong(ReadOnlySpan<byte> buffer, ref int pos)
    {
        long raw = (long)VarInt.Read(buffer, ref pos);
        return (long)((ulong)raw >> 1) ^ -(raw & 1);
    }

    /// <summary>Whether row <paramref name="row"/> may be mapped to <paramref name="variable"/> (an undefined variable
    /// takes any row).</summary>
    private bool Test(int variable, int row, MatchAssignment match) =>
        _defines[variable] is not { } define || define.Test(match, _now, _evaluation);

    /// <summary>Where the search resumes after a match starting at <paramref name="start"/> (AFTER MATCH SKIP).</summary>
    private int NextStart(int start, MatchAssignment match)
    {
        int last = match.RowAt(match.Count - 1);
        int next = _spec.Skip.Kind switch
        {
            MatchSkipKind.PastLastRow => last + 1,
            MatchSkipKind.ToNextRow => start + 1,
            MatchSkipKind.ToFirst => match.Find(_skipTo, 0, fromEnd: false),
            _ => match.Find(_skipTo, 0, fromEnd: true),
        };
        if (next < 0)
            throw new InvalidOperationException($"Could not skip to {_spec.Skip.VariableName}. No such element in the found match (AFTER MATCH {_spec.Skip.Sql}).");
        if (next == start)
            throw new InvalidOperationException($"Could not skip to first element of a match. (AFTER MATCH {_spec.Skip.Sql} would start the next match where this one started.)");
        return next;
    }

    /// <summary>The output rows of a firing: the partition columns of each match's first row, then its measures.</summary>
    private sealed class OutputRows(RowSchema schema, Schema arrowSchema)
    {
        private readonly ColumnBuilder[] _columns = schema.Fields.Select(f => ColumnBuilder.Create(f.Type)).ToArray();

        public void Add(RecordBatch rows, IReadOnlyList<int> partitionKeys, List<int> starts, IArrowArray[] measures)
        {
            var at = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(starts);
            for (int k = 0; k < partitionKeys.Count; k++) _columns[k].AppendRows(rows.Column(partitionKeys[k]).Data, at);
            for (int m = 0; m < measures.Length; m++) _columns[partitionKeys.Count + m].AppendRange(measures[m].Data, 0, measures[m].Length);
        }

        public Batch? Build()
        {
            int n = _columns.Length == 0 ? 0 : _columns[0].Length;
            if (n == 0) return null;
            return new Batch(new RecordBatch(arrowSchema, _columns.Select(c => c.Build()).ToArray(), n));
        }
    }
}
