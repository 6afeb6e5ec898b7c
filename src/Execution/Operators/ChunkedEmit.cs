using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Operators;

/// <summary>Emitting a batch an operator made larger than <c>execution.batch.max-rows</c> (an expansion, a changelog of
/// many updates) as consecutive slices of at most that many rows, row kinds kept.</summary>
public static class ChunkedEmit
{
    public static async ValueTask EmitInChunksAsync(this IEmitter output, Batch batch, int maxRows, CancellationToken cancellationToken)
    {
        if (batch.Length <= maxRows)
        {
            await output.EmitAsync(batch, cancellationToken).ConfigureAwait(false);
            return;
        }
        for (int at = 0; at < batch.Length; at += maxRows)
        {
            int count = Math.Min(maxRows, batch.Length - at);
            var kinds = batch.RowKinds?.AsSpan(at, count).ToArray();
            await output.EmitAsync(new Batch(BatchGather.Slice(batch.Data, at, count), kinds), cancellationToken).ConfigureAwait(false);
        }
    }
}
