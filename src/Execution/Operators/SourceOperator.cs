using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Execution.Operators;

/// <summary>Reads a table through its connector's reader (chosen by the table's <c>'connector'</c> option).
/// At the end of a bounded input it emits the maximum watermark, as Flink does, so every event-time result fires.
/// Its operator state is the reader's position, one entry per subtask in a union list, so that after a restore every
/// new subtask sees the positions of all old ones (the reader takes over its share, at any parallelism).</summary>
public sealed class SourceOperator(SourceSpec spec, ConnectorRegistry connectors) : StreamOperatorBase, ISourceOperator
{
    /// <summary>The name of the union list state holding the reader positions.</summary>
    public const string PositionsStateName = "source-positions";

    private ISourceReader? _reader;
    private IChangelogSourceReader? _changelogReader;
    private ISplitSourceReader? _splitReader;
    private State.IOperatorListState _positions = null!;

    public override async ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        await base.OpenAsync(context, cancellationToken).ConfigureAwait(false);
        var identifier = spec.Table.Connector
            ?? throw new InvalidOperationException($"table '{spec.TableName}' has no 'connector' option");
        var connector = connectors.FindConnector(identifier)
            ?? throw new InvalidOperationException($"no connector '{identifier}' is registered (table '{spec.TableName}')");
        _reader = connector.CreateReader();
        _changelogReader = _reader as IChangelogSourceReader;
        _splitReader = _reader as ISplitSourceReader;
        var readerContext = new SourceReaderContext(spec.Table, spec.ProjectedColumns, spec.MetadataColumns,
            ArrowTypeMapping.ToArrowSchema(spec.OutputSchema), context.SubtaskIndex, context.Parallelism,
            Math.Max(1, context.Configuration.Get(CoreOptions.BatchMaxRows)), context.Configuration, context.Clock) { Filters = spec.Filters };
        await _reader.OpenAsync(readerContext, cancellationToken).ConfigureAwait(false);
        _positions = context.State.OperatorState.GetUnionListState(PositionsStateName);
        var restored = _positions.Get();
        if (restored.Count > 0)
        {
            try
            {
                _reader.RestorePositions(restored);
            }
            catch (Exception e) when (e is NotSupportedException or InvalidDataException)
            {
                throw new Checkpointing.StateRestoreException($"The source of table '{spec.TableName}' cannot continue from the savepoint: {e.Message}", e);
            }
        }
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        (_reader as ISourceCheckpointListener)?.OnCheckpointStarting(barrier.CheckpointId);
        _positions.Update([_reader!.SnapshotPosition()]);
        return output.EmitBarrierAsync(barrier, cancellationToken);
    }

    public override ValueTask OnCheckpointCompleteAsync(long checkpointId, CancellationToken cancellationToken) =>
        _reader is ISourceCheckpointListener listener ? listener.OnCheckpointCompleteAsync(checkpointId, cancellationToken) : default;

    public async ValueTask<Batch?> ReadAsync(CancellationToken cancellationToken)
    {
        if (_changelogReader is null)
        {
            var data = await _reader!.ReadBatchAsync(cancellationToken).ConfigureAwait(false);
            return data is null ? null : new Batch(data) { Splits = _splitReader?.TakeSplits() };
        }
        var batch = await _changelogReader.ReadChangesAsync(cancellationToken).ConfigureAwait(false);
        if (batch is null || _splitReader?.TakeSplits() is not { } splits) return batch;
        return new Batch(batch.Data, batch.RowKinds) { KeyHashes = batch.KeyHashes, Splits = splits };
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("a source has no inputs");

    public override ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken)
    {
        _positions.Update([_reader!.SnapshotPosition()]);
        return output.EmitWatermarkAsync(Watermark.Max, cancellationToken);
    }

    public override async ValueTask CloseAsync()
    {
        var reader = _reader;
        _reader = null;
        if (reader is not null) await reader.DisposeAsync().ConfigureAwait(false);
    }
}
