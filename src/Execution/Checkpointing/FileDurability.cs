using System.Runtime.InteropServices;

namespace StreamSql.Execution.Checkpointing;

/// <summary>
/// Makes files and directory entries survive a machine crash (fsync). A rename or a new file is durable only once its
/// directory is flushed too: a checkpoint's <c>_metadata</c>, a sink's pending and committed part files. .NET has no
/// call for flushing a directory, so on Unix it is opened and fsynced through libc; elsewhere (Windows flushes directory
/// metadata with the file) it does nothing.
/// </summary>
public static class FileDurability
{
    /// <summary>Flushes a file's data and metadata to disk.</summary>
    public static void SyncFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Flushes a directory's entries (files created, renamed or deleted in it) to disk.</summary>
    /// <exception cref="IOException">The directory cannot be opened or flushed.</exception>
    public static void SyncDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        int fd = Open(path, 0 /* O_RDONLY */);
        if (fd < 0) throw new IOException($"cannot open directory '{path}' to flush it: {Marshal.GetLastPInvokeErrorMessage()}");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"cannot flush directory '{path}': {Marshal.GetLastPInvokeErrorMessage()}");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
