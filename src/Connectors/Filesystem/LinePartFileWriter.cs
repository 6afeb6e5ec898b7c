using Apache.Arrow;
using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.Filesystem;

/// <summary>A part file of a line format (csv, json): each row is encoded as it arrives.</summary>
internal sealed class LinePartFileWriter(FileStream output, IRowEncoder encoder) : IPartFileWriter
{
    public ValueTask WriteAsync(RecordBatch batch, CancellationToken cancellationToken)
    {
        var rows = new Batch(batch);
        for (int row = 0; row < rows.Length; row++) encoder.Write(rows, row, output);
        return ValueTask.CompletedTask;
    }

    public long Length => output.Position;

    public ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        output.Flush(flushToDisk: true);
        output.Dispose();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => output.DisposeAsync();
}
