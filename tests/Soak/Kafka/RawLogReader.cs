using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Confluent.Kafka;

namespace StreamSql.Soak.Kafka;

/// <summary>
/// Reads a partition's whole log over the Kafka protocol (Fetch v4, read_uncommitted, record batch v2), control batches
/// included — the client libraries hide those. Uncompressed batches only (what the tests' producers write).
/// </summary>
internal static class RawLogReader
{
    private const short FetchApiKey = 1;
    private const short FetchVersion = 4;

    public static PartitionLog Read(string bootstrapServers, string topic, int partition)
    {
        var (host, port) = Leader(bootstrapServers, topic, partition);
        return Read(host, port, topic, partition, 0);
    }

    /// <summary>The log of a partition from <paramref name="from"/> on, read from its leader broker.</summary>
    public static PartitionLog Read(string host, int port, string topic, int partition, long from)
    {
        using var tcp = new TcpClient();
        tcp.Connect(host, port);
        using var stream = tcp.GetStream();
        var records = new List<LogRecord>();
        var markers = new List<ControlMarker>();
        long offset = from, highWatermark;
        int correlation = 0;
        while (true)
        {
            var response = Fetch(stream, ++correlation, topic, partition, offset, out highWatermark);
            long next = Parse(response, offset, records, markers);
            if (next <= offset) break; // nothing more (or only a partial batch, which cannot happen below the high watermark)
            offset = next;
            if (offset >= highWatermark) break;
        }
        return new PartitionLog(topic, partition, records, markers, highWatermark);
    }

    /// <summary>The broker that leads the partition.</summary>
    public static (string Host, int Port) Leader(string bootstrapServers, string topic, int partition)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
        var p = metadata.Topics.Single(t => t.Topic == topic).Partitions.Single(x => x.PartitionId == partition);
        var broker = metadata.Brokers.Single(b => b.BrokerId == p.Leader);
        return (broker.Host, broker.Port);
    }

    private static byte[] Fetch(NetworkStream stream, int correlation, string topic, int partition, long offset, out long highWatermark)
    {
        var body = new MemoryStream();
        void I16(short v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteInt16BigEndian(b, v); body.Write(b); }
        void I32(int v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, v); body.Write(b); }
        void I64(long v) { Span<byte> b = stackalloc byte[8]; BinaryPrimitives.WriteInt64BigEndian(b, v); body.Write(b); }
        void Str(string s) { var b = Encoding.UTF8.GetBytes(s); I16((short)b.Length); body.Write(b); }
        I16(FetchApiKey); I16(FetchVersion); I32(correlation); Str("streamsql-test-log-reader");
        I32(-1); I32(100); I32(1); I32(16 * 1024 * 1024); body.WriteByte(0); // replica, max wait, min bytes, max bytes, read_uncommitted
        I32(1); Str(topic); I32(1); I32(partition); I64(offset); I32(16 * 1024 * 1024);
        var request = body.ToArray();
        var size = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(size, request.Length);
        stream.Write(size);
        stream.Write(request);
        stream.ReadExactly(size);
        var response = new byte[BinaryPrimitives.ReadInt32BigEndian(size)];
        stream.ReadExactly(response);
        var r = new Reader(response);
        if (r.I32() != correlation) throw new InvalidDataException("fetch response out of order");
        r.I32(); // throttle
        if (r.I32() != 1) throw new InvalidDataException("expected one topic");
        r.Str();
        if (r.I32() != 1) throw new InvalidDataException("expected one partition");
        r.I32();
        short error = r.I16();
        const short OffsetOutOfRange = 1;
        if (error == OffsetOutOfRange)
            throw new MockLogTrimmedException(topic, partition, -1, $"A fetch at offset {offset} was out of range (the log start moved past it). ");
        if (error != 0) throw new InvalidOperationException($"fetch of {topic}[{partition}] at {offset} failed with Kafka error {error}");
        highWatermark = r.I64();
        r.I64(); // last stable offset
        int aborted = r.I32();
        for (int i = 0; i < aborted; i++) { r.I64(); r.I64(); }
        int length = r.I32();
        return length <= 0 ? System.Array.Empty<byte>() : r.Bytes(length);
    }

    /// <summary>Parses record batches; returns the offset after the last whole batch.</summary>
    private static long Parse(byte[] data, long from, List<LogRecord> records, List<ControlMarker> markers)
    {
        var r = new Reader(data);
        long next = from;
        while (r.Remaining >= 12)
        {
            long baseOffset = r.I64();
            int batchLength = r.I32();
            if (r.Remaining < batchLength) break;
            var b = new Reader(r.Bytes(batchLength));
            b.I32(); // partition leader epoch
            if (b.I8() != 2) throw new InvalidDataException("only record batch v2 is read");
            b.I32(); // crc (the mock writes 0 in control batches)
            short attributes = b.I16();
            int lastOffsetDelta = b.I32();
            long baseTimestamp = b.I64();
            b.I64();
            long producerId = b.I64();
            b.I16(); b.I32(); // producer epoch, base sequence
            int count = b.I32();
            if ((attributes & 0x7) != 0) throw new InvalidDataException("compressed batches are not read by the test log reader");
            bool transactional = (attributes & 0x10) != 0, control = (attributes & 0x20) != 0;
            for (int i = 0; i < count; i++)
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
                long offset = baseOffset + offsetDelta;
                if (offset < from) continue;
                if (control)
                {
                    short type = BinaryPrimitives.ReadInt16BigEndian(key.AsSpan(2));
                    markers.Add(new ControlMarker(offset, producerId, type == 1));
                }
                else records.Add(new LogRecord(offset, producerId, transactional, key, value, headers, baseTimestamp + timestampDelta));
            }
            next = baseOffset + lastOffsetDelta + 1;
        }
        return next;
    }

    private sealed class Reader(byte[] data)
    {
        private int _at;
        public int Remaining => data.Length - _at;
        public sbyte I8() => (sbyte)data[_at++];
        public short I16() { var v = BinaryPrimitives.ReadInt16BigEndian(data.AsSpan(_at)); _at += 2; return v; }
        public int I32() { var v = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(_at)); _at += 4; return v; }
        public long I64() { var v = BinaryPrimitives.ReadInt64BigEndian(data.AsSpan(_at)); _at += 8; return v; }
        public string Str() { int n = I16(); var s = Encoding.UTF8.GetString(data, _at, n); _at += n; return s; }
        public byte[] Bytes(int n) { var b = data.AsSpan(_at, n).ToArray(); _at += n; return b; }

        public long VarLong()
        {
            ulong raw = 0;
            int shift = 0;
            while (true)
            {
                byte b = data[_at++];
                raw |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) break;
                shift += 7;
            }
            return (long)(raw >> 1) ^ -(long)(raw & 1);
        }

        public byte[]? VarBytes()
        {
            long n = VarLong();
            return n < 0 ? null : Bytes((int)n);
        }
    }
}
