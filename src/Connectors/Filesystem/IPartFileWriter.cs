using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.Filesystem;

/// <summary>One open part file of a format: takes batches of the file's columns, then is closed into a complete file.</summary>
internal interface IPartFileWriter : IAsyncDisposable
{
    /// <summary>Appends rows of <paramref name="batch"/> (the file's columns, in the file's order; row kinds for a changelog format) from row
    /// <paramref name="start"/> on, stopping early once the file is larger than <paramref name="maxBytes"/> when the format can
    /// (a line format checks after every row, as Flink's row formats roll per record); returns the next row not written.</summary>
    ValueTask<int> WriteAsync(Batch batch, int start, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Bytes written so far, including what is buffered for the file (what <c>sink.rolling-policy.file-size</c> measures).</summary>
    long Length { get; }

    /// <summary>Completes the file (a format's footer), flushes it to disk and closes it.</summary>
    ValueTask CloseAsync(CancellationToken cancellationToken);
}
