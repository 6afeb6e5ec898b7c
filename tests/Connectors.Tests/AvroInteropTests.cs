using System.IO.Compression;
using Apache.Arrow;
using Avro;
using Avro.File;
using Avro.Generic;
using StreamSql.Connectors.Common;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Connectors.Tests.TestTables;

namespace StreamSql.Connectors.Tests;

/// <summary>Avro container files exchanged with Apache's own Avro library (Apache.Avro): files it writes (several blocks,
/// codecs null, deflate and snappy) are read by the filesystem source, and the part files the sink writes are read by it.
/// Its snappy codec is not built in; the one registered here checks and writes the block checksum with a CRC-32 taken
/// from a gzip trailer, so the engine's checksum is compared with zlib's.</summary>
public sealed class AvroInteropTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-avro-interop-" + Guid.NewGuid().ToString("N"));

    static AvroInteropTests() => Codec.RegisterResolver(name => name == "snappy" ? new GzipCheckedSnappy() : null!);

    public AvroInteropTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string ForeignSchema = """
        {"type": "record", "name": "Reading", "namespace": "com.example", "fields": [
          {"name": "id", "type": "long"},
          {"name": "name", "type": ["null", "string"]},
          {"name": "score", "type": "double"},
          {"name": "ok", "type": "boolean"},
          {"name": "blob", "type": "bytes"},
          {"name": "n", "type": ["null", "int"]},
          {"name": "color", "type": {"type": "enum", "name": "Color", "symbols": ["RED", "GREEN", "BLUE"]}}]}
        """;

    private static readonly (string, SqlType)[] Columns =
    {
        ("id", SqlType.BigInt), ("name", SqlType.String), ("score", SqlType.Double), ("ok", SqlType.Boolean), ("blob", SqlType.Bytes),
        ("n", SqlType.Int), ("color", SqlType.String),
    };

    private static string Expected(int i) =>
        $"{i}|{(i % 4 == 0 ? "NULL" : "name-" + i)}|{FlinkDouble(i * 0.5)}|{(i % 3 == 0 ? "true" : "false")}|{Convert.ToBase64String(new byte[] { (byte)(i % 256), 0xFF })}|{(i % 5 == 0 ? "NULL" : (i * 7).ToString())}|{(new[] { "RED", "GREEN", "BLUE" })[i % 3]}";

    private static string FlinkDouble(double d)
    {
        var column = ColumnBuilder.Create(new Apache.Arrow.Types.DoubleType());
        column.AppendDouble(d);
        return FlinkText.Format(column.Build(), 0, TimestampStyle.Sql);
    }

    private CatalogTable AvroTable(string path, params (string, string)[] extra) =>
        Table("av", Columns, [("connector", "filesystem"), ("path", path), ("format", "avro"), .. extra]);

    private static List<string> Cells(IEnumerable<RecordBatch> batches)
    {
        var cells = new List<string>();
        foreach (var b in batches)
            for (int r = 0; r < b.Length; r++)
                cells.Add(string.Join("|", Enumerable.Range(0, b.ColumnCount).Select(c => b.Column(c).IsNull(r) ? "NULL" : FlinkText.Format(b.Column(c), r, TimestampStyle.Sql))));
        return cells;
    }

    [Theory]
    [InlineData(Codec.Type.Null)]
    [InlineData(Codec.Type.Deflate)]
    [InlineData(Codec.Type.Snappy)]
    public async Task Files_apache_avro_writes_are_read_with_every_block(Codec.Type codec)
    {
        var schema = (RecordSchema)Avro.Schema.Parse(ForeignSchema);
        var color = (EnumSchema)schema["color"].Schema;
        var file = Path.Combine(_dir, "apache.avro");
        using (var writer = DataFileWriter<GenericRecord>.OpenWriter(new GenericDatumWriter<GenericRecord>(schema), file, codec == Codec.Type.Snappy
                   ? new GzipCheckedSnappy() : Codec.CreateCodec(codec)))
        {
            writer.SetSyncInterval(2000);
            for (int i = 0; i < 1000; i++)
            {
                var record = new GenericRecord(schema);
                record.Add("id", (long)i);
                record.Add("name", i % 4 == 0 ? null : "name-" + i);
                record.Add("score", i * 0.5);
                record.Add("ok", i % 3 == 0);
                record.Add("blob", new byte[] { (byte)(i % 256), 0xFF });
                record.Add("n", i % 5 == 0 ? null : i * 7);
                record.Add("color", new GenericEnum(color, color.Symbols[i % 3]));
                writer.Append(record);
            }
        }
        var cells = Cells(await ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(AvroTable(file), maxBatchRows: 300)));
        Assert.Equal(Enumerable.Range(0, 1000).Select(Expected), cells);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("deflate")]
    [InlineData("snappy")]
    public async Task Part_files_the_sink_writes_are_read_by_apache_avro(string codec)
    {
        var table = AvroTable(_dir, ("avro.codec", codec));
        var schema = ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema);
        var columns = schema.FieldsList.Select(f => ColumnBuilder.Create(f.DataType)).ToArray();
        const int Rows = 20_000;
        for (int i = 0; i < Rows; i++)
        {
            columns[0].AppendInt64(i);
            if (i % 4 == 0) columns[1].AppendNull(); else columns[1].AppendString("name-" + i);
            columns[2].AppendDouble(i * 0.5);
            columns[3].AppendBoolean(i % 3 == 0);
            columns[4].AppendUtf8(new byte[] { (byte)(i % 256), 0xFF });
            if (i % 5 == 0) columns[5].AppendNull(); else columns[5].AppendInt64(i * 7);
            columns[6].AppendString((new[] { "RED", "GREEN", "BLUE" })[i % 3]);
        }
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        await writer.WriteAsync(new Batch(new RecordBatch(schema, columns.Select(c => c.Build()), Rows)), CancellationToken.None);
        var handle = await writer.PrepareCommitAsync(1, CancellationToken.None);
        await writer.CommitAsync(1, new[] { handle! }, CancellationToken.None);
        await writer.DisposeAsync();

        var file = Directory.GetFiles(_dir, "part-*").Single();
        using var reader = DataFileReader<GenericRecord>.OpenReader(file);
        Assert.Equal(codec, reader.GetMetaString("avro.codec"));
        Assert.Equal("org.apache.flink.avro.generated.record", reader.GetSchema().Fullname);
        var read = new List<string>();
        while (reader.HasNext())
        {
            var r = reader.Next();
            read.Add($"{r["id"]}|{r["name"] ?? "NULL"}|{FlinkDouble((double)r["score"])}|{((bool)r["ok"] ? "true" : "false")}|{Convert.ToBase64String((byte[])r["blob"])}"
                + $"|{r["n"] ?? "NULL"}|{r["color"]}");
        }
        Assert.Equal(Enumerable.Range(0, Rows).Select(Expected), read);
    }

    /// <summary>Avro's snappy codec (a snappy block, then the big-endian CRC-32 of the uncompressed bytes) with the CRC-32
    /// taken from the trailer zlib writes after a gzip stream.</summary>
    private sealed class GzipCheckedSnappy : Codec
    {
        private static uint Crc32(byte[] data, int length)
        {
            var gzip = new MemoryStream();
            using (var stream = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true)) stream.Write(data, 0, length);
            var bytes = gzip.ToArray();
            return BitConverter.ToUInt32(bytes, bytes.Length - 8);
        }

        public override byte[] Compress(byte[] uncompressedData)
        {
            var compressed = Snappier.Snappy.CompressToArray(uncompressedData);
            var output = new byte[compressed.Length + 4];
            compressed.CopyTo(output, 0);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(compressed.Length), Crc32(uncompressedData, uncompressedData.Length));
            return output;
        }

        public override void Compress(MemoryStream inputStream, MemoryStream outputStream)
        {
            var compressed = Compress(inputStream.ToArray());
            outputStream.SetLength(0);
            outputStream.Write(compressed);
        }

        public override byte[] Decompress(byte[] compressedData, int length)
        {
            var data = Snappier.Snappy.DecompressToArray(compressedData.AsSpan(0, length - 4));
            uint expected = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(compressedData.AsSpan(length - 4, 4));
            Assert.Equal(Crc32(data, data.Length), expected);
            return data;
        }

        public override string GetName() => "snappy";

        public override bool Equals(object? other) => other is GzipCheckedSnappy;

        public override int GetHashCode() => 17;
    }
}
