using Apache.Arrow;
using StreamSql.Sql.Planner.Catalog;

namespace StreamSql.Execution.Connectors;

/// <summary>A connector that can look rows of a table up by key (what a lookup join reads; its descriptor says
/// <c>SupportsLookup</c>).</summary>
public interface ILookupConnector
{
    /// <summary>A new reader for one lookup join subtask.</summary>
    ILookupReader CreateLookupReader(LookupReaderContext context);
}

/// <summary>What a lookup reader is made for: the table, the physical columns looked up by (indices into
/// <see cref="CatalogTable.PhysicalSchema"/>, in key order), and where warnings go.</summary>
public sealed record LookupReaderContext(CatalogTable Table, IReadOnlyList<int> KeyColumns, TextWriter Diagnostics);

/// <summary>
/// Fetches rows of one table by key, a batch of keys per request. <see cref="LookupAsync"/> may be called again before an
/// earlier call finished (a lookup join keeps several requests in flight), so a reader must allow concurrent calls.
/// </summary>
public interface ILookupReader : IAsyncDisposable
{
    /// <summary>Connects; a table that cannot be reached or does not exist fails here, naming it.</summary>
    ValueTask OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The table's rows (every physical column, laid out as <c>ArrowTypeMapping</c> lays out the table's physical schema)
    /// whose key columns equal one of the rows of <paramref name="keys"/> (one column per key column, of its type; distinct
    /// rows without NULLs), in any order. Transient failures are retried as the connector's options say; what is left
    /// is thrown.
    /// </summary>
    ValueTask<RecordBatch> LookupAsync(RecordBatch keys, CancellationToken cancellationToken);
}
