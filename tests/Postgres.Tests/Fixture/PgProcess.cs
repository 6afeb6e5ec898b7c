using System.Diagnostics;

namespace StreamSql.Postgres.Tests.Fixture;

/// <summary>
/// A PostgreSQL server of one test's own (scripts/postgres.sh in a directory), which the test can take down and bring back
/// on the same port (pg_ctl stop/start on its data directory) — to see what a sink does while its server is gone.
/// </summary>
public sealed class PgProcess : IDisposable
{
    private readonly string _script;
    private readonly string _bin;

    private PgProcess(string directory, string connectionString, string script, string bin)
    {
        Directory = directory;
        ConnectionString = connectionString;
        _script = script;
        _bin = bin;
    }

    public string Directory { get; }

    public string ConnectionString { get; }

    public static PgProcess Start()
    {
        var script = FindScript();
        var directory = Path.Combine(Path.GetTempPath(), "streamsql-pg-own-" + Guid.NewGuid().ToString("N")[..12]);
        var (code, output, error) = Run("bash", script, "start", directory);
        if (code != 0) throw new InvalidOperationException("scripts/postgres.sh start failed: " + error);
        var bin = System.IO.Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).First(d => File.Exists(Path.Combine(d, "pg_ctl")));
        return new PgProcess(directory, output.Trim().Split('\n')[^1], script, bin);
    }

    /// <summary>Stops the server (fast shutdown: connections are cut, committed data kept — the test servers run without fsync).</summary>
    public void TakeDown() => PgCtl("-m", "fast", "-w", "stop");

    /// <summary>Starts it again on the same port with the same data.</summary>
    public void BringBack()
    {
        var port = File.ReadAllText(Path.Combine(Directory, "port")).Trim();
        PgCtl("-l", Path.Combine(Directory, "server.log"), "-w", "-t", "60", "start", "-o",
            $"-p {port} -k {Directory} -c listen_addresses=127.0.0.1 -c fsync=off -c wal_level=logical");
    }

    private void PgCtl(params string[] arguments)
    {
        var command = new List<string> { Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(Directory, "db") };
        command.AddRange(arguments);
        var (code, _, error) = Environment.UserName == "root"
            ? Run("su", "postgres", "-s", "/bin/bash", "-c", string.Join(' ', command.Select(a => "'" + a.Replace("'", "'\\''") + "'")))
            : Run(command[0], command.Skip(1).ToArray());
        if (code != 0) throw new InvalidOperationException($"pg_ctl {string.Join(' ', arguments)} failed: {error}");
    }

    public void Dispose() => Run("bash", _script, "stop", Directory);

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scripts", "postgres.sh");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("scripts/postgres.sh not found");
    }

    private static (int ExitCode, string Output, string Error) Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
