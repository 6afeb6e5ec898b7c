using Npgsql;

namespace StreamSql.Connectors.Postgres;

/// <summary>What a <see cref="JdbcScanReader"/> reads and how: a jdbc table's scan, or a postgres-cdc table's snapshot
/// alone (<c>'scan.startup.mode' = 'snapshot'</c>).</summary>
/// <param name="Open">Opens a connection; a failure is a message naming the table and the options to check.</param>
/// <param name="TableName">The PostgreSQL table, optionally schema-qualified, as PostgreSQL resolves a name (else literally).</param>
/// <param name="TableOption">The option naming the table, for messages.</param>
/// <param name="Label">The table as messages name it: <c>jdbc table 'orders'</c>.</param>
/// <param name="ChunkKeyColumn">For a table without a primary key, a NOT NULL column to read in order of (null: none).</param>
/// <param name="Sanitize">Masks the table's secrets in messages of the server.</param>
internal sealed record PostgresScanSettings(
    Func<CancellationToken, Task<NpgsqlConnection>> Open,
    string TableName,
    string TableOption,
    string Label,
    int FetchSize,
    int ChunkSize,
    string? ChunkKeyColumn,
    Func<string, string> Sanitize);
