using StreamSql.Connectors.Blackhole;
using StreamSql.Connectors.Datagen;
using StreamSql.Connectors.Filesystem;
using StreamSql.Connectors.Kafka;
using StreamSql.Connectors.Nexmark;
using StreamSql.Connectors.Postgres;
using StreamSql.Connectors.Print;
using StreamSql.Execution.Connectors;

namespace StreamSql.Connectors;

/// <summary>The connectors StreamSql ships: datagen, nexmark, filesystem (csv, json), print, blackhole, kafka, upsert-kafka (sink), jdbc (PostgreSQL sink and lookups), postgres-cdc (source)./summary>
public static class BuiltInConnectors
{
    public static ConnectorRegistry CreateRegistry()
    {
        var registry = new ConnectorRegistry();
        registry.Register(new DatagenConnector());
        registry.Register(new NexmarkConnector());
        registry.Register(new FilesystemConnector());
        registry.Register(new PrintConnector());
        registry.Register(new BlackholeConnector());
        registry.Register(new KafkaConnector());
        registry.Register(new UpsertKafkaConnector());
        registry.Register(new JdbcConnector());
        registry.Register(new PostgresCdcConnector());
        registry.RegisterCheckpointStorage(new JdbcCheckpointStorage());
        return registry;
    }
}
