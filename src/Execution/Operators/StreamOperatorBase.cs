using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Operators;

/// <summary>Defaults for stateless operators: watermarks and barriers are forwarded, end of input and close do nothing.</summary>
public abstract class StreamOperatorBase : IStreamOperator
{
    /// <summary>Set by <see cref="OpenAsync"/>.</summary>
    protected OperatorContext Context { get; private set; } = null!;

    public virtual ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        Context = context;
        return default;
    }

    public abstract ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken);

    public virtual ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken) =>
        output.EmitWatermarkAsync(watermark, cancellationToken);

    public virtual ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken) => default;

    public virtual ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken) =>
        output.EmitBarrierAsync(barrier, cancellationToken);

    public virtual ValueTask OnCheckpointCompleteAsync(long checkpointId, CancellationToken cancellationToken) => default;

    /// <summary>Must be safe to call without a successful <see cref="OpenAsync"/>, and more than once.</summary>
    public virtual ValueTask CloseAsync() => default;
}
