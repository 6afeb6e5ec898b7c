using System.Threading.Channels;
using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Runtime.Exchange;

/// <summary>
/// One output edge of a subtask: decides which downstream channels a batch goes to. Control elements go to every
/// channel, after whatever is buffered (so order is kept). Used by the subtask's thread only.
/// </summary>
internal abstract class OutputPartitioner
{
    protected OutputPartitioner(ChannelWriter<StreamElement>[] channels) => Channels = channels;

    /// <summary>The channels to the downstream subtasks, indexed by target subtask (one entry for Forward and Single).</summary>
    protected ChannelWriter<StreamElement>[] Channels { get; }

    public abstract ValueTask WriteBatchAsync(Batch batch, CancellationToken cancellationToken);

    /// <summary>Monotonic time (ms) at which buffered rows must be flushed, or <see cref="long.MaxValue"/> when none are buffered.</summary>
    public virtual long FlushDeadline => long.MaxValue;

    /// <summary>Sends buffered rows on.</summary>
    public virtual ValueTask FlushAsync(CancellationToken cancellationToken) => default;

    /// <summary>Flushes, then sends <paramref name="element"/> to every channel.</summary>
    public async ValueTask BroadcastAsync(StreamElement element, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        foreach (var channel in Channels) await WriteAsync(channel, element, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>No more elements will be written.</summary>
    public void Complete()
    {
        foreach (var channel in Channels) channel.TryComplete();
    }

    /// <summary>Writes without an async state machine when the channel has room (the common case).</summary>
    protected static ValueTask WriteAsync(ChannelWriter<StreamElement> channel, StreamElement element, CancellationToken cancellationToken) =>
        channel.TryWrite(element) ? default : channel.WriteAsync(element, cancellationToken);
}
