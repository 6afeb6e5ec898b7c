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
    IClock Clock)
{
    /// <summary>Simple filters of the query over this scan, for a reader that can skip data no row of passes; the rows
    /// it returns are still filtered by the plan.</summary>
    public IReadOnlyList<Sql.Planner.Logical.ScanPredicate> Filters { get; init; } = [];
}
