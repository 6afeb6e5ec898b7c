using System.Runtime.CompilerServices;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner;

/// <summary>
/// <c>'execution.runtime-mode' = 'automatic'</c> with the meaning Flink gives it (its <c>RuntimeExecutionMode.AUTOMATIC</c>):
/// a statement runs in batch mode when every table it reads is bounded, in streaming mode otherwise. A table whose source
/// emits changes (a CDC format, upsert-kafka) also keeps the statement in streaming mode, since batch mode refuses it.
/// The choice is made per statement and written into the configuration its job carries, so the runtime (checkpoints, sink
/// commits) and the shell's result printing follow it.
/// </summary>
internal static class AutomaticRuntimeMode
{
    /// <summary><paramref name="configuration"/> with <c>automatic</c> replaced by <c>batch</c> or <c>streaming</c> for
    /// <paramref name="statement"/>; unchanged for any other mode.</summary>
    public static Configuration Resolve(Statement statement, Configuration configuration, TableCatalog catalog, IConnectorCatalog connectors)
    {
        if (!string.Equals(configuration.Get(CoreOptions.RuntimeMode), "automatic", StringComparison.OrdinalIgnoreCase)) return configuration;
        return configuration.With(CoreOptions.RuntimeMode.Key, AllBounded(statement, catalog, connectors) ? "batch" : "streaming");
    }

    private static bool AllBounded(Statement statement, TableCatalog catalog, IConnectorCatalog connectors)
    {
        IReadOnlyList<LogicalNode> roots;
        try
        {
            // Bound as batch mode binds it (windows over any TIMESTAMP column); what batch mode cannot bind runs streaming.
            roots = statement switch
            {
                QueryStatement q => [new QueryBinder(catalog, connectors, batchMode: true).Bind(q.Query)],
                InsertStatement i => [new InsertBinder(catalog, connectors, batchMode: true).Bind(i)],
                StatementSetStatement set => set.Members.Select(m => m is CreateTableStatement { AsQuery: { } q }
                    ? new QueryBinder(catalog, connectors, batchMode: true).Bind(q)
                    : (LogicalNode)new InsertBinder(catalog, connectors, batchMode: true).Bind((InsertStatement)m)).ToList(),
                CreateTableStatement { AsQuery: { } query } => [new QueryBinder(catalog, connectors, batchMode: true).Bind(query)],
                _ => [],
            };
        }
        catch (SqlException)
        {
            return false;
        }
        var seen = new HashSet<LogicalNode>(ReferenceEqualityComparer.Instance);
        bool bounded = true;
        void Visit(LogicalNode node)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            if (!bounded || !seen.Add(node)) return;
            if (node is LogicalScan scan)
            {
                var connector = connectors.Find(scan.Table.Connector ?? "");
                bounded = connector is not null && connector.IsBounded(scan.Table)
                    && connector.SourceChangelogMode(scan.Table) == ChangelogMode.InsertOnly;
            }
            foreach (var input in node.Inputs) Visit(input);
        }
        foreach (var root in roots) Visit(root);
        return bounded;
    }
}
