namespace StreamSql.Execution.Batches;

/// <summary>
/// The splits (Kafka partitions, files, shards) a source subtask is reading at a point in time, by stable id (the id
/// survives restores and rescaling: Flink's <c>splitId()</c>, e.g. <c>orders-3</c>). Immutable: a reader builds a new set
/// when its assignment changes (a partition is discovered, a bounded split ends), so a consumer notices a change by
/// reference.
/// </summary>
public sealed class SourceSplitSet
{
    public SourceSplitSet(IReadOnlyList<string> ids) => Ids = ids;

    /// <summary>A subtask reading no split.</summary>
    public static SourceSplitSet Empty { get; } = new([]);

    public IReadOnlyList<string> Ids { get; }
}
