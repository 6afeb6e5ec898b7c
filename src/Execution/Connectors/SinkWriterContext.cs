using Apache.Arrow;
using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Connectors;

/// <summary>What a sink writer writes, and where it runs.</summary>
public sealed record SinkWriterContext(
    CatalogTable Table,
    Schema InputSchema,
    ChangelogMode InputChangelog,
    string JobName,
    int SubtaskIndex,
    int Parallelism,
    Configuration Configuration,
    IClock Clock,
    TextWriter StandardOutput)
{
    /// <summary>Names this sink's output across the runs of one job (its state name and operator id) while the job holds
    /// its state name exclusively: files a crashed earlier run of the same sink left behind carry it, and only those may be
    /// cleaned up. Null when the job's state is not kept on disk (nothing resumes it).</summary>
    public string? OutputOwner { get; init; }

    /// <summary><c>INSERT OVERWRITE</c> (batch): what this job commits replaces what the table, or each partition it
    /// writes, held before (only sinks that support it are given it).</summary>
    public bool Overwrite { get; init; }

    /// <summary>Where warnings go that do not stop the job.</summary>
    public TextWriter Diagnostics { get; init; } = TextWriter.Null;

    /// <summary>Objects shared by this sink's subtasks in the current attempt (its global committer, as Flink's).</summary>
    public SharedObjects Shared { get; init; } = new();
}
