using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Confluent.Kafka;

namespace StreamSql.Connectors.Kafka.Log;

/// <summary>
/// Reads a partition's log as the broker stores it, over the Kafka protocol (Fetch v4, read_uncommitted, record batch v2),
/// control batches — the commit and abort markers that end transactions — included; the client libraries hide those.
/// A plain TCP connection to the partition's leader: for clusters reached without TLS or SASL.
/// </summary>
internal static class KafkaLogReader
{
    private const short FetchApiKey = 1;
    private const short FetchVersion = 4;
    private const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The broker that leads the partition, from the cluster's metadata.</summary>
    public static (string Host, int Port) Leader(IDictionary<string, string> clientConfig, string topic, int partition, TimeSpan timeout)
    {
        using var admin = new AdminClientBuilder(clientConfig).SetLogHandler((_, _) => { }).Build();
        var metadata = admin.GetMetadata(topic, timeout);
        foreach (var t in metadata.Topics)
        {
            if (t.Topic != topic) continue;
            foreach (var p in t.Partitions)
            {
                if (p.PartitionId != partition) continue;
                foreach (var broker in metadata.Brokers)
                    if (broker.BrokerId == p.Leader) return (broker.Host, broker.Port);
            }
        }
        throw new InvalidOperationException($"no leader is known for {topic}[{partition}]");
    }

    /// <summary>The batches of the partition from the one holding <paramref name="from"/> up to the high watermark
    /// (read in fetches of up to 16 MB); returns the high watermark.</summary>
    public static long Read(string host, int port, string topic, int partition, long from, List<KafkaLogBatch> batches, string clientId)
    {
        using var tcp = new TcpClient();
        tcp.Connect(host, port);
        using var stream = tcp.GetStream();
        long offset = from, highWatermark;
        int correlation = 0;
        while (true)
        {
            var records = Fetch(stream, ++correlation, topic, partition, offset, clientId, out highWatermark);
            long next = Split(records, offset, batches);
            if (next <= offset) break; // nothing more (a partial batch cannot happen below the high watermark)
            offset = next;
            if (offset >= highWatermark) break;
        }
        return highWatermark;
    }

    private static byte[] Fetch(NetworkStream stream, int correlation, string topic, int partition, long offset, string clientId, out long highWatermark)
    {
        var body = new MemoryStream();
        void I16(short v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteInt16BigEndian(b, v); body.Write(b); }
        void I32(int v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, v); body.Write(b); }
        void I64(long v) { Span<byte> b = stackalloc byte[8]; BinaryPrimitives.WriteInt64BigEndian(b, v); body.Write(b); }
        void Str(string s) { var b = Encoding.UTF8.GetBytes(s); I16((short)b.Length); body.Write(b); }
        I16(FetchApiKey); I16(FetchVersion); I32(correlation); Str(clientId);
        I32(-1); I32(100); I32(1); I32(MaxBytes); body.WriteByte(0); // replica, max wait, min bytes, max bytes, read_uncommitted
        I32(1); Str(topic); I32(1); I32(partition); I64(offset); I32(MaxBytes);
        var request = body.ToArray();
        var size = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(size, request.Length);
        stream.Write(size);
        stream.Write(request);
        stream.ReadExactly(size);
        var response = new byte[BinaryPrimitives.ReadInt32BigEndian(size)];
        stream.ReadExactly(response);
        var r = new KafkaWireReader(response);
        if (r.I32() != correlation) throw new InvalidDataException("a fetch response came out of order");
        r.I32(); // throttle
        if (r.I32() != 1) throw new InvalidDataException("a fetch response did not hold the one topic asked for");
        r.Str();
        if (r.I32() != 1) throw new InvalidDataException("a fetch response did not hold the one partition asked for");
        r.I32();
        short error = r.I16();
        if (error != 0) throw new KafkaLogFetchException(topic, partition, offset, error);
        highWatermark = r.I64();
        r.I64(); // last stable offset
        int aborted = r.I32();
        for (int i = 0; i < aborted; i++) { r.I64(); r.I64(); }
        int length = r.I32();
        return length <= 0 ? Array.Empty<byte>() : r.Bytes(length);
    }

    /// <summary>Splits a fetched record set into batches; returns the offset after the last whole batch.</summary>
    private static long Split(byte[] data, long from, List<KafkaLogBatch> batches)
    {
        var r = new KafkaWireReader(data);
        long next = from;
        while (r.Remaining >= 12)
        {
            long baseOffset = r.I64();
            int batchLength = r.I32();
            if (r.Remaining < batchLength) break;
            int end = r.Position + batchLength;
            r.I32(); // partition leader epoch
            if (r.I8() != 2) throw new InvalidDataException($"the batch at offset {baseOffset} is not a record batch v2");
            r.I32(); // crc (the mock cluster writes 0 in control batches)
            short attributes = r.I16();
            int lastOffsetDelta = r.I32();
            long baseTimestamp = r.I64();
            r.I64(); // max timestamp
            long producerId = r.I64();
            r.I16(); r.I32(); // producer epoch, base sequence
            int count = r.I32();
            long last = baseOffset + lastOffsetDelta;
            if (last >= from)
                batches.Add(new KafkaLogBatch(baseOffset, last, baseTimestamp, producerId, (attributes & 0x10) != 0, (attributes & 0x20) != 0,
                    attributes & 0x7, count, data, r.Position, end));
            r.Skip(end - r.Position);
            next = last + 1;
        }
        return next;
    }
}
