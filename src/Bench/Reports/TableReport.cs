using System.Globalization;

namespace StreamSql.Bench.Reports;

/// <summary>The human-readable report: one line per query as it finishes, then the baselines and their ratios.</summary>
internal sealed class TableReport(TextWriter output)
{
    private const string RowFormat = "{0,-5} {1,13} {2,8} {3,11} {4,14} {5,9} {6,11} {7,-16} {8,-22} {9}";

    public void Header(NexmarkBenchOptions options)
    {
        var checkpoints = options.CheckpointInterval is { } i ? $"exactly-once checkpoints every {i.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s" : "no checkpoints";
        output.WriteLine($"Nexmark: {Units.Count(options.Events)} events, source {options.Source.ToString().ToLowerInvariant()}, " +
            $"parallelism {options.Parallelism}, {checkpoints}, {Environment.ProcessorCount} cores, " +
            (Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") == "0" ? "JIT optimizing at first call" : "tiered JIT"));
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, RowFormat, "query", "events", "seconds", "events/s", "events/s/core",
            "start-up", "peak memory", "gc 0/1/2, pause", "checkpoints", "result"));
        output.Flush();
    }

    public void Row(QueryReport report)
    {
        switch (report.Status)
        {
            case Engine.RunStatus.Unsupported:
                output.WriteLine($"{report.Query,-5} unsupported: {report.Reason}");
                break;
            case Engine.RunStatus.Failed:
                output.WriteLine($"{report.Query,-5} failed: {report.Reason}");
                break;
            default:
                if (!report.HasNumbers)
                {
                    output.WriteLine($"{report.Query,-5} wrong result, no numbers reported: {report.CheckDetail}");
                    break;
                }
                var run = report.Timed!;
                var checkpoints = run.Checkpoints.Count == 0 ? "0" :
                    $"{run.Checkpoints.Count}, {Units.Median(run.Checkpoints.Select(c => c.Duration.TotalMilliseconds).ToArray()):F0} ms, " +
                    Units.Bytes(Units.Median(run.Checkpoints.Select(c => (double)c.StateSize).ToArray()));
                var check = report.Check == CheckOutcome.Passed ? "passed" : "unchecked: " + report.CheckDetail;
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, RowFormat, report.Query, Units.Count(report.Events),
                    Units.Seconds(run.Wall), Units.Rate(report.EventsPerSecond!.Value), Units.Rate(report.EventsPerCoreSecond ?? 0),
                    Units.Milliseconds(run.StartUpWall), Units.Bytes(run.PeakWorkingSet), run.Collections.ToString(), checkpoints, check));
                break;
        }
        output.Flush();
    }

    private static readonly (string Name, string Title)[] BaselineColumns =
    {
        ("hand-written", "hand-written"), ("duckdb", "DuckDB"), ("rx", "Rx.NET"),
    };

    public void Baselines(IReadOnlyList<QueryReport> reports)
    {
        var measured = reports.Where(r => r.HasNumbers).ToArray();
        if (measured.Length == 0) return;
        output.WriteLine();
        output.WriteLine("Baselines over the same in-memory events, in events/s per core (CPU time); ratio = engine CPU time / baseline CPU time");
        output.WriteLine("(above 1 the engine is slower); 'processing' and 'proc.' leave the engine's start-up (until its sources' first read) out:");
        var header = $"{"query",-5} {"engine",10} {"processing",11}";
        foreach (var (_, title) in BaselineColumns) header += $" {title,13} {"ratio",8} {"proc.",7}";
        output.WriteLine(header);
        foreach (var report in measured)
        {
            var line = $"{report.Query,-5} {Units.Rate(report.EventsPerCoreSecond ?? 0),10} {Units.Rate(report.ProcessingEventsPerCoreSecond ?? 0),11}";
            foreach (var (name, _) in BaselineColumns)
            {
                var perCore = report.BaselinePerCore(name);
                string rate = perCore is null ? "-" : report.BaselineCorrect(name) ? Units.Rate(perCore.Value) : "wrong";
                line += $" {rate,13} {Units.Ratio(report.RatioTo(name)),8} {Units.Ratio(report.ProcessingRatioTo(name)),7}";
            }
            output.WriteLine(line);
        }
        output.Flush();
    }

    public void Summary(IReadOnlyList<QueryReport> reports)
    {
        int supported = reports.Count(r => r.Status == Engine.RunStatus.Ok);
        int passed = reports.Count(r => r.Check == CheckOutcome.Passed);
        int failed = reports.Count(r => r.Check == CheckOutcome.Failed || r.Status == Engine.RunStatus.Failed);
        output.WriteLine();
        output.WriteLine($"{reports.Count} queries: {supported} ran, {reports.Count - supported - reports.Count(r => r.Status == Engine.RunStatus.Failed)} unsupported, " +
            $"{passed} results equal DuckDB's, {failed} failed.");
        output.Flush();
    }
}
