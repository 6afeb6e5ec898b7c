using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Operators;

/// <summary>
/// A runtime operator: one instance per subtask, driven by a single thread (no locks needed inside).
/// The subtask calls these in stream order; control elements arrive between batches, never concurrently.
/// </summary>
public interface IStreamOperator
{
    /// <summary>Prepare to run: allocate, restore state, open connections.</summary>
    ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken);

    /// <summary>Process a batch that arrived on input <paramref name="input"/> (0 for single-input operators).</summary>
    ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken);

    /// <summary>The combined watermark of all inputs advanced to <paramref name="watermark"/> (the subtask computes the minimum).
    /// Fire event-time timers, then forward it (or a watermark of one's own) downstream.</summary>
    ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken);

    /// <summary>All inputs have ended: flush what is buffered (bounded jobs finish through here).</summary>
    ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken);

    /// <summary>A checkpoint barrier passed (after alignment): snapshot state. Operators without state do nothing.</summary>
    ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken);

    /// <summary>Checkpoint <paramref name="checkpointId"/> completed everywhere: sinks commit here.</summary>
    ValueTask OnCheckpointCompleteAsync(long checkpointId, CancellationToken cancellationToken);

    /// <summary>Release resources. Called on success, failure and cancellation.</summary>
    ValueTask CloseAsync();
}

/// <summary>Where an operator sends its results: the next operator in the chain, or the vertex's output edges.</summary>
public interface IEmitter
{
    ValueTask EmitAsync(Batch batch, CancellationToken cancellationToken);
    ValueTask EmitWatermarkAsync(Watermark watermark, CancellationToken cancellationToken);
    ValueTask EmitBarrierAsync(CheckpointBarrier barrier, CancellationToken cancellationToken);
}
