using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Execution.Runtime;

/// <summary>Runs job graphs in this process: one long-running loop per subtask, bounded channels between them.</summary>
public sealed class JobRunner
{
    public JobRunner(ConnectorRegistry connectors, IClock? clock = null, TextWriter? standardOutput = null)
    {
        Connectors = connectors;
        Clock = clock ?? SystemClock.Instance;
        StandardOutput = standardOutput ?? Console.Out;
    }

    public ConnectorRegistry Connectors { get; }
    public IClock Clock { get; }
    /// <summary>Where the print connector writes.</summary>
    public TextWriter StandardOutput { get; }

    /// <summary>Starts <paramref name="graph"/> and returns at once; the handle tracks it.</summary>
    public JobHandle Start(JobGraph graph, string jobId) => throw new NotImplementedException("runtime not written yet");
}
