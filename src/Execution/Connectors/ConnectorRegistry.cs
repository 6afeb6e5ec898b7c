using StreamSql.Sql.Planner.Connectors;

namespace StreamSql.Execution.Connectors;

/// <summary>The connectors a session can use, by identifier. Applications may register their own.</summary>
public sealed class ConnectorRegistry : IConnectorCatalog
{
    private readonly Dictionary<string, ITableConnector> _connectors = new(StringComparer.OrdinalIgnoreCase);

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
