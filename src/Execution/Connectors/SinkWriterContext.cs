using Apache.Arrow;
using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Connectors;

/// <summary>What a sink writer writes, and where it runs.</summary>
public sealed record SinkWriterContext(
    CatalogTable Table,
    Schema InputSchema,
    ChangelogMode InputChangelog,
    string JobName,
    int SubtaskIndex,
    int Parallelism,
    Configuration Configuration,
    IClock Clock,
    TextWriter StandardOutput);
