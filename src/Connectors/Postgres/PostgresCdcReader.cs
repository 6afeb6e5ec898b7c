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
///   the table is read under that snapshot in batches of the runtime's batch size, in primary key order
///   (<see cref="PostgresSnapshotReader"/>), then the stream continues from the slot's consistent point, so no change is
///   missed or repeated. <c>latest-offset</c> skips the snapshot.</item>
/// <item>Checkpoints during the snapshot store the last key emitted. The exported snapshot dies with the process, so a
///   restore continues under a new one, taken with a temporary slot whose consistent point says exactly which
///   transactions it holds; the stream still starts at the first slot's consistent point, and a change it sends for a
///   row whose snapshot segment already holds that change is dropped (<see cref="PostgresSnapshotCoverage"/>).</item>
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
    private static readonly TimeSpan SlotReleaseWait = TimeSpan.FromSeconds(10);

    private SourceReaderContext _context = null!;
    private TableOptions _options = null!;
    private string _connectionString = "";
    private Schema _schema = null!;
    private IReadOnlyList<SqlType> _types = [];
    private IReadOnlyList<string> _columns = [];
    private PostgresCdcMetadata _metadata = null!;
    private bool _idle;
    private bool _upsert;
    private bool _started;
    private PostgresCdcPosition _position = PostgresCdcPosition.NotStarted;
    private PostgresCdcPosition? _restored;
    private LogicalReplicationConnection? _replication;
    private Task? _streaming;
    private string _publication = "";
    private string _slotName = "";

    // The snapshot in progress: the segments read before (by earlier runs), the one being read and where the stream starts.
    private PostgresSnapshotReader? _snapshot;
    private PostgresSnapshotKey? _key;
    private string _noKeyReason = "";
    private IReadOnlyList<PostgresSnapshotSegment> _priorSegments = [];
    private ulong _segmentLsn;
    private ulong _streamStart;
    private bool _snapshotEmitted;
    private PostgresSnapshotCoverage? _coverage;

    // 'scan.startup.mode' = 'snapshot': the table's snapshot alone, read as a jdbc scan is (bounded).
    private JdbcScanReader? _scan;

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
        _upsert = _options.Get(PostgresCdcOptions.ChangelogMode) == "upsert";
        var physical = context.Table.PhysicalSchema;
        _types = context.ProjectedColumns.Select(i => physical[i].Type).ToList();
        _columns = context.ProjectedColumns.Select(i => physical[i].Name).ToList();
        _schema = context.OutputSchema;
        _metadata = new PostgresCdcMetadata(context.MetadataColumns, _options.Require(PostgresCdcOptions.DatabaseName)!,
            _options.Require(PostgresCdcOptions.SchemaName)!, _options.Require(PostgresCdcOptions.TableName)!);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = _options.Require(PostgresCdcOptions.Hostname),
            Port = _options.Get(PostgresCdcOptions.Port),
            Database = _options.Require(PostgresCdcOptions.DatabaseName),
            Username = _options.Require(PostgresCdcOptions.Username),
            Password = _options.Require(PostgresCdcOptions.Password),
            Timezone = "UTC",
            // Key values are compared by their text forms, which these settings fix (PostgresKeyComparer).
            Options = "-c DateStyle=ISO -c bytea_output=hex",
            IncludeErrorDetail = false,
        };
        _connectionString = builder.ConnectionString;
        if (_options.Get(PostgresCdcOptions.StartupMode) == "snapshot")
        {
            string qualified = $"{Quote(_options.Require(PostgresCdcOptions.SchemaName)!)}.{Quote(_options.Require(PostgresCdcOptions.TableName)!)}";
            _scan = new JdbcScanReader(new PostgresScanSettings(OpenAsync, qualified, PostgresCdcOptions.TableName.Key, $"postgres-cdc table '{TableLabel}'",
                _options.Get(PostgresCdcOptions.FetchSize), _options.Get(PostgresCdcOptions.ChunkSize), _options.Get(PostgresCdcOptions.ChunkKeyColumn), Mask));
            return _scan.OpenAsync(context, cancellationToken);
        }
        return default;
    }

    public void RestorePositions(IReadOnlyList<byte[]> positions)
    {
        if (_scan is not null)
        {
            _scan.RestorePositions(positions);
            return;
        }
        if (positions.Count == 0 || _idle) return;
        _restored = PostgresCdcPosition.Decode(positions[0], TableLabel);
        _position = _restored;
    }

    public byte[] SnapshotPosition() => _scan?.SnapshotPosition() ?? _position.Encode();

    public void OnCheckpointStarting(long checkpointId)
    {
        if (_position.Phase != PostgresCdcPhase.Stream || _streaming is null) return;
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
        if (_scan is not null)
            return await _scan.ReadBatchAsync(cancellationToken).ConfigureAwait(false) is { } rows ? new Batch(rows) : null;
        if (_idle)
        {
            await Task.Delay(IdleWait, cancellationToken).ConfigureAwait(false);
            return Empty();
        }
        if (!_started)
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
            _started = true;
        }
        if (_snapshot is not null)
        {
            var rows = await _snapshot.ReadAsync(_context.MaxBatchRows, cancellationToken).ConfigureAwait(false);
            if (rows is not null) _snapshotEmitted = true;
            if (rows is null || _snapshot.Ended) await FinishSnapshotAsync().ConfigureAwait(false);
            else _position = SnapshotProgress();
            if (rows is not null) return rows;
        }
        while (true)
        {
            if (_committed.Reader.TryRead(out var item))
            {
                var segments = _coverage is { } coverage && item.EndLsn < coverage.Until ? _position.Segments : [];
                _position = PostgresCdcPosition.Streaming(item.EndLsn, segments);
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

    private Batch Empty() => new(new RecordBatch(_schema, Enumerable.Range(0, _schema.FieldsList.Count).Select(c => ColumnBuilder.Create(_schema.GetFieldByIndex(c).DataType).Build()), 0));

    /// <summary>The position while the snapshot is read: what earlier runs read, and how far this one got.</summary>
    private PostgresCdcPosition SnapshotProgress()
    {
        if (_key is null)
            return _snapshotEmitted ? new PostgresCdcPosition(PostgresCdcPhase.Snapshot, _streamStart, []) : PostgresCdcPosition.NotStarted;
        var segments = _snapshot?.LastKey is { } last ? [.. _priorSegments, new PostgresSnapshotSegment(_segmentLsn, PriorUpperKey, last)] : _priorSegments;
        return segments.Count == 0 ? PostgresCdcPosition.NotStarted : new PostgresCdcPosition(PostgresCdcPhase.Snapshot, _streamStart, segments);
    }

    /// <summary>Where the segment being read starts: after the last one read before.</summary>
    private IReadOnlyList<string>? PriorUpperKey => _priorSegments.Count > 0 ? _priorSegments[^1].UpperKey : null;

    /// <summary>The snapshot is out: the stream starts where the first snapshot was taken, skipping what later segments hold.</summary>
    private async Task FinishSnapshotAsync()
    {
        await _snapshot!.DisposeAsync().ConfigureAwait(false);
        _snapshot = null;
        IReadOnlyList<PostgresSnapshotSegment> segments = [.. _priorSegments, new PostgresSnapshotSegment(_segmentLsn, PriorUpperKey, null)];
        if (segments.All(s => s.Lsn <= _streamStart)) segments = [];
        _coverage = segments.Count > 0 ? new PostgresSnapshotCoverage(_key!, segments) : null;
        _position = PostgresCdcPosition.Streaming(_streamStart, segments);
        StartStream(new NpgsqlLogSequenceNumber(_streamStart));
    }

    /// <summary>Sets up the publication and slot and opens the snapshot when one is due, else starts the stream.</summary>
    private async Task StartAsync(CancellationToken cancellationToken)
    {
        string schema = _options.Require(PostgresCdcOptions.SchemaName)!;
        string table = _options.Require(PostgresCdcOptions.TableName)!;
        _slotName = _options.Require(PostgresCdcOptions.SlotName)!;
        _publication = _options.Raw("debezium.publication.name") ?? "dbz_publication";
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
            bool hasPublication = await ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = $1)", cancellationToken, _publication).ConfigureAwait(false);
            if (!hasPublication)
                await ExecuteAsync(connection, $"CREATE PUBLICATION {Quote(_publication)} FOR TABLE {qualified}", cancellationToken).ConfigureAwait(false);
            else if (!await ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM pg_publication_tables WHERE pubname = $1 AND schemaname = $2 AND tablename = $3)",
                         cancellationToken, _publication, schema, table).ConfigureAwait(false))
                await ExecuteAsync(connection, $"ALTER PUBLICATION {Quote(_publication)} ADD TABLE {qualified}", cancellationToken).ConfigureAwait(false);
            (_key, _noKeyReason) = await PostgresSnapshotKey.LoadAsync(connection, schema, table, _options.Get(PostgresCdcOptions.ChunkKeyColumn), TableLabel,
                cancellationToken).ConfigureAwait(false);
        }

        _replication = new LogicalReplicationConnection(_connectionString);
        await _replication.Open(cancellationToken).ConfigureAwait(false);
        bool slotExists;
        await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            slotExists = await ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = $1)", cancellationToken, _slotName).ConfigureAwait(false);
            if (slotExists) await RequireSlotFreeAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        var restored = _restored ?? PostgresCdcPosition.NotStarted;
        if (restored.Phase != PostgresCdcPhase.NotStarted && !slotExists)
            throw new InvalidOperationException(
                $"postgres-cdc table '{TableLabel}' continues from a checkpoint, but its replication slot '{_slotName}' (option 'slot.name') no longer exists: " +
                "the changes since the checkpoint are gone; start the job without the checkpoint to take a new snapshot");
        if (restored.Phase == PostgresCdcPhase.Stream)
        {
            _coverage = restored.Segments.Count > 0
                ? new PostgresSnapshotCoverage(_key ?? throw CannotResume(), restored.Segments)
                : null;
            _position = restored;
            StartStream(new NpgsqlLogSequenceNumber(restored.Lsn));
        }
        else if (restored.Phase == PostgresCdcPhase.Snapshot)
        {
            if (_key is null || restored.Segments.Count == 0) throw CannotResume();
            await ContinueSnapshotAsync(qualified, restored, cancellationToken).ConfigureAwait(false);
        }
        else if (_options.Get(PostgresCdcOptions.StartupMode) == "initial")
        {
            if (slotExists) await _replication.DropReplicationSlot(_slotName, wait: true, cancellationToken).ConfigureAwait(false);
            var slot = await _replication.CreatePgOutputReplicationSlot(_slotName, slotSnapshotInitMode: LogicalSlotSnapshotInitMode.Export,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            _streamStart = _segmentLsn = (ulong)slot.ConsistentPoint;
            _snapshot = await OpenSnapshotAsync(qualified, slot.SnapshotName!, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            NpgsqlLogSequenceNumber? start = null;
            if (!slotExists)
            {
                var slot = await _replication.CreatePgOutputReplicationSlot(_slotName, slotSnapshotInitMode: LogicalSlotSnapshotInitMode.NoExport,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                start = slot.ConsistentPoint;
            }
            _position = PostgresCdcPosition.Streaming(start is { } s ? (ulong)s : 0, []);
            StartStream(start);
        }
    }

    /// <summary>A slot has one reader: while another connection streams from it (another job, or another table of this
    /// one, with the same <c>slot.name</c>), this source could only wait. The walsender of a run that was just killed may
    /// hold the slot for a moment, so the slot is given <see cref="SlotReleaseWait"/> to be released first.</summary>
    private async Task RequireSlotFreeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + SlotReleaseWait;
        while (true)
        {
            int? pid = await ScalarAsync<int?>(connection, "SELECT active_pid FROM pg_replication_slots WHERE slot_name = $1 AND active", cancellationToken, _slotName)
                .ConfigureAwait(false);
            if (pid is null) return;
            if (DateTime.UtcNow >= deadline)
                throw new ConnectorOptionException(PostgresCdcOptions.SlotName.Key,
                    $"postgres-cdc table '{TableLabel}' cannot read through the replication slot '{_slotName}' (option 'slot.name'): it is in use by " +
                    $"another connection (PID {pid}). When several jobs or tables read the same database, each needs a distinct replication slot name.");
            await Task.Delay(IdleWait, cancellationToken).ConfigureAwait(false);
        }
    }

    private InvalidOperationException CannotResume() => new(
        $"postgres-cdc table '{TableLabel}' continues from a checkpoint taken during its snapshot, which can only continue in primary key order, but " +
        $"{_noKeyReason}; start the job without the checkpoint to take a new snapshot");

    /// <summary>Continues a snapshot cut short: the rows after the last key emitted, under a new snapshot exported by a
    /// temporary slot (its consistent point tells which transactions that snapshot holds).</summary>
    private async Task ContinueSnapshotAsync(string qualified, PostgresCdcPosition restored, CancellationToken cancellationToken)
    {
        _streamStart = restored.Lsn;
        _priorSegments = restored.Segments;
        _snapshotEmitted = true;
        await using var exporter = new LogicalReplicationConnection(_connectionString);
        await exporter.Open(cancellationToken).ConfigureAwait(false);
        string temporary = $"{_slotName}_snapshot_{Guid.NewGuid():N}";
        if (temporary.Length > 63) temporary = temporary[..63];
        var slot = await exporter.CreatePgOutputReplicationSlot(temporary, temporarySlot: true, slotSnapshotInitMode: LogicalSlotSnapshotInitMode.Export,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        _segmentLsn = (ulong)slot.ConsistentPoint;
        // Once imported the snapshot no longer needs its exporter: closing it drops the temporary slot.
        _snapshot = await OpenSnapshotAsync(qualified, slot.SnapshotName!, restored.Segments[^1].UpperKey, cancellationToken).ConfigureAwait(false);
        _position = SnapshotProgress();
    }

    private async Task<PostgresSnapshotReader> OpenSnapshotAsync(string qualified, string snapshotName, IReadOnlyList<string>? after, CancellationToken cancellationToken)
    {
        var fields = _types.Select(t => PostgresFieldReader.For(t)
            ?? throw new NotSupportedException($"postgres-cdc table '{TableLabel}' cannot read a column of type {t}")).ToArray();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await PostgresSnapshotReader.OpenAsync(connection, snapshotName, qualified, _columns, _types, _schema, fields, _metadata, _key, after,
            _options.Get(PostgresCdcOptions.ChunkSize), _options.Get(PostgresCdcOptions.FetchSize), cancellationToken)
            .ConfigureAwait(false);
    }

    private void StartStream(NpgsqlLogSequenceNumber? start)
    {
        string schema = _options.Require(PostgresCdcOptions.SchemaName)!;
        string table = _options.Require(PostgresCdcOptions.TableName)!;
        var options = new PgOutputReplicationOptions(_publication, PgOutputProtocolVersion.V1);
        var messages = _replication!.StartReplication(new PgOutputReplicationSlot(_slotName), options, _stop.Token, start);
        _streaming = Task.Run(() => StreamAsync(messages, schema, table, _coverage), CancellationToken.None);
    }

    /// <summary>Decodes the stream: the table's changes buffered per transaction, handed over at each commit. A change
    /// <paramref name="coverage"/> says the snapshot already holds is dropped; of an update whose one half is held, the
    /// other half goes out alone as <c>-D</c> or <c>+I</c>.</summary>
    private async Task StreamAsync(IAsyncEnumerable<PgOutputReplicationMessage> messages, string schema, string table, PostgresSnapshotCoverage? coverage)
    {
        var buffer = new PostgresChangeBuffer(_schema, _types, _metadata, TableLabel);
        var ours = new HashSet<uint>();
        var token = _stop.Token;
        ulong commitLsn = 0;
        bool Held(string?[] values) => coverage is not null && buffer.KeyOf(values) is { } key && coverage.Holds(key, commitLsn);
        await foreach (var message in messages.ConfigureAwait(false))
        {
            switch (message)
            {
                case BeginMessage begin:
                    commitLsn = (ulong)begin.TransactionFinalLsn;
                    buffer.CommitMicros = (begin.TransactionCommitTimestamp.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks) / 10;
                    break;
                case RelationMessage relation:
                    if (relation.Namespace == schema && relation.RelationName == table)
                    {
                        ours.Add(relation.RelationId);
                        var map = new int[relation.Columns.Count];
                        for (int i = 0; i < map.Length; i++)
                            map[i] = IndexOf(relation.Columns[i].ColumnName);
                        buffer.Map = map;
                        buffer.KeyColumns = _key is null ? [] : _key.Columns.Select(k =>
                        {
                            for (int i = 0; i < relation.Columns.Count; i++)
                                if (relation.Columns[i].ColumnName == k) return i;
                            return -1;
                        }).ToArray();
                    }
                    break;
                case InsertMessage insert when ours.Contains(insert.Relation.RelationId):
                {
                    var row = await buffer.ReadAsync(insert.NewRow, null, token).ConfigureAwait(false);
                    if (!Held(row)) buffer.Append(row, RowKind.Insert);
                    break;
                }
                case FullUpdateMessage full when ours.Contains(full.Relation.RelationId):
                {
                    var before = await buffer.ReadAsync(full.OldRow, null, token).ConfigureAwait(false);
                    var after = await buffer.ReadAsync(full.NewRow, before, token).ConfigureAwait(false);
                    bool retract = !Held(before), add = !Held(after);
                    if (retract) buffer.Append(before, add ? RowKind.UpdateBefore : RowKind.Delete);
                    if (add) buffer.Append(after, retract ? RowKind.UpdateAfter : RowKind.Insert);
                    break;
                }
                case IndexUpdateMessage keyed when ours.Contains(keyed.Relation.RelationId):
                {
                    // The key changed: in upsert mode the old key is deleted and the new row upserted.
                    var key = await buffer.ReadAsync(keyed.Key, null, token).ConfigureAwait(false);
                    var after = await buffer.ReadAsync(keyed.NewRow, null, token).ConfigureAwait(false);
                    if (!Held(key)) buffer.Append(key, RowKind.Delete);
                    if (!Held(after)) buffer.Append(after, RowKind.UpdateAfter);
                    break;
                }
                case UpdateMessage update when ours.Contains(update.Relation.RelationId):
                {
                    var after = await buffer.ReadAsync(update.NewRow, null, token).ConfigureAwait(false);
                    if (!Held(after)) buffer.Append(after, RowKind.UpdateAfter);
                    break;
                }
                case FullDeleteMessage delete when ours.Contains(delete.Relation.RelationId):
                {
                    var before = await buffer.ReadAsync(delete.OldRow, null, token).ConfigureAwait(false);
                    if (!Held(before)) buffer.Append(before, RowKind.Delete);
                    break;
                }
                case KeyDeleteMessage delete when ours.Contains(delete.Relation.RelationId):
                {
                    var key = await buffer.ReadAsync(delete.Key, null, token).ConfigureAwait(false);
                    if (!Held(key)) buffer.Append(key, RowKind.Delete);
                    break;
                }
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
        if (_snapshot is not null) await _snapshot.DisposeAsync().ConfigureAwait(false);
        if (_scan is not null) await _scan.DisposeAsync().ConfigureAwait(false);
        if (_replication is not null) await _replication.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
