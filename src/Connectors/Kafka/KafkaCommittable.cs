using StreamSql.Connectors.Common;

namespace StreamSql.Connectors.Kafka;

/// <summary>One record of an epoch's output: the partition (-1: the client's partitioner decides), key and value, and
/// from metadata columns its timestamp (milliseconds; <see cref="NoTimestamp"/>: the producer's time) and headers.</summary>
internal readonly record struct KafkaOutputRecord(int Partition, byte[]? Key, byte[]? Value, long TimestampMillis = KafkaOutputRecord.NoTimestamp,
    Confluent.Kafka.Headers? Headers = null)
{
    public const long NoTimestamp = long.MinValue;
}

/// <summary>
/// What an exactly-once kafka sink subtask prepared on a barrier and keeps in the checkpoint until it is committed: the
/// epoch's records themselves (a write-ahead log), the identity of the epoch's output (the preparing subtask's
/// transactional id, the checkpoint id and a nonce of its own), and the offset of the progress partition from which its
/// marker would be found.
/// </summary>
/// <param name="Nonce">Tells apart epochs of one subtask with the same checkpoint id: every run's end of input has id
/// <c>Long.MAX_VALUE</c>, and a run restored from checkpoint n numbers its own checkpoints from n + 1 again; null in
/// committables of format 1 and 2.</param>
internal sealed record KafkaCommittable(string TransactionalId, int Subtask, long Epoch, long MarkerSearchFrom, IReadOnlyList<KafkaOutputRecord> Records,
    string? Nonce = null)
{
    /// <summary>Version 2 added each record's timestamp and headers, version 3 the nonce.</summary>
    private const byte FormatVersion = 3;

    /// <summary>The marker's key and value in the progress topic: whoever commits the epoch writes it in the same transaction.</summary>
    public string MarkerKey => TransactionalId;
    public string MarkerValue => Nonce is null
        ? Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + Nonce;

    public byte[] Serialize()
    {
        var w = new PositionWriter(FormatVersion);
        w.WriteString(TransactionalId);
        w.WriteInt(Subtask);
        w.WriteLong(Epoch);
        w.WriteLong(MarkerSearchFrom);
        w.WriteString(Nonce ?? "");
        w.WriteInt(Records.Count);
        foreach (var r in Records)
        {
            w.WriteInt(r.Partition);
            w.WriteBytes(r.Key, r.Key is null);
            w.WriteBytes(r.Value, r.Value is null);
            w.WriteLong(r.TimestampMillis);
            w.WriteInt(r.Headers?.Count ?? 0);
            if (r.Headers is null) continue;
            foreach (var header in r.Headers)
            {
                w.WriteString(header.Key);
                var bytes = header.GetValueBytes();
                w.WriteBytes(bytes, bytes is null);
            }
        }
        return w.ToArray();
    }

    public static KafkaCommittable Deserialize(byte[] bytes, string table)
    {
        var r = new PositionReader(bytes, "kafka sink", table, 0, 1, FormatVersion);
        var id = r.ReadString();
        int subtask = r.ReadInt();
        long epoch = r.ReadLong(), searchFrom = r.ReadLong();
        string? nonce = r.Version >= 3 ? r.ReadString() : null;
        int count = r.ReadCount(12);
        var records = new List<KafkaOutputRecord>(count);
        for (int i = 0; i < count; i++)
        {
            int partition = r.ReadInt();
            byte[]? key = r.ReadBytes(), value = r.ReadBytes();
            if (r.Version == 1)
            {
                records.Add(new KafkaOutputRecord(partition, key, value));
                continue;
            }
            long timestamp = r.ReadLong();
            int headerCount = r.ReadCount(8);
            Confluent.Kafka.Headers? headers = headerCount == 0 ? null : new Confluent.Kafka.Headers();
            for (int h = 0; h < headerCount; h++) headers!.Add(r.ReadString(), r.ReadBytes());
            records.Add(new KafkaOutputRecord(partition, key, value, timestamp, headers));
        }
        r.End();
        return new KafkaCommittable(id, subtask, epoch, searchFrom, records, string.IsNullOrEmpty(nonce) ? null : nonce);
    }
}
