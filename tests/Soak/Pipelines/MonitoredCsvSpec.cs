using System.Globalization;

namespace StreamSql.Soak.Pipelines;

/// <summary>
/// CSV files of <see cref="LinesPerFile"/> lines that the harness writes into a directory the source monitors, one every
/// <see cref="FileInterval"/>, from the start of a round until its last run (unbounded: the job never ends by itself).
/// </summary>
public sealed record MonitoredCsvSpec(int LinesPerFile, TimeSpan FileInterval) : PipelineSpec
{
    public override bool IsBounded => false;

    public override string TablePrefix => "csv";

    public override ISoakPipeline Create(string name, string scratch, int plannedKills, PipelineHost host) =>
        new MonitoredCsvPipeline(name, Path.Combine(scratch, name + "-input"), Path.Combine(scratch, name + "-out"), LinesPerFile, FileInterval);

    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"monitored csv directory, a file of {LinesPerFile} lines every {FileInterval.TotalMilliseconds:0} ms, WHERE + projection (unbounded)");
}
