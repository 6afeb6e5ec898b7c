using System.Text;
using StreamSql.Connectors.Kafka;
using Wire = StreamSql.Connectors.Kafka.AvroBinary.Parser;

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

    /// <summary>Reads the header, leaving the stream at the first block; a stream that is not an Avro container throws
    /// <see cref="InvalidDataException"/>.</summary>
    public static AvroContainer ReadHeader(Stream input)
    {
        long start = input.Position;
        Span<byte> magic = stackalloc byte[4];
        if (input.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4 || !magic.SequenceEqual(Magic))
            throw new InvalidDataException("it does not start with the Avro object container magic 'Obj\\x01'");
        // The header's size is known only once it is parsed: parse a prefix, and a longer one when it runs out.
        for (int size = 4096; ; size *= 2)
        {
            var prefix = new byte[(int)Math.Min(size, input.Length - start)];
            input.Position = start;
            input.ReadExactly(prefix);
            bool whole = prefix.Length == input.Length - start;
            try
            {
                var header = Parse(prefix, out int length);
                input.Position = start + length;
                return header;
            }
            catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidDataException && !whole)
            {
            }
            catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                throw new InvalidDataException("its header is cut short");
            }
        }
    }

    private static AvroContainer Parse(ReadOnlySpan<byte> data, out int length)
    {
        int at = Magic.Length;
        string? schema = null;
        string codec = "null";
        for (long count = Wire.BlockCount(data, ref at); count != 0; count = Wire.BlockCount(data, ref at))
        {
            for (long i = 0; i < count; i++)
            {
                var key = Wire.Bytes(data, ref at);
                var value = Wire.Bytes(data, ref at);
                if (key.SequenceEqual("avro.schema"u8)) schema = Encoding.UTF8.GetString(value);
                else if (key.SequenceEqual("avro.codec"u8)) codec = Encoding.UTF8.GetString(value);
            }
        }
        if (schema is null) throw new InvalidDataException("its header has no 'avro.schema'");
        var sync = data.Slice(at, SyncSize).ToArray();
        length = at + SyncSize;
        return new AvroContainer(schema, codec, sync);
    }

    private static void WriteBytes(Stream output, ReadOnlySpan<byte> bytes)
    {
        AvroBinary.Encoder.Long(output, bytes.Length);
        output.Write(bytes);
    }
}
