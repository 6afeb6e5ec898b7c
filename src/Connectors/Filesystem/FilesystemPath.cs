namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// The local path a filesystem table's <c>'path'</c> names. Flink paths are URIs: <c>file:///tmp/x</c>,
/// <c>file:/tmp/x</c> and a plain <c>/tmp/x</c> are the same local path; other schemes (hdfs, s3, ...) are not supported.
/// </summary>
internal static class FilesystemPath
{
    /// <summary>The local path of <paramref name="path"/>, or null when it has a scheme other than <c>file</c>.</summary>
    public static string? ToLocal(string path)
    {
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = path["file:".Length..];
            // file:///x and file://localhost/x name /x; file:/x names /x; file:x is relative.
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                rest = rest[2..];
                int slash = rest.IndexOf('/');
                rest = slash < 0 ? "/" : rest[slash..];
            }
            return Uri.UnescapeDataString(rest);
        }
        int colon = path.IndexOf("://", StringComparison.Ordinal);
        if (colon > 0 && IsScheme(path.AsSpan(0, colon))) return null;
        return path;
    }

    private static bool IsScheme(ReadOnlySpan<char> text)
    {
        if (!char.IsAsciiLetter(text[0])) return false;
        foreach (var c in text)
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.') return false;
        return true;
    }
}
