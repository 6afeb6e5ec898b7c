using Apache.Arrow;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Operators.Rank;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Over;

/// <summary>
/// Flink 2.1's OVER aggregate ordered by a column that is not a time attribute (NonTimeRowsUnboundedPrecedingFunction,
/// NonTimeRangeUnboundedPrecedingFunction): ROWS or RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW over a changelog.
/// Each partition's rows are kept sorted by the order key, then arrival (a <see cref="GroupRankBuffers"/> entry per row:
/// the byte-ordered key of <see cref="SortKeyEncoder"/> and the row), in a <see cref="GroupTable"/> keyed by the PARTITION
/// BY columns, so they checkpoint in key groups and rescale.
/// <para>A row that arrives (<c>+I</c>/<c>+U</c>) goes after its peers and comes out with its value (as the kind it came
/// with); a row retracted (<c>-U</c>/<c>-D</c>) is found by its key and content and comes out as <c>-D</c> with its last
/// value. Every later row whose accumulator the change altered then comes out as <c>-U</c> old value, <c>+U</c> new one,
/// in sorted order, until the first step (a row for ROWS, a set of peers for RANGE) whose accumulator is unchanged, as in
/// Flink (RANGE peers share one value; a changed set of peers lists its rows in order, the changed row in its place).</para>
/// <para>Accumulators are not kept: a pass folds each partition's sorted rows in afresh (<see cref="PrefixPass"/>), all
/// partitions of a batch together in rounds (round j is step j of every partition: one accumulator call per round), and
/// keeps each step's value and serialized accumulator to compare with the next pass. A batch runs one pass for the state
/// as it was, then one per round of changes (the k-th change of every partition makes round k).</para>
/// </summary>
public sealed class NonTimeOverAggregateOperator : StreamOperatorBase
{
    private readonly NonTimeOverAggregateSpec _spec;
    private readonly SqlType[] _types;
    private readonly Schema _inputArrowSchema;
    private readonly Schema _outputSchema;
    private readonly AggregateCallBinding[] _bindings;
    private readonly KeySerializer _rowSerializer;
    private readonly KeyDecoder _rowDecoder;
    private readonly SortKeyEncoder _orderEncoder;
    private readonly SerializedKeys _rows = new();
    private readonly StateRowWriter _orderBytes = new();
    private readonly StateRowWriter _writer = new();
    private readonly SortedRowArena _arena = new(keyParts: 1);
    private readonly SnapshotEpoch _scratchEpoch = new();
    private readonly int[] _valueCompared;
    private readonly Schema? _valueSchema;
    private readonly KeySerializer? _valueSerializer;
    private readonly SerializedKeys _valueKeys = new();
    private int[] _orderOffsets = new int[257];
    private GroupTable _partitions = null!;
    private GroupRankBuffers _sorted = null!;
    private GroupStateTtl? _ttl;
    private int _maxRows;

    public NonTimeOverAggregateOperator(NonTimeOverAggregateSpec spec, RowSchema inputSchema)
    {
        _spec = spec;
        _types = inputSchema.Fields.Select(f => f.Type).ToArray();
        _inputArrowSchema = ArrowTypeMapping.ToArrowSchema(inputSchema);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _bindings = spec.Calls.Select(c => AggregateCallBinding.Of(c, inputSchema, retracting: false)).ToArray();
        _rowSerializer = new KeySerializer(Enumerable.Range(0, _types.Length).ToArray());
        _rowDecoder = new KeyDecoder(_types);
        // Ascending, NULLs first: Flink's default null order for an ascending key.
        _orderEncoder = new SortKeyEncoder([new RankOrderKey(spec.OrderColumn, false, true)], _types);
        _valueCompared = Enumerable.Range(0, _bindings.Length).Where(c => IsItsOwnAccumulator(_bindings[c].Accumulator)).ToArray();
        if (_valueCompared.Length > 0)
        {
            _valueSchema = ArrowTypeMapping.ToArrowSchema(new RowSchema(_valueCompared.Select(c => new Sql.Planner.Types.Field($"v{c}", spec.Calls[c].ResultType)).ToList()));
            _valueSerializer = new KeySerializer(Enumerable.Range(0, _valueCompared.Length).ToArray());
        }
    }

    /// <summary>
    /// Whether Flink's accumulator of the function (not retracting, as its non-time OVER builds them) is just its value:
    /// SUM keeps the sum, COUNT the count, MIN/MAX the extreme, ... Flink stops emitting at the first step whose
    /// accumulator is unchanged, so such a call is compared by value (ours may keep more: SUM also counts its non-NULL
    /// values, so adding a 0 would look like a change); the others (AVG, LAG, RANK, DISTINCT, ...) by their whole state.
    /// </summary>
    private static bool IsItsOwnAccumulator(AccumulatorSpec accumulator) => !accumulator.Distinct && accumulator.Function is
        AggregateFunction.Sum or AggregateFunction.Sum0 or AggregateFunction.Count or AggregateFunction.Min or AggregateFunction.Max
        or AggregateFunction.FirstValue or AggregateFunction.LastValue or AggregateFunction.ArrayAgg or AggregateFunction.ListAgg
        or AggregateFunction.BoolAnd or AggregateFunction.BoolOr or AggregateFunction.RowNumber;

    /// <summary>The partitions' state (tests).</summary>
    public GroupTable Partitions => _partitions;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var keyTypes = _spec.PartitionKeys.Select(k => _types[k]).ToArray();
        _partitions = context.State.KeyedState.GetGroupTable("over-nontime-partitions", new GroupTableSpec(keyTypes));
        _sorted = _partitions.AddColumn(epoch => new GroupRankBuffers(epoch));
        _ttl = GroupStateTtl.Create(_partitions, _spec.StateTtl);
        _maxRows = Math.Max(1, context.Configuration.Get(CoreOptions.BatchMaxRows));
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        _ttl?.RemoveExpired(Context.Clock.NowMicros());
        return output.EmitBarrierAsync(barrier, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        var data = batch.Data;
        _partitions.TrimCache();
        var hashes = batch.KeyHashes is { } h && h.Of(_spec.PartitionKeys) ? h.Values : default;
        var resolved = _partitions.Resolve(data, _spec.PartitionKeys, hashes);
        var rowGroups = resolved.Groups.ToArray();
        var touched = resolved.Touched.ToArray();
        Touch(touched, resolved.TouchedIsNew);
        _rowSerializer.SerializeBatch(data, _rows);
        _orderEncoder.EncodeBatch(data, _orderBytes, ref _orderOffsets);

        // The rows of this batch's work: the touched partitions' kept rows, then the batch's, decoded once into one batch.
        _arena.Clear();
        var builders = new ColumnBuilder[_types.Length];
        for (int c = 0; c < builders.Length; c++) builders[c] = ColumnBuilder.Create(_types[c]);
        var partitions = new SortedPartition[touched.Length];
        var slotOf = new Dictionary<int, int>(touched.Length);
        for (int t = 0; t < touched.Length; t++)
        {
            int g = touched[t];
            slotOf[g] = t;
            var partition = partitions[t] = new SortedPartition(g);
            if (!_sorted.HasBuffer(g)) continue;
            var reader = new StateRowReader(_sorted.Buffer(g));
            while (!reader.AtEnd)
            {
                var key = reader.ReadBytes();
                var row = reader.ReadBytes();
                partition.Entries.Add(_arena.Count);
                _arena.Add(key, row);
                _rowDecoder.DecodeInto(row, builders);
            }
        }
        int firstArriving = _arena.Count;
        var orders = _orderBytes.Written;
        _arena.Reserve(n);
        for (int r = 0; r < n; r++)
        {
            _arena.Add(orders[_orderOffsets[r].._orderOffsets[r + 1]], _rows[r]);
            _rowDecoder.DecodeInto(_rows[r], builders);
            partitions[slotOf[rowGroups[r]]].Changes.Add(r);
        }
        var rows = new RecordBatch(_inputArrowSchema, builders.Select(b => b.Build()).ToArray(), _arena.Count);

        var values = new PassValues(_bindings.Length);
        var changes = new ChangeRows(_spec.EmitUpdateBefore);
        var before = PrefixPass.Run(partitions, this, rows, values);
        for (int t = 0; t < partitions.Length; t++) partitions[t].Last = (before, t);
        for (int round = 0; ; round++)
        {
            var changed = new List<SortedPartition>();
            foreach (var partition in partitions)
                if (round < partition.Changes.Count && Apply(partition, firstArriving + partition.Changes[round], batch.KindAt(partition.Changes[round])))
                    changed.Add(partition);
            if (changed.Count == 0)
            {
                if (partitions.All(p => round >= p.Changes.Count)) break;
                continue;
            }
            var after = PrefixPass.Run(changed, this, rows, values);
            for (int i = 0; i < changed.Count; i++)
            {
                var partition = changed[i];
                var (old, oldIndex) = partition.Last;
                changes.Origin = partition.Changes[round];
                EmitChange(partition, new PassView(old, oldIndex), new PassView(after, i), changes);
                partition.Last = (after, i);
            }
        }
        Store(partitions);
        if (changes.Count == 0) return default;
        // A change may update many rows: the changes leave in batches of at most execution.batch.max-rows.
        return output.EmitInChunksAsync(changes.Build(rows, values, _outputSchema), _maxRows, cancellationToken);
    }

    private void Touch(int[] touched, ReadOnlySpan<bool> isNew)
    {
        if (_ttl is null) return;
        long now = Context.Clock.NowMicros();
        for (int t = 0; t < touched.Length; t++)
        {
            int g = touched[t];
            if (!isNew[t] && _ttl.IsExpired(g, now))
                foreach (var column in _partitions.Columns) column.Reset(g);
            _ttl.Written(g, now);
        }
    }

    /// <summary>Applies one change to the partition's sorted rows; false when a retraction names no kept row (Flink skips it).</summary>
    private bool Apply(SortedPartition partition, int entry, RowKind kind)
    {
        var entries = partition.Entries;
        var key = _arena.Key(entry, 0);
        if (kind is RowKind.Insert or RowKind.UpdateAfter)
        {
            // After its peers: the first kept row whose key is greater.
            int low = 0, high = entries.Count;
            while (low < high)
            {
                int mid = (low + high) >>> 1;
                if (_arena.Key(entries[mid], 0).SequenceCompareTo(key) <= 0) low = mid + 1;
                else high = mid;
            }
            // The step the row joins: the one of the row before it when they are peers (RANGE), else the next one.
            var last = new PassView(partition.Last.Pass, partition.Last.Index);
            bool amongPeers = !_spec.IsRows && low > 0 && _arena.Key(entries[low - 1], 0).SequenceEqual(key);
            partition.ResumeStep = low == 0 ? 0 : last.StepOf(low - 1) + (amongPeers ? 0 : 1);
            int first = low;
            while (amongPeers && first > 0 && last.StepOf(first - 1) == partition.ResumeStep) first--;
            partition.ResumePosition = first;
            entries.Insert(low, entry);
            partition.Change = new Change(low, entry, kind, Removed: false);
            return true;
        }
        // Flink's reAccumulateIdsAndGetRemoveIndex keeps the last equal row of the key.
        int found = -1;
        int at = LowerBound(entries, key);
        for (int i = at; i < entries.Count && _arena.Key(entries[i], 0).SequenceEqual(key); i++)
            if (_arena.Row(entries[i]).SequenceEqual(_arena.Row(entry))) found = i;
        if (found < 0) return false;
        var before = new PassView(partition.Last.Pass, partition.Last.Index);
        partition.ResumeStep = before.StepOf(found);
        int firstPeer = found;
        while (firstPeer > 0 && before.StepOf(firstPeer - 1) == partition.ResumeStep) firstPeer--;
        partition.ResumePosition = firstPeer;
        partition.Change = new Change(found, entries[found], RowKind.Delete, Removed: true);
        entries.RemoveAt(found);
        return true;
    }

    private int LowerBound(List<int> entries, ReadOnlySpan<byte> key)
    {
        int low = 0, high = entries.Count;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_arena.Key(entries[mid], 0).SequenceCompareTo(key) < 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>
    /// The rows one change emits, Flink's order: a row arriving among peers whose accumulator changed lists the peers
    /// (<c>-U</c>/<c>+U</c>) with itself last; a retracted row among peers whose accumulator changed comes in its place;
    /// otherwise the row alone. Then each later step until one whose accumulator is unchanged.
    /// </summary>
    private static void EmitChange(SortedPartition partition, PassView old, PassView now, ChangeRows changes)
    {
        var change = partition.Change;
        var entries = partition.Entries;
        if (!change.Removed)
        {
            int p = change.Position;
            int step = now.StepOf(p);
            // New index x is old index x (before p) or x - 1 (after p).
            bool amongPeers = p > 0 && now.StepOf(p - 1) == step;
            int next;
            int shift;
            if (!amongPeers)
            {
                changes.Add(change.Entry, change.Kind, now.ValueOf(p));
                next = p + 1;
                shift = 1;
            }
            else
            {
                if (old.AccumulatorOf(step).SequenceEqual(now.AccumulatorOf(step)))
                {
                    changes.Add(change.Entry, change.Kind, now.ValueOf(p));
                    return;
                }
                int first = p;
                while (first > 0 && now.StepOf(first - 1) == step) first--;
                for (int x = first; x < p; x++) changes.Update(entries[x], old.ValueOf(x), now.ValueOf(x));
                changes.Add(change.Entry, change.Kind, now.ValueOf(p));
                next = p + 1;
                shift = 0;
            }
            EmitLater(entries, old, now, next, shift, index => index < p ? index : index - 1, changes);
        }
        else
        {
            int d = change.Position;
            int step = old.StepOf(d);
            bool peersRemain = (d > 0 && old.StepOf(d - 1) == step) || (d + 1 < old.Count && old.StepOf(d + 1) == step);
            if (!peersRemain)
            {
                changes.Add(change.Entry, RowKind.Delete, old.ValueOf(d));
                EmitLater(entries, old, now, d, -1, index => index < d ? index : index + 1, changes);
                return;
            }
            if (old.AccumulatorOf(step).SequenceEqual(now.AccumulatorOf(step)))
            {
                changes.Add(change.Entry, RowKind.Delete, old.ValueOf(d));
                return;
            }
            int first = d;
            while (first > 0 && old.StepOf(first - 1) == step) first--;
            int end = d + 1;
            while (end < old.Count && old.StepOf(end) == step) end++;
            for (int x = first; x < end; x++)
            {
                if (x == d) changes.Add(change.Entry, RowKind.Delete, old.ValueOf(d));
                else changes.Update(entries[x < d ? x : x - 1], old.ValueOf(x), now.ValueOf(x < d ? x : x - 1));
            }
            EmitLater(entries, old, now, end - 1, 0, index => index < d ? index : index + 1, changes);
        }
    }

    /// <summary>Flink's processRemainingElements: from new index <paramref name="from"/>, each step (its rows) whose
    /// accumulator differs from the old one at step - <paramref name="shift"/> emits <c>-U</c>/<c>+U</c> for its rows; the
    /// first unchanged step ends it (the rest fold in from an equal accumulator).</summary>
    private static void EmitLater(List<int> entries, PassView old, PassView now, int from, int shift, Func<int, int> oldIndex, ChangeRows changes)
    {
        for (int x = from; x < now.Count;)
        {
            int step = now.StepOf(x);
            if (old.AccumulatorOf(step - shift).SequenceEqual(now.AccumulatorOf(step))) return;
            for (; x < now.Count && now.StepOf(x) == step; x++) changes.Update(entries[x], old.ValueOf(oldIndex(x)), now.ValueOf(x));
        }
    }

    /// <summary>Writes each touched partition's sorted rows back; a partition left empty is removed.</summary>
    private void Store(SortedPartition[] partitions)
    {
        foreach (var partition in partitions)
        {
            if (partition.Entries.Count == 0)
            {
                _partitions.Remove(partition.Group);
                continue;
            }
            _writer.Clear();
            foreach (int e in partition.Entries)
            {
                _writer.WriteBytes(_arena.Key(e, 0));
                _writer.WriteBytes(_arena.Row(e));
            }
            _sorted.Set(partition.Group, _writer.Written);
        }
    }

    /// <summary>A change applied to a partition: where the row went in (or was removed from, in the rows before), its entry.</summary>
    private readonly record struct Change(int Position, int Entry, RowKind Kind, bool Removed);

    /// <summary>A touched partition during one batch: its rows in sorted order (entries of the batch's arena), the batch's
    /// rows for it in arrival order, the change of the current round and the last pass that evaluated it.</summary>
    private sealed class SortedPartition(int group)
    {
        public int Group { get; } = group;
        public List<int> Entries { get; } = new();
        public List<int> Changes { get; } = new();
        public Change Change { get; set; }
        public (PrefixPass Pass, int Index) Last { get; set; }

        /// <summary>The first step the current change alters: the next pass starts there (0 for the first pass).</summary>
        public int ResumeStep { get; set; }

        /// <summary>The position of the first row of <see cref="ResumeStep"/>: the rows before it are as they were.</summary>
        public int ResumePosition { get; set; }
    }

    /// <summary>The calls' values of every pass of a batch, appended pass after pass; a row's value is its global index.</summary>
    private sealed class PassValues(int calls)
    {
        public List<IArrowArray>[] Parts { get; } = Enumerable.Range(0, calls).Select(_ => new List<IArrowArray>()).ToArray();
        public int Count { get; set; }
    }

    /// <summary>One partition's view of a pass: its rows' steps, values and step accumulators.</summary>
    private readonly struct PassView(PrefixPass pass, int index)
    {
        private readonly int _start = pass.PartitionStart[index];
        private readonly int _firstStep = pass.PartitionFirstStep[index];
        public int Count { get; } = pass.PartitionStart[index + 1] - pass.PartitionStart[index];
        public int StepOf(int x) => pass.StepOf[_start + x];
        public int ValueOf(int x) => pass.ValueOf[_start + x];
        public ReadOnlySpan<byte> AccumulatorOf(int step) => pass.Compared(_firstStep + step);
        public ReadOnlySpan<byte> StateOf(int step) => pass.State(_firstStep + step);
    }

    /// <summary>
    /// One evaluation of some partitions' sorted rows: for each row its step (ROWS: its position; RANGE: its set of peers)
    /// and the global index of its value; for each step what tells whether its accumulators changed (see
    /// <see cref="IsItsOwnAccumulator"/>) and the accumulators' whole state after it. A partition resumes from its
    /// <see cref="SortedPartition.ResumeStep"/>: the steps before it are its last pass's (a change leaves the rows before
    /// it as they were), and the accumulators start from that pass's state of the step before.
    /// </summary>
    private sealed class PrefixPass
    {
        public required int[] PartitionStart { get; init; }
        public required int[] PartitionFirstStep { get; init; }
        public required int[] StepOf { get; init; }
        public required int[] ValueOf { get; init; }
        public required long[] PeerOf { get; init; }
        private int[] _comparedStart = [];
        private byte[] _compared = [];
        private int[] _stateStart = [];
        private byte[] _states = [];

        public ReadOnlySpan<byte> Compared(int step) => _compared.AsSpan(_comparedStart[step], _comparedStart[step + 1] - _comparedStart[step]);

        public ReadOnlySpan<byte> State(int step) => _states.AsSpan(_stateStart[step], _stateStart[step + 1] - _stateStart[step]);

        /// <summary>Appends the compared and state bytes of steps [from, to) (global numbers) to the writers, with their starts
        /// shifted to where they land.</summary>
        private void CopySteps(int from, int to, StateRowWriter compared, int[] comparedStart, StateRowWriter states, int[] stateStart, int at)
        {
            int compareShift = compared.Length - _comparedStart[from], stateShift = states.Length - _stateStart[from];
            for (int s = from; s < to; s++)
            {
                comparedStart[at + s - from] = _comparedStart[s] + compareShift;
                stateStart[at + s - from] = _stateStart[s] + stateShift;
            }
            compared.WriteRaw(_compared.AsSpan(_comparedStart[from], _comparedStart[to] - _comparedStart[from]));
            states.WriteRaw(_states.AsSpan(_stateStart[from], _stateStart[to] - _stateStart[from]));
        }

        /// <summary>Copies the first <paramref name="rows"/> rows' steps, peers and values of partition <paramref name="index"/>.</summary>
        private void CopyRows(int index, int rows, int[] stepOf, long[] peerOf, int[] valueOf, int at)
        {
            int from = PartitionStart[index];
            System.Array.Copy(StepOf, from, stepOf, at, rows);
            System.Array.Copy(PeerOf, from, peerOf, at, rows);
            System.Array.Copy(ValueOf, from, valueOf, at, rows);
        }

        public static PrefixPass Run(IReadOnlyList<SortedPartition> partitions, NonTimeOverAggregateOperator op, RecordBatch rows, PassValues values)
        {
            int count = partitions.Count;
            var partitionStart = new int[count + 1];
            var firstStep = new int[count + 1];
            for (int i = 0; i < count; i++) partitionStart[i + 1] = partitionStart[i] + partitions[i].Entries.Count;
            int members = partitionStart[count];
            var entry = new int[members];
            var group = new int[members];
            var stepOf = new int[members];
            var peerOf = new long[members];
            var order = new List<long>(members);
            var valueOf = new int[members];
            for (int i = 0; i < count; i++)
            {
                var partition = partitions[i];
                var entries = partition.Entries;
                // The rows before the change keep their steps, peers and values: copied from the last pass.
                int copied = partition.ResumeStep == 0 ? 0 : partition.ResumePosition;
                int begin = partitionStart[i];
                if (copied > 0) partition.Last.Pass.CopyRows(partition.Last.Index, copied, stepOf, peerOf, valueOf, begin);
                int step = copied == 0 ? -1 : stepOf[begin + copied - 1];
                long peer = copied == 0 ? -1 : peerOf[begin + copied - 1];
                for (int x = 0; x < entries.Count; x++)
                {
                    int m = begin + x;
                    entry[m] = entries[x];
                    group[m] = i;
                    if (x < copied) continue;
                    bool newPeers = x == 0 || !op._arena.Key(entries[x], 0).SequenceEqual(op._arena.Key(entries[x - 1], 0));
                    if (newPeers) peer++;
                    if (newPeers || op._spec.IsRows) step++;
                    peerOf[m] = peer;
                    stepOf[m] = step;
                    order.Add(((long)step << 32) | (uint)m);
                }
                firstStep[i + 1] = firstStep[i] + step + 1;
            }
            var sorted = order.ToArray();
            System.Array.Sort(sorted);
            var pass = new PrefixPass { PartitionStart = partitionStart, PartitionFirstStep = firstStep, StepOf = stepOf, ValueOf = valueOf, PeerOf = peerOf };
            int steps = firstStep[count];
            var comparedAt = new (int Start, int Length)[steps];
            var stateAt = new (int Start, int Length)[steps];
            var accumulators = op._bindings.Select(b => b.Accumulator.Create(op._scratchEpoch)).ToArray();
            foreach (var accumulator in accumulators) accumulator.EnsureCapacity(count);
            // A resumed partition's accumulators start from its last pass's state of the step before.
            for (int i = 0; i < count; i++)
            {
                var partition = partitions[i];
                if (partition.ResumeStep == 0) continue;
                var reader = new StateRowReader(new PassView(partition.Last.Pass, partition.Last.Index).StateOf(partition.ResumeStep - 1));
                foreach (var accumulator in accumulators)
                {
                    var one = new StateRowReader(reader.ReadBytes());
                    accumulator.ReadState(i, ref one);
                }
            }
            var written = new StateRowWriter();
            var scratch = new StateRowWriter();
            var results = new List<IArrowArray>[accumulators.Length];
            for (int c = 0; c < results.Length; c++) results[c] = new List<IArrowArray>();
            int evaluated = 0;
            for (int start = 0; start < sorted.Length;)
            {
                int end = start + 1;
                while (end < sorted.Length && sorted[end] >> 32 == sorted[start] >> 32) end++;
                int size = end - start;
                var roundRows = new int[size];
                var roundGroups = new int[size];
                var roundPeers = new long[size];
                var distinct = new List<int>(size);
                for (int k = 0; k < size; k++)
                {
                    int m = (int)sorted[start + k];
                    roundRows[k] = entry[m];
                    roundGroups[k] = group[m];
                    roundPeers[k] = peerOf[m];
                    // Members of one partition are adjacent in a round (members are numbered partition by partition).
                    if (distinct.Count == 0 || distinct[^1] != group[m]) distinct.Add(group[m]);
                    valueOf[m] = values.Count + evaluated + distinct.Count - 1;
                }
                for (int c = 0; c < accumulators.Length; c++)
                {
                    var columns = op._bindings[c].ArgumentColumns;
                    var arguments = new IArrowArray[columns.Length];
                    // RANK and DENSE_RANK start a new rank where the order value changes: their argument is the row's set of
                    // peers (a number), whatever the ORDER BY column's type.
                    if (op._bindings[c].Accumulator.Function is AggregateFunction.Rank or AggregateFunction.DenseRank)
                        arguments[0] = new Int64Array.Builder().AppendRange(roundPeers).Build();
                    else
                        for (int a = 0; a < arguments.Length; a++) arguments[a] = ArrayGather.Take(rows.Column(columns[a]), roundRows, size);
                    accumulators[c].Update(arguments, roundGroups, default);
                }
                var evaluatedGroups = distinct.ToArray();
                for (int c = 0; c < accumulators.Length; c++) results[c].Add(accumulators[c].Evaluate(evaluatedGroups));
                if (op._valueSerializer is { } serializer)
                {
                    var compared = new IArrowArray[op._valueCompared.Length];
                    for (int v = 0; v < compared.Length; v++) compared[v] = results[op._valueCompared[v]][^1];
                    serializer.SerializeBatch(new RecordBatch(op._valueSchema!, compared, evaluatedGroups.Length), op._valueKeys);
                }
                int step = (int)(sorted[start] >> 32);
                for (int q = 0; q < evaluatedGroups.Length; q++)
                {
                    int g = evaluatedGroups[q];
                    int at = firstStep[g] + step;
                    // What Flink's accumulators would compare: the values of the calls that are their own accumulator, the
                    // state of the others; then the whole state, to resume from.
                    int from = written.Length;
                    if (op._valueSerializer is not null) written.WriteBytes(op._valueKeys[q]);
                    for (int c = 0; c < accumulators.Length; c++)
                        if (System.Array.IndexOf(op._valueCompared, c) < 0) accumulators[c].WriteState(g, written);
                    comparedAt[at] = (from, written.Length - from);
                    from = written.Length;
                    foreach (var accumulator in accumulators)
                    {
                        scratch.Clear();
                        accumulator.WriteState(g, scratch);
                        written.WriteBytes(scratch.Written);
                    }
                    stateAt[at] = (from, written.Length - from);
                }
                evaluated += evaluatedGroups.Length;
                start = end;
            }
            // Lay the steps out by (partition, step), the resumed partitions' first steps copied from their last pass.
            var compareBytes = new StateRowWriter();
            var stateBytes = new StateRowWriter();
            var compareStart = new int[steps + 1];
            var stateStart = new int[steps + 1];
            var all = written.Written;
            for (int i = 0; i < count; i++)
            {
                var partition = partitions[i];
                int resume = partition.ResumeStep;
                if (resume > 0)
                {
                    var (last, index) = partition.Last;
                    int lastFirst = last.PartitionFirstStep[index];
                    last.CopySteps(lastFirst, lastFirst + resume, compareBytes, compareStart, stateBytes, stateStart, firstStep[i]);
                }
                for (int step = resume; step < firstStep[i + 1] - firstStep[i]; step++)
                {
                    int at = firstStep[i] + step;
                    compareStart[at] = compareBytes.Length;
                    stateStart[at] = stateBytes.Length;
                    compareBytes.WriteRaw(all.Slice(comparedAt[at].Start, comparedAt[at].Length));
                    stateBytes.WriteRaw(all.Slice(stateAt[at].Start, stateAt[at].Length));
                }
            }
            compareStart[steps] = compareBytes.Length;
            stateStart[steps] = stateBytes.Length;
            pass._comparedStart = compareStart;
            pass._compared = compareBytes.Written.ToArray();
            pass._stateStart = stateStart;
            pass._states = stateBytes.Written.ToArray();
            for (int c = 0; c < results.Length; c++)
                if (evaluated > 0) values.Parts[c].Add(BatchOverAggregateOperator.Concatenate(results[c], evaluated));
            values.Count += evaluated;
            return pass;
        }
    }

    /// <summary>The rows a batch emits: the arena entry, the kind and the global index of the value of each.</summary>
    private sealed class ChangeRows(bool emitUpdateBefore)
    {
        private readonly List<int> _entries = new();
        private readonly List<RowKind> _kinds = new();
        private readonly List<int> _values = new();
        private readonly List<long> _order = new();
        private bool _inArrivalOrder = true;

        public int Count => _entries.Count;

        /// <summary>The input row (its place in the batch) whose change the next rows come from.</summary>
        public int Origin { get; set; }

        public void Add(int entry, RowKind kind, int value)
        {
            // Rounds take every partition's k-th change together; Flink emits change after change as the rows came.
            if (_order.Count > 0 && (int)(_order[^1] >> 32) > Origin) _inArrivalOrder = false;
            _order.Add(((long)Origin << 32) | (uint)_entries.Count);
            _entries.Add(entry);
            _kinds.Add(kind);
            _values.Add(value);
        }

        public void Update(int entry, int oldValue, int newValue)
        {
            if (emitUpdateBefore) Add(entry, RowKind.UpdateBefore, oldValue);
            Add(entry, RowKind.UpdateAfter, newValue);
        }

        public Batch Build(RecordBatch rows, PassValues values, Schema schema)
        {
            int n = _entries.Count;
            var entries = _entries.ToArray();
            var picks = _values.ToArray();
            var kinds = _kinds.ToArray();
            if (!_inArrivalOrder)
            {
                // In the order of the input rows whose changes they are, each change's rows kept together in order.
                var order = _order.ToArray();
                System.Array.Sort(order);
                var (sortedEntries, sortedPicks, sortedKinds) = (new int[n], new int[n], new RowKind[n]);
                for (int i = 0; i < n; i++)
                {
                    int from = (int)order[i];
                    (sortedEntries[i], sortedPicks[i], sortedKinds[i]) = (entries[from], picks[from], kinds[from]);
                }
                (entries, picks, kinds) = (sortedEntries, sortedPicks, sortedKinds);
            }
            var input = ArrayGather.Take(rows, entries, n);
            var columns = new IArrowArray[input.ColumnCount + values.Parts.Length];
            for (int c = 0; c < input.ColumnCount; c++) columns[c] = input.Column(c);
            for (int c = 0; c < values.Parts.Length; c++)
                columns[input.ColumnCount + c] = ArrayGather.Take(BatchOverAggregateOperator.Concatenate(values.Parts[c], values.Count), picks, n);
            return new Batch(new RecordBatch(schema, columns, n), kinds);
        }
    }
}
