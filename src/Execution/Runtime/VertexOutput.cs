using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Runtime.Exchange;

namespace StreamSql.Execution.Runtime;

/// <summary>The emitter of a chain's last operator: writes to the vertex's output edges (none for a sink).</summary>
internal sealed class VertexOutput : IEmitter
{
    private readonly OutputPartitioner[] _edges;

    public VertexOutput(OutputPartitioner[] edges) => _edges = edges;

    public async ValueTask EmitAsync(Batch batch, CancellationToken cancellationToken)
    {
        if (batch.Length == 0) return;
        if (_edges.Length == 1)
        {
            await _edges[0].WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            return;
        }
        foreach (var edge in _edges) await edge.WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask EmitWatermarkAsync(Watermark watermark, CancellationToken cancellationToken) => BroadcastAsync(watermark, cancellationToken);

    public ValueTask EmitBarrierAsync(CheckpointBarrier barrier, CancellationToken cancellationToken) => BroadcastAsync(barrier, cancellationToken);

    public ValueTask EmitIdleStatusAsync(bool idle, CancellationToken cancellationToken) => BroadcastAsync(new IdleStatus(idle), cancellationToken);

    /// <summary>Earliest monotonic time (ms) at which an edge's buffered rows must be flushed.</summary>
    public long FlushDeadline
    {
        get
        {
            long deadline = long.MaxValue;
            foreach (var edge in _edges) deadline = Math.Min(deadline, edge.FlushDeadline);
            return deadline;
        }
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var edge in _edges) await edge.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Flushes, sends <see cref="EndOfInput"/> on every channel and closes them.</summary>
    public async ValueTask EndAsync(CancellationToken cancellationToken)
    {
        await BroadcastAsync(EndOfInput.Instance, cancellationToken).ConfigureAwait(false);
        foreach (var edge in _edges) edge.Complete();
    }

    private async ValueTask BroadcastAsync(StreamElement element, CancellationToken cancellationToken)
    {
        foreach (var edge in _edges) await edge.BroadcastAsync(element, cancellationToken).ConfigureAwait(false);
    }
}
