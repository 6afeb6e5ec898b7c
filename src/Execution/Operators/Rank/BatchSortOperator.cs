using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>
/// Batch mode's sort of the final rows (Flink's SortOperator / SortLimitOperator, global): every row's sort key
/// (<see cref="SortKeyEncoder"/> bytes, so comparisons are byte comparisons) and the row itself (<see cref="KeySerializer"/>)
/// are appended to one byte arena as they come; at end of input the row indexes are sorted by key, then arrival, and the
/// rows ranked Offset+1 .. Offset+Fetch decoded into batches. In memory: a batch job takes no checkpoints (it reruns from
/// the start), so there is nothing to save.
/// </summary>
public sealed class BatchSortOperator : StreamOperatorBase
{
    private const int OutputBatchRows = 4096;
    private readonly BatchSortSpec _spec;
    private readonly SqlType[] _types;
    private readonly KeySerializer _rowSerializer;
    private readonly SerializedKeys _rows = new();
    private readonly SortKeyEncoder _sortKeys;
    private readonly StateRowWriter _keyBytes = new();
    private readonly StateRowWriter _arena = new();
    private readonly Schema _outputSchema;
    private int[] _keyOffsets = new int[257];
    private int[] _keyStart = new int[1024];
    private int[] _rowStart = new int[1024];
    private int _count;

    public BatchSortOperator(BatchSortSpec spec, RowSchema inputSchema)
    {
        _spec = spec;
        _types = inputSchema.Fields.Select(f => f.Type).ToArray();
        _rowSerializer = new KeySerializer(Enumerable.Range(0, _types.Length).ToArray());
        _sortKeys = new SortKeyEncoder(spec.OrderKeys, _types);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        if (!batch.IsInsertOnly)
            for (int r = 0; r < n; r++)
                if (batch.KindAt(r) != RowKind.Insert) throw new InvalidOperationException($"{_spec.Description} takes an insert-only input, but got a {batch.KindAt(r)} row");
        _rowSerializer.SerializeBatch(batch.Data, _rows);
        _sortKeys.EncodeBatch(batch.Data, _keyBytes, ref _keyOffsets);
        var keys = _keyBytes.Written;
        if (_keyStart.Length < _count + n + 1)
        {
            int size = Math.Max(_keyStart.Length * 2, _count + n + 1);
            System.Array.Resize(ref _keyStart, size);
            System.Array.Resize(ref _rowStart, size);
        }
        // Entry i: its key from _keyStart[i] to _rowStart[i], its row from _rowStart[i] to _keyStart[i + 1].
        for (int r = 0; r < n; r++)
        {
            _keyStart[_count] = _arena.Length;
            _arena.WriteRaw(keys[_keyOffsets[r].._keyOffsets[r + 1]]);
            _rowStart[_count] = _arena.Length;
            _arena.WriteRaw(_rows[r]);
            _count++;
        }
        _keyStart[_count] = _arena.Length;
        return default;
    }

    public override async ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken)
    {
        long first = Math.Min(_spec.Offset, _count);
        long end = _spec.Fetch is { } fetch ? Math.Min(_count, first + Math.Min(fetch, _count)) : _count;
        if (end > first)
        {
            var order = new int[_count];
            for (int i = 0; i < _count; i++) order[i] = i;
            System.Array.Sort(order, Compare);
            for (long start = first; start < end; start += OutputBatchRows)
            {
                int rows = (int)Math.Min(OutputBatchRows, end - start);
                var batch = new RankOutput(_types, false, rows);
                var arena = _arena.Written;
                for (int i = 0; i < rows; i++)
                {
                    int e = order[start + i];
                    batch.Append(RowKind.Insert, arena[_rowStart[e].._keyStart[e + 1]], 0);
                }
                await output.EmitAsync(batch.Build(_outputSchema), cancellationToken).ConfigureAwait(false);
            }
        }
        _count = 0;
        _arena.Clear();
    }

    private int Compare(int a, int b)
    {
        var arena = _arena.Written;
        int byKey = arena[_keyStart[a].._rowStart[a]].SequenceCompareTo(arena[_keyStart[b].._rowStart[b]]);
        return byKey != 0 ? byKey : a.CompareTo(b);
    }
}
