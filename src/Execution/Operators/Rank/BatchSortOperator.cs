using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>
/// Batch mode's sort of the final rows (Flink's SortOperator / SortLimitOperator, global): every row is kept with its sort
/// key in a <see cref="SortedRowArena"/> as it comes; at end of input the rows are sorted by key, then arrival, and those
/// ranked Offset+1 .. Offset+Fetch decoded into batches. In memory: a batch job takes no checkpoints (it reruns from
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
    private readonly SortedRowArena _arena = new(keyParts: 1);
    private readonly Schema _outputSchema;
    private int[] _keyOffsets = new int[257];

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
        batch.RequireInsertOnly(_spec.Description);
        _rowSerializer.SerializeBatch(batch.Data, _rows);
        _sortKeys.EncodeBatch(batch.Data, _keyBytes, ref _keyOffsets);
        var keys = _keyBytes.Written;
        _arena.Reserve(n);
        for (int r = 0; r < n; r++) _arena.Add(keys[_keyOffsets[r].._keyOffsets[r + 1]], _rows[r]);
        return default;
    }

    public override async ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken)
    {
        int count = _arena.Count;
        long first = Math.Min(_spec.Offset, count);
        long end = _spec.Fetch is { } fetch ? Math.Min(count, first + Math.Min(fetch, count)) : count;
        if (end > first)
        {
            var order = _arena.SortedOrder();
            for (long start = first; start < end; start += OutputBatchRows)
            {
                int rows = (int)Math.Min(OutputBatchRows, end - start);
                var batch = new RankOutput(_types, false, rows);
                for (int i = 0; i < rows; i++) batch.Append(RowKind.Insert, _arena.Row(order[start + i]), 0);
                await output.EmitAsync(batch.Build(_outputSchema), cancellationToken).ConfigureAwait(false);
            }
        }
        _arena.Clear();
    }
}
