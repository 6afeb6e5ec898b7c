using System.Buffers.Binary;
using System.Text;

namespace StreamSql.Kafka.Tests.Fixture;

/// <summary>Writes Avro binary by hand, value by value, the way another producer's serializer would (the tests' own
/// encoder, independent of the one under test).</summary>
public sealed class AvroBytes
{
    private readonly MemoryStream _bytes = new();

    /// <summary>Starts a record in Confluent's wire format: magic byte 0 and the schema id, big-endian.</summary>
    public static AvroBytes Confluent(int schemaId)
    {
        var bytes = new AvroBytes();
        bytes._bytes.WriteByte(0);
        Span<byte> id = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(id, schemaId);
        bytes._bytes.Write(id);
        return bytes;
    }

    /// <summary>An int or long (zigzag varint); also a union branch index, an enum index, a block count.</summary>
    public AvroBytes Long(long value)
    {
        ulong v = (ulong)((value << 1) ^ (value >> 63));
        while (v >= 0x80)
        {
            _bytes.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }
        _bytes.WriteByte((byte)v);
        return this;
    }

    public AvroBytes String(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        Long(utf8.Length);
        _bytes.Write(utf8);
        return this;
    }

    public AvroBytes Float(float value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(b, value);
        _bytes.Write(b);
        return this;
    }

    public AvroBytes Double(double value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(b, value);
        _bytes.Write(b);
        return this;
    }

    /// <summary>Bytes as they are (a fixed, or the body of a bytes value after its length).</summary>
    public AvroBytes Raw(params byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();
}
