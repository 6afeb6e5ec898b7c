using System.Runtime.ExceptionServices;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;

namespace StreamSql.Execution.Runtime;

/// <summary>
/// One parallel instance of a vertex: a single long-running loop that reads the input channels (or pulls from the
/// source at the chain's head) and pushes each element through the chain of operators, then to the output edges.
/// Everything here runs on one logical thread at a time: no locks.
/// </summary>
internal sealed class Subtask
{
    private readonly IStreamOperator[] _chain;
    private readonly OperatorContext[] _contexts;
    private readonly IEmitter[] _emitters;
    private readonly InputGate? _gate;
    private readonly VertexOutput _output;
    private readonly IClock _clock;
    private readonly IPeriodicOperator[] _periodic;
    private readonly int[] _periodicIndex;
    private bool _idleAnnounced;
    private long _lastBarrierForwarded = -1;
    private CheckpointBarrier? _pendingBarrier;
    private readonly long _idleTimeoutMillis;
    private long _lastDataMillis;
    private bool _sourceIdle;

    /// <param name="idleTimeoutMillis">For a source subtask: after this long without data its output is marked idle
    /// (<c>table.exec.source.idle-timeout</c>), so it does not hold back downstream watermarks; <see cref="long.MaxValue"/> = never.</param>
    public Subtask(string name, IStreamOperator[] chain, OperatorContext[] contexts, InputGate? gate, VertexOutput output, IClock clock,
        long idleTimeoutMillis = long.MaxValue)
    {
        Name = name;
        _idleTimeoutMillis = idleTimeoutMillis <= 0 ? long.MaxValue : idleTimeoutMillis;
        _chain = chain;
        _contexts = contexts;
        _gate = gate;
        _output = output;
        _clock = clock;
        _emitters = new IEmitter[chain.Length];
        _emitters[^1] = output;
        for (int i = chain.Length - 2; i >= 0; i--) _emitters[i] = new ChainEmitter(chain[i + 1], _emitters[i + 1]);
        var periodic = new List<IPeriodicOperator>();
        var periodicIndex = new List<int>();
        for (int i = 0; i < chain.Length; i++)
        {
            if (chain[i] is not IPeriodicOperator p) continue;
            periodic.Add(p);
            periodicIndex.Add(i);
        }
        _periodic = periodic.ToArray();
        _periodicIndex = periodicIndex.ToArray();
    }

    /// <summary>The vertex name and subtask number, as Flink shows them: <c>Calc(...) (2/4)</c>.</summary>
    public string Name { get; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        bool completed = false;
        try
        {
            for (int i = 0; i < _chain.Length; i++)
                await _chain[i].OpenAsync(_contexts[i], cancellationToken).ConfigureAwait(false);
            if (_chain[0] is ISourceOperator source)
                await RunSourceAsync(source, cancellationToken).ConfigureAwait(false);
            else
                await RunInputsAsync(cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < _chain.Length; i++)
                await _chain[i].OnEndOfInputAsync(_emitters[i], cancellationToken).ConfigureAwait(false);
            await _output.EndAsync(cancellationToken).ConfigureAwait(false);
            completed = true;
        }
        finally
        {
            // Every operator is closed in every case (they tolerate a close without open), last error wins nothing:
            // a close failure only fails the subtask when the run itself succeeded.
            Exception? closeError = null;
            for (int i = 0; i < _chain.Length; i++)
            {
                try
                {
                    await _chain[i].CloseAsync().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    closeError ??= e;
                }
            }
            if (completed && closeError is not null) ExceptionDispatchInfo.Throw(closeError);
        }
    }

    private async ValueTask RunSourceAsync(ISourceOperator source, CancellationToken cancellationToken)
    {
        var output = _emitters[0];
        _lastDataMillis = _clock.MonotonicMillis();
        while (true)
        {
            var read = source.ReadAsync(cancellationToken);
            Batch? batch;
            if (read.IsCompletedSuccessfully)
                batch = read.Result;
            else if (NextDeadline() == long.MaxValue)
                batch = await read.ConfigureAwait(false);
            else
                batch = await AwaitWithTimersAsync(read.AsTask(), cancellationToken).ConfigureAwait(false);
            if (batch is null) return;
            if (batch.Length > 0)
            {
                if (_idleTimeoutMillis != long.MaxValue) await MarkActiveAsync(cancellationToken).ConfigureAwait(false);
                await output.EmitAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            await ServiceTimersAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for a pending source read while flushing lingering output and firing periodic work on time.</summary>
    private async ValueTask<Batch?> AwaitWithTimersAsync(Task<Batch?> read, CancellationToken cancellationToken)
    {
        while (!read.IsCompleted)
        {
            long deadline = NextDeadline();
            if (deadline == long.MaxValue) break;
            long delay = deadline - _clock.MonotonicMillis();
            if (delay > 0)
            {
                var timer = Task.Delay(TimeSpan.FromMilliseconds(delay), cancellationToken);
                if (await Task.WhenAny(read, timer).ConfigureAwait(false) == read) break;
                cancellationToken.ThrowIfCancellationRequested();
            }
            await ServiceTimersAsync(cancellationToken).ConfigureAwait(false);
        }
        return await read.ConfigureAwait(false);
    }

    private async ValueTask RunInputsAsync(CancellationToken cancellationToken)
    {
        var gate = _gate!;
        var head = _chain[0];
        var headOutput = _emitters[0];
        while (!gate.AllEnded)
        {
            if (!gate.TryRead(out var channel, out var element))
            {
                await gate.WaitAsync(NextDeadline(), _clock, cancellationToken).ConfigureAwait(false);
                await ServiceTimersAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            switch (element)
            {
                case BatchElement b:
                    await head.OnBatchAsync(channel.InputIndex, b.Batch, headOutput, cancellationToken).ConfigureAwait(false);
                    break;
                case Watermark w:
                    await AdvanceWatermarkAsync(gate.OnWatermark(channel, w.Timestamp), w, cancellationToken).ConfigureAwait(false);
                    break;
                case IdleStatus s:
                    await AdvanceWatermarkAsync(gate.OnIdleStatus(channel, s.Idle), null, cancellationToken).ConfigureAwait(false);
                    await AnnounceIdlenessAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case CheckpointBarrier barrier:
                    channel.LastBarrierId = barrier.CheckpointId;
                    if (barrier.CheckpointId > _lastBarrierForwarded) _pendingBarrier = barrier;
                    await ForwardBarrierWhenCompleteAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case EndOfInput:
                    await AdvanceWatermarkAsync(gate.OnEnded(channel), null, cancellationToken).ConfigureAwait(false);
                    if (!gate.AllEnded)
                    {
                        await AnnounceIdlenessAsync(cancellationToken).ConfigureAwait(false);
                        await ForwardBarrierWhenCompleteAsync(cancellationToken).ConfigureAwait(false);
                    }
                    break;
            }
            await ServiceTimersAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private ValueTask AdvanceWatermarkAsync(long? combined, Watermark? received, CancellationToken cancellationToken)
    {
        if (combined is not long timestamp) return default;
        var watermark = received is not null && received.Timestamp == timestamp ? received : new Watermark(timestamp);
        return _chain[0].OnWatermarkAsync(watermark, _emitters[0], cancellationToken);
    }

    private async ValueTask AnnounceIdlenessAsync(CancellationToken cancellationToken)
    {
        bool idle = _gate!.AllIdle;
        if (idle == _idleAnnounced) return;
        _idleAnnounced = idle;
        await _output.EmitIdleStatusAsync(idle, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Forwards a checkpoint barrier once every live channel has delivered it (Flink's at-least-once barrier tracking).
    /// Exactly-once alignment slots in here: block each channel whose barrier came (<see cref="InputChannel.Blocked"/>)
    /// and unblock them all when the barrier is forwarded.
    /// </summary>
    private async ValueTask ForwardBarrierWhenCompleteAsync(CancellationToken cancellationToken)
    {
        if (_pendingBarrier is not { } barrier) return;
        foreach (var ch in _gate!.Channels)
            if (!ch.Ended && ch.LastBarrierId < barrier.CheckpointId) return;
        _pendingBarrier = null;
        _lastBarrierForwarded = barrier.CheckpointId;
        await _chain[0].OnBarrierAsync(barrier, _emitters[0], cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask MarkActiveAsync(CancellationToken cancellationToken)
    {
        _lastDataMillis = _clock.MonotonicMillis();
        if (!_sourceIdle) return;
        _sourceIdle = false;
        await _output.EmitIdleStatusAsync(false, cancellationToken).ConfigureAwait(false);
    }

    private long IdleDeadline => _sourceIdle || _idleTimeoutMillis == long.MaxValue || _gate is not null
        ? long.MaxValue
        : _lastDataMillis + _idleTimeoutMillis;

    private long NextDeadline()
    {
        long deadline = Math.Min(_output.FlushDeadline, IdleDeadline);
        foreach (var p in _periodic) deadline = Math.Min(deadline, p.NextDueMillis);
        return deadline;
    }

    private async ValueTask ServiceTimersAsync(CancellationToken cancellationToken)
    {
        long deadline = NextDeadline();
        if (deadline == long.MaxValue) return;
        long now = _clock.MonotonicMillis();
        if (now < deadline) return;
        for (int i = 0; i < _periodic.Length; i++)
            if (now >= _periodic[i].NextDueMillis)
                await _periodic[i].OnPeriodicAsync(now, _emitters[_periodicIndex[i]], cancellationToken).ConfigureAwait(false);
        if (now >= _output.FlushDeadline) await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (now >= IdleDeadline)
        {
            _sourceIdle = true;
            await _output.EmitIdleStatusAsync(true, cancellationToken).ConfigureAwait(false);
        }
    }
}
