using Apache.Arrow;
using Npgsql;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Reads a table under an exported snapshot, a bounded batch at a time: one <c>REPEATABLE READ</c> transaction set to the
/// snapshot, in which a cursor per chunk is fetched <c>scan.snapshot.fetch.size</c> rows at a time, so memory stays at one
/// batch whatever the table's size. With a <see cref="PostgresSnapshotKey"/> the rows come in key order (after a given
/// key, to continue a snapshot cut short), in chunks of about <c>scan.incremental.snapshot.chunk.size</c> rows whose upper
/// key is looked up first (Flink CDC's chunk splitting); <see cref="LastKey"/> tells the key of the last row returned. By
/// a key that is not unique a batch ends only where the key changes, so it may run over the batch size. With a
/// <see cref="PostgresChunkShare"/> of several readers it reads only its own chunks, looking up the bounds of the others to
/// skip them.
/// </summary>
internal sealed class PostgresSnapshotReader : IAsyncDisposable
{
    private const string Cursor = "streamsql_snapshot";

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _select;
    private readonly string _table;
    private readonly Schema _schema;
    private readonly IReadOnlyList<SqlType> _types;
    private readonly PostgresFieldReader[] _fields;
    private readonly PostgresCdcMetadata _metadata;
    private readonly PostgresSnapshotKey? _key;
    private readonly int _chunkSize;
    private readonly int _fetchSize;
    private readonly PostgresChunkShare _share;
    private readonly IReadOnlyList<string>? _until;

    private NpgsqlCommand? _fetchCommand;
    private NpgsqlDataReader? _fetch;
    private int _fetched;
    private string[]? _chunkUpper;
    private long _chunk = -1;
    private bool _pending;
    private bool _ended;

    private PostgresSnapshotReader(NpgsqlConnection connection, NpgsqlTransaction transaction, string select, string table, Schema schema,
        IReadOnlyList<SqlType> types, PostgresFieldReader[] fields, PostgresCdcMetadata metadata, PostgresSnapshotKey? key, int chunkSize, int fetchSize,
        PostgresChunkShare share, IReadOnlyList<string>? until)
    {
        _connection = connection;
        _transaction = transaction;
        _select = select;
        _table = table;
        _schema = schema;
        _types = types;
        _fields = fields;
        _metadata = metadata;
        _key = key;
        _chunkSize = chunkSize;
        _fetchSize = fetchSize;
        _share = share;
        _until = until;
    }

    /// <summary>The key of the last row of the last batch returned (text forms): the snapshot continues after it. Null
    /// before the first batch or without a key.</summary>
    public IReadOnlyList<string>? LastKey { get; private set; }

    /// <summary>Every row was returned: the batch just returned was the last one.</summary>
    public bool Ended => _ended;

    /// <summary>Opens the snapshot <paramref name="snapshotName"/> (a snapshot of its own when null) on <paramref name="connection"/> (which this reader then
    /// owns) and its first chunk: <paramref name="columns"/> of <paramref name="qualifiedTable"/>, in the order of
    /// <paramref name="key"/> when there is one, after <paramref name="after"/> when given; of the chunks only those of
    /// <paramref name="share"/> (all when null; chunks are counted from <paramref name="after"/>); up to and including
    /// <paramref name="until"/> when given (a part of the table between parts read before).</summary>
    public static async Task<PostgresSnapshotReader> OpenAsync(NpgsqlConnection connection, string? snapshotName, string qualifiedTable,
        IReadOnlyList<string> columns, IReadOnlyList<SqlType> types, Schema schema, PostgresFieldReader[] fields, PostgresCdcMetadata metadata,
        PostgresSnapshotKey? key, IReadOnlyList<string>? after, int chunkSize, int fetchSize, CancellationToken cancellationToken,
        PostgresChunkShare? share = null, IReadOnlyList<string>? until = null)
    {
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            if (snapshotName is not null)
                await using (var set = new NpgsqlCommand($"SET TRANSACTION SNAPSHOT '{snapshotName.Replace("'", "''", StringComparison.Ordinal)}'", connection, transaction))
                    await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            string select = string.Join(", ", columns.Select((c, i) => PostgresFieldReader.SelectText(JdbcTargetTable.QuoteIdentifier(c), types[i])));
            if (key is not null) select = (select.Length > 0 ? select + ", " : "") + key.SelectText;
            if (select.Length == 0) select = "1";
            var reader = new PostgresSnapshotReader(connection, transaction, select, qualifiedTable, schema, types, fields, metadata, key, chunkSize, fetchSize,
                share ?? PostgresChunkShare.All, until);
            await reader.OpenChunkAsync(after, cancellationToken).ConfigureAwait(false);
            return reader;
        }
        catch
        {
            if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Declares the cursor of the next chunk of this reader's share after <paramref name="after"/>: up to the key of
    /// its <see cref="_chunkSize"/>-th row, or to the end when fewer remain (or without a key). Chunks of other readers are
    /// skipped by their bounds alone; when none of this reader's remains, the cursor is empty.</summary>
    private async Task OpenChunkAsync(IReadOnlyList<string>? after, CancellationToken cancellationToken)
    {
        while (true)
        {
            _chunk++;
            var conditions = new List<string>();
            var parameters = new List<string>();
            if (_key is not null && after is not null)
            {
                conditions.Add(_key.Compared(">", parameters.Count + 1));
                parameters.AddRange(after);
            }
            if (_key is not null && _until is not null)
            {
                conditions.Add(_key.Compared("<=", parameters.Count + 1));
                parameters.AddRange(_until);
            }
            _chunkUpper = null;
            if (_key is { Indexed: true })
            {
                string bound = $"SELECT {_key.SelectText} FROM {_table} AS {PostgresSnapshotKey.TableAlias}" +
                    (conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : "") + $" {_key.OrderBy} OFFSET {_chunkSize - 1} LIMIT 1";
                await using (var command = Command(bound, parameters))
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        _chunkUpper = new string[_key.Columns.Count];
                        for (int k = 0; k < _chunkUpper.Length; k++) _chunkUpper[k] = reader.GetString(k);
                    }
                }
                if (_chunkUpper is not null)
                {
                    conditions.Add(_key.Compared("<=", parameters.Count + 1));
                    parameters.AddRange(_chunkUpper);
                }
            }
            bool owned = _share.Owns(_chunk);
            if (!owned && _chunkUpper is not null)
            {
                after = _chunkUpper;
                continue;
            }
            string sql = $"DECLARE {Cursor} NO SCROLL CURSOR FOR SELECT {_select} FROM {_table} AS {PostgresSnapshotKey.TableAlias}";
            // The last chunk belongs to another reader: an empty cursor ends this one's snapshot.
            if (!owned) conditions.Add("false");
            if (conditions.Count > 0) sql += " WHERE " + string.Join(" AND ", conditions);
            if (_key is not null) sql += " " + _key.OrderBy;
            await using (var declare = Command(sql, parameters))
                await declare.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await FetchAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    private NpgsqlCommand Command(string sql, IReadOnlyList<string> parameters)
    {
        var command = new NpgsqlCommand(sql, _connection, _transaction) { CommandTimeout = 0 };
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        _fetchCommand = Command($"FETCH FORWARD {_fetchSize} FROM {Cursor}", []);
        _fetch = await _fetchCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        _fetched = 0;
    }

    private async ValueTask CloseFetchAsync()
    {
        if (_fetch is not null) await _fetch.DisposeAsync().ConfigureAwait(false);
        if (_fetchCommand is not null) await _fetchCommand.DisposeAsync().ConfigureAwait(false);
        _fetch = null;
        _fetchCommand = null;
    }

    /// <summary>Moves to the next row of the snapshot (fetching more, or opening the next chunk, as needed); false at its end.</summary>
    private async Task<bool> NextRowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await _fetch!.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _fetched++;
                return true;
            }
            bool more = _fetched == _fetchSize;
            await CloseFetchAsync().ConfigureAwait(false);
            if (more)
            {
                await FetchAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            await using (var close = Command($"CLOSE {Cursor}", []))
                await close.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (_chunkUpper is null) return false;
            await OpenChunkAsync(_chunkUpper, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Up to <paramref name="maxRows"/> more rows as <c>+I</c> (more by a key that is not unique, to end where
    /// the key changes), or null once the table is read.</summary>
    public async Task<Batch?> ReadAsync(int maxRows, CancellationToken cancellationToken)
    {
        if (_ended) return null;
        var builders = new ColumnBuilder[_types.Count + _metadata.Count];
        for (int c = 0; c < builders.Length; c++) builders[c] = ColumnBuilder.Create(_schema.GetFieldByIndex(c).DataType, maxRows);
        int rows = 0;
        int keyColumns = _key?.Columns.Count ?? 0;
        bool groups = _key is { Unique: false };
        string[]? key = null;
        while (true)
        {
            if (!_pending && !await NextRowAsync(cancellationToken).ConfigureAwait(false))
            {
                _ended = true;
                break;
            }
            _pending = false;
            if (groups)
            {
                var rowKey = new string[keyColumns];
                for (int k = 0; k < keyColumns; k++) rowKey[k] = _fetch!.GetString(_fields.Length + k);
                if (rows >= maxRows && !rowKey.AsSpan().SequenceEqual(key))
                {
                    // The row starts the next batch: the reader stays on it.
                    _pending = true;
                    break;
                }
                key = rowKey;
            }
            for (int c = 0; c < _fields.Length; c++) _fields[c].Append(_fetch!, c, builders[c]);
            _metadata.Append(builders, _fields.Length, RowKind.Insert, 0);
            rows++;
            if (!groups && rows == maxRows)
            {
                if (keyColumns > 0)
                {
                    key = new string[keyColumns];
                    for (int k = 0; k < keyColumns; k++) key[k] = _fetch!.GetString(_fields.Length + k);
                }
                break;
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
        await CloseFetchAsync().ConfigureAwait(false);
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
