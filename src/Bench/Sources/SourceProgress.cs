using System.Diagnostics;
using StreamSql.Bench.Engine;

namespace StreamSql.Bench.Sources;

/// <summary>Rows the sources of a run have read so far (for the progress line), and when the first of them asked for its
/// first batch (the end of the job's start-up); shared by all their subtasks.</summary>
public sealed class SourceProgress
{
    private long _rows;
    private int _started;

    public long Rows => Interlocked.Read(ref _rows);

    /// <summary><see cref="Stopwatch.GetTimestamp"/> at the sources' first read, or 0 before it.</summary>
    public long FirstReadTimestamp { get; private set; }

    /// <summary>The process's CPU time at the sources' first read.</summary>
    public TimeSpan CpuAtFirstRead { get; private set; }

    public void Add(long rows) => Interlocked.Add(ref _rows, rows);

    /// <summary>Called by a source reader before each read; only the first call of the run records anything.</summary>
    public void Reading()
    {
        if (_started != 0 || Interlocked.Exchange(ref _started, 1) != 0) return;
        CpuAtFirstRead = RunMonitor.ProcessCpu();
        FirstReadTimestamp = Stopwatch.GetTimestamp();
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _rows, 0);
        Interlocked.Exchange(ref _started, 0);
        FirstReadTimestamp = 0;
    }
}
