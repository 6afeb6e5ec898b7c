using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Execution.Operators;

/// <summary>
/// <c>$REPLICATE_ROWS$</c> (<see cref="ReplicateRowsSpec"/>): the row indexes are listed once per count (column 0) and
/// every other column is one gather over them; row kinds go with their rows.
/// </summary>
public sealed class ReplicateRowsOperator : StreamOperatorBase
{
    private readonly Schema _outputSchema;
    private int[] _rows = [];

    public ReplicateRowsOperator(ReplicateRowsSpec spec)
    {
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        var countColumn = (Int64Array)batch.Data.Column(0);
        var counts = countColumn.Values;
        bool nulls = countColumn.NullCount > 0;
        long total = 0;
        for (int i = 0; i < n; i++)
            if (counts[i] > 0 && !(nulls && countColumn.IsNull(i))) total += counts[i];
        if (total == 0) return default;
        if (total > System.Array.MaxLength) throw new InvalidOperationException($"A batch of rows is to be replicated {total} times, more than one batch can hold");
        if (_rows.Length < total) _rows = new int[total];
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            if (counts[i] <= 0 || nulls && countColumn.IsNull(i)) continue;
            for (long c = counts[i]; c > 0; c--) _rows[k++] = i;
        }

        var columns = new IArrowArray[_outputSchema.FieldsList.Count];
        for (int c = 0; c < columns.Length; c++) columns[c] = ArrayGather.Take(batch.Data.Column(c + 1), _rows, k);
        RowKind[]? kinds = null;
        if (batch.RowKinds is { } inputKinds)
        {
            kinds = new RowKind[k];
            for (int r = 0; r < k; r++) kinds[r] = inputKinds[_rows[r]];
        }
        return output.EmitAsync(new Batch(new RecordBatch(_outputSchema, columns, k), kinds), cancellationToken);
    }
}
