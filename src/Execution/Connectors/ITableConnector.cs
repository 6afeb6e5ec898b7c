using StreamSql.Sql.Planner.Connectors;

namespace StreamSql.Execution.Connectors;

/// <summary>A connector: the planner-facing description plus the factories for the runtime's readers and writers.</summary>
public interface ITableConnector : IConnectorDescriptor
{
    /// <summary>A new reader for one subtask (only called when <see cref="IConnectorDescriptor.SupportsSource"/>).</summary>
    ISourceReader CreateReader();

    /// <summary>A new writer for one subtask (only called when <see cref="IConnectorDescriptor.SupportsSink"/>).</summary>
    ISinkWriter CreateWriter();
}
