using System.Threading.Channels;
using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Operators;

/// <summary>Hands a SELECT's rows to the client through the job's bounded result channel (a slow reader backpressures the job).
/// The runtime completes the channel when the job ends.</summary>
public sealed class CollectSinkOperator(ChannelWriter<Batch> results) : StreamOperatorBase
{
    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken) =>
        batch.Length == 0 || results.TryWrite(batch) ? default : results.WriteAsync(batch, cancellationToken);
}
