using Apache.Arrow;
using Npgsql;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Reads a table under an exported snapshot, a bounded batch at a time: one <c>REPEATABLE READ</c> transaction set to the
/// snapshot, one query whose rows Npgsql streams as they are read, so memory stays at one batch whatever the table's
/// size. With a <see cref="PostgresSnapshotKey"/> the rows come in key order (after a given key, to continue a snapshot
/// cut short) and <see cref="LastKey"/> tells the key of the last row returned.
/// </summary>
internal sealed class PostgresSnapshotReader : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly NpgsqlCommand _command;
    private readonly NpgsqlDataReader _reader;
    private readonly Schema _schema;
    private readonly IReadOnlyList<SqlType> _types;
    private readonly PostgresFieldReader[] _fields;
    private readonly PostgresCdcMetadata _metadata;
    private readonly int _keyColumns;
    private bool _ended;

    private PostgresSnapshotReader(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlCommand command, NpgsqlDataReader reader,
        Schema schema, IReadOnlyList<SqlType> types, PostgresFieldReader[] fields, PostgresCdcMetadata metadata, int keyColumns)
    {
        _connection = connection;
        _transaction = transaction;
        _command = command;
        _reader = reader;
        _schema = schema;
        _types = types;
        _fields = fields;
        _metadata = metadata;
        _keyColumns = keyColumns;
    }

    /// <summary>The key of the last row of the last full batch returned (text forms): the snapshot continues after it.
    /// Null before the first full batch or without a key.</summary>
    public IReadOnlyList<string>? LastKey { get; private set; }

    /// <summary>Every row was returned: the batch just returned was the last one.</summary>
    public bool Ended => _ended;

    /// <summary>Opens the snapshot <paramref name="snapshotName"/> on <paramref name="connection"/> (which this reader then
    /// owns) and starts the query: <paramref name="columns"/> of <paramref name="qualifiedTable"/>, in the order of
    /// <paramref name="key"/> when there is one, after <paramref name="after"/> when given.</summary>
    public static async Task<PostgresSnapshotReader> OpenAsync(NpgsqlConnection connection, string snapshotName, string qualifiedTable,
        IReadOnlyList<string> columns, IReadOnlyList<SqlType> types, Schema schema, PostgresFieldReader[] fields, PostgresCdcMetadata metadata,
        PostgresSnapshotKey? key, IReadOnlyList<string>? after, CancellationToken cancellationToken)
    {
        NpgsqlTransaction? transaction = null;
        NpgsqlCommand? command = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (var set = new NpgsqlCommand($"SET TRANSACTION SNAPSHOT '{snapshotName.Replace("'", "''", StringComparison.Ordinal)}'", connection, transaction))
                await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            string select = string.Join(", ", columns.Select(JdbcTargetTable.QuoteIdentifier));
            if (key is not null) select = (select.Length > 0 ? select + ", " : "") + key.SelectText;
            if (select.Length == 0) select = "1";
            string sql = $"SELECT {select} FROM {qualifiedTable} AS {PostgresSnapshotKey.TableAlias}";
            if (key is not null && after is not null) sql += " WHERE " + key.After;
            if (key is not null) sql += " " + key.OrderBy;
            command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            if (after is not null)
                foreach (var value in after) command.Parameters.Add(new NpgsqlParameter { Value = value });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return new PostgresSnapshotReader(connection, transaction, command, reader, schema, types, fields, metadata, key?.Columns.Count ?? 0);
        }
        catch
        {
            if (command is not null) await command.DisposeAsync().ConfigureAwait(false);
            if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Up to <paramref name="maxRows"/> more rows as <c>+I</c>, or null once the table is read.</summary>
    public async Task<Batch?> ReadAsync(int maxRows, CancellationToken cancellationToken)
    {
        if (_ended) return null;
        var builders = new ColumnBuilder[_types.Count + _metadata.Count];
        for (int c = 0; c < builders.Length; c++) builders[c] = ColumnBuilder.Create(_schema.GetFieldByIndex(c).DataType, maxRows);
        int rows = 0;
        string[]? key = null;
        while (rows < maxRows)
        {
            if (!await _reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _ended = true;
                break;
            }
            for (int c = 0; c < _fields.Length; c++) _fields[c].Append(_reader, c, builders[c]);
            _metadata.Append(builders, _fields.Length, RowKind.Insert, 0);
            rows++;
            // Only a full batch can be followed by more rows; after a partial one the snapshot is complete.
            if (_keyColumns > 0 && rows == maxRows)
            {
                key = new string[_keyColumns];
                for (int k = 0; k < _keyColumns; k++) key[k] = _reader.GetString(_fields.Length + k);
            }
        }
        if (rows == 0) return null;
        if (key is not null) LastKey = key;
        var arrays = new IArrowArray[builders.Length];
        for (int c = 0; c < arrays.Length; c++) arrays[c] = builders[c].Build();
        return new Batch(new RecordBatch(_schema, arrays, rows));
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync().ConfigureAwait(false);
        await _command.DisposeAsync().ConfigureAwait(false);
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
