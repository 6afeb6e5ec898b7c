namespace StreamSql.Execution.Checkpointing;

/// <summary>A completed checkpoint or savepoint of a running job, for SHOW JOBS, SHOW CHECKPOINTS and the control API.</summary>
/// <param name="Path">The directory holding its <c>_metadata</c> (its path in the database for <c>jdbc</c> storage; empty for in-memory <c>jobmanager</c> storage).</param>
/// <param name="StateSize">Bytes of state files it references (shared files included).</param>
public sealed record CheckpointStats(long CheckpointId, bool IsSavepoint, DateTimeOffset TriggerTime, TimeSpan Duration, long StateSize, string Path);
