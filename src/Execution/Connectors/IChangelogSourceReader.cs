using Apache.Arrow;
using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Connectors;

/// <summary>
/// A reader of a source that emits row kinds: a table whose connector declares <c>SourceChangelogMode</c>
/// <see cref="Sql.Planner.Types.ChangelogMode.All"/> (full rows: <c>+I</c>, <c>-U</c>, <c>+U</c>, <c>-D</c>, e.g. a CDC
/// format) or <see cref="Sql.Planner.Types.ChangelogMode.Upsert"/> (<c>+I</c>/<c>+U</c> new rows by primary key, <c>-D</c>
/// possibly with only the key columns set; the planner normalizes these behind the source). The runtime calls
/// <see cref="ReadChangesAsync"/> instead of <see cref="ISourceReader.ReadBatchAsync"/>; everything else (open, positions,
/// restore, dispose) is as for <see cref="ISourceReader"/>.
/// </summary>
/// <remarks>
/// A batch's row kinds are <see cref="Batch.RowKinds"/> (one per row, <see cref="RowKind"/>'s Flink byte values); a batch
/// whose rows are all <c>+I</c> may leave them null, which costs nothing downstream. Build one with
/// <c>new Batch(recordBatch, kinds)</c>; the kinds array may be longer than the batch (a pooled array) but must not be
/// changed after it is returned. Insert-only sources keep implementing plain <see cref="ISourceReader"/>.
/// </remarks>
public interface IChangelogSourceReader : ISourceReader
{
    /// <summary>
    /// The next batch with its row kinds (columns as in <see cref="SourceReaderContext.OutputSchema"/>), or null when the input
    /// has ended; the same contract as <see cref="ISourceReader.ReadBatchAsync"/> otherwise (wait asynchronously, return
    /// promptly on cancellation, an empty batch while idle).
    /// </summary>
    ValueTask<Batch?> ReadChangesAsync(CancellationToken cancellationToken);

    async ValueTask<RecordBatch?> ISourceReader.ReadBatchAsync(CancellationToken cancellationToken)
    {
        var batch = await ReadChangesAsync(cancellationToken).ConfigureAwait(false);
        if (batch is not null && !batch.IsInsertOnly)
            throw new InvalidOperationException($"{GetType().Name} emits row kinds: read it with {nameof(ReadChangesAsync)}");
        return batch?.Data;
    }
}
