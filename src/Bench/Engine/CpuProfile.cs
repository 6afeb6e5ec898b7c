using System.Diagnostics;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace StreamSql.Bench.Engine;

/// <summary>
/// A CPU-sampling EventPipe session of this very process (what <c>dotnet-trace collect</c> records), written to a
/// <c>.nettrace</c> file: open it with <c>dotnet-trace convert --format speedscope</c>, PerfView or Visual Studio.
/// </summary>
internal sealed class CpuProfile : IAsyncDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _copy;
    private readonly FileStream _file;

    private CpuProfile(EventPipeSession session, FileStream file)
    {
        _session = session;
        _file = file;
        _copy = session.EventStream.CopyToAsync(file);
    }

    /// <summary>Starts sampling into <paramref name="path"/>.</summary>
    public static CpuProfile Start(string path)
    {
        var providers = new[]
        {
            new EventPipeProvider("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            // Method names for the samples' frames (rundown and JIT events).
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrKeywords),
        };
        var client = new DiagnosticsClient(Environment.ProcessId);
        var session = client.StartEventPipeSession(providers, requestRundown: true);
        return new CpuProfile(session, File.Create(path));
    }

    // JIT | Loader | NGen (method and module events that name the frames).
    private const long ClrKeywords = 0x10 | 0x8 | 0x20;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _session.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException)
        {
            Trace.WriteLine("stopping the EventPipe session failed: " + e.Message);
        }
        await _copy.ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
        _session.Dispose();
    }
}
