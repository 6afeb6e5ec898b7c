using Apache.Arrow;

namespace StreamSql.Connectors.Filesystem;

/// <summary>One open part file of a format: takes batches of the file's columns, then is closed into a complete file.</summary>
internal interface IPartFileWriter : IAsyncDisposable
{
    /// <summary>Appends the rows of <paramref name="batch"/> (the file's columns, in the file's order).</summary>
    ValueTask WriteAsync(RecordBatch batch, CancellationToken cancellationToken);

    /// <summary>Bytes written so far, including what is buffered for the file (what <c>sink.rolling-policy.file-size</c> measures).</summary>
    long Length { get; }

    /// <summary>Completes the file (a format's footer), flushes it to disk and closes it.</summary>
    ValueTask CloseAsync(CancellationToken cancellationToken);
}
