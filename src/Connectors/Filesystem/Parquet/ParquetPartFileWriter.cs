using StreamSql.Execution.Batches;
using Apache.Arrow;
using Parquet;
using Parquet.Schema;

namespace StreamSql.Connectors.Filesystem.Parquet;

/// <summary>
/// A Parquet part file: batches are buffered (Arrow arrays are immutable, so buffering holds references) until they
/// reach <c>parquet.block.size</c>, then written as one row group, column by column. Closing writes the last row group and
/// the footer; Parquet files cannot be appended to, so the sink closes a part file at every checkpoint (Flink's bulk
/// formats roll on every checkpoint for the same reason).
/// </summary>
internal sealed class ParquetPartFileWriter : IPartFileWriter
{
    private readonly FileStream _output;
    private readonly ParquetWriter _writer;
    private readonly ParquetColumnType[] _columns;
    private readonly DataField[] _fields;
    private readonly long _blockSize;
    private readonly ParquetColumnEncoder _encoder;
    private readonly List<RecordBatch> _buffered = new();
    private int _bufferedRows;
    private long _bufferedBytes;
    private bool _closed;

    private ParquetPartFileWriter(FileStream output, ParquetWriter writer, ParquetColumnType[] columns, DataField[] fields, long blockSize, ParquetColumnEncoder encoder)
    {
        _output = output;
        _writer = writer;
        _columns = columns;
        _fields = fields;
        _blockSize = blockSize;
        _encoder = encoder;
    }

    public static async ValueTask<ParquetPartFileWriter> CreateAsync(FileStream output, ParquetColumnType[] columns, CompressionMethod compression,
        long blockSize, ParquetColumnEncoder encoder, CancellationToken cancellationToken)
    {
        var fields = new DataField[columns.Length];
        for (int i = 0; i < fields.Length; i++) fields[i] = columns[i].CreateField();
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, new ParquetOptions { CompressionMethod = compression },
            append: false, cancellationToken).ConfigureAwait(false);
        var elements = ParquetFooter.Columns(writer);
        for (int i = 0; i < columns.Length; i++) columns[i].Annotate(elements[i]);
        writer.CustomMetadata = new Dictionary<string, string> { ["writer"] = "StreamSql" };
        return new ParquetPartFileWriter(output, writer, columns, fields, blockSize, encoder);
    }

    public async ValueTask<int> WriteAsync(Batch rows, int start, long maxBytes, CancellationToken cancellationToken)
    {
        var batch = rows.Data;
        if (start > 0) batch = batch.Slice(start, batch.Length - start);
        int end = start + batch.Length;
        if (batch.Length == 0) return end;
        _buffered.Add(batch);
        _bufferedRows += batch.Length;
        for (int c = 0; c < batch.ColumnCount; c++)
            foreach (var buffer in batch.Column(c).Data.Buffers) _bufferedBytes += buffer.Length;
        if (_bufferedBytes >= _blockSize) await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        return end;
    }

    public long Length => _output.Position + _bufferedBytes;

    private async ValueTask FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        if (_bufferedRows == 0) return;
        var bounds = new (byte[] Min, byte[] Max)?[_columns.Length];
        using (var rowGroup = _writer.CreateRowGroup())
        {
            for (int c = 0; c < _columns.Length; c++)
                bounds[c] = await _encoder.WriteAsync(rowGroup, _fields[c], _columns[c], _buffered, c, _bufferedRows, cancellationToken).ConfigureAwait(false);
        }
        var chunks = ParquetFooter.LastRowGroup(_writer).Columns;
        for (int c = 0; c < bounds.Length; c++)
            if (bounds[c] is var (min, max) && chunks[c].MetaData is { } meta)
            {
                meta.Statistics ??= new global::Parquet.Meta.Statistics();
                meta.Statistics.MinValue = min;
                meta.Statistics.MaxValue = max;
            }
        _buffered.Clear();
        _bufferedRows = 0;
        _bufferedBytes = 0;
    }

    public async ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        _closed = true;
        await _writer.DisposeAsync().ConfigureAwait(false);
        _output.Flush(flushToDisk: true);
        await _output.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // An abandoned part file is never committed: drop its buffered rows without writing a footer.
        if (!_closed) await _output.DisposeAsync().ConfigureAwait(false);
    }
}
