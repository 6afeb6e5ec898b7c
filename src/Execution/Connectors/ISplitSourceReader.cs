using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Connectors;

/// <summary>
/// A reader of a split-based source (Kafka partitions, files, shards) that says which split each row of the batch it
/// just returned came from. The runtime attaches this to the batch (<see cref="Batch.Splits"/>), and a table's
/// <c>WATERMARK FOR</c> is then generated per split inside the source subtask, as Flink's split-local watermarks: the
/// subtask's watermark is the minimum over its splits that are not idle (<c>table.exec.source.idle-timeout</c> applies
/// to each split), so rows of a slow split are not made late by a fast one. Split ids must be stable across restores and
/// rescaling: the per-split watermarks are checkpointed by id.
/// </summary>
public interface ISplitSourceReader : ISourceReader
{
    /// <summary>The splits of the rows of the batch just returned (by <see cref="ISourceReader.ReadBatchAsync"/> or
    /// <see cref="IChangelogSourceReader.ReadChangesAsync"/>), with the splits the reader is reading now; null when that
    /// batch had no rows.</summary>
    SourceSplits? TakeSplits();
}
