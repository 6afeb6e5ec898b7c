using Apache.Arrow;
using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.Connectors;

/// <summary>What a source reader is asked to read, and where it runs.</summary>
/// <param name="ProjectedColumns">Indices into the table's physical columns, in output order (projection pushdown).</param>
/// <param name="MetadataColumns">Metadata keys to append after the physical columns, in order.</param>
/// <param name="OutputSchema">The Arrow schema of the batches to return.</param>
public sealed record SourceReaderContext(
    CatalogTable Table,
    IReadOnlyList<int> ProjectedColumns,
    IReadOnlyList<string> MetadataColumns,
    Schema OutputSchema,
    int SubtaskIndex,
    int Parallelism,
    int MaxBatchRows,
    Configuration Configuration,
    IClock Clock);
