using System.Buffers.Binary;
using System.IO.Compression;
using Snappier;

namespace StreamSql.Connectors.Filesystem.Avro;

/// <summary>
/// The block compression of an Avro object container file (its <c>avro.codec</c> metadata, Avro's
/// <c>CodecFactory.fromString</c> names): <c>null</c> (none), <c>deflate</c> (raw deflate, no zlib header) and
/// <c>snappy</c> (a snappy block followed by the big-endian CRC-32 of the uncompressed bytes) and <c>zstandard</c> (a zstd
/// frame; written at Avro's default level 3). Avro's other codecs (bzip2, xz) are named so that a file or option using
/// them is refused clearly.
/// </summary>
internal sealed class AvroCodec
{
    private enum Kind { Null, Deflate, Snappy, Zstandard }

    private readonly Kind _kind;

    private AvroCodec(Kind kind, string name)
    {
        _kind = kind;
        Name = name;
    }

    public static readonly AvroCodec Null = new(Kind.Null, "null");
    public static readonly AvroCodec Deflate = new(Kind.Deflate, "deflate");
    public static readonly AvroCodec Snappy = new(Kind.Snappy, "snappy");
    public static readonly AvroCodec Zstandard = new(Kind.Zstandard, "zstandard");

    /// <summary>Avro's codec names that are known but not read or written here.</summary>
    public static readonly string[] Unsupported = { "bzip2", "xz" };

    /// <summary>Avro's default zstandard level (CodecFactory.DEFAULT_ZSTANDARD_LEVEL).</summary>
    private const int ZstandardLevel = 3;

    /// <summary>The name in <c>avro.codec</c>.</summary>
    public string Name { get; }

    /// <summary>The codec called <paramref name="name"/>, or null when there is none of that name here.</summary>
    public static AvroCodec? ForName(string name) => name switch
    {
        "null" => Null,
        "deflate" => Deflate,
        "snappy" => Snappy,
        "zstandard" => Zstandard,
        _ => null,
    };

    /// <summary>The block's bytes as stored in the file.</summary>
    public ReadOnlyMemory<byte> Compress(ReadOnlyMemory<byte> block)
    {
        switch (_kind)
        {
            case Kind.Deflate:
                {
                    var output = new MemoryStream(block.Length / 2 + 64);
                    using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(block.Span);
                    return output.GetBuffer().AsMemory(0, (int)output.Length);
                }
            case Kind.Snappy:
                {
                    var output = new byte[Snappier.Snappy.GetMaxCompressedLength(block.Length) + 4];
                    int length = Snappier.Snappy.Compress(block.Span, output);
                    BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(length, 4), Crc32.Compute(block.Span));
                    return output.AsMemory(0, length + 4);
                }
            case Kind.Zstandard:
                {
                    using var compressor = new ZstdSharp.Compressor(ZstandardLevel);
                    return compressor.Wrap(block.Span).ToArray();
                }
            default:
                return block;
        }
    }

    /// <summary>A stored block's uncompressed bytes; a block that does not decompress throws <see cref="InvalidDataException"/>.</summary>
    public ReadOnlyMemory<byte> Decompress(byte[] stored, int length)
    {
        switch (_kind)
        {
            case Kind.Deflate:
                {
                    using var deflate = new DeflateStream(new MemoryStream(stored, 0, length), CompressionMode.Decompress);
                    var output = new MemoryStream(length * 4);
                    deflate.CopyTo(output);
                    return output.ToArray();
                }
            case Kind.Snappy:
                {
                    if (length < 4) throw new InvalidDataException($"a snappy block of {length} bytes, too short for its checksum");
                    var data = stored.AsSpan(0, length - 4);
                    byte[] output;
                    try
                    {
                        output = Snappier.Snappy.DecompressToArray(data);
                    }
                    catch (Exception e) when (e is InvalidDataException or ArgumentException or IndexOutOfRangeException)
                    {
                        throw new InvalidDataException($"a snappy block that does not decompress ({e.Message.TrimEnd('.')})");
                    }
                    uint expected = BinaryPrimitives.ReadUInt32BigEndian(stored.AsSpan(length - 4, 4));
                    if (Crc32.Compute(output) != expected) throw new InvalidDataException("a snappy block whose CRC-32 does not match its data");
                    return output;
                }
            case Kind.Zstandard:
                {
                    // A stream, not a one-shot call: frames written by streaming encoders (Java's ZstdOutputStream) need
                    // not state their content size.
                    using var zstd = new ZstdSharp.DecompressionStream(new MemoryStream(stored, 0, length));
                    var output = new MemoryStream(length * 4);
                    try
                    {
                        zstd.CopyTo(output);
                    }
                    catch (Exception e) when (e is ZstdSharp.ZstdException or InvalidDataException or EndOfStreamException)
                    {
                        throw new InvalidDataException($"a zstandard block that does not decompress ({e.Message.TrimEnd('.')})");
                    }
                    return output.GetBuffer().AsMemory(0, (int)output.Length);
                }
            default:
                return stored.AsMemory(0, length);
        }
    }

    /// <summary>CRC-32 (IEEE, java.util.zip.CRC32), the checksum Avro appends to a snappy block.</summary>
    private static class Crc32
    {
        private static readonly uint[] Table = Build();

        private static uint[] Build()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }

        public static uint Compute(ReadOnlySpan<byte> data)
        {
            uint crc = 0xFFFFFFFFu;
            foreach (byte b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return ~crc;
        }
    }
}
