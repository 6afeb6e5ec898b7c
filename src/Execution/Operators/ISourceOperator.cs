using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Operators;

/// <summary>
/// The head of a source vertex: it has no input channels; the subtask loop pulls batches from it and pushes them down
/// the chain. <see cref="IStreamOperator.OnEndOfInputAsync"/> is called once the source has ended.
/// </summary>
public interface ISourceOperator : IStreamOperator
{
    /// <summary>The next batch (possibly empty: nothing now, but the subtask may do timed work), or null at end of input.</summary>
    ValueTask<Batch?> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>An operator with work to do on processing time (periodic watermarks, later processing-time timers).</summary>
public interface IPeriodicOperator
{
    /// <summary>Monotonic time (ms, <see cref="IClock.MonotonicMillis"/>) when it next wants <see cref="OnPeriodicAsync"/>, or <see cref="long.MaxValue"/>.</summary>
    long NextDueMillis { get; }

    ValueTask OnPeriodicAsync(long nowMillis, IEmitter output, CancellationToken cancellationToken);
}
