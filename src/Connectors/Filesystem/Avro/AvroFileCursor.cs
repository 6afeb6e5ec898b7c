using Apache.Arrow;
using StreamSql.Connectors.Kafka.ConfluentAvro;
using StreamSql.Execution.Columns;
using Wire = StreamSql.Connectors.Kafka.AvroBinary.Parser;

namespace StreamSql.Connectors.Filesystem.Avro;

/// <summary>
/// One Avro object container file being read, a block at a time: the header's writer schema is resolved against the
/// table's columns (Avro's schema resolution, <see cref="AvroResolution"/>: fields by name, writer fields without a column
/// skipped, promotions), each block is decompressed once and its records decoded straight into the column builders. The
/// position is the byte offset of a block and the number of its records already read.
/// </summary>
internal sealed class AvroFileCursor : IDisposable
{
    private readonly string _file;
    private readonly FileStream _input;
    private readonly AvroContainer _header;
    private readonly AvroCodec _codec;
    private readonly AvroSchema _writer;
    private readonly AvroValueReader.Record _plan;
    private byte[] _stored = System.Array.Empty<byte>();
    private readonly byte[] _sync = new byte[AvroContainer.SyncSize];
    private readonly byte[] _blockHeader = new byte[20];
    private ReadOnlyMemory<byte> _block;
    private int _at;
    private long _blockRecords;
    /// <summary>A malformed block or record met after some records of a batch were read: thrown by the next read.</summary>
    private InvalidDataException? _failure;

    private AvroFileCursor(string file, FileStream input, AvroContainer header, AvroCodec codec, AvroSchema writer, AvroValueReader.Record plan)
    {
        _file = file;
        _input = input;
        _header = header;
        _codec = codec;
        _writer = writer;
        _plan = plan;
        BlockOffset = input.Position;
    }

    /// <summary>Where the block being read starts (or, between blocks, the next one), and how many of its records are read.</summary>
    public long BlockOffset { get; private set; }
    public long Row { get; private set; }

    /// <summary>Opens <paramref name="file"/> for the table's file columns <paramref name="fields"/> (all of them, named),
    /// filling slot <paramref name="targets"/>[f] with field f (-1: not read), at record <paramref name="row"/> of the block at
    /// <paramref name="blockOffset"/> (0: the first block). A file that is not Avro, uses a codec not read here, or whose
    /// schema cannot be read into the columns is refused naming the file and the reason.</summary>
    public static AvroFileCursor Open(string file, IReadOnlyList<Field> fields, IReadOnlyList<int> targets, IReadOnlyList<bool> millis, long blockOffset, long row)
    {
        var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        try
        {
            AvroContainer header;
            try
            {
                header = AvroContainer.ReadHeader(input);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"Cannot read avro file '{file}': {e.Message.TrimEnd('.')}.", e);
            }
            var codec = AvroCodec.ForName(header.Codec) ?? throw new InvalidDataException(
                $"Cannot read avro file '{file}': its codec '{header.Codec}' is not supported (null, deflate, snappy and zstandard are).");
            AvroSchema writer;
            AvroValueReader.Record plan;
            try
            {
                writer = AvroSchemaParser.Parse(header.Schema);
                plan = AvroResolution.Plan(writer, fields, targets, millis);
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"Avro file '{file}' cannot be read into the table's columns: {e.Message}.", e);
            }
            var cursor = new AvroFileCursor(file, input, header, codec, writer, plan);
            if (blockOffset > 0)
            {
                input.Position = blockOffset;
                cursor.BlockOffset = blockOffset;
                if (row > 0) cursor.SkipRecords(row);
            }
            return cursor;
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    /// <summary>Decodes up to <paramref name="maxRows"/> records into <paramref name="columns"/> (by slot); 0 at the end of
    /// the file. A malformed block or record throws <see cref="InvalidDataException"/> naming the file, the block and the
    /// record; as Flink reads record by record, the records before it are returned first and the failure comes with the
    /// next call, the position staying at the bad record (so a checkpoint taken in between meets it again).</summary>
    public int ReadInto(ColumnBuilder[] columns, int maxRows)
    {
        if (_failure is { } failure) throw failure;
        int rows = 0;
        while (rows < maxRows)
        {
            try
            {
                if (Row >= _blockRecords && !NextBlock()) break;
                ReadRecord(columns);
                rows++;
                Row++;
                if (Row == _blockRecords) EndBlock();
            }
            catch (InvalidDataException e) when (rows > 0)
            {
                foreach (var column in columns) column.Truncate(rows);
                _failure = e;
                break;
            }
        }
        return rows;
    }

    private void ReadRecord(ColumnBuilder[] columns)
    {
        var data = _block.Span;
        int at = _at;
        try
        {
            _plan.ReadInto(data, ref at, columns);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidDataException or OverflowException)
        {
            throw Malformed($"record {Row + 1} of {_blockRecords} cannot be read with the file's schema ({e.Message.TrimEnd('.')})");
        }
        _at = at;
    }

    private void SkipRecords(long row)
    {
        if (!NextBlock() || row > _blockRecords)
            throw Malformed($"the position to resume at, record {row + 1}, is not in the file (a checkpoint of another file?)");
        var data = _block.Span;
        int at = 0;
        try
        {
            for (long r = 0; r < row; r++) AvroSkip.Value(_writer, data, ref at);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidDataException)
        {
            throw Malformed($"cannot step over its first {row} records ({e.Message.TrimEnd('.')})");
        }
        _at = at;
        Row = row;
        if (Row == _blockRecords) EndBlock();
    }

    /// <summary>Reads the block at the stream's position; false at the end of the file.</summary>
    private bool NextBlock()
    {
        while (true)
        {
            BlockOffset = _input.Position;
            Row = 0;
            if (BlockOffset >= _input.Length) return false;
            // The record count and the byte size: two varints of at most 10 bytes each.
            int read = _input.ReadAtLeast(_blockHeader, _blockHeader.Length, throwOnEndOfStream: false);
            long count, size;
            int at = 0;
            try
            {
                count = Wire.Long(_blockHeader.AsSpan(0, read), ref at);
                size = Wire.Long(_blockHeader.AsSpan(0, read), ref at);
            }
            catch (Exception e) when (e is IndexOutOfRangeException or InvalidDataException)
            {
                throw Malformed("the file ends inside the block's header, or the header is not two varints");
            }
            _input.Position = BlockOffset + at;
            if (count < 0 || size < 0 || size > _input.Length - _input.Position - AvroContainer.SyncSize)
                throw Malformed($"a block of {count} records in {size} bytes does not fit the file ({_input.Length} bytes)");
            if (_stored.Length < size) _stored = new byte[Math.Max(size, _stored.Length * 2L)];
            _input.ReadExactly(_stored, 0, (int)size);
            _input.ReadExactly(_sync);
            if (!_sync.AsSpan().SequenceEqual(_header.Sync))
                throw Malformed("the sync marker after the block differs from the header's (a corrupt or truncated file)");
            try
            {
                _block = _codec.Decompress(_stored, (int)size);
            }
            catch (InvalidDataException e)
            {
                throw Malformed($"{_codec.Name}: {e.Message.TrimEnd('.')}");
            }
            _at = 0;
            _blockRecords = count;
            if (count > 0) return true;
        }
    }

    /// <summary>The block is read: the position moves on to the next one.</summary>
    private void EndBlock()
    {
        if (_at != _block.Length)
            throw Malformed($"{_block.Length - _at} bytes are left over after its {_blockRecords} records");
        BlockOffset = _input.Position;
        Row = 0;
        _blockRecords = 0;
    }

    private InvalidDataException Malformed(string what) => new($"Malformed avro file '{_file}', block at byte {BlockOffset}: {what}.");

    public void Dispose() => _input.Dispose();
}
