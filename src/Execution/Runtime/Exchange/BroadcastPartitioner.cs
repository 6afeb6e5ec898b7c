using System.Threading.Channels;
using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Runtime.Exchange;

/// <summary>Every batch to every downstream subtask (batches are immutable, so they are shared, not copied).</summary>
internal sealed class BroadcastPartitioner(ChannelWriter<StreamElement>[] channels) : OutputPartitioner(channels)
{
    public override async ValueTask WriteBatchAsync(Batch batch, CancellationToken cancellationToken)
    {
        var element = new BatchElement(batch);
        foreach (var channel in Channels) await WriteAsync(channel, element, cancellationToken).ConfigureAwait(false);
    }
}
