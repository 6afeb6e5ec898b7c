using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators;

/// <summary>
/// Writes into a table through its connector's writer, with the two-phase commit protocol: on a barrier the writer
/// pre-commits and the handle is kept until the checkpoint completes (then committed). At the end of a bounded input it
/// pre-commits once more under <see cref="EndOfInputCheckpointId"/>; the runtime commits that when a checkpoint holding the
/// sink's final state completes (at once when checkpointing is off), so a finished job leaves only committed output and a
/// failure before then never publishes a row twice. The handles not yet committed are its operator state: after a
/// restore they are committed again (commits are idempotent), so output prepared for a completed checkpoint is never
/// lost, even when the process died before the commit. A writer with timed work (<see cref="ITimedSinkWriter"/>) gets it
/// through the subtask's periodic service, also while no input arrives.
/// </summary>
public sealed class SinkOperator(SinkSpec spec, RowSchema inputSchema, OperatorServices services) : StreamOperatorBase, IPeriodicOperator, IIdleAwareOperator
{
    /// <summary>The checkpoint id of the output prepared at end of input; completing it commits everything (Flink uses
    /// <c>Long.MAX_VALUE</c> too).</summary>
    public const long EndOfInputCheckpointId = long.MaxValue;

    /// <summary>The name of the list state holding prepared, uncommitted handles (8-byte checkpoint id, then the handle).</summary>
    public const string CommittablesStateName = "sink-committables";

    private readonly List<(long CheckpointId, byte[] Handle)> _pending = new();
    private ISinkWriter? _writer;
    private State.IOperatorListState _committables = null!;
    private SinkNotNullEnforcer? _notNull;

    public override async ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        await base.OpenAsync(context, cancellationToken).ConfigureAwait(false);
        var identifier = spec.Table.Connector
            ?? throw new InvalidOperationException($"table '{spec.TableName}' has no 'connector' option");
        var connector = services.Connectors.FindConnector(identifier)
            ?? throw new InvalidOperationException($"no connector '{identifier}' is registered (table '{spec.TableName}')");
        _writer = connector.CreateWriter();
        _notNull = SinkNotNullEnforcer.For(spec.Table.SinkSchema,
            context.Configuration.Get(Sql.Planner.Config.ExecutionConfigOptions.SinkNotNullEnforcer) == "DROP");
        var writerContext = new SinkWriterContext(spec.Table, ArrowTypeMapping.ToArrowSchema(inputSchema), spec.InputChangelog,
            context.JobName, context.SubtaskIndex, context.Parallelism, context.Configuration, context.Clock, services.StandardOutput)
        {
            OutputOwner = context.ExclusiveStateName is { } state ? state + "/" + context.OperatorId : null,
            Diagnostics = services.Diagnostics,
            Shared = services.Shared.Scoped(context.OperatorId),
            Overwrite = spec.Overwrite,
        };
        await _writer.OpenAsync(writerContext, cancellationToken).ConfigureAwait(false);
        _committables = context.State.OperatorState.GetListState(CommittablesStateName);
        var restored = _committables.Get();
        if (restored.Count > 0)
        {
            long last = 0;
            var handles = new List<byte[]>(restored.Count);
            foreach (var entry in restored)
            {
                last = Math.Max(last, System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(entry));
                handles.Add(entry[8..]);
            }
            await _writer.CommitAsync(last, handles, cancellationToken).ConfigureAwait(false);
            _committables.Clear();
        }
    }

    private void SaveCommittables()
    {
        var entries = new List<byte[]>(_pending.Count);
        foreach (var (checkpointId, handle) in _pending)
        {
            var entry = new byte[8 + handle.Length];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(entry, checkpointId);
            handle.CopyTo(entry, 8);
            entries.Add(entry);
        }
        _committables.Update(entries);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        if (batch.Length == 0) return default;
        if (_notNull is null) return _writer!.WriteAsync(batch, cancellationToken);
        var (rows, error) = _notNull.Check(batch);
        if (error is null) return rows is null ? default : _writer!.WriteAsync(rows, cancellationToken);
        return WriteThenFailAsync(rows, error, cancellationToken);
    }

    private async ValueTask WriteThenFailAsync(Batch? rows, Exception error, CancellationToken cancellationToken)
    {
        if (rows is not null) await _writer!.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
        throw error;
    }

    public long NextDueMillis => _writer is ITimedSinkWriter timed ? timed.NextDueMillis : long.MaxValue;

    public ValueTask OnPeriodicAsync(long nowMillis, IEmitter output, CancellationToken cancellationToken) =>
        _writer is ITimedSinkWriter timed && nowMillis >= timed.NextDueMillis ? timed.OnTimerAsync(nowMillis, cancellationToken) : default;

    public override ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        if (_writer is IWatermarkAwareSinkWriter aware) aware.OnWatermark(watermark.Timestamp);
        return base.OnWatermarkAsync(watermark, output, cancellationToken);
    }

    public void OnIdleStatus(bool idle)
    {
        if (_writer is IWatermarkAwareSinkWriter aware) aware.OnIdleStatus(idle);
    }

    public override async ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        var handle = await _writer!.PrepareCommitAsync(barrier.CheckpointId, cancellationToken).ConfigureAwait(false);
        if (handle is not null) _pending.Add((barrier.CheckpointId, handle));
        SaveCommittables();
        await output.EmitBarrierAsync(barrier, cancellationToken).ConfigureAwait(false);
    }

    public override ValueTask OnCheckpointCompleteAsync(long checkpointId, CancellationToken cancellationToken) =>
        CommitUpToAsync(checkpointId, cancellationToken);

    public override async ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken)
    {
        var handle = await _writer!.PrepareCommitAsync(EndOfInputCheckpointId, cancellationToken).ConfigureAwait(false);
        if (handle is not null) _pending.Add((EndOfInputCheckpointId, handle));
        SaveCommittables();
    }

    private async ValueTask CommitUpToAsync(long checkpointId, CancellationToken cancellationToken)
    {
        var handles = new List<byte[]>();
        for (int i = 0; i < _pending.Count; i++)
            if (_pending[i].CheckpointId <= checkpointId) handles.Add(_pending[i].Handle);
        _pending.RemoveAll(p => p.CheckpointId <= checkpointId);
        await _writer!.CommitAsync(checkpointId, handles, cancellationToken).ConfigureAwait(false);
        SaveCommittables();
    }

    public override async ValueTask CloseAsync()
    {
        var writer = _writer;
        _writer = null;
        if (writer is not null) await writer.DisposeAsync().ConfigureAwait(false);
    }
}
