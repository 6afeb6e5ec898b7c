using System.Diagnostics;

namespace StreamSql.Shell.Tests;

/// <summary>
/// The <c>streamsql</c> processes of one test: each runs with the test's own runtime directory (<c>XDG_RUNTIME_DIR</c>,
/// also their working directory), so engines of other test runs on the machine are not seen; engines still running at
/// the end are killed and the directory removed.
/// </summary>
internal sealed class EngineProcesses : IDisposable
{
    private readonly List<Process> _engines = new();

    public EngineProcesses(string prefix)
    {
        Directory = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The runtime (and working) directory.</summary>
    public string Directory { get; }

    private static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "streamsql.exe" : "streamsql");

    public ProcessStartInfo Info(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        info.Environment["XDG_RUNTIME_DIR"] = Directory;
        foreach (var a in args) info.ArgumentList.Add(a);
        return info;
    }

    /// <summary>Writes <paramref name="text"/> to a script file in the directory; returns its path.</summary>
    public string Script(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Starts <c>streamsql -f <paramref name="script"/></c> (its control endpoint on a free port) and reads its
    /// output up to the <c>Job ID:</c> line of the INSERT it submits; returns the engine, the job id and the rest of its
    /// output.</summary>
    public async Task<(Process Engine, string JobId, Task<string> Stdout, Task<string> Stderr)> StartAsync(string script)
    {
        var engine = Process.Start(Info(["-f", script, "-D", "rest.bind-port=0"]))!;
        _engines.Add(engine);
        var stderr = engine.StandardError.ReadToEndAsync();
        string? line;
        while ((line = await engine.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))) is not null)
            if (line.StartsWith("Job ID: ", StringComparison.Ordinal)) break;
        Assert.NotNull(line);
        return (engine, line!["Job ID: ".Length..].Trim(), engine.StandardOutput.ReadToEndAsync(), stderr);
    }

    /// <summary>Runs <c>streamsql</c> with <paramref name="args"/> to its end; its exit code and output.</summary>
    public async Task<(int Code, string Out, string Err)> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(Info(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        return (process.ExitCode, (await stdout).ReplaceLineEndings("\n"), (await stderr).ReplaceLineEndings("\n"));
    }

    public void Dispose()
    {
        foreach (var engine in _engines)
        {
            try
            {
                if (!engine.HasExited) engine.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
            engine.Dispose();
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
