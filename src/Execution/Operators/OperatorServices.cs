using System.Threading.Channels;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;

namespace StreamSql.Execution.Operators;

/// <summary>What the runtime lends operators: connectors, the print connector's output, and the SELECT result channel.</summary>
public sealed record OperatorServices(ConnectorRegistry Connectors, TextWriter StandardOutput, ChannelWriter<Batch>? Results)
{
    /// <summary>Where warnings go that do not stop the job (Flink logs them; the shell shows them on stderr).</summary>
    public TextWriter Diagnostics { get; init; } = TextWriter.Null;

    /// <summary>The job's counters operators add to (late rows dropped by windows).</summary>
    public Runtime.JobMetrics Metrics { get; init; } = new();

    /// <summary>What the subtasks of the current attempt share (a sink's global committer); each attempt gets its own.</summary>
    public SharedObjects Shared { get; init; } = new();
}
