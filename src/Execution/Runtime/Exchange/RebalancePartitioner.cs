using System.Threading.Channels;
using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Runtime.Exchange;

/// <summary>Round-robin by batch across downstream subtasks, starting at the sender's own index to spread the senders.</summary>
internal sealed class RebalancePartitioner(ChannelWriter<StreamElement>[] channels, int senderIndex) : OutputPartitioner(channels)
{
    private int _next = senderIndex % channels.Length;

    public override ValueTask WriteBatchAsync(Batch batch, CancellationToken cancellationToken)
    {
        var channel = Channels[_next];
        _next = _next + 1 == Channels.Length ? 0 : _next + 1;
        return WriteAsync(channel, new BatchElement(batch), cancellationToken);
    }
}
