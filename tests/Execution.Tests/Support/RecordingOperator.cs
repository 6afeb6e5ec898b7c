using System.Collections.Concurrent;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Support;

/// <summary>A pass-through operator that records what it sees, registered into a runner's <see cref="OperatorFactory"/>.</summary>
public sealed record RecordingSpec(string Name, RowSchema Schema) : OperatorSpec(Name, Schema, ChangelogMode.InsertOnly);

public sealed class Recording
{
    public ConcurrentQueue<long> Watermarks { get; } = new();
    public ConcurrentQueue<int> Inputs { get; } = new();
    public ConcurrentQueue<bool> IdleStatuses { get; } = new();
    public int EndOfInputs;
}

public sealed class RecordingOperator(Recording recording) : StreamOperatorBase, IIdleAwareOperator
{
    public void OnIdleStatus(bool idle) => recording.IdleStatuses.Enqueue(idle);

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        recording.Inputs.Enqueue(input);
        return output.EmitAsync(batch, cancellationToken);
    }

    public override ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        recording.Watermarks.Enqueue(watermark.Timestamp);
        return output.EmitWatermarkAsync(watermark, cancellationToken);
    }

    public override ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref recording.EndOfInputs);
        return default;
    }
}
