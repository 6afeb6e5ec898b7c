using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Operators;

/// <summary>UNION ALL: batches from every input pass through; the subtask's watermark merge gives the minimum over inputs.</summary>
public sealed class UnionOperator : StreamOperatorBase
{
    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken) =>
        output.EmitAsync(batch, cancellationToken);
}
