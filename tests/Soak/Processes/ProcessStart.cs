using System.Diagnostics;
using System.Text;

namespace StreamSql.Soak.Processes;

/// <summary>How the test programs start <c>dotnet</c> and other programs: redirected, uncoloured output, no telemetry.</summary>
public static class ProcessStart
{
    /// <summary>The <c>dotnet</c> host to run <c>streamsql.dll</c> with: the SDK's own when it started this process (dotnet
    /// test sets <c>DOTNET_HOST_PATH</c>), else the one on PATH.</summary>
    public static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    /// <summary>Start information with stdin, stdout and stderr redirected (UTF-8) and colour and telemetry off.</summary>
    public static ProcessStartInfo Redirected(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }
}
