using StreamSql.Connectors.Common;

namespace StreamSql.Connectors.Kafka;

/// <summary>One record of an epoch's output: the partition (-1: the client's partitioner decides), key and value.</summary>
internal readonly record struct KafkaOutputRecord(int Partition, byte[]? Key, byte[]? Value);

/// <summary>
/// What an exactly-once kafka sink subtask prepared on a barrier and keeps in the checkpoint until it is committed: the
/// epoch's records themselves (a write-ahead log), the identity of the epoch's output (the preparing subtask's
/// transactional id and the checkpoint id), and the offset of the progress partition from which its marker would be found.
/// </summary>
internal sealed record KafkaCommittable(string TransactionalId, int Subtask, long Epoch, long MarkerSearchFrom, IReadOnlyList<KafkaOutputRecord> Records)
{
    private const byte FormatVersion = 1;

    /// <summary>The marker's key and value in the progress topic: whoever commits the epoch writes it in the same transaction.</summary>
    public string MarkerKey => TransactionalId;
    public string MarkerValue => Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public byte[] Serialize()
    {
        var w = new PositionWriter(FormatVersion);
        w.WriteString(TransactionalId);
        w.WriteInt(Subtask);
        w.WriteLong(Epoch);
        w.WriteLong(MarkerSearchFrom);
        w.WriteInt(Records.Count);
        foreach (var r in Records)
        {
            w.WriteInt(r.Partition);
            w.WriteBytes(r.Key, r.Key is null);
            w.WriteBytes(r.Value, r.Value is null);
        }
        return w.ToArray();
    }

    public static KafkaCommittable Deserialize(byte[] bytes, string table)
    {
        var r = new PositionReader(bytes, "kafka sink", table, 0, FormatVersion);
        var id = r.ReadString();
        int subtask = r.ReadInt();
        long epoch = r.ReadLong(), searchFrom = r.ReadLong();
        int count = r.ReadCount(12);
        var records = new List<KafkaOutputRecord>(count);
        for (int i = 0; i < count; i++)
            records.Add(new KafkaOutputRecord(r.ReadInt(), r.ReadBytes(), r.ReadBytes()));
        r.End();
        return new KafkaCommittable(id, subtask, epoch, searchFrom, records);
    }
}
