using System.Text;
using StreamSql.Connectors.Kafka;

namespace StreamSql.Connectors.Filesystem.Avro;

/// <summary>
/// The framing of an Avro object container file: the magic <c>Obj\x01</c>, the file metadata (a map of string to bytes,
/// holding at least <c>avro.schema</c> and, unless it is null, <c>avro.codec</c>), a 16-byte sync marker; then blocks, each
/// the count of its records, the size of its (compressed) data, the data and the sync marker again.
/// </summary>
internal sealed record AvroContainer(string Schema, string Codec, byte[] Sync)
{
    public static ReadOnlySpan<byte> Magic => "Obj\u0001"u8;
    public const int SyncSize = 16;

    /// <summary>Avro's default block size (DataFileConstants.DEFAULT_SYNC_INTERVAL): a block is written once its records
    /// reach this many bytes.</summary>
    public const int SyncInterval = 16 * 4000;

    /// <summary>Writes the header of a file of <paramref name="schema"/> compressed with <paramref name="codec"/>.</summary>
    public static void WriteHeader(Stream output, string schema, string codec, byte[] sync)
    {
        output.Write(Magic);
        // One block of the two entries, then the empty block that ends the map.
        AvroBinary.Encoder.Long(output, 2);
        WriteBytes(output, "avro.schema"u8);
        WriteBytes(output, Encoding.UTF8.GetBytes(schema));
        WriteBytes(output, "avro.codec"u8);
        WriteBytes(output, Encoding.UTF8.GetBytes(codec));
        AvroBinary.Encoder.Long(output, 0);
        output.Write(sync);
    }

    /// <summary>Reads the header; a stream that is not an Avro container throws <see cref="InvalidDataException"/>.</summary>
    public static AvroContainer ReadHeader(Stream input)
    {
        Span<byte> magic = stackalloc byte[4];
        if (input.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4 || !magic.SequenceEqual(Magic))
            throw new InvalidDataException("it does not start with the Avro object container magic 'Obj\\x01'");
        string? schema = null;
        string codec = "null";
        for (long count = ReadLong(input); count != 0; count = ReadLong(input))
        {
            if (count < 0)
            {
                count = -count;
                ReadLong(input);
            }
            for (long i = 0; i < count; i++)
            {
                var key = Encoding.UTF8.GetString(ReadBytes(input));
                var value = ReadBytes(input);
                if (key == "avro.schema") schema = Encoding.UTF8.GetString(value);
                else if (key == "avro.codec") codec = Encoding.UTF8.GetString(value);
            }
        }
        if (schema is null) throw new InvalidDataException("its header has no 'avro.schema'");
        var sync = new byte[SyncSize];
        input.ReadExactly(sync);
        return new AvroContainer(schema, codec, sync);
    }

    private static void WriteBytes(Stream output, ReadOnlySpan<byte> bytes)
    {
        AvroBinary.Encoder.Long(output, bytes.Length);
        output.Write(bytes);
    }

    /// <summary>A zigzag varint read from a stream (the block headers); the end of the stream throws <see cref="EndOfStreamException"/>.</summary>
    public static long ReadLong(Stream input)
    {
        ulong raw = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (shift > 63) throw new InvalidDataException("a varint longer than 10 bytes");
            int b = input.ReadByte();
            if (b < 0) throw new EndOfStreamException();
            raw |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) break;
        }
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    private static byte[] ReadBytes(Stream input)
    {
        long n = ReadLong(input);
        if (n < 0 || n > input.Length - input.Position) throw new InvalidDataException($"a length of {n} bytes in its header");
        var bytes = new byte[n];
        input.ReadExactly(bytes);
        return bytes;
    }
}
