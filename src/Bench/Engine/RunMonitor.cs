using System.Diagnostics;

namespace StreamSql.Bench.Engine;

/// <summary>
/// Measures a stretch of work in this process: wall time, CPU time (the process's, read from the OS, so every thread
/// the work used counts), and the peak working set, sampled every 50 ms; calls <paramref name="onSample"/> at each sample
/// (the progress line).
/// </summary>
internal sealed class RunMonitor : IAsyncDisposable
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly GcCount _gcAtStart = GcCount.Now();
    private GcCount _gcAtEnd;
    private readonly TimeSpan _cpuAtStart;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private readonly Action<TimeSpan>? _onSample;
    private long _peak;
    private TimeSpan _wallAtEnd;
    private TimeSpan _cpuAtEnd;
    private bool _ended;

    public RunMonitor(Action<TimeSpan>? onSample = null)
    {
        _onSample = onSample;
        _cpuAtStart = ProcessCpu();
        _peak = WorkingSet();
        _sampler = Task.Run(SampleAsync);
    }

    public TimeSpan Wall => _ended ? _wallAtEnd : _wall.Elapsed;

    /// <summary>Wall and CPU time from the start to a moment recorded as <paramref name="timestamp"/> (a
    /// <see cref="Stopwatch.GetTimestamp"/>) and <paramref name="cpu"/> (<see cref="ProcessCpu"/> then).</summary>
    public (TimeSpan Wall, TimeSpan Cpu) Until(long timestamp, TimeSpan cpu) =>
        (Stopwatch.GetElapsedTime(_startTimestamp, timestamp), cpu - _cpuAtStart);

    public TimeSpan Cpu => (_ended ? _cpuAtEnd : ProcessCpu()) - _cpuAtStart;
    public long PeakWorkingSet => Interlocked.Read(ref _peak);

    /// <summary>The collections (and their pauses) the process had meanwhile, on any thread's account.</summary>
    public GcCount Collections => (_ended ? _gcAtEnd : GcCount.Now()) - _gcAtStart;

    /// <summary>Stops the clocks.</summary>
    public void End()
    {
        if (_ended) return;
        _wallAtEnd = _wall.Elapsed;
        _cpuAtEnd = ProcessCpu();
        _gcAtEnd = GcCount.Now();
        Sample();
        _ended = true;
    }

    private async Task SampleAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(50, _stop.Token).ConfigureAwait(false);
                Sample();
                _onSample?.Invoke(_wall.Elapsed);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample()
    {
        long ws = WorkingSet();
        long seen;
        while (ws > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, ws, seen) != seen) { }
    }

    /// <summary>CPU time this process has used, all threads (user + system).</summary>
    public static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        End();
        _stop.Cancel();
        await _sampler.ConfigureAwait(false);
        _stop.Dispose();
    }
}
