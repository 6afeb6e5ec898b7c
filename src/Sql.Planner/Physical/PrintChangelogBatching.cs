using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// A job that prints an updating result (a print sink, or a SELECT whose changes the shell shows) runs one row per
/// batch, so it shows the changelog Flink prints without mini-batches: an aggregation's <c>-U</c>/<c>+U</c> for each row
/// rather than one change per key per batch.
/// It applies only when the session leaves <c>execution.batch.max-rows</c> unset and mini-batches off; upsert and
/// append sinks see the same final rows either way, so their jobs keep whole batches.
/// </summary>
internal static class PrintChangelogBatching
{
    public static Configuration Apply(IReadOnlyList<PhysicalNode> roots, Configuration configuration)
    {
        if (configuration.Contains(CoreOptions.BatchMaxRows) || configuration.Get(ExecutionConfigOptions.MiniBatchEnabled)) return configuration;
        foreach (var root in roots)
        {
            bool printed = root is PhysicalSink { Table.Connector: "print" } or PhysicalCollect;
            if (printed && !root.Inputs[0].Changelog.IsInsertOnly) return configuration.With(CoreOptions.BatchMaxRows.Key, "1");
        }
        return configuration;
    }
}
