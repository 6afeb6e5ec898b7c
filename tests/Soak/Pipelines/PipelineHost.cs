using StreamSql.Soak.Kafka;

namespace StreamSql.Soak.Pipelines;

/// <summary>
/// What the pipelines of one soak run share and the soak process itself hosts: librdkafka's mock Kafka cluster, started on
/// first use and living until the run ends, so that it outlives every killed <c>streamsql</c> process (a cluster lives as
/// long as the client that created it).
/// </summary>
public sealed class PipelineHost : IDisposable
{
    private MockKafkaCluster? _kafka;

    public MockKafkaCluster KafkaCluster => _kafka ??= new MockKafkaCluster();

    public void Dispose() => _kafka?.Dispose();
}
