using Npgsql;
using StreamSql.Sql.Planner.Connectors;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// The key a PostgreSQL table's snapshot is read by: the snapshot goes in key order, chunk by chunk, so a snapshot cut
/// short can continue after the last key it emitted, and a change read from the stream can be placed before or after that
/// key. Both sides must order keys alike, so only key types whose order is known here qualify
/// (<see cref="PostgresKeyOrder"/>). The key is the primary key (its columns in key order, or the chosen
/// <c>scan.incremental.snapshot.chunk.key-column</c> first and then the others), or for a table without one the chosen
/// column, which need not be unique: then <see cref="Unique"/> is false and the snapshot is cut only between rows whose
/// keys differ. A table without a primary key or chunk key column is still read in batches, as one chunk that a snapshot
/// cut short cannot continue.
/// </summary>
internal sealed class PostgresSnapshotKey
{
    private static readonly Dictionary<string, PostgresKeyOrder> Orders = new(StringComparer.Ordinal)
    {
        ["int2"] = PostgresKeyOrder.Integer, ["int4"] = PostgresKeyOrder.Integer, ["int8"] = PostgresKeyOrder.Integer,
        ["numeric"] = PostgresKeyOrder.Numeric,
        ["date"] = PostgresKeyOrder.Temporal, ["timestamp"] = PostgresKeyOrder.Temporal, ["timestamptz"] = PostgresKeyOrder.Temporal,
        ["text"] = PostgresKeyOrder.Collated, ["varchar"] = PostgresKeyOrder.Collated,
        ["uuid"] = PostgresKeyOrder.Bytes, ["bytea"] = PostgresKeyOrder.Bytes,
    };

    private const string Resumable = "smallint, integer, bigint, numeric, date, timestamp, timestamptz, text, varchar, uuid, bytea";

    private readonly PostgresKeyOrder[] _orders;
    private readonly string[] _sqlTypes;

    private PostgresSnapshotKey(IReadOnlyList<string> columns, PostgresKeyOrder[] orders, string[] sqlTypes, bool unique, bool indexed)
    {
        Columns = columns;
        _orders = orders;
        _sqlTypes = sqlTypes;
        Unique = unique;
        Indexed = indexed;
    }

    /// <summary>The key's column names, in key order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>No two rows share a key (it is the primary key): the snapshot may be cut after any row.</summary>
    public bool Unique { get; }

    /// <summary>A b-tree index gives the key's order (text columns collated "C"), so a chunk is a range scan of it. Without
    /// one each chunk's query would scan and sort the rest of the table, so the snapshot is then read as one chunk.</summary>
    public bool Indexed { get; }

    private sealed record KeyColumn(string Name, string TypeName, string SqlType, bool NotNull);

    /// <summary>The key of <paramref name="schema"/>.<paramref name="table"/> (see the class), or null when there is none
    /// (<paramref name="why"/> says why).</summary>
    /// <exception cref="ConnectorOptionException"><paramref name="chunkKeyColumn"/> cannot be the key.</exception>
    public static async Task<(PostgresSnapshotKey? Key, string Why)> LoadAsync(NpgsqlConnection connection, string schema, string table,
        string? chunkKeyColumn, string tableLabel, CancellationToken cancellationToken)
    {
        const string primaryKey = """
            SELECT a.attname, t.typname, format_type(a.atttypid, a.atttypmod), a.attnotnull
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
            JOIN pg_type t ON t.oid = a.atttypid
            WHERE i.indisprimary AND n.nspname = $1 AND c.relname = $2
            ORDER BY array_position(i.indkey::int2[], a.attnum)
            """;
        const string column = """
            SELECT a.attname, t.typname, format_type(a.atttypid, a.atttypmod), a.attnotnull
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            WHERE n.nspname = $1 AND c.relname = $2 AND a.attname = $3 AND a.attnum > 0 AND NOT a.attisdropped
            """;
        string option = PostgresCdcOptions.ChunkKeyColumn.Key;
        var columns = await ColumnsAsync(connection, primaryKey, cancellationToken, schema, table).ConfigureAwait(false);
        bool unique = columns.Count > 0;
        if (chunkKeyColumn is not null)
        {
            if (unique)
            {
                int at = columns.FindIndex(c => c.Name == chunkKeyColumn);
                if (at < 0)
                    throw new ConnectorOptionException(option,
                        $"postgres-cdc table '{tableLabel}' sets '{option}' = '{chunkKeyColumn}', which is not a column of the primary key of {schema}.{table} " +
                        $"({string.Join(", ", columns.Select(c => c.Name))}); a snapshot by another column could not tell which changes it holds");
                columns = [columns[at], .. columns.Where((_, i) => i != at)];
            }
            else
            {
                columns = await ColumnsAsync(connection, column, cancellationToken, schema, table, chunkKeyColumn).ConfigureAwait(false);
                if (columns.Count == 0)
                    throw new ConnectorOptionException(option,
                        $"postgres-cdc table '{tableLabel}' sets '{option}' = '{chunkKeyColumn}', which is not a column of {schema}.{table}");
                if (!columns[0].NotNull)
                    throw new ConnectorOptionException(option,
                        $"postgres-cdc table '{tableLabel}' sets '{option}' = '{chunkKeyColumn}', but that column of {schema}.{table} may be NULL; the chunk key column of a table without a primary key must be NOT NULL");
            }
        }
        if (columns.Count == 0)
            return (null, $"it has no primary key (set '{option}' to a NOT NULL column to read it in chunks by that column)");
        foreach (var c in columns)
        {
            if (Orders.ContainsKey(c.TypeName)) continue;
            string what = unique ? "its primary key column" : $"its chunk key column ('{option}')";
            if (chunkKeyColumn == c.Name)
                throw new ConnectorOptionException(option,
                    $"postgres-cdc table '{tableLabel}' sets '{option}' = '{chunkKeyColumn}', which is of type {c.SqlType}; chunk key types: {Resumable}");
            return (null, $"{what} '{c.Name}' is of type {c.SqlType} (resumable keys: {Resumable})");
        }
        var orders = columns.Select(c => Orders[c.TypeName]).ToArray();
        bool indexed = await IndexedAsync(connection, schema, table, columns.Select(c => c.Name).ToArray(), orders, cancellationToken).ConfigureAwait(false);
        return (new PostgresSnapshotKey(columns.Select(c => c.Name).ToArray(), orders, columns.Select(c => c.SqlType).ToArray(), unique, indexed), "");
    }

    /// <summary>Whether a b-tree index (not partial) leads with <paramref name="columns"/> in this order, text columns
    /// collated "C" or "POSIX" (directly or as the database's default).</summary>
    private static async Task<bool> IndexedAsync(NpgsqlConnection connection, string schema, string table, string[] columns, PostgresKeyOrder[] orders,
        CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT i.indexrelid::bigint, a.attname, coalesce(CASE WHEN coll.collname = 'default' THEN d.datcollate ELSE coll.collname END, '')
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
            CROSS JOIN LATERAL unnest(i.indkey::int2[], i.indcollation::oid[]) WITH ORDINALITY AS k(attnum, coll, ord)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            LEFT JOIN pg_collation coll ON coll.oid = k.coll
            JOIN pg_database d ON d.datname = current_database()
            WHERE n.nspname = $1 AND c.relname = $2 AND am.amname = 'btree' AND i.indpred IS NULL
            ORDER BY i.indexrelid, k.ord
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        var indexes = new List<(long Index, string Column, string Collation)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                indexes.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        foreach (var index in indexes.GroupBy(i => i.Index))
        {
            var leading = index.ToList();
            if (leading.Count < columns.Length) continue;
            bool fits = true;
            for (int k = 0; k < columns.Length && fits; k++)
                fits = leading[k].Column == columns[k]
                    && (orders[k] != PostgresKeyOrder.Collated || leading[k].Collation is "C" or "POSIX");
            if (fits) return true;
        }
        return false;
    }

    private static async Task<List<KeyColumn>> ColumnsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params string[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        var columns = new List<KeyColumn>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            columns.Add(new KeyColumn(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3)));
        return columns;
    }

    /// <summary>The alias the snapshot query gives the table, so key columns never clash with the select list's names.</summary>
    public const string TableAlias = "r";

    private static string Column(string name) => TableAlias + "." + JdbcTargetTable.QuoteIdentifier(name);

    /// <summary>The key columns as text, to append to a snapshot's select list.</summary>
    public string SelectText => string.Join(", ", Columns.Select(c => Column(c) + "::text"));

    /// <summary><c>ORDER BY</c> clause of the snapshot.</summary>
    public string OrderBy => "ORDER BY " + string.Join(", ", Columns.Select((c, i) => Collated(Column(c), i)));

    /// <summary>A condition comparing the key with the parameters <c>$first</c>.. (its text forms) by
    /// <paramref name="comparison"/> (<c>&gt;</c>, <c>&lt;=</c>): a row-value comparison, <c>(a, b) &gt; ($1, $2)</c>.</summary>
    public string Compared(string comparison, int first) =>
        "(" + string.Join(", ", Columns.Select((c, i) => Collated(Column(c), i))) + $") {comparison} (" +
        string.Join(", ", Columns.Select((_, i) => Collated($"CAST(${first + i} AS {_sqlTypes[i]})", i))) + ")";

    private string Collated(string expression, int column) => _orders[column] == PostgresKeyOrder.Collated ? expression + " COLLATE \"C\"" : expression;

    /// <summary>Orders two keys (text forms, in key column order) as the snapshot's <see cref="OrderBy"/> does.</summary>
    public int Compare(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (int i = 0; i < _orders.Length; i++)
        {
            int c = PostgresKeyComparer.Compare(_orders[i], a[i], b[i]);
            if (c != 0) return c;
        }
        return 0;
    }
}
