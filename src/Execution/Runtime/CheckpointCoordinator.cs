using StreamSql.Execution.Checkpointing;

namespace StreamSql.Execution.Runtime;

/// <summary>Triggers checkpoints and savepoints of one job, collects the subtasks' acknowledgements and completes them.</summary>
internal sealed class CheckpointCoordinator
{
    public bool PeriodicEnabled { get; }
    public CheckpointStats? Latest { get; }
    public IReadOnlyList<CheckpointStats> History { get; } = Array.Empty<CheckpointStats>();
    public int FailedCount { get; }

    public Task<CheckpointStats> TriggerSavepointAsync(string? targetDirectory, bool stop, CancellationToken cancellationToken) =>
        throw new NotImplementedException("being built");
}
