using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Operators;

/// <summary>Flink's DropUpdateBeforeFunction (<see cref="Sql.Planner.Physical.DropUpdateBeforeSpec"/>): drops the
/// <c>-U</c> rows of each batch; a batch without any passes as it is.</summary>
public sealed class DropUpdateBeforeOperator : StreamOperatorBase
{
    private int[] _kept = new int[256];

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        var kinds = batch.RowKinds;
        if (kinds is null || Array.IndexOf(kinds, RowKind.UpdateBefore, 0, batch.Length) < 0)
            return output.EmitAsync(batch, cancellationToken);
        if (_kept.Length < batch.Length) _kept = new int[Math.Max(batch.Length, _kept.Length * 2)];
        int count = 0;
        for (int r = 0; r < batch.Length; r++)
            if (kinds[r] != RowKind.UpdateBefore) _kept[count++] = r;
        return count == 0 ? ValueTask.CompletedTask : output.EmitAsync(BatchGather.Take(batch, _kept, count), cancellationToken);
    }
}
