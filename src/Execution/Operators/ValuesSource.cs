using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Execution.Operators;

/// <summary>The rows of a <c>VALUES</c> clause: subtask 0 emits them as one batch, other subtasks emit nothing.</summary>
public sealed class ValuesSource(ValuesSpec spec) : StreamOperatorBase, ISourceOperator
{
    private bool _done;

    public ValueTask<Batch?> ReadAsync(CancellationToken cancellationToken)
    {
        if (_done || Context.SubtaskIndex != 0 || spec.Rows.Count == 0)
            return new ValueTask<Batch?>((Batch?)null);
        _done = true;
        var schema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        var columns = new IArrowArray[spec.OutputSchema.Count];
        for (int c = 0; c < columns.Length; c++)
            columns[c] = LiteralColumnBuilder.Build(spec.OutputSchema[c].Type, spec.Rows, c);
        return new ValueTask<Batch?>(new Batch(new RecordBatch(schema, columns, spec.Rows.Count)));
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("VALUES has no inputs");

    public override ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken) =>
        output.EmitWatermarkAsync(Watermark.Max, cancellationToken);
}
