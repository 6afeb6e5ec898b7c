using StreamSql.Execution.Checkpointing;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// The local path a filesystem table's <c>'path'</c> names. Flink paths are URIs: <c>file:///tmp/x</c>,
/// <c>file:/tmp/x</c> and a plain <c>/tmp/x</c> are the same local path; other schemes (hdfs, s3, ...) are not supported.
/// </summary>
internal static class FilesystemPath
{
    /// <summary>The local path of <paramref name="path"/>, or null when it has a scheme other than <c>file</c>.</summary>
    public static string? ToLocal(string path) => LocalPath.TryToLocal(path);
}
