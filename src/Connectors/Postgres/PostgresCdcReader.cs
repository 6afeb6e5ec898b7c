using System.Threading.Channels;
using Apache.Arrow;
using Npgsql;
using Npgsql.Replication;
using Npgsql.Replication.PgOutput;
using Npgsql.Replication.PgOutput.Messages;
using NpgsqlTypes;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Reads a PostgreSQL table's changes through a logical replication slot with pgoutput (Npgsql's replication API).
/// <list type="bullet">
/// <item>Start (<c>scan.startup.mode</c> = <c>initial</c>, no checkpoint): the slot is (re)created exporting a snapshot,
///   the table is read under that snapshot (one batch of <c>+I</c> rows; checkpoints wait for it, as with Flink CDC's
///   snapshot phase), then the stream continues from the slot's consistent point, so no change is missed or repeated.
///   <c>latest-offset</c> skips the snapshot.</item>
/// <item>Stream: a transaction's changes are buffered and emitted at its commit as one batch (<c>+I</c>; <c>-U</c>/<c>+U</c>
///   with the before image under REPLICA IDENTITY FULL, or <c>+U</c> alone in upsert mode; <c>-D</c>). The position is the
///   end LSN of the last transaction emitted.</item>
/// <item>Checkpoints: the position goes into the checkpoint; the slot is told it may drop WAL up to a position only when
///   a checkpoint holding it completes. A restore restarts the stream at the restored LSN: the transactions that commit
///   after it come again, those before it do not.</item>
/// </list>
/// Only subtask 0 reads (a slot has one consumer); other subtasks stay idle.
/// </summary>
internal sealed class PostgresCdcReader : IChangelogSourceReader, ISourceCheckpointListener
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(200);

    private SourceReaderContext _context = null!;
    private TableOptions _options = null!;
    private string _connectionString = "";
    private Schema _schema = null!;
    private IReadOnlyList<SqlType> _types = [];
    private IReadOnlyList<string> _columns = [];
    private bool _idle;
    private bool _upsert;
    private PostgresCdcPosition _position = PostgresCdcPosition.NotStarted;
    private PostgresCdcPosition? _restored;
    private LogicalReplicationConnection? _replication;
    private Task? _streaming;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(Batch? Changes, ulong EndLsn)> _committed = Channel.CreateBounded<(Batch?, ulong)>(16);
    private readonly SortedDictionary<long, ulong> _pendingAcks = new();
    private readonly Lock _ackLock = new();

    private string TableLabel => _context.Table.Name;

    public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _options = new TableOptions(context.Table);
        _idle = context.SubtaskIndex != 0;
        if (context.MetadataColumns.Count > 0)
            throw new NotSupportedException($"postgres-cdc table '{TableLabel}' has metadata columns, which this connector does not provide");
        _upsert = _options.Get(PostgresCdcOptions.ChangelogMode) == "upsert";
        var physical = context.Table.PhysicalSchema;
        _types = context.ProjectedColumns.Select(i => physical[i].Type).ToList();
        _columns = context.ProjectedColumns.Select(i => physical[i].Name).ToList();
        _schema = context.OutputSchema;
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = _options.Require(PostgresCdcOptions.Hostname),
            Port = _options.Get(PostgresCdcOptions.Port),
            Database = _options.Require(PostgresCdcOptions.DatabaseName),
            Username = _options.Require(PostgresCdcOptions.Username),
            Password = _options.Require(PostgresCdcOptions.Password),
            Timezone = "UTC",
            IncludeErrorDetail = false,
        };
        _connectionString = builder.ConnectionString;
        return default;
    }

    public void RestorePositions(IReadOnlyList<byte[]> positions)
    {
        if (positions.Count == 0 || _idle) return;
        _restored = PostgresCdcPosition.Decode(positions[0], TableLabel);
        _position = _restored.Value;
    }

    public byte[] SnapshotPosition() => _position.Encode();

    public void OnCheckpointStarting(long checkpointId)
    {
        if (!_position.Started) return;
        lock (_ackLock) _pendingAcks[checkpointId] = _position.Lsn;
    }

    public async ValueTask OnCheckpointCompleteAsync(long checkpointId, CancellationToken cancellationToken)
    {
        ulong? ack = null;
        lock (_ackLock)
        {
            foreach (var (id, lsn) in _pendingAcks.ToList())
            {
                if (id > checkpointId) break;
                ack = lsn;
                _pendingAcks.Remove(id);
            }
        }
        if (ack is null || _replication is null) return;
        _replication.SetReplicationStatus(new NpgsqlLogSequenceNumber(ack.Value));
        await _replication.SendStatusUpdate(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Batch?> ReadChangesAsync(CancellationToken cancellationToken)
    {
        if (_idle)
        {
            await Task.Delay(IdleWait, cancellationToken).ConfigureAwait(false);
            return Empty();
        }
        if (_streaming is null)
        {
            var snapshot = await StartAsync(cancellationToken).ConfigureAwait(false);
            if (snapshot is not null) return snapshot;
        }
        while (true)
        {
            if (_committed.Reader.TryRead(out var item))
            {
                _position = new PostgresCdcPosition(true, item.EndLsn);
                if (item.Changes is { Length: > 0 } changes) return changes;
                continue;
            }
            if (_streaming!.IsCompleted)
            {
                await _streaming.ConfigureAwait(false);
                throw new InvalidOperationException($"the replication stream of postgres-cdc table '{TableLabel}' ended");
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(IdleWait);
            try
            {
                await _committed.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Empty();
            }
        }
    }

    private Batch Empty() => new(new RecordBatch(_schema, _types.Select(t => ColumnBuilder.Create(t).Build()), 0));

    /// <summary>Sets up the publication and slot, reads the snapshot when one is due, and starts the stream.</summary>
    private async Task<Batch?> StartAsync(CancellationToken cancellationToken)
    {
        string schema = _options.Require(PostgresCdcOptions.SchemaName)!;
        string table = _options.Require(PostgresCdcOptions.TableName)!;
        string slotName = _options.Require(PostgresCdcOptions.SlotName)!;
        string publication = _options.Raw("debezium.publication.name") ?? "dbz_publication";
        string qualified = $"{Quote(schema)}.{Quote(table)}";

        await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            char? identity = await ScalarAsync<char?>(connection,
                "SELECT c.relreplident FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2",
                cancellationToken, schema, table).ConfigureAwait(false);
            if (identity is null)
                throw new ConnectorOptionException("table-name",
                    $"postgres-cdc table '{TableLabel}' reads {schema}.{table} (options 'schema-name', 'table-name'), which does not exist in database '{connection.Database}'");
            if (!_upsert && identity != 'f')
                throw new ConnectorOptionException("changelog-mode",
                    $"postgres-cdc table '{TableLabel}' reads {schema}.{table} with 'changelog-mode' = 'all', which needs the before image of every " +
                    $"update and delete: run ALTER TABLE {qualified} REPLICA IDENTITY FULL, or set 'changelog-mode' = 'upsert' (with a PRIMARY KEY)");
            bool hasPublication = await ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = $1)", cancellationToken, publication).ConfigureAwait(false);
            if (!hasPublication)
                await ExecuteAsync(connection, $"CREATE PUBLICATION {Quote(publication)} FOR TABLE {qualified}", cancellationToken).ConfigureAwait(false);
            else if (!await ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM pg_publication_tables WHERE pubname = $1 AND schemaname = $2 AND tablename = $3)",
                         cancellationToken, publication, schema, table).ConfigureAwait(false))
                await ExecuteAsync(connection, $"ALTER PUBLICATION {Quote(publication)} ADD TABLE {qualified}", cancellationToken).ConfigureAwait(false);
        }

        _replication = new LogicalReplicationConnection(_connectionString);
        await _replication.Open(cancellationToken).ConfigureAwait(false);
        bool slotExists;
        await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
            slotExists = await ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = $1)", cancellationToken, slotName).ConfigureAwait(false);

        Batch? snapshot = null;
        NpgsqlLogSequenceNumber? start;
        if (_restored is { Started: true } restored)
        {
            if (!slotExists)
                throw new InvalidOperationException(
                    $"postgres-cdc table '{TableLabel}' continues from a checkpoint, but its replication slot '{slotName}' (option 'slot.name') no longer exists: " +
                    "the changes since the checkpoint are gone; start the job without the checkpoint to take a new snapshot");
            start = new NpgsqlLogSequenceNumber(restored.Lsn);
        }
        else if (_options.Get(PostgresCdcOptions.StartupMode) == "initial")
        {
            if (slotExists) await _replication.DropReplicationSlot(slotName, wait: true, cancellationToken).ConfigureAwait(false);
            var slot = await _replication.CreatePgOutputReplicationSlot(slotName, slotSnapshotInitMode: LogicalSlotSnapshotInitMode.Export,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            snapshot = await ReadSnapshotAsync(qualified, slot.SnapshotName!, cancellationToken).ConfigureAwait(false);
            start = slot.ConsistentPoint;
        }
        else
        {
            if (!slotExists)
            {
                var slot = await _replication.CreatePgOutputReplicationSlot(slotName, slotSnapshotInitMode: LogicalSlotSnapshotInitMode.NoExport,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                start = slot.ConsistentPoint;
            }
            else start = null;
        }
        if (start is { } s) _position = new PostgresCdcPosition(true, (ulong)s);
        else _position = new PostgresCdcPosition(true, _position.Lsn);

        var options = new PgOutputReplicationOptions(publication, PgOutputProtocolVersion.V1);
        var messages = _replication.StartReplication(new PgOutputReplicationSlot(slotName), options, _stop.Token, start);
        _streaming = Task.Run(() => StreamAsync(messages, schema, table), CancellationToken.None);
        return snapshot;
    }

    private async Task<Batch> ReadSnapshotAsync(string qualified, string snapshotName, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SET TRANSACTION SNAPSHOT '{snapshotName.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken).ConfigureAwait(false);
        var readers = _types.Select(t => PostgresFieldReader.For(t)
            ?? throw new NotSupportedException($"postgres-cdc table '{TableLabel}' cannot read a column of type {t}")).ToArray();
        var builders = _types.Select(t => ColumnBuilder.Create(t)).ToArray();
        await using var command = new NpgsqlCommand($"SELECT {string.Join(", ", _columns.Select(Quote))} FROM {qualified}", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        int rows = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            for (int c = 0; c < builders.Length; c++) readers[c].Append(reader, c, builders[c]);
            rows++;
        }
        return new Batch(new RecordBatch(_schema, builders.Select(b => b.Build()), rows));
    }

    /// <summary>Decodes the stream: the table's changes buffered per transaction, handed over at each commit.</summary>
    private async Task StreamAsync(IAsyncEnumerable<PgOutputReplicationMessage> messages, string schema, string table)
    {
        var buffer = new PostgresChangeBuffer(_schema, _types, TableLabel);
        var ours = new HashSet<uint>();
        var token = _stop.Token;
        await foreach (var message in messages.ConfigureAwait(false))
        {
            switch (message)
            {
                case RelationMessage relation:
                    if (relation.Namespace == schema && relation.RelationName == table)
                    {
                        ours.Add(relation.RelationId);
                        var map = new int[relation.Columns.Count];
                        for (int i = 0; i < map.Length; i++)
                            map[i] = IndexOf(relation.Columns[i].ColumnName);
                        buffer.Map = map;
                    }
                    break;
                case InsertMessage insert when ours.Contains(insert.Relation.RelationId):
                    await buffer.AppendAsync(insert.NewRow, RowKind.Insert, token).ConfigureAwait(false);
                    break;
                case FullUpdateMessage full when ours.Contains(full.Relation.RelationId):
                    await buffer.AppendAsync(full.OldRow, RowKind.UpdateBefore, token).ConfigureAwait(false);
                    await buffer.AppendAsync(full.NewRow, RowKind.UpdateAfter, token).ConfigureAwait(false);
                    break;
                case IndexUpdateMessage keyed when ours.Contains(keyed.Relation.RelationId):
                    // The key changed: in upsert mode the old key is deleted and the new row upserted.
                    await buffer.AppendAsync(keyed.Key, RowKind.Delete, token).ConfigureAwait(false);
                    await buffer.AppendAsync(keyed.NewRow, RowKind.UpdateAfter, token).ConfigureAwait(false);
                    break;
                case UpdateMessage update when ours.Contains(update.Relation.RelationId):
                    await buffer.AppendAsync(update.NewRow, RowKind.UpdateAfter, token).ConfigureAwait(false);
                    break;
                case FullDeleteMessage delete when ours.Contains(delete.Relation.RelationId):
                    await buffer.AppendAsync(delete.OldRow, RowKind.Delete, token).ConfigureAwait(false);
                    break;
                case KeyDeleteMessage delete when ours.Contains(delete.Relation.RelationId):
                    await buffer.AppendAsync(delete.Key, RowKind.Delete, token).ConfigureAwait(false);
                    break;
                case CommitMessage commit:
                    var changes = buffer.Count > 0 ? buffer.Take() : null;
                    await _committed.Writer.WriteAsync((changes, (ulong)commit.TransactionEndLsn), token).ConfigureAwait(false);
                    break;
            }
        }
    }

    private int IndexOf(string column)
    {
        for (int i = 0; i < _columns.Count; i++)
            if (_columns[i] == column) return i;
        for (int i = 0; i < _columns.Count; i++)
            if (string.Equals(_columns[i], column, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            var reason = e is PostgresException p ? $"{p.SqlState}: {p.MessageText}" : e.InnerException?.Message ?? e.Message;
            throw new InvalidOperationException(
                $"postgres-cdc table '{TableLabel}' cannot connect to PostgreSQL at {_options.Raw("hostname")}:{_options.Get(PostgresCdcOptions.Port)} " +
                $"(options 'hostname', 'port', 'username', 'password', 'database-name'): {Mask(reason)}", e);
        }
    }

    private string Mask(string message)
    {
        var password = _options.Raw("password");
        return string.IsNullOrEmpty(password) ? message : message.Replace(password, Sql.Planner.Config.SensitiveOptions.Mask, StringComparison.Ordinal);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result is null or DBNull ? default! : (T)result;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_streaming is not null)
        {
            try
            {
                await _streaming.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Stopping: the stream ends with a cancellation or a closed connection.
            }
        }
        if (_replication is not null) await _replication.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
