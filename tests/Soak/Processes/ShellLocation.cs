namespace StreamSql.Soak.Processes;

/// <summary>
/// Where the <c>streamsql.dll</c> to run is: <c>$STREAMSQL_DLL</c>, else the path the build recorded next to the running
/// assembly (<c>tests/RecordShellLocation.targets</c>), else the newest build below <c>src/Shell/bin</c> of the enclosing
/// checkout.
/// </summary>
public static class ShellLocation
{
    /// <summary>Environment variable that overrides where streamsql.dll is taken from.</summary>
    public const string OverrideVariable = "STREAMSQL_DLL";

    /// <summary>The file the build writes next to the assembly, holding the shell's full path.</summary>
    public const string RecordFileName = "streamsql-shell.path";

    private static readonly Lazy<string?> ShellDll = new(Find);

    /// <summary>The streamsql.dll to run, or null (with <paramref name="why"/>) if none is built.</summary>
    public static string? Locate(out string why)
    {
        var dll = ShellDll.Value;
        why = dll is null ? DescribeSearch() : "";
        return dll;
    }

    private static string? Find()
    {
        var overridden = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(overridden)) return File.Exists(overridden) ? Path.GetFullPath(overridden) : null;

        var recorded = Path.Combine(AppContext.BaseDirectory, RecordFileName);
        if (File.Exists(recorded))
        {
            var path = File.ReadAllText(recorded).Trim();
            if (File.Exists(path)) return path;
        }

        var root = FindRepositoryRoot();
        if (root is null) return null;
        var bin = Path.Combine(root, "src", "Shell", "bin");
        if (!Directory.Exists(bin)) return null;
        return Directory.EnumerateFiles(bin, "streamsql.dll", SearchOption.AllDirectories)
            .Where(p => File.Exists(Path.ChangeExtension(p, ".runtimeconfig.json")))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamSql.sln")) || Directory.Exists(Path.Combine(dir.FullName, "src", "Shell")))
                return dir.FullName;
        }
        return null;
    }

    private static string DescribeSearch() =>
        $"streamsql.dll was not found: looked at ${OverrideVariable}, at {Path.Combine(AppContext.BaseDirectory, RecordFileName)} " +
        "(written when tests/EndToEnd or tests/Soak is built) and below src/Shell/bin. Build it with `dotnet build tests/Soak -c Release`.";
}
