using System.Diagnostics;
using Npgsql;

namespace StreamSql.Postgres.Tests.Fixture;

/// <summary>
/// The PostgreSQL server the tests of this process share. `.ci/run` starts one before the tests and passes its
/// connection string in <c>STREAMSQL_POSTGRES</c>; without it, the first test that asks starts a throwaway server with
/// <c>scripts/postgres.sh</c> (which installs Debian's package when missing) and stops it when the process exits.
/// Each test takes a database of its own (<see cref="CreateDatabaseAsync"/>), so tests never see each other's tables.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "STREAMSQL_POSTGRES";

    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    private PostgresServer(string? connectionString, string? failure)
    {
        ConnectionString = connectionString;
        Failure = failure;
    }

    /// <summary>The server's admin connection string (database <c>postgres</c>), or null when none could start.</summary>
    public string? ConnectionString { get; }

    /// <summary>Why no server could start; null when one runs.</summary>
    public string? Failure { get; }

    public static PostgresServer Instance => Shared.Value;

    /// <summary>
    /// The shared server, or a loud skip naming why no server could start. Use at the top of every
    /// <c>[SkippableFact]</c> that needs PostgreSQL.
    /// </summary>
    public static PostgresServer Require()
    {
        var server = Instance;
        if (server.Failure is not null)
        {
            Console.Error.WriteLine($"SKIPPED (no PostgreSQL): {server.Failure}");
            Skip.If(true, $"PostgreSQL could not be started on this machine: {server.Failure}");
        }
        return server;
    }

    /// <summary>Creates a fresh database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The <c>jdbc:postgresql://host:port/database</c> URL a table's <c>'url'</c> option takes.</summary>
    public static string JdbcUrl(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"jdbc:postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static PostgresServer Start()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
            return Reachable(given.Trim(), $"{EnvironmentVariable}={given}");

        var script = FindScript();
        if (script is null)
            return new PostgresServer(null, "scripts/postgres.sh was not found above " + AppContext.BaseDirectory);

        var directory = Path.Combine(Path.GetTempPath(), $"streamsql-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        // The script's watcher stops the server when this process is gone, also when the test host is killed.
        var (exitCode, output, error) = Run("bash", script, "start", directory, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (exitCode != 0)
            return new PostgresServer(null, $"scripts/postgres.sh start failed ({exitCode}): {error.Trim()}");

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run("bash", script, "stop", directory);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Reachable(lines[^1], "scripts/postgres.sh");
    }

    private static PostgresServer Reachable(string connectionString, string origin)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            return new PostgresServer(connectionString, null);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            return new PostgresServer(null, $"the server from {origin} does not answer: {e.Message}");
        }
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scripts", "postgres.sh");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static (int ExitCode, string Output, string Error) Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
