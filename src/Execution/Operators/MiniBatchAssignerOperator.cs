using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Operators;

/// <summary>
/// Flink's MiniBatchAssigner. The runtime has no mini-batch boundary element: rows pass unchanged and every mini-batch
/// operator downstream ends its batches by its own size and latency (and before barriers and the end of input), which
/// gives the results the spec describes (<see cref="Sql.Planner.Physical.MiniBatchAssignerSpec"/>).
/// </summary>
public sealed class MiniBatchAssignerOperator : StreamOperatorBase
{
    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken) =>
        output.EmitAsync(batch, cancellationToken);
}
