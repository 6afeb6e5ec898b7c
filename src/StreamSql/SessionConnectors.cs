using StreamSql.Connectors.Blackhole;
using StreamSql.Connectors.Datagen;
using StreamSql.Connectors.Nexmark;
using StreamSql.Connectors.Print;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Functions;

namespace StreamSql;

/// <summary>Wires the session to the other stages: the connector registry and the runtime's constant evaluator.</summary>
internal static class SessionConnectors
{
    public static ConnectorRegistry Create(IEnumerable<ITableConnector> extra)
    {
        // TODO(when wt-connectors adds it): start from BuiltInConnectors.CreateRegistry().
        var registry = new ConnectorRegistry();
        registry.Register(new DatagenConnector());
        registry.Register(new PrintConnector());
        registry.Register(new BlackholeConnector());
        registry.Register(new NexmarkConnector());
        foreach (var connector in extra) registry.Register(connector);
        return registry;
    }

    // TODO(when wt-functions adds it): the runtime's ConstantEvaluator, so the planner folds constants with the runtime's kernels.
    public static IConstantEvaluator? CreateConstantEvaluator() => null;
}
