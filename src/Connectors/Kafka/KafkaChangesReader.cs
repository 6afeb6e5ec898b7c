using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;

namespace StreamSql.Connectors.Kafka;

/// <summary>
/// One subtask of a kafka or upsert-kafka source: a <see cref="KafkaReader"/> whose batches carry the row kinds it read.
/// upsert-kafka: a record with a value is <c>+I</c> (an upsert of its key), a tombstone <c>-D</c> with only the key
/// columns set (the planner's ChangelogNormalize, keyed by the primary key, turns these into <c>+I/-U/+U/-D</c> with full
/// rows). kafka with a change-data value format: the kinds of the messages' rows. kafka otherwise: no kinds (insert-only,
/// batches as the plain reader builds them). Each batch says which partition each row came from (per-partition watermarks). Positions, rescaling and bounded reading are the kafka reader's.
/// </summary>
internal sealed class KafkaChangesReader(bool upsert) : IChangelogSourceReader, ISplitSourceReader
{
    private readonly KafkaReader _reader = new(upsert);

    public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken) => _reader.OpenAsync(context, cancellationToken);

    public async ValueTask<Batch?> ReadChangesAsync(CancellationToken cancellationToken)
    {
        var data = await _reader.ReadBatchAsync(cancellationToken).ConfigureAwait(false);
        return data is null ? null : new Batch(data, _reader.TakeKinds());
    }

    public SourceSplits? TakeSplits() => _reader.TakeSplits();

    public byte[] SnapshotPosition() => _reader.SnapshotPosition();

    public void RestorePositions(IReadOnlyList<byte[]> positions) => _reader.RestorePositions(positions);

    public ValueTask DisposeAsync() => _reader.DisposeAsync();
}
