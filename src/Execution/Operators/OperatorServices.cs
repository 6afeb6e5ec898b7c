using System.Threading.Channels;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;

namespace StreamSql.Execution.Operators;

/// <summary>What the runtime lends operators: connectors, the print connector's output, and the SELECT result channel.</summary>
public sealed record OperatorServices(ConnectorRegistry Connectors, TextWriter StandardOutput, ChannelWriter<Batch>? Results);
