using System.Threading.Channels;
using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Runtime.Exchange;

/// <summary>Forward (subtask i to subtask i) and Single (everything to subtask 0): one channel, batches passed as they are.</summary>
internal sealed class DirectPartitioner : OutputPartitioner
{
    private readonly ChannelWriter<StreamElement> _channel;

    public DirectPartitioner(ChannelWriter<StreamElement> channel) : base([channel]) => _channel = channel;

    public override ValueTask WriteBatchAsync(Batch batch, CancellationToken cancellationToken) =>
        WriteAsync(_channel, new BatchElement(batch), cancellationToken);
}
