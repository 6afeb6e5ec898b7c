using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Functions;

namespace StreamSql;

/// <summary>Wires the session to the other stages: the connector registry and the runtime's constant evaluator.</summary>
internal static class SessionConnectors
{
    public static ConnectorRegistry Create(IEnumerable<ITableConnector> extra)
    {
        // TODO(merge wt-connectors): start from BuiltInConnectors.CreateRegistry().
        var registry = new ConnectorRegistry();
        foreach (var connector in extra) registry.Register(connector);
        return registry;
    }

    // TODO(merge wt-functions): the runtime's ConstantEvaluator.
    public static IConstantEvaluator? CreateConstantEvaluator() => null;
}
