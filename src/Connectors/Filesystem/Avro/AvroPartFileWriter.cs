using System.Security.Cryptography;
using StreamSql.Connectors.Kafka;
using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.Filesystem.Avro;

/// <summary>
/// An Avro object container part file (Flink's <c>avro</c> bulk format): the header with the schema Flink derives from the
/// columns and the codec, then records encoded into a block buffer that is compressed and written once it reaches Avro's
/// sync interval. Closing writes the last block; like every bulk format the sink closes a part file at every checkpoint.
/// </summary>
internal sealed class AvroPartFileWriter : IPartFileWriter
{
    private readonly FileStream _output;
    private readonly AvroCodec _codec;
    private readonly AvroBinary.Encoder _encoder;
    /// <summary>The file columns with the table's nullability, which decides the schema's unions.</summary>
    private readonly Apache.Arrow.Schema _columns;
    private readonly byte[] _sync = RandomNumberGenerator.GetBytes(AvroContainer.SyncSize);
    private readonly MemoryStream _block = new();
    private long _blockRecords;
    private bool _closed;

    public AvroPartFileWriter(FileStream output, Apache.Arrow.Schema columns, string schema, AvroCodec codec, AvroBinary.Encoder encoder)
    {
        _output = output;
        _columns = columns;
        _codec = codec;
        _encoder = encoder;
        AvroContainer.WriteHeader(output, schema, codec.Name, _sync);
    }

    public ValueTask<int> WriteAsync(Batch rows, int start, long maxBytes, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(rows.Data.Schema, _columns))
            rows = new Batch(new Apache.Arrow.RecordBatch(_columns, rows.Data.Arrays, rows.Length));
        int row = start;
        while (row < rows.Length)
        {
            _encoder.Write(rows, row++, _block);
            _blockRecords++;
            if (_block.Length >= AvroContainer.SyncInterval) FlushBlock();
            if (Length > maxBytes) break;
        }
        return ValueTask.FromResult(row);
    }

    public long Length => _output.Position + _block.Length;

    private void FlushBlock()
    {
        if (_blockRecords == 0) return;
        var stored = _codec.Compress(_block.GetBuffer().AsMemory(0, (int)_block.Length));
        AvroBinary.Encoder.Long(_output, _blockRecords);
        AvroBinary.Encoder.Long(_output, stored.Length);
        _output.Write(stored.Span);
        _output.Write(_sync);
        _block.SetLength(0);
        _blockRecords = 0;
    }

    public async ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        FlushBlock();
        _closed = true;
        _output.Flush(flushToDisk: true);
        await _output.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // An abandoned part file is never committed: its buffered block is dropped.
        if (!_closed) await _output.DisposeAsync().ConfigureAwait(false);
    }
}
