namespace StreamSql.Execution.Checkpointing;

/// <summary>
/// A local path a user gave as Flink takes them: a URI (<c>file:///tmp/x</c>, <c>file://localhost/tmp/x</c>,
/// <c>file:/tmp/x</c>) or a plain path (<c>/tmp/x</c>, or relative to the working directory). Other schemes (hdfs, s3,
/// ...) name storage this engine cannot reach.
/// </summary>
public static class LocalPath
{
    /// <summary>The local path <paramref name="path"/> names (still relative if it was), or null when it has a scheme other
    /// than <c>file</c>.</summary>
    public static string? TryToLocal(string path)
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

    /// <summary>The full local path <paramref name="path"/> names.</summary>
    /// <exception cref="ArgumentException">It names a location on another file system (its scheme is not <c>file</c>).</exception>
    public static string Full(string path) => Path.GetFullPath(TryToLocal(path)
        ?? throw new ArgumentException($"'{path}' is not a local path; only local directories (a plain path or a file:// URI) are supported"));

    private static bool IsScheme(ReadOnlySpan<char> text)
    {
        if (!char.IsAsciiLetter(text[0])) return false;
        foreach (var c in text)
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.') return false;
        return true;
    }
}
