using System.Buffers.Binary;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Execution.Operators;

/// <summary>
/// The rows of a <c>VALUES</c> clause: subtask 0 emits them in batches of at most <c>execution.batch.max-rows</c> rows,
/// other subtasks emit nothing. Flink's values source hands its operators one row at a time, so an updating result of
/// VALUES printed with the one-row batches the planner sets for a printed changelog shows Flink's row-by-row
/// changelog. The rows emitted so far are checkpointed (also when it finishes before a barrier: Flink does not run a
/// finished source again after a restore), so a restored job goes on after them.
/// </summary>
public sealed class ValuesSource(ValuesSpec spec) : StreamOperatorBase, ISourceOperator
{
    /// <summary>The name of the union list state holding how many rows subtask 0 has emitted.</summary>
    public const string PositionStateName = "values-position";

    private State.IOperatorListState _position = null!;
    private RecordBatch? _rows;
    private int _next;
    private int _maxRows;

    public override async ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        await base.OpenAsync(context, cancellationToken).ConfigureAwait(false);
        _maxRows = Math.Max(1, context.Configuration.Get(CoreOptions.BatchMaxRows));
        _position = context.State.OperatorState.GetUnionListState(PositionStateName);
        foreach (var entry in _position.Get()) _next = Math.Max(_next, BinaryPrimitives.ReadInt32LittleEndian(entry));
    }

    public ValueTask<Batch?> ReadAsync(CancellationToken cancellationToken)
    {
        if (Context.SubtaskIndex != 0 || _next >= spec.Rows.Count) return new ValueTask<Batch?>((Batch?)null);
        _rows ??= Build();
        int count = Math.Min(_maxRows, _rows.Length - _next);
        var rows = count == _rows.Length ? _rows : BatchGather.Slice(_rows, _next, count);
        _next += count;
        return new ValueTask<Batch?>(new Batch(rows));
    }

    private RecordBatch Build()
    {
        var schema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        var columns = new IArrowArray[spec.OutputSchema.Count];
        for (int c = 0; c < columns.Length; c++)
            columns[c] = LiteralColumnBuilder.Build(spec.OutputSchema[c].Type, spec.Rows, c);
        return new RecordBatch(schema, columns, spec.Rows.Count);
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        SavePosition();
        return output.EmitBarrierAsync(barrier, cancellationToken);
    }

    private void SavePosition()
    {
        var entry = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(entry, _next);
        _position.Update([entry]);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("VALUES has no inputs");

    /// <summary>The finished subtask's final state stands in for it in later checkpoints: it must say every row was
    /// emitted, or a job restored from one (VALUES finished before its first barrier) would emit them all again.</summary>
    public override ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken)
    {
        SavePosition();
        return output.EmitWatermarkAsync(Watermark.Max, cancellationToken);
    }
}
