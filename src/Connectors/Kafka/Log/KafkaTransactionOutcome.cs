namespace StreamSql.Connectors.Kafka.Log;

/// <summary>How the transaction that wrote a record ended, as the partition's log records it.</summary>
internal enum KafkaTransactionOutcome
{
    /// <summary>The record is not transactional, or a commit marker of its producer follows it.</summary>
    Committed,
    /// <summary>An abort marker of its producer follows it.</summary>
    Aborted,
    /// <summary>No marker of its producer follows it (yet): a transaction still open, or one its dead producer left open
    /// on a cluster that does not abort fenced transactions (librdkafka's mock cluster).</summary>
    Open,
}

internal static class KafkaTransactionOutcomes
{
    /// <summary>The outcome of the transaction holding the record at <paramref name="offset"/>, from the batches read
    /// from that offset on (<see cref="KafkaLogReader.Read"/>).</summary>
    public static KafkaTransactionOutcome Of(IReadOnlyList<KafkaLogBatch> batches, long offset)
    {
        KafkaLogBatch? holder = null;
        foreach (var batch in batches)
        {
            if (holder is null)
            {
                if (batch.BaseOffset <= offset && offset <= batch.LastOffset && !batch.Control) holder = batch;
                continue;
            }
            if (batch.Control && batch.ProducerId == holder.ProducerId)
                return batch.CommitMarker ? KafkaTransactionOutcome.Committed : KafkaTransactionOutcome.Aborted;
        }
        if (holder is null) throw new InvalidOperationException($"no record batch holds offset {offset}");
        return holder.Transactional ? KafkaTransactionOutcome.Open : KafkaTransactionOutcome.Committed;
    }
}
