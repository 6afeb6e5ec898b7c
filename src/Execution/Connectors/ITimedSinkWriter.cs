namespace StreamSql.Execution.Connectors;

/// <summary>
/// A sink writer with work due on processing time even when no rows arrive (the jdbc sink's
/// <c>sink.buffer-flush.interval</c> flushing a partly full buffer). The sink operator asks for the deadline and calls
/// <see cref="OnTimerAsync"/> on the subtask's thread once it passed, so the writer needs no locking.
/// </summary>
public interface ITimedSinkWriter
{
    /// <summary>Monotonic time (ms, <see cref="Operators.IClock.MonotonicMillis"/>) when the writer next has work, or
    /// <see cref="long.MaxValue"/> when none is pending.</summary>
    long NextDueMillis { get; }

    /// <summary>The deadline passed (<paramref name="nowMillis"/> is the monotonic time).</summary>
    ValueTask OnTimerAsync(long nowMillis, CancellationToken cancellationToken);
}
