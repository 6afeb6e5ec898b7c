using StreamSql.Bench.Reports;

namespace StreamSql.Bench;

/// <summary>
/// <c>streamsql bench nexmark</c> over several source modes and parallelisms in one command: one whole harness run (its
/// own table or JSON lines, its own DuckDB check) per combination, sources outer, parallelism inner, then in the table
/// output the scaling table: each query's events/s per core in every combination.
/// </summary>
public sealed class NexmarkSweep
{
    private readonly NexmarkBenchOptions _options;
    private readonly IReadOnlyList<SourceMode> _sources;
    private readonly IReadOnlyList<int> _parallelisms;
    private readonly TextWriter _output;
    private readonly TextWriter _notes;
    private readonly TextWriter? _progress;

    public NexmarkSweep(NexmarkBenchOptions options, IReadOnlyList<SourceMode> sources, IReadOnlyList<int> parallelisms,
        TextWriter output, TextWriter notes, TextWriter? progress)
    {
        if (sources.Count == 0 || parallelisms.Count == 0) throw new ArgumentException("a sweep needs a source mode and a parallelism");
        _options = options;
        _sources = sources;
        _parallelisms = parallelisms;
        _output = output;
        _notes = notes;
        _progress = progress;
    }

    /// <summary>Every combination's reports, in run order.</summary>
    public IReadOnlyList<QueryReport> Reports { get; private set; } = Array.Empty<QueryReport>();

    /// <summary>0 when every query of every combination that ran gave the right answer, 1 otherwise.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var reports = new List<QueryReport>();
        int code = 0;
        bool several = _sources.Count * _parallelisms.Count > 1;
        int done = 0;
        foreach (var source in _sources)
        {
            foreach (var parallelism in _parallelisms)
            {
                var options = _options with { Source = source, Parallelism = parallelism };
                if (several && _options.ChartPath is { } chart) options = options with { ChartPath = ChartPathFor(chart, source, parallelism) };
                if (done++ > 0)
                {
                    if (!_options.Json) _output.WriteLine();
                    ReleaseMemory();
                }
                var benchmark = new NexmarkBenchmark(options, _output, _notes, _progress);
                code = Math.Max(code, await benchmark.RunAsync(cancellationToken).ConfigureAwait(false));
                reports.AddRange(benchmark.Reports);
            }
        }
        Reports = reports;
        if (several && !_options.Json) new ScalingReport(_output).Write(reports, _sources, _parallelisms);
        return code;
    }

    /// <summary>Gives the previous combination's events (and the DuckDB copy's native memory) back before the next one, so a
    /// run with the live generator starts with the process holding as little as a run of its own would.</summary>
    private static void ReleaseMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>chart.svg → chart-memory-p2.svg: one chart per combination.</summary>
    private static string ChartPathFor(string path, SourceMode source, int parallelism) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "",
            $"{Path.GetFileNameWithoutExtension(path)}-{source.ToString().ToLowerInvariant()}-p{parallelism}{Path.GetExtension(path)}");
}
