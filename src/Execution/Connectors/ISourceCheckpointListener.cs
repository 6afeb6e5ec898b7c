namespace StreamSql.Execution.Connectors;

/// <summary>
/// A source reader that acts on checkpoints beyond storing its position: a change-data-capture reader acknowledges what
/// it read to the database only once a checkpoint holding that position completed, so a restore from that checkpoint
/// still finds everything after it. Plain savepoints notify nobody, as in Flink.
/// </summary>
public interface ISourceCheckpointListener
{
    /// <summary>The barrier of <paramref name="checkpointId"/> passes the source: called just before
    /// <see cref="ISourceReader.SnapshotPosition"/> takes the position that checkpoint stores.</summary>
    void OnCheckpointStarting(long checkpointId);

    /// <summary>Checkpoint <paramref name="checkpointId"/> completed everywhere.</summary>
    ValueTask OnCheckpointCompleteAsync(long checkpointId, CancellationToken cancellationToken);
}
