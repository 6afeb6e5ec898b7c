using Npgsql;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// One subtask of a jdbc sink into PostgreSQL. Rows are buffered (<see cref="JdbcChangeBuffer"/>: upserts reduced to the last
/// change per key) and written a flush at a time by <see cref="JdbcBatchStatements"/> in one transaction.
/// <para><c>at-least-once</c> (Flink's behaviour): a flush when <c>sink.buffer-flush.max-rows</c> rows are buffered, when
/// <c>sink.buffer-flush.interval</c> has passed since the last one (a timer: a partly full buffer is flushed after the
/// interval also when no more rows arrive, as Flink's scheduled flusher does), and on every barrier, so a completed
/// checkpoint never covers a row the database does not hold.</para>
/// <para><c>exactly-once</c> (StreamSql's own): the changes of an epoch (between two barriers) are handed over on the barrier
/// as the checkpoint's committable (<see cref="JdbcCommittable"/>); when the checkpoint completes they are written in one
/// transaction that also inserts the epoch's progress row into <c>sink.progress-table</c>. The insert comes first and does
/// nothing when the row exists, and then the transaction is rolled back: so a committable restored after a crash — also one
/// between the checkpoint's completion and the database commit — is written once, never twice and never lost.</para>
/// <para>A failed flush or commit is retried <c>sink.max-retries</c> times on a fresh connection, pausing 1 s, 2 s, ... between
/// tries (Flink's back-off); then the job fails and its restart strategy restores it from the latest checkpoint. Errors the
/// data causes (a constraint, a value PostgreSQL refuses) fail at once.</para>
/// </summary>
internal sealed class JdbcWriter : ISinkWriter, ITimedSinkWriter
{
    /// <summary>Upsert buffers are reduced in place past this many rows, so an exactly-once epoch holds about one row per key.</summary>
    private const int CompactAfterRows = 1 << 16;

    private SinkWriterContext _context = null!;
    private JdbcConnection _settings = null!;
    private JdbcTargetTable _target = null!;
    private JdbcBatchStatements _statements = null!;
    private JdbcChangeBuffer _buffer = null!;
    private NpgsqlConnection? _connection;
    private bool _exactlyOnce;
    private int _maxRows;
    private long _intervalMillis;
    private int _maxRetries;
    private long _lastFlushMillis;
    private int _compactAt = CompactAfterRows;

    // exactly-once
    private string _sink = "";
    private readonly string _run = Guid.NewGuid().ToString("N");
    private string _progressTable = "";
    private readonly JdbcSinkFault _fault = new();
    // Progress rows are kept only while a checkpoint that can still be restored may hold their epoch's committable. Per
    // barrier of this run: the last epoch this run had committed when it passed (no checkpoint from that barrier on holds
    // a committable up to it). And the runs whose committables this run restored: all committed before its first barrier.
    private readonly SortedDictionary<long, long> _committedAtBarrier = new();
    private long _lastCommitted = -1;
    private readonly HashSet<string> _predecessors = new(StringComparer.Ordinal);

    /// <summary>How long to pause before retry <paramref name="attempt"/> (1-based); tests shorten it.</summary>
    internal Func<int, TimeSpan> Backoff { get; init; } = attempt => TimeSpan.FromSeconds(Math.Min(attempt, 10));

    public async ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var options = new TableOptions(context.Table);
        _settings = JdbcConnection.Of(context.Table);
        _exactlyOnce = options.Get(JdbcOptions.DeliveryGuarantee) == "exactly-once";
        _maxRows = options.Get(JdbcOptions.BufferFlushMaxRows);
        _intervalMillis = (long)options.Get(JdbcOptions.BufferFlushInterval).TotalMilliseconds;
        _maxRetries = Math.Max(0, options.Get(JdbcOptions.MaxRetries));
        _sink = context.OutputOwner ?? context.JobName + "/" + context.Table.Name;
        _progressTable = string.Join('.', options.Get(JdbcOptions.ProgressTable).Split('.').Select(JdbcTargetTable.QuoteIdentifier));
        var tableName = options.Require(JdbcOptions.TableName)!;
        await RetryAsync(async (connection, ct) =>
        {
            _target = await JdbcTargetTable.ResolveAsync(connection, context.Table, tableName, ct).ConfigureAwait(false);
            if (_exactlyOnce) await CreateProgressTableAsync(connection, ct).ConfigureAwait(false);
        }, "open", cancellationToken, prepare: false).ConfigureAwait(false);
        _statements = new JdbcBatchStatements(_target);
        await RetryAsync((connection, ct) => _statements.PrepareConnectionAsync(connection, ct), "open", cancellationToken, prepare: false).ConfigureAwait(false);
        _buffer = new JdbcChangeBuffer(_target.KeyColumns);
        _lastFlushMillis = context.Clock.MonotonicMillis();
    }

    private async Task CreateProgressTableAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"CREATE TABLE IF NOT EXISTS {_progressTable} (sink text NOT NULL, run text NOT NULL, subtask integer NOT NULL, checkpoint_id bigint NOT NULL, "
            + "committed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (sink, run, subtask, checkpoint_id))", connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (ConcurrentCreate.LostTheRace(e))
        {
            // Another subtask created it at the same moment.
        }
    }

    public async ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken)
    {
        _buffer.Add(batch);
        if (_exactlyOnce)
        {
            if (_buffer.IsUpsert && _buffer.RowCount >= _compactAt)
            {
                foreach (var reduced in _buffer.Drain()) _buffer.Add(reduced);
                _compactAt = Math.Max(CompactAfterRows, _buffer.RowCount * 2);
            }
            return;
        }
        if ((_maxRows > 0 && _buffer.RowCount >= _maxRows)
            || (_intervalMillis > 0 && _context.Clock.MonotonicMillis() - _lastFlushMillis >= _intervalMillis))
            await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public long NextDueMillis => _exactlyOnce || _intervalMillis <= 0 || _buffer is null || _buffer.IsEmpty ? long.MaxValue : _lastFlushMillis + _intervalMillis;

    public async ValueTask OnTimerAsync(long nowMillis, CancellationToken cancellationToken)
    {
        if (nowMillis >= NextDueMillis) await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _lastFlushMillis = _context.Clock.MonotonicMillis();
        if (_buffer.IsEmpty) return;
        var changes = _buffer.Drain();
        await RetryAsync(async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await _statements.WriteAsync(connection, changes, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }, "write", cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken)
    {
        if (!_exactlyOnce)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        // Also an empty epoch is handed over: the checkpoint then names this run, so a run restored from it can clear its rows.
        if (checkpointId != SinkOperator.EndOfInputCheckpointId) _committedAtBarrier[checkpointId] = _lastCommitted;
        _compactAt = CompactAfterRows;
        return new JdbcCommittable(_sink, _run, _context.SubtaskIndex, checkpointId, _buffer.Drain()).Serialize();
    }

    public async ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken)
    {
        if (!_exactlyOnce) return;
        var committables = handles.Select(h => JdbcCommittable.Deserialize(h, _context.Table.Name, _context.SubtaskIndex)).OrderBy(c => c.Epoch).ToList();
        foreach (var c in committables)
        {
            if (c.Changes.Count > 0)
                await RetryAsync((connection, ct) => CommitAsync(connection, c, ct), $"commit checkpoint {Epoch(c.Epoch)}", cancellationToken).ConfigureAwait(false);
            if (c.Run == _run) _lastCommitted = Math.Max(_lastCommitted, c.Epoch);
            else _predecessors.Add(c.Run);
            if (c.Epoch == SinkOperator.EndOfInputCheckpointId) _fault.EndOfInputCommitted();
        }
        await ForgetProgressAsync(checkpointId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checkpoint <paramref name="checkpointId"/> completed, so a restore starts from it or a later one: the progress
    /// rows no such checkpoint can need go — this run's epochs committed before its barrier, and every row of the runs this
    /// one continued from. (Restoring an older checkpoint or a savepoint twice repeats the output after it anyway.)</summary>
    private async Task ForgetProgressAsync(long checkpointId, CancellationToken cancellationToken)
    {
        // End of input is no checkpoint: a restore still starts from the last one that completed.
        if (checkpointId == SinkOperator.EndOfInputCheckpointId) return;
        long? horizon = null;
        foreach (var (barrier, committed) in _committedAtBarrier)
        {
            if (barrier > checkpointId) break;
            horizon = committed;
        }
        if (horizon is null) return;
        foreach (var barrier in _committedAtBarrier.Keys.Where(b => b <= checkpointId).ToList()) _committedAtBarrier.Remove(barrier);
        var predecessors = _predecessors.ToArray();
        await RetryAsync(async (connection, ct) =>
        {
            await using var forget = new NpgsqlCommand(
                $"DELETE FROM {_progressTable} WHERE sink = $1 AND (run = ANY($2) OR (run = $3 AND subtask = $4 AND checkpoint_id <= $5))", connection);
            forget.Parameters.Add(new NpgsqlParameter { Value = _sink });
            forget.Parameters.Add(new NpgsqlParameter { Value = predecessors });
            forget.Parameters.Add(new NpgsqlParameter { Value = _run });
            forget.Parameters.Add(new NpgsqlParameter { Value = _context.SubtaskIndex });
            forget.Parameters.Add(new NpgsqlParameter { Value = horizon.Value });
            await forget.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, $"clear the progress rows before checkpoint {Epoch(checkpointId)}", cancellationToken).ConfigureAwait(false);
        _predecessors.ExceptWith(predecessors);
    }

    private async Task CommitAsync(NpgsqlConnection connection, JdbcCommittable c, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var mark = new NpgsqlCommand(
            $"INSERT INTO {_progressTable} (sink, run, subtask, checkpoint_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", connection))
        {
            mark.Parameters.Add(new NpgsqlParameter { Value = c.Sink });
            mark.Parameters.Add(new NpgsqlParameter { Value = c.Run });
            mark.Parameters.Add(new NpgsqlParameter { Value = c.Subtask });
            mark.Parameters.Add(new NpgsqlParameter { Value = c.Epoch });
            if (await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                // Committed before (by a run that died before its checkpoint recorded the commit).
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
        }
        await _statements.WriteAsync(connection, c.Changes, cancellationToken).ConfigureAwait(false);
        _fault.CommitStarting();
        _fault.At("before-commit");
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _fault.At("after-commit");
    }

    private static string Epoch(long id) => id == SinkOperator.EndOfInputCheckpointId ? "end-of-input" : id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="action"/> on an open connection, retrying a failure <c>sink.max-retries</c> times on a
    /// fresh connection; errors the data causes are not retried.</summary>
    private async Task RetryAsync(Func<NpgsqlConnection, CancellationToken, Task> action, string what, CancellationToken cancellationToken, bool prepare = true)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                if (_connection is null)
                {
                    _connection = await _settings.OpenAsync(cancellationToken).ConfigureAwait(false);
                    if (prepare) await _statements.PrepareConnectionAsync(_connection, cancellationToken).ConfigureAwait(false);
                }
                await action(_connection, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or JdbcConnectException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
            {
                await DropConnectionAsync().ConfigureAwait(false);
                if (e is JdbcConnectException { InnerException: PostgresException refused } && !Retriable(refused))
                    throw new InvalidOperationException(e.Message, e);
                if (e is PostgresException p && !Retriable(p))
                    throw new InvalidOperationException(
                        $"The jdbc sink of table '{_context.Table.Name}' could not {what} into {_target?.QuotedName ?? "its table"} at {_settings.Server}: "
                        + _settings.Sanitize(JdbcConnection.Describe(p)), e);
                if (attempt >= _maxRetries)
                    throw new InvalidOperationException(e is JdbcConnectException
                        ? e.Message + (attempt > 0 ? $" (tried {attempt + 1} times, 'sink.max-retries' = {_maxRetries})" : "")
                        : $"The jdbc sink of table '{_context.Table.Name}' could not {what} at {_settings.Server} after {attempt + 1} tries "
                            + $"('sink.max-retries' = {_maxRetries}): {_settings.Sanitize(JdbcConnection.Describe(e))}", e);
                _context.Diagnostics.WriteLine($"The jdbc sink of table '{_context.Table.Name}' could not {what} (try {attempt + 1} of {_maxRetries + 1}), "
                    + $"retrying: {_settings.Sanitize(JdbcConnection.Describe(e))}");
                await Task.Delay(Backoff(attempt + 1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Errors of the data, the schema or the login (classes 22, 23, 28, 3D, 42, 44): a retry would fail the same way.</summary>
    private static bool Retriable(PostgresException e) => !(e.SqlState.StartsWith("22", StringComparison.Ordinal)
        || e.SqlState.StartsWith("28", StringComparison.Ordinal) || e.SqlState.StartsWith("3D", StringComparison.Ordinal)
        || e.SqlState.StartsWith("23", StringComparison.Ordinal) || e.SqlState.StartsWith("42", StringComparison.Ordinal)
        || e.SqlState.StartsWith("44", StringComparison.Ordinal));

    private async Task DropConnectionAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is null) return;
        try
        {
            // Pooled connections to a server that went away are dead too: the next try starts afresh.
            NpgsqlConnection.ClearPool(connection);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
        {
            // A broken connection may fail to close; it is gone either way.
        }
    }

    public async ValueTask DisposeAsync() => await DropConnectionAsync().ConfigureAwait(false);
}
