using System.Buffers.Binary;
using System.Text;

namespace StreamSql.Connectors.Kafka.Log;

/// <summary>Reads Kafka's wire encoding (big-endian integers, zig-zag varints, length-prefixed strings and bytes).</summary>
internal sealed class KafkaWireReader(byte[] data, int start = 0, int end = -1)
{
    private readonly int _end = end < 0 ? data.Length : end;
    private int _at = start;

    public int Position => _at;
    public int Remaining => _end - _at;

    public sbyte I8() => (sbyte)data[_at++];
    public short I16() { var v = BinaryPrimitives.ReadInt16BigEndian(data.AsSpan(_at)); _at += 2; return v; }
    public int I32() { var v = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(_at)); _at += 4; return v; }
    public long I64() { var v = BinaryPrimitives.ReadInt64BigEndian(data.AsSpan(_at)); _at += 8; return v; }
    public string Str() { int n = I16(); var s = Encoding.UTF8.GetString(data, _at, n); _at += n; return s; }
    public byte[] Bytes(int n) { var b = data.AsSpan(_at, n).ToArray(); _at += n; return b; }
    public void Skip(int n) => _at += n;

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
