using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.Filesystem;

/// <summary>A part file of a line format (csv, json): each row is encoded as it arrives.</summary>
internal sealed class LinePartFileWriter(FileStream output, IRowEncoder encoder) : IPartFileWriter
{
    public ValueTask<int> WriteAsync(Batch rows, int start, long maxBytes, CancellationToken cancellationToken)
    {
        int row = start;
        while (row < rows.Length)
        {
            encoder.Write(rows, row++, output);
            if (output.Position > maxBytes) break;
        }
        return ValueTask.FromResult(row);
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
