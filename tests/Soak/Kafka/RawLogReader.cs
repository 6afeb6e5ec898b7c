using System.Text;
using Confluent.Kafka;
using StreamSql.Connectors.Kafka.Log;

namespace StreamSql.Soak.Kafka;

/// <summary>
/// A partition's whole log as the broker stores it (the connector's <see cref="KafkaLogReader"/>: control batches included,
/// which the client libraries hide), with its records decoded. Uncompressed batches only (what the tests' producers write).
/// </summary>
internal static class RawLogReader
{
    public static PartitionLog Read(string bootstrapServers, string topic, int partition)
    {
        var (host, port) = Leader(bootstrapServers, topic, partition);
        return Read(host, port, topic, partition, 0);
    }

    /// <summary>The log of a partition from <paramref name="from"/> on, read from its leader broker.</summary>
    public static PartitionLog Read(string host, int port, string topic, int partition, long from)
    {
        var batches = new List<KafkaLogBatch>();
        long highWatermark;
        try
        {
            highWatermark = KafkaLogReader.Read(host, port, topic, partition, from, batches, "streamsql-test-log-reader");
        }
        catch (KafkaLogFetchException e) when (e.ErrorCode == KafkaLogFetchException.OffsetOutOfRange)
        {
            throw new MockLogTrimmedException(topic, partition, -1, $"A fetch at offset {from} was out of range (the log start moved past it). ");
        }
        var records = new List<LogRecord>();
        var markers = new List<ControlMarker>();
        foreach (var batch in batches)
        {
            if (batch.Control)
            {
                markers.Add(new ControlMarker(batch.LastOffset, batch.ProducerId, batch.CommitMarker));
                continue;
            }
            if (batch.Compression != 0) throw new InvalidDataException("compressed batches are not read by the test log reader");
            var b = batch.Records();
            for (int i = 0; i < batch.RecordCount; i++)
            {
                b.VarLong(); // record length
                b.I8();
                long timestampDelta = b.VarLong();
                long offsetDelta = b.VarLong();
                var key = b.VarBytes();
                var value = b.VarBytes();
                int headerCount = (int)b.VarLong();
                var headers = new List<(string, byte[]?)>();
                for (int h = 0; h < headerCount; h++)
                {
                    var hk = b.VarBytes();
                    headers.Add((Encoding.UTF8.GetString(hk ?? System.Array.Empty<byte>()), b.VarBytes()));
                }
                long offset = batch.BaseOffset + offsetDelta;
                if (offset >= from)
                    records.Add(new LogRecord(offset, batch.ProducerId, batch.Transactional, key, value, headers, batch.BaseTimestamp + timestampDelta));
            }
        }
        return new PartitionLog(topic, partition, records, markers, highWatermark);
    }

    /// <summary>The broker that leads the partition.</summary>
    public static (string Host, int Port) Leader(string bootstrapServers, string topic, int partition) =>
        KafkaLogReader.Leader(new Dictionary<string, string> { ["bootstrap.servers"] = bootstrapServers }, topic, partition, TimeSpan.FromSeconds(10));
}
