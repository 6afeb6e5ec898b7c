using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace StreamSql.Control;

/// <summary>
/// How a <c>streamsql</c> finds the engines running on this machine for this user: each engine with a control endpoint
/// writes <c>{pid}.json</c> (an <see cref="EngineRecord"/>) into a private per-user directory —
/// <c>$XDG_RUNTIME_DIR/streamsql/engines/</c>, else <c>/tmp/streamsql-{uid}/engines/</c> — and deletes it on exit.
/// Files of processes that are gone (killed, crashed) are ignored and deleted by whoever reads them.
/// </summary>
public sealed class EngineDiscovery
{
    public EngineDiscovery(string directory) => Directory = directory;

    /// <summary>The discovery directory.</summary>
    public string Directory { get; }

    /// <summary>The directory for the current user, from the environment (see the class summary).</summary>
    public static EngineDiscovery ForCurrentUser() => new(DefaultDirectory());

    /// <summary><c>$XDG_RUNTIME_DIR/streamsql/engines</c>, else <c>{temp}/streamsql-{uid}/engines</c>.</summary>
    public static string DefaultDirectory()
    {
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        if (!string.IsNullOrEmpty(runtime) && Path.IsPathRooted(runtime))
            return Path.Combine(runtime, "streamsql", "engines");
        var user = OperatingSystem.IsWindows() ? Environment.UserName : UserId();
        return Path.Combine(OperatingSystem.IsWindows() ? Path.GetTempPath() : "/tmp", "streamsql-" + user, "engines");
    }

    /// <summary>Writes this process's discovery file (atomically, readable only by the user) and returns its path.</summary>
    /// <exception cref="IOException">The directory cannot be created or is not private to the user.</exception>
    public string Register(EngineRecord record)
    {
        EnsurePrivateDirectory();
        var path = Path.Combine(Directory, record.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".json");
        var temp = path + ".tmp";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record, ControlJson.Default.EngineRecord);
        using (var file = OperatingSystem.IsWindows()
                   ? new FileStream(temp, FileMode.Create, FileAccess.Write)
                   : new FileStream(temp, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
            file.Write(bytes);
        File.Move(temp, path, overwrite: true);
        return path;
    }

    /// <summary>The engines whose process is alive, oldest first. Files of dead processes (and unreadable ones) are deleted.</summary>
    public IReadOnlyList<EngineRecord> FindLiveEngines()
    {
        var engines = new List<EngineRecord>();
        if (!System.IO.Directory.Exists(Directory)) return engines;
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.json"))
        {
            EngineRecord? record;
            try
            {
                record = JsonSerializer.Deserialize(File.ReadAllBytes(path), ControlJson.Default.EngineRecord);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // being replaced or deleted right now
            }
            catch (JsonException)
            {
                record = null;
            }
            if (record is not null && IsAlive(record)) engines.Add(record);
            else TryDelete(path);
        }
        engines.Sort((a, b) => a.StartTime.CompareTo(b.StartTime));
        return engines;
    }

    /// <summary>Deletes a discovery file, ignoring one that is already gone.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The current process's start time in epoch milliseconds, to tell it from a later process with the same pid.</summary>
    public static long CurrentProcessStartTime()
    {
        using var self = Process.GetCurrentProcess();
        return new DateTimeOffset(self.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
    }

    private static bool IsAlive(EngineRecord record)
    {
        if (record.ProcessId == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(record.ProcessId);
            if (process.HasExited) return false;
            long started = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
            // The pid was reused by a younger process: the engine is gone.
            return Math.Abs(started - record.ProcessStartTime) < 2000;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    private void EnsurePrivateDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
            return;
        }
        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        System.IO.Directory.CreateDirectory(Directory, Private);
        // Under /tmp another user could have made the directory first: refuse one that others can write to.
        var parent = Path.GetDirectoryName(Directory)!;
        foreach (var dir in new[] { parent, Directory })
        {
            var mode = File.GetUnixFileMode(dir);
            if ((mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
                throw new IOException($"the discovery directory '{dir}' can be written by other users; remove it or make it private (chmod 700)");
        }
    }

    [DllImport("libc", EntryPoint = "getuid")]
    private static extern uint GetUid();

    private static string UserId()
    {
        try
        {
            return GetUid().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Environment.UserName;
        }
    }
}
