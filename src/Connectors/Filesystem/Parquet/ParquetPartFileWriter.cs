using StreamSql.Execution.Batches;
using Apache.Arrow;
using Parquet;
using Parquet.Schema;

using Field = Parquet.Schema.Field;

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

    private readonly ParquetNestedColumnWriter?[] _nested;
    /// <summary>Per column, the index of its first column chunk (a nested column has one per leaf).</summary>
    private readonly int[] _firstChunk;

    private ParquetPartFileWriter(FileStream output, ParquetWriter writer, ParquetColumnType[] columns, DataField[] fields, long blockSize, ParquetColumnEncoder encoder,
        ParquetNestedColumnWriter?[] nested, int[] firstChunk)
    {
        _output = output;
        _writer = writer;
        _columns = columns;
        _fields = fields;
        _blockSize = blockSize;
        _encoder = encoder;
        _nested = nested;
        _firstChunk = firstChunk;
    }

    public static async ValueTask<ParquetPartFileWriter> CreateAsync(FileStream output, ParquetColumnType[] columns, CompressionMethod compression,
        long blockSize, ParquetColumnEncoder encoder, CancellationToken cancellationToken)
    {
        var schemaFields = new Field[columns.Length];
        for (int i = 0; i < schemaFields.Length; i++) schemaFields[i] = columns[i].CreateSchemaField();
        var schema = new ParquetSchema(schemaFields);
        var fields = new DataField[columns.Length];
        var nested = new ParquetNestedColumnWriter?[columns.Length];
        var firstChunk = new int[columns.Length];
        int chunk = 0;
        for (int i = 0; i < columns.Length; i++)
        {
            firstChunk[i] = chunk;
            if (columns[i].Nested is { } node)
            {
                var leaves = new List<DataField>();
                Leaves(schemaFields[i], leaves);
                nested[i] = new ParquetNestedColumnWriter(node, leaves);
                chunk += leaves.Count;
            }
            else
            {
                fields[i] = (DataField)schemaFields[i];
                chunk++;
            }
        }
        var writer = await ParquetWriter.CreateAsync(schema, output, new ParquetOptions { CompressionMethod = compression },
            append: false, cancellationToken).ConfigureAwait(false);
        var elements = ParquetFooter.Columns(writer);
        int index = 0;
        foreach (var column in columns)
        {
            if (column.Nested is { } node) node.Annotate(elements, ref index);
            else column.Annotate(elements[index++]);
        }
        writer.CustomMetadata = new Dictionary<string, string> { ["writer"] = "StreamSql" };
        return new ParquetPartFileWriter(output, writer, columns, fields, blockSize, encoder, nested, firstChunk);
    }

    private static void Leaves(Field field, List<DataField> leaves)
    {
        switch (field)
        {
            case DataField data: leaves.Add(data); break;
            case StructField s: foreach (var f in s.Fields) Leaves(f, leaves); break;
            case ListField l: Leaves(l.Item, leaves); break;
            case MapField m: Leaves(m.Key, leaves); Leaves(m.Value, leaves); break;
        }
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
            {
                if (_nested[c] is { } nested) await nested.WriteAsync(rowGroup, _encoder, _buffered, c, cancellationToken).ConfigureAwait(false);
                else bounds[c] = await _encoder.WriteAsync(rowGroup, _fields[c], _columns[c], _buffered, c, _bufferedRows, cancellationToken).ConfigureAwait(false);
            }
        }
        var chunks = ParquetFooter.LastRowGroup(_writer).Columns;
        for (int c = 0; c < bounds.Length; c++)
            if (bounds[c] is var (min, max) && chunks[_firstChunk[c]].MetaData is { } meta)
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
