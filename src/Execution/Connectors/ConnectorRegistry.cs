using StreamSql.Execution.Checkpointing;
using StreamSql.Sql.Planner.Connectors;

namespace StreamSql.Execution.Connectors;

/// <summary>The connectors a session can use, by identifier, and the checkpoint storages kept outside the file system
/// (<c>jdbc</c>), by name. Applications may register their own.</summary>
public sealed class ConnectorRegistry : IConnectorCatalog, ICheckpointStorageProviders
{
    private readonly Dictionary<string, ITableConnector> _connectors = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ICheckpointStorageProvider> _storages = new(StringComparer.OrdinalIgnoreCase);

    public void RegisterCheckpointStorage(ICheckpointStorageProvider provider) => _storages[provider.Type] = provider;

    public ICheckpointStorageProvider? FindCheckpointStorage(string type) => _storages.GetValueOrDefault(type);

    public void Register(ITableConnector connector) => _connectors[connector.Identifier] = connector;

    public ITableConnector? FindConnector(string identifier) => _connectors.GetValueOrDefault(identifier);

    public IConnectorDescriptor? Find(string identifier) => FindConnector(identifier);

    public IReadOnlyList<string> Identifiers
    {
        get
        {
            var list = new List<string>(_connectors.Keys);
            list.Sort(StringComparer.Ordinal);
            return list;
        }
    }
}
