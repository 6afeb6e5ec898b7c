using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// A job that records an updating result change by change (a print sink, a SELECT whose changes the shell shows, or a
/// filesystem/kafka table written in a change-data format: debezium-json, canal-json, maxwell-json) runs one row per
/// batch, so it records the changelog Flink records without mini-batches: an aggregation's <c>-U</c>/<c>+U</c> for each
/// row rather than one change per key per batch.
/// It applies only when the session leaves <c>execution.batch.max-rows</c> unset and mini-batches off; upsert and
/// append sinks see the same final rows either way, so their jobs keep whole batches.
/// </summary>
internal static class PrintChangelogBatching
{
    private static readonly string[] ChangeDataFormats = ["debezium-json", "canal-json", "maxwell-json"];

    public static Configuration Apply(IReadOnlyList<PhysicalNode> roots, Configuration configuration)
    {
        if (configuration.Contains(CoreOptions.BatchMaxRows) || configuration.Get(ExecutionConfigOptions.MiniBatchEnabled)) return configuration;
        foreach (var root in roots)
        {
            bool recordsChanges = root is PhysicalSink { Table.Connector: "print" } or PhysicalCollect
                || root is PhysicalSink sink && WritesChangeMessages(sink.Table);
            if (recordsChanges && !root.Inputs[0].Changelog.IsInsertOnly) return configuration.With(CoreOptions.BatchMaxRows.Key, "1");
        }
        return configuration;
    }

    private static bool WritesChangeMessages(CatalogTable table) =>
        (table.Options.TryGetValue("format", out var format) || table.Options.TryGetValue("value.format", out format))
        && Array.IndexOf(ChangeDataFormats, format) >= 0;
}
