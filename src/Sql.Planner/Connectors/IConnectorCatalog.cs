namespace StreamSql.Sql.Planner.Connectors;

/// <summary>The connectors known to a session, by <c>'connector'</c> identifier.</summary>
public interface IConnectorCatalog
{
    IConnectorDescriptor? Find(string identifier);
    IReadOnlyList<string> Identifiers { get; }
}
