using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;

namespace StreamSql.Execution.Runtime;

/// <summary>Operator i's emitter inside a chain: a direct call into operator i + 1 (no channel, no copy).</summary>
internal sealed class ChainEmitter(IStreamOperator next, IEmitter nextOutput) : IEmitter
{
    public ValueTask EmitAsync(Batch batch, CancellationToken cancellationToken) =>
        batch.Length == 0 ? default : next.OnBatchAsync(0, batch, nextOutput, cancellationToken);

    public ValueTask EmitWatermarkAsync(Watermark watermark, CancellationToken cancellationToken) =>
        next.OnWatermarkAsync(watermark, nextOutput, cancellationToken);

    public ValueTask EmitBarrierAsync(CheckpointBarrier barrier, CancellationToken cancellationToken) =>
        next.OnBarrierAsync(barrier, nextOutput, cancellationToken);
}
