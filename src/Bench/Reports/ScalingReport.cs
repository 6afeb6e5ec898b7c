namespace StreamSql.Bench.Reports;

/// <summary>
/// The table of a sweep over source modes and parallelisms: per query, events/s per core (CPU time, start-up included) in
/// each combination, with the events/s (wall) beside it, and the same per core with the job's start-up left out.
/// </summary>
internal sealed class ScalingReport(TextWriter output)
{
    public void Write(IReadOnlyList<QueryReport> reports, IReadOnlyList<SourceMode> sources, IReadOnlyList<int> parallelisms)
    {
        var columns = sources.SelectMany(s => parallelisms.Select(p => (Source: s, Parallelism: p))).ToArray();
        var queries = reports.Select(r => r.Query).Distinct().ToArray();
        output.WriteLine();
        output.WriteLine("Scaling: events/s per core (CPU time) and events/s (wall) per source and parallelism; 'processing' per core leaves");
        output.WriteLine("the job's start-up out (until its sources' first read); '-' where the query did not run or its result was wrong:");
        Table(queries, columns, reports, r => $"{Units.Rate(r.EventsPerCoreSecond ?? 0)} ({Units.Rate(r.EventsPerSecond!.Value)}/s)");
        output.WriteLine();
        output.WriteLine("Processing events/s per core and the start-up (wall time):");
        Table(queries, columns, reports, r => $"{Units.Rate(r.ProcessingEventsPerCoreSecond ?? 0)} ({Units.Milliseconds(r.Timed!.StartUpWall)})");
        output.Flush();
    }

    private void Table(string[] queries, (SourceMode Source, int Parallelism)[] columns, IReadOnlyList<QueryReport> reports,
        Func<QueryReport, string> cell)
    {
        const int width = 22;
        var header = $"{"query",-5}";
        foreach (var (source, parallelism) in columns) header += " " + $"{source.ToString().ToLowerInvariant()}, p{parallelism}".PadLeft(width);
        output.WriteLine(header);
        foreach (var query in queries)
        {
            var line = $"{query,-5}";
            foreach (var (source, parallelism) in columns)
            {
                var report = reports.FirstOrDefault(r => r.Query == query && r.Source == source && r.Parallelism == parallelism);
                line += " " + (report is { HasNumbers: true } ? cell(report) : "-").PadLeft(width);
            }
            output.WriteLine(line);
        }
    }
}
