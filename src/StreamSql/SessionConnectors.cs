using StreamSql.Connectors;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Expressions;
using StreamSql.Sql.Planner.Functions;

namespace StreamSql;

/// <summary>Wires the session to the other stages: the connector registry and the runtime's constant evaluator.</summary>
internal static class SessionConnectors
{
    /// <summary>The built-in connectors plus the application's (which replace a built-in one of the same identifier).</summary>
    public static ConnectorRegistry Create(IEnumerable<ITableConnector> extra)
    {
        var registry = BuiltInConnectors.CreateRegistry();
        foreach (var connector in extra) registry.Register(connector);
        return registry;
    }

    /// <summary>The planner folds constants with the same kernels the runtime runs, so folding never changes a result.</summary>
    public static IConstantEvaluator CreateConstantEvaluator() => ConstantEvaluator.Instance;
}
