using Apache.Arrow;

namespace StreamSql.Execution.Connectors;

/// <summary>
/// Reads one subtask's share of a table. The runtime calls <see cref="ReadBatchAsync"/> in a loop on the subtask's
/// thread; a reader splits work by <see cref="SourceReaderContext.SubtaskIndex"/> so subtasks never read the same data.
/// </summary>
public interface ISourceReader : IAsyncDisposable
{
    ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken);

    /// <summary>
    /// The next batch (columns as in <see cref="SourceReaderContext.OutputSchema"/>), or null when the input has ended.
    /// An unbounded reader waits (asynchronously) for data; it must return promptly when <paramref name="cancellationToken"/>
    /// is cancelled, and may return an empty batch to let the runtime emit watermarks and take checkpoints while idle.
    /// </summary>
    ValueTask<RecordBatch?> ReadBatchAsync(CancellationToken cancellationToken);

    /// <summary>The reader's position (file offsets, generator counters), to be stored in a checkpoint. Called between reads.</summary>
    byte[] SnapshotPosition();

    /// <summary>
    /// Continue from a checkpoint: <paramref name="positions"/> holds what <see cref="SnapshotPosition"/> returned in every
    /// subtask of the previous run, in subtask order (so its count is the old parallelism, which may differ from
    /// <see cref="SourceReaderContext.Parallelism"/>). Every new subtask receives the whole list and takes over its share
    /// of the unread input, so that together they read each record exactly once. Called after <see cref="OpenAsync"/>
    /// and before the first <see cref="ReadBatchAsync"/>. At the same parallelism each subtask should continue exactly
    /// where the old subtask of its index stopped. A reader that cannot take over positions of another parallelism
    /// throws <see cref="NotSupportedException"/> with a message for the user; a position it cannot decode (another
    /// format version, truncated, foreign bytes) makes it throw <see cref="InvalidDataException"/> naming the source.
    /// </summary>
    void RestorePositions(IReadOnlyList<byte[]> positions);
}
