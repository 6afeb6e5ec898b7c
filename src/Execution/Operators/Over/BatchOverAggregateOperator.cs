using Apache.Arrow;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Operators.Rank;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Over;

/// <summary>
/// Batch mode's OVER aggregate (Flink's batch OverAggregate over a sort): every row is kept as it comes with its partition key
/// and order key in a <see cref="SortedRowArena"/>, as <see cref="BatchSortOperator"/> keeps them;
/// at end of input a permutation is sorted by (partition, order keys, arrival) and the rows decoded in that order. ROW_NUMBER,
/// RANK, DENSE_RANK, LAG, LEAD, NTILE, CUME_DIST and PERCENT_RANK are positional over the sorted arrays. The aggregates run the accumulators in rounds as the
/// streaming <see cref="OverAggregateOperator"/> does: round j holds step j of every partition (ROWS: its j-th row; RANGE:
/// its j-th set of peers); each partition's accumulated rows slide with its frame (<see cref="FrameBounds"/>: ROWS or RANGE,
/// bounded or not on either side), the rows entering it added and those leaving it retracted. In memory: a batch job
/// takes no checkpoints.
/// </summary>
public sealed class BatchOverAggregateOperator : StreamOperatorBase
{
    private const int OutputBatchRows = 4096;
    private readonly BatchOverAggregateSpec _spec;
    private readonly RowSchema _inputSchema;
    private readonly SqlType[] _types;
    private readonly Schema _inputArrowSchema;
    private readonly Schema _outputSchema;
    private readonly KeySerializer _rowSerializer;
    private readonly KeyDecoder _rowDecoder;
    private readonly SerializedKeys _rows = new();
    private readonly SortKeyEncoder _partitionEncoder;
    private readonly SortKeyEncoder _orderEncoder;
    private readonly StateRowWriter _partitionBytes = new();
    private readonly StateRowWriter _orderBytes = new();
    private readonly SortedRowArena _arena = new(keyParts: 2);
    private int[] _partitionOffsets = new int[257];
    private int[] _orderOffsets = new int[257];

    public BatchOverAggregateOperator(BatchOverAggregateSpec spec, RowSchema inputSchema)
    {
        _spec = spec;
        _inputSchema = inputSchema;
        _types = inputSchema.Fields.Select(f => f.Type).ToArray();
        _inputArrowSchema = ArrowTypeMapping.ToArrowSchema(inputSchema);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _rowSerializer = new KeySerializer(Enumerable.Range(0, _types.Length).ToArray());
        _rowDecoder = new KeyDecoder(_types);
        _partitionEncoder = new SortKeyEncoder(spec.PartitionKeys.Select(k => new RankOrderKey(k, false, true)).ToList(), _types);
        _orderEncoder = new SortKeyEncoder(spec.OrderKeys, _types);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        batch.RequireInsertOnly(_spec.Description);
        _rowSerializer.SerializeBatch(batch.Data, _rows);
        _partitionEncoder.EncodeBatch(batch.Data, _partitionBytes, ref _partitionOffsets);
        _orderEncoder.EncodeBatch(batch.Data, _orderBytes, ref _orderOffsets);
        var partitions = _partitionBytes.Written;
        var orders = _orderBytes.Written;
        _arena.Reserve(n);
        for (int r = 0; r < n; r++)
            _arena.Add(partitions[_partitionOffsets[r].._partitionOffsets[r + 1]], orders[_orderOffsets[r].._orderOffsets[r + 1]], _rows[r]);
        return default;
    }

    public override async ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken)
    {
        int n = _arena.Count;
        if (n > 0)
        {
            var order = _arena.SortedOrder();
            var sorted = Decode(order);
            var frames = SortedFrames.Of(order, n, PartitionKey, OrderKey);
            var columns = new IArrowArray[sorted.ColumnCount + _spec.Calls.Count];
            for (int c = 0; c < sorted.ColumnCount; c++) columns[c] = sorted.Column(c);
            var aggregates = new List<int>();
            for (int c = 0; c < _spec.Calls.Count; c++)
            {
                var call = _spec.Calls[c];
                var positional = call.Kind switch
                {
                    AggregateFunctionKind.RowNumber => Integers(n, i => i - frames.PartitionStart[i] + 1),
                    AggregateFunctionKind.Rank => Integers(n, i => frames.PeerStart[i] - frames.PartitionStart[i] + 1),
                    AggregateFunctionKind.DenseRank => Integers(n, i => frames.PeerOrdinal[i] + 1),
                    AggregateFunctionKind.Lag => Shifted(sorted, call, frames, -call.LagOffset),
                    AggregateFunctionKind.Lead => Shifted(sorted, call, frames, call.LagOffset),
                    AggregateFunctionKind.Ntile => Integers(n, i => Ntile(i - frames.PartitionStart[i], frames.PartitionEnd[i] - frames.PartitionStart[i], call.LagOffset)),
                    AggregateFunctionKind.CumeDist => Doubles(n, i => (double)(frames.PeerEnd[i] - frames.PartitionStart[i]) / (frames.PartitionEnd[i] - frames.PartitionStart[i])),
                    AggregateFunctionKind.PercentRank => Doubles(n, i => frames.PartitionEnd[i] - frames.PartitionStart[i] == 1 ? 0.0
                        : (double)(frames.PeerStart[i] - frames.PartitionStart[i]) / (frames.PartitionEnd[i] - frames.PartitionStart[i] - 1)),
                    _ => null,
                };
                if (positional is null) aggregates.Add(c);
                else columns[sorted.ColumnCount + c] = positional;
            }
            if (aggregates.Count > 0)
            {
                var values = Aggregate(sorted, frames, aggregates);
                for (int a = 0; a < aggregates.Count; a++) columns[sorted.ColumnCount + aggregates[a]] = values[a];
            }
            for (int start = 0; start < n; start += OutputBatchRows)
            {
                int rows = Math.Min(OutputBatchRows, n - start);
                var slice = new IArrowArray[columns.Length];
                for (int c = 0; c < columns.Length; c++) slice[c] = start == 0 && rows == n ? columns[c] : ArrowArrayFactory.Slice(columns[c], start, rows);
                await output.EmitAsync(new Batch(new RecordBatch(_outputSchema, slice, rows)), cancellationToken).ConfigureAwait(false);
            }
        }
        _arena.Clear();
    }

    private ReadOnlySpan<byte> PartitionKey(int e) => _arena.Key(e, 0);

    private ReadOnlySpan<byte> OrderKey(int e) => _arena.Key(e, 1);

    private RecordBatch Decode(int[] order)
    {
        var builders = new ColumnBuilder[_types.Length];
        for (int c = 0; c < builders.Length; c++) builders[c] = ColumnBuilder.Create(_types[c]);
        foreach (int e in order) _rowDecoder.DecodeInto(_arena.Row(e), builders);
        return new RecordBatch(_inputArrowSchema, builders.Select(b => b.Build()).ToArray(), order.Length);
    }

    private static IArrowArray Integers(int n, Func<int, long> value)
    {
        var values = new long[n];
        for (int i = 0; i < n; i++) values[i] = value(i);
        return ResultArrays.Integers(SqlType.BigInt.AsNotNull(), values, default);
    }

    /// <summary>LAG(x, k, default) (<paramref name="shift"/> -k) and LEAD (+k): x of the row k places before or after in
    /// the partition, else the default (NULL without one): one gather from x's column followed by the default's.</summary>
    private static IArrowArray Shifted(RecordBatch sorted, AggregateCall call, SortedFrames frames, long shift)
    {
        int n = sorted.Length;
        var value = sorted.Column(call.ArgIndexes[0]);
        IArrowArray fallback;
        if (call.ArgIndexes.Count > 1)
        {
            fallback = sorted.Column(call.ArgIndexes[1]);
        }
        else
        {
            var nulls = ColumnBuilder.Create(call.ResultType);
            for (int i = 0; i < n; i++) nulls.AppendNull();
            fallback = nulls.Build();
        }
        var identity = new int[n];
        for (int i = 0; i < n; i++) identity[i] = i;
        var both = ArrowArrayFactory.BuildArray(ArrayGather.Gather(value.Data.DataType,
            [new GatherSegment(value.Data, identity, 0, n), new GatherSegment(fallback.Data, identity, 0, n)], 2 * n));
        var picks = new int[n];
        for (int i = 0; i < n; i++)
        {
            long from = i + shift;
            picks[i] = from >= frames.PartitionStart[i] && from < frames.PartitionEnd[i] ? (int)from : n + i;
        }
        return ArrayGather.Take(both, picks, n);
    }

    /// <summary>The bucket (1-based) of the row at <paramref name="place"/> of <paramref name="rows"/> split into
    /// <paramref name="buckets"/> in order, the first rows % buckets buckets one row larger.</summary>
    private static long Ntile(int place, int rows, int buckets)
    {
        long small = rows / buckets;
        long larger = rows % buckets;
        long inLarger = larger * (small + 1);
        return place < inLarger ? place / (small + 1) + 1 : (place - inLarger) / small + larger + 1;
    }

    private static IArrowArray Doubles(int n, Func<int, double> value)
    {
        var builder = new DoubleArray.Builder().Reserve(n);
        for (int i = 0; i < n; i++) builder.Append(value(i));
        return builder.Build();
    }

    /// <summary>The aggregate calls' values for the sorted rows, by rounds of accumulator updates (see the class comment).</summary>
    private IArrowArray[] Aggregate(RecordBatch sorted, SortedFrames frames, List<int> calls)
    {
        int n = sorted.Length;
        var frame = _spec.Frame;
        bool rows = frame.IsRows;
        var orderKey = _spec.OrderKeys.Count > 0 ? sorted.Column(_spec.OrderKeys[0].Column) : null;
        var bounds = FrameBounds.Of(frame, frames, n, orderKey, _spec.OrderKeys.Count > 0 && _spec.OrderKeys[0].Descending);
        // Rows leave the frame only when its start moves.
        var bindings = calls.Select(c => AggregateCallBinding.Of(_spec.Calls[c], _inputSchema, retracting: !frame.IsUnbounded)).ToArray();
        var epoch = new SnapshotEpoch();
        var accumulators = bindings.Select(b => b.Accumulator.Create(epoch)).ToArray();
        foreach (var accumulator in accumulators) accumulator.EnsureCapacity(frames.Partitions);

        var steps = new long[n];
        for (int i = 0; i < n; i++) steps[i] = ((long)(rows ? i - frames.PartitionStart[i] : frames.PeerOrdinal[i]) << 32) | (uint)i;
        System.Array.Sort(steps);
        var results = new List<IArrowArray>[bindings.Length];
        for (int c = 0; c < results.Length; c++) results[c] = new List<IArrowArray>();
        var roundOrder = new int[n];
        // Each partition's accumulated rows: sorted positions [from, to).
        var from = new int[frames.Partitions];
        var to = new int[frames.Partitions];
        for (int i = 0; i < n; i++) from[frames.Partition[i]] = to[frames.Partition[i]] = frames.PartitionStart[i];
        var entering = new List<int>();
        var leaving = new List<int>();
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && steps[end] >> 32 == steps[start] >> 32) end++;
            int count = end - start;
            var members = new int[count];
            var groups = new int[count];
            entering.Clear();
            leaving.Clear();
            for (int k = 0; k < count; k++)
            {
                int i = (int)steps[start + k];
                members[k] = i;
                int p = frames.Partition[i];
                groups[k] = p;
                roundOrder[start + k] = i;
                // A round's members of one partition are peers (RANGE) sharing one frame: move it once.
                int low = bounds.Start[i], high = bounds.End[i];
                if (low >= to[p])
                {
                    for (int r = from[p]; r < to[p]; r++) leaving.Add(r);
                    for (int r = low; r < high; r++) entering.Add(r);
                }
                else
                {
                    for (int r = from[p]; r < low; r++) leaving.Add(r);
                    for (int r = to[p]; r < high; r++) entering.Add(r);
                }
                (from[p], to[p]) = (low, high);
            }
            if (leaving.Count > 0)
            {
                var (leavingRows, leavingGroups) = RowsAndGroups(leaving, frames);
                for (int c = 0; c < bindings.Length; c++)
                    accumulators[c].Retract(Arguments(sorted, bindings[c], leavingRows), leavingGroups, default);
            }
            if (entering.Count > 0)
            {
                // The usual step (a running or sliding frame ending at the row): each member brings in itself.
                var (enteringRows, enteringGroups) = Same(entering, members) ? (members, groups) : RowsAndGroups(entering, frames);
                for (int c = 0; c < bindings.Length; c++)
                    accumulators[c].Update(Arguments(sorted, bindings[c], enteringRows), enteringGroups, default);
            }
            for (int c = 0; c < bindings.Length; c++) results[c].Add(accumulators[c].Evaluate(groups));
            start = end;
        }
        // Values come in round order; put them back in sorted order.
        var back = new int[n];
        for (int k = 0; k < n; k++) back[roundOrder[k]] = k;
        var values = new IArrowArray[bindings.Length];
        for (int c = 0; c < bindings.Length; c++) values[c] = ArrayGather.Take(Concatenate(results[c], n), back, n);
        return values;
    }

    private static bool Same(List<int> rows, int[] members)
    {
        if (rows.Count != members.Length) return false;
        for (int k = 0; k < members.Length; k++)
            if (rows[k] != members[k]) return false;
        return true;
    }

    private static (int[] Rows, int[] Groups) RowsAndGroups(List<int> rows, SortedFrames frames)
    {
        var array = rows.ToArray();
        var groups = new int[array.Length];
        for (int k = 0; k < array.Length; k++) groups[k] = frames.Partition[array[k]];
        return (array, groups);
    }

    private static IArrowArray[] Arguments(RecordBatch sorted, AggregateCallBinding binding, int[] rows)
    {
        // A round of one partition (or of consecutive rows) reads a slice, not a copy.
        bool consecutive = rows[^1] - rows[0] == rows.Length - 1;
        var arguments = new IArrowArray[binding.ArgumentColumns.Length];
        for (int a = 0; a < arguments.Length; a++)
        {
            var column = sorted.Column(binding.ArgumentColumns[a]);
            arguments[a] = consecutive ? ArrowArrayFactory.Slice(column, rows[0], rows.Length) : ArrayGather.Take(column, rows, rows.Length);
        }
        return arguments;
    }

    /// <summary>The parts one after the other, as one array.</summary>
    internal static IArrowArray Concatenate(List<IArrowArray> parts, int total)
    {
        if (parts.Count == 1) return parts[0];
        int longest = parts.Max(p => p.Length);
        var identity = new int[longest];
        for (int i = 0; i < longest; i++) identity[i] = i;
        var segments = new GatherSegment[parts.Count];
        for (int i = 0; i < parts.Count; i++) segments[i] = new GatherSegment(parts[i].Data, identity, 0, parts[i].Length);
        return ArrowArrayFactory.BuildArray(ArrayGather.Gather(parts[0].Data.DataType, segments, total));
    }
}
