using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Connectors;

/// <summary>
/// Writes one subtask's rows into a table. The two-phase commit contract: rows written between two barriers become
/// visible only after <see cref="CommitAsync"/> for the checkpoint that closed them (an exactly-once sink), or as soon
/// as written (an at-least-once sink, e.g. print). At the end of a bounded job the runtime calls
/// <see cref="PrepareCommitAsync"/> and <see cref="CommitAsync"/> one last time, so a finished job leaves only committed output.
/// </summary>
public interface ISinkWriter : IAsyncDisposable
{
    ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken);

    /// <summary>Write a batch (columns as the table's physical columns). Row kinds say insert/update/delete.</summary>
    ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken);

    /// <summary>On a barrier (or at end of input): flush, close what is in progress, and return the handle of what
    /// must be committed when <paramref name="checkpointId"/> completes (kept in checkpoint state), or null if nothing.</summary>
    ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken);

    /// <summary>Make visible what was prepared for <paramref name="checkpointId"/> (and any earlier). Idempotent: after a
    /// restore the runtime calls it again with handles from the restored state.</summary>
    ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken);
}
