using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StreamSql.Execution.State.RocksDb;

/// <summary>
/// The working directories of rocksdb backends under <c>state.backend.rocksdb.localdir</c>: one per subtask, named
/// <c>{job}-{operator}-{subtask}-p{process id}-{guid}</c>. A backend deletes its own when it closes; a process killed with
/// SIGKILL cannot, so the first backend of a process removes the directories of processes that no longer run (each
/// killed run would otherwise leave its whole RocksDB behind for good). Directories of live processes, and those named
/// without a process id, are left alone.
/// </summary>
public static partial class RocksDbWorkDirectories
{
    private static readonly ConcurrentDictionary<string, bool> Swept = new(StringComparer.Ordinal);

    /// <summary>A new working directory's path under <paramref name="root"/>; sweeps <paramref name="root"/> first, once per process.</summary>
    public static string Create(string root, string job, string operatorId, int subtaskIndex)
    {
        if (Swept.TryAdd(Path.GetFullPath(root), true)) RemoveDeadProcessDirectories(root);
        return Path.Combine(root, $"{job}-{operatorId}-{subtaskIndex}-p{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}");
    }

    /// <summary>Deletes the directories under <paramref name="root"/> whose process is gone; returns how many.</summary>
    public static int RemoveDeadProcessDirectories(string root)
    {
        if (!Directory.Exists(root)) return 0;
        int removed = 0;
        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            var match = OwnerPattern().Match(Path.GetFileName(directory));
            if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || IsRunning(pid)) continue;
            try
            {
                Directory.Delete(directory, recursive: true);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process sweeping at the same time, or not ours to delete: leave it.
            }
        }
        return removed;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no process with that id
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return true; // cannot tell: keep the directory
        }
    }

    [GeneratedRegex("-p([0-9]+)-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnerPattern();
}
