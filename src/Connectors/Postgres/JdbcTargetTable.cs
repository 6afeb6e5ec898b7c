using Npgsql;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>One column of the sink table and the PostgreSQL column it is written to.</summary>
internal sealed record JdbcTargetColumn(string Name, SqlType Type, JdbcFieldWriter Writer, string QuotedTarget, string TargetType, string TargetBaseType);

/// <summary>
/// The PostgreSQL table a jdbc sink writes to, looked up when the sink opens: the table must exist, every physical column of
/// the sink table must have a column of that name (exact, else the only case-insensitive match, as an unquoted name folds to
/// lower case), each value must cast to its column's type, and an upsert table needs a unique index or primary key on
/// exactly its declared primary key (what <c>ON CONFLICT</c> names). Each failure names the table and the option to fix.
/// </summary>
internal sealed class JdbcTargetTable
{
    private JdbcTargetTable(string quotedName, IReadOnlyList<JdbcTargetColumn> columns, IReadOnlyList<int> keyColumns)
    {
        QuotedName = quotedName;
        Columns = columns;
        KeyColumns = keyColumns;
    }

    /// <summary>The schema-qualified, quoted name for SQL.</summary>
    public string QuotedName { get; }

    /// <summary>The sink table's physical columns, in its order.</summary>
    public IReadOnlyList<JdbcTargetColumn> Columns { get; }

    /// <summary>Indexes (into <see cref="Columns"/>) of the primary key; empty for an append table.</summary>
    public IReadOnlyList<int> KeyColumns { get; }

    public static async Task<JdbcTargetTable> ResolveAsync(NpgsqlConnection connection, CatalogTable table, string tableName, CancellationToken cancellationToken)
    {
        var physical = table.PhysicalSchema;
        var writers = new JdbcFieldWriter[physical.Fields.Count];
        for (int i = 0; i < writers.Length; i++)
            writers[i] = JdbcFieldWriter.For(physical.Fields[i].Type)
                ?? throw new ConnectorOptionException("connector",
                    $"The jdbc sink of table '{table.Name}' cannot write column '{physical.Fields[i].Name}' of type {physical.Fields[i].Type}: "
                    + "supported are BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, CHAR, VARCHAR/STRING, BINARY, VARBINARY/BYTES, "
                    + "DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ, INTERVAL, and ARRAY of these but TIME and INTERVAL (DECIMAL elements up to precision 28).");

        uint oid = await FindTableAsync(connection, tableName, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorOptionException(JdbcOptions.TableName.Key,
                $"The jdbc sink of table '{table.Name}' cannot find the table '{tableName}' (option 'table-name') in database "
                + $"'{connection.Database}' on {connection.Host}:{connection.Port}: create it first (the sink does not create tables).");

        string quotedName;
        var pgColumns = new List<(string Name, string Type, string BaseType)>();
        await using (var command = new NpgsqlCommand(
            "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1",
            connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
            quotedName = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        await using (var command = new NpgsqlCommand(
            "SELECT attname, format_type(atttypid, atttypmod), format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
            connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                pgColumns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        var columns = new List<JdbcTargetColumn>();
        foreach (var (field, i) in physical.Fields.Select((f, i) => (f, i)))
        {
            var match = pgColumns.Where(c => c.Name == field.Name).ToList();
            if (match.Count == 0) match = pgColumns.Where(c => string.Equals(c.Name, field.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count != 1)
                throw new ConnectorOptionException(JdbcOptions.TableName.Key,
                    $"The jdbc sink of table '{table.Name}' writes column '{field.Name}', but the PostgreSQL table {quotedName} (option 'table-name') "
                    + (match.Count == 0 ? "has no such column" : "has several columns of that name in different case")
                    + $"; its columns are: {string.Join(", ", pgColumns.Select(c => c.Name))}.");
            columns.Add(new JdbcTargetColumn(field.Name, field.Type, writers[i], QuoteIdentifier(match[0].Name), match[0].Type, match[0].BaseType));
        }
        await CheckCastsAsync(connection, table, quotedName, columns, cancellationToken).ConfigureAwait(false);

        var keys = new List<int>();
        foreach (var key in table.PrimaryKey)
            keys.Add(physical.Fields.ToList().FindIndex(f => string.Equals(f.Name, key, StringComparison.OrdinalIgnoreCase)));
        if (keys.Count > 0) await CheckUniqueIndexAsync(connection, table, oid, quotedName, keys.Select(k => columns[k]).ToList(), cancellationToken).ConfigureAwait(false);
        return new JdbcTargetTable(quotedName, columns, keys);
    }

    /// <summary>The table's oid, by PostgreSQL's own rules for the name (unquoted parts fold to lower case; search_path), else
    /// with each part taken literally.</summary>
    private static async Task<uint?> FindTableAsync(NpgsqlConnection connection, string tableName, CancellationToken cancellationToken)
    {
        var literal = string.Join('.', tableName.Split('.').Select(QuoteIdentifier));
        foreach (var candidate in new[] { tableName, literal })
        {
            await using var command = new NpgsqlCommand("SELECT to_regclass($1)::oid", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = candidate });
            try
            {
                if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is uint oid) return oid;
            }
            catch (PostgresException e) when (e.SqlState is "42601" or "42602" or "3F000")
            {
                // Not a valid name in this spelling (or an unknown schema): try the other one.
            }
        }
        return null;
    }

    private static async Task CheckCastsAsync(NpgsqlConnection connection, CatalogTable table, string quotedName, List<JdbcTargetColumn> columns, CancellationToken cancellationToken)
    {
        foreach (var column in columns)
        {
            await using var command = new NpgsqlCommand($"SELECT CAST(NULL::{column.Writer.StagingType} AS {column.TargetType})", connection);
            try
            {
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState.StartsWith("42", StringComparison.Ordinal))
            {
                throw new ConnectorOptionException(JdbcOptions.TableName.Key,
                    $"The jdbc sink of table '{table.Name}' cannot write column '{column.Name}' of type {column.Type} into column "
                    + $"{column.QuotedTarget} of type {column.TargetType} of the PostgreSQL table {quotedName} (option 'table-name'): "
                    + $"PostgreSQL has no cast from {column.Writer.StagingType} to {column.TargetType}.");
            }
        }
    }

    private static async Task CheckUniqueIndexAsync(NpgsqlConnection connection, CatalogTable table, uint oid, string quotedName, List<JdbcTargetColumn> keys, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT array(SELECT a.attname::text FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k) "
            + "FROM pg_index i WHERE i.indrelid = $1 AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
        var wanted = keys.Select(k => k.QuotedTarget).Order(StringComparer.Ordinal).ToList();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            if (reader.GetFieldValue<string[]>(0).Select(QuoteIdentifier).Order(StringComparer.Ordinal).SequenceEqual(wanted)) return;
        throw new ConnectorOptionException("PRIMARY KEY",
            $"The jdbc sink of table '{table.Name}' upserts by its primary key ({string.Join(", ", keys.Select(k => k.Name))}), but the PostgreSQL "
            + $"table {quotedName} (option 'table-name') has no primary key or unique index on exactly those columns, which "
            + "INSERT ... ON CONFLICT needs: add one, or change the sink table's PRIMARY KEY.");
    }

    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
