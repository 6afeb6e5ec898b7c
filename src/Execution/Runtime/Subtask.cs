using System.Runtime.ExceptionServices;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;
using StreamSql.Execution.State;

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
    private readonly IIdleAwareOperator[] _idleAware;
    private readonly int[] _periodicIndex;
    private readonly OperatorWakeup _wakeup;
    /// <summary>What a pending source read is waited for beside (reused: no list per wait).</summary>
    private readonly List<Task> _readWaits = new(4);
    private bool _idleAnnounced;
    private long _lastBarrierForwarded = -1;
    private CheckpointBarrier? _pendingBarrier;
    private readonly long _idleTimeoutMillis;
    private long _lastDataMillis;
    private bool _sourceIdle;
    private SubtaskPort? _port;
    private CheckpointCoordinator? _coordinator;
    private bool _exactlyOnce;
    private readonly List<TriggerBarrier> _deferredTriggers = new();
    /// <summary>A source stopped for a stop-with-savepoint: it reads no more until the savepoint completes (then the job
    /// stops) or fails (then it resumes).</summary>
    private long _stoppedForSavepoint = -1;
    /// <summary>Every input has ended: barriers are no longer taken (the final state stands in for this subtask).</summary>
    private bool _endedInput;
    /// <summary>A checkpoint covering the end of input completed and the operators committed everything.</summary>
    private bool _finalCommitDone;

    /// <param name="wakeup">What the chain's operators (their <see cref="OperatorContext.Wakeup"/>) call to wake this loop.</param>
    /// <param name="idleTimeoutMillis">For a source subtask: after this long without data its output is marked idle
    /// (<c>table.exec.source.idle-timeout</c>), so it does not hold back downstream watermarks; <see cref="long.MaxValue"/> = never.</param>
    public Subtask(string name, IStreamOperator[] chain, OperatorContext[] contexts, InputGate? gate, VertexOutput output, IClock clock,
        long idleTimeoutMillis = long.MaxValue, OperatorWakeup? wakeup = null)
    {
        _wakeup = wakeup ?? new OperatorWakeup();
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
        _idleAware = chain.OfType<IIdleAwareOperator>().ToArray();
    }

    /// <summary>The vertex name and subtask number, as Flink shows them: <c>Calc(...) (2/4)</c>.</summary>
    public string Name { get; }

    public bool IsSource => _chain[0] is ISourceOperator;

    /// <summary>Connects the subtask to its job's checkpoint coordinator (before it runs).</summary>
    public void BindCheckpoints(SubtaskPort port, CheckpointCoordinator coordinator)
    {
        _port = port;
        _coordinator = coordinator;
        _exactlyOnce = coordinator.ExactlyOnce;
    }

    private Task? MailWake => _port?.Mailbox.WaitAsync();

    /// <summary>Completes when an operator of the chain asks for a wake-up (<see cref="OperatorWakeup"/>); only periodic
    /// operators are serviced on waking, so only a chain with one waits for it. Taken before the deadline is read, so a
    /// wake-up requested in between is not lost. (Waited on beside the mail, never combined with it into a task of its
    /// own: such a task would stay registered on both signals until one fires.)</summary>
    private Task? OperatorWake => _periodic.Length > 0 ? _wakeup.WaitAsync() : null;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        bool completed = false;
        try
        {
            for (int i = 0; i < _chain.Length; i++)
                await _chain[i].OpenAsync(_contexts[i], cancellationToken).ConfigureAwait(false);
            if (_port is not null) _coordinator!.OnSubtaskOpened(_port);
            if (_chain[0] is ISourceOperator source)
                await RunSourceAsync(source, cancellationToken).ConfigureAwait(false);
            else
                await RunInputsAsync(cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < _chain.Length; i++)
                await _chain[i].OnEndOfInputAsync(_emitters[i], cancellationToken).ConfigureAwait(false);
            _endedInput = true;
            // A sink's output since its last barrier is committed by a checkpoint that holds the sink's final state (and so
            // the sources' ends): committed any earlier, a failure before that checkpoint would replay and repeat it.
            // Without periodic checkpoints there is no such checkpoint, and it commits now, as Flink does. In batch mode it
            // commits when the whole job has ended (CommitsWhenJobEnds).
            bool commits = _chain[^1] is SinkOperator;
            bool awaitsFinalCommit = commits && _port is not null && (_coordinator!.PeriodicCheckpointing || _coordinator.CommitsWhenJobEnds);
            if (commits && !awaitsFinalCommit) await CommitAsync(SinkOperator.EndOfInputCheckpointId, cancellationToken).ConfigureAwait(false);
            if (_port is not null)
            {
                var final = new CapturedState[_chain.Length];
                for (int i = 0; i < final.Length; i++) final[i] = _contexts[i].State.CaptureFinal();
                _coordinator!.OnSubtaskFinished(_port, final, awaitsFinalCommit);
            }
            await _output.EndAsync(cancellationToken).ConfigureAwait(false);
            while (awaitsFinalCommit && !_finalCommitDone)
            {
                await _port!.Mailbox.WaitAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
                await ProcessMailAsync(readPending: false, cancellationToken).ConfigureAwait(false);
            }
            completed = true;
        }
        finally
        {
            DrainMailboxOnExit();
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
            // A source whose reads and emits all complete synchronously (nexmark at max speed, in-memory replay) never
            // reaches an await that observes the token: check it once per batch, or Cancel() never ends the job.
            cancellationToken.ThrowIfCancellationRequested();
            if (_port is not null && (_deferredTriggers.Count > 0 || _port.Mailbox.HasMail))
                await ProcessMailAsync(readPending: false, cancellationToken).ConfigureAwait(false);
            if (_stoppedForSavepoint >= 0)
            {
                await _port!.Mailbox.WaitAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            var read = source.ReadAsync(cancellationToken);
            Batch? batch;
            if (read.IsCompletedSuccessfully)
                batch = read.Result;
            else if (NextDeadline() == long.MaxValue && _port is null && _periodic.Length == 0)
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

    /// <summary>Waits for a pending source read while flushing lingering output, firing periodic work on time and
    /// delivering checkpoint notifications (barrier triggers wait until the read is done: positions are taken between reads).</summary>
    private async ValueTask<Batch?> AwaitWithTimersAsync(Task<Batch?> read, CancellationToken cancellationToken)
    {
        while (!read.IsCompleted)
        {
            var operators = OperatorWake;
            long deadline = NextDeadline();
            var mail = MailWake;
            if (deadline == long.MaxValue && mail is null && operators is null) break;
            // A deadline already passed is due now (an operator whose work completed says 0).
            long delay = deadline == long.MaxValue ? -1 : Math.Max(0, deadline - _clock.MonotonicMillis());
            if (delay != 0)
            {
                _readWaits.Clear();
                _readWaits.Add(read);
                if (delay > 0) _readWaits.Add(Task.Delay(TimeSpan.FromMilliseconds(delay), cancellationToken));
                if (mail is not null) _readWaits.Add(mail);
                if (operators is not null) _readWaits.Add(operators);
                var done = await Task.WhenAny(_readWaits).ConfigureAwait(false);
                if (done == read) break;
                cancellationToken.ThrowIfCancellationRequested();
                if (done == mail)
                {
                    await ProcessMailAsync(readPending: true, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            await ServiceTimersAsync(cancellationToken).ConfigureAwait(false);
        }
        return await read.ConfigureAwait(false);
    }

    /// <summary>Carries out the coordinator's requests. While a source read is pending, barrier triggers are kept for later.</summary>
    private async ValueTask ProcessMailAsync(bool readPending, CancellationToken cancellationToken)
    {
        var mailbox = _port!.Mailbox;
        if (_endedInput) _deferredTriggers.Clear();
        if (!readPending && _deferredTriggers.Count > 0)
        {
            var triggers = _deferredTriggers.ToArray();
            _deferredTriggers.Clear();
            foreach (var trigger in triggers) await InjectBarrierAsync(trigger, cancellationToken).ConfigureAwait(false);
        }
        while (mailbox.TryTake(out var item))
        {
            switch (item)
            {
                case TriggerBarrier when _endedInput:
                    // Posted just before this source ended: its final state answers for it.
                    break;
                case TriggerBarrier trigger when readPending:
                    _deferredTriggers.Add(trigger);
                    break;
                case TriggerBarrier trigger:
                    await InjectBarrierAsync(trigger, cancellationToken).ConfigureAwait(false);
                    break;
                case NotifyCheckpointComplete complete:
                    bool final = complete.CoversEndOfInput && _endedInput;
                    try
                    {
                        await CommitAsync(final ? SinkOperator.EndOfInputCheckpointId : complete.CheckpointId, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        complete.Done(_port.Index, e);
                        throw;
                    }
                    if (final) _finalCommitDone = true;
                    complete.Done(_port.Index, null);
                    break;
                case ResumeSource resume:
                    if (_stoppedForSavepoint == resume.CheckpointId) _stoppedForSavepoint = -1;
                    break;
            }
        }
    }

    /// <summary>A source subtask starts a checkpoint: (drain: the final watermark first) the barrier goes down the chain
    /// and out; then the state of every operator is captured.</summary>
    private async ValueTask InjectBarrierAsync(TriggerBarrier trigger, CancellationToken cancellationToken)
    {
        if (trigger.Drain) await _emitters[0].EmitWatermarkAsync(Watermark.Max, cancellationToken).ConfigureAwait(false);
        await PerformCheckpointAsync(trigger.Barrier, cancellationToken).ConfigureAwait(false);
        if (trigger.Barrier.Kind == CheckpointKind.SavepointAndStop) _stoppedForSavepoint = trigger.Barrier.CheckpointId;
    }

    private async ValueTask PerformCheckpointAsync(CheckpointBarrier barrier, CancellationToken cancellationToken)
    {
        await _chain[0].OnBarrierAsync(barrier, _emitters[0], cancellationToken).ConfigureAwait(false);
        if (_port is null) return;
        var type = barrier.Kind == CheckpointKind.Checkpoint ? SnapshotType.Checkpoint : SnapshotType.Savepoint;
        var states = new CapturedState[_chain.Length];
        for (int i = 0; i < states.Length; i++) states[i] = _contexts[i].State.Capture(barrier.CheckpointId, type);
        _coordinator!.OnSnapshotTaken(barrier.CheckpointId, _port, states);
    }

    /// <summary>Checkpoint <paramref name="checkpointId"/> completed: the operators commit what it covers.</summary>
    private async ValueTask CommitAsync(long checkpointId, CancellationToken cancellationToken)
    {
        for (int i = 0; i < _chain.Length; i++)
            await _chain[i].OnCheckpointCompleteAsync(checkpointId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completion callbacks still in the mailbox are answered, so a stop-with-savepoint never waits on an ended subtask.</summary>
    private void DrainMailboxOnExit()
    {
        if (_port is null) return;
        _coordinator!.OnSubtaskExited(_port);
        while (_port.Mailbox.TryTake(out var item))
            if (item is NotifyCheckpointComplete complete) complete.Done(_port.Index, null);
    }

    private async ValueTask RunInputsAsync(CancellationToken cancellationToken)
    {
        var gate = _gate!;
        var head = _chain[0];
        var headOutput = _emitters[0];
        while (!gate.AllEnded)
        {
            if (_port is not null && _port.Mailbox.HasMail) await ProcessMailAsync(readPending: false, cancellationToken).ConfigureAwait(false);
            if (!gate.TryRead(out var channel, out var element))
            {
                var operators = OperatorWake;
                await gate.WaitAsync(NextDeadline(), _clock, MailWake, cancellationToken, operators).ConfigureAwait(false);
                await ServiceTimersAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            switch (element)
            {
                case BatchElement b:
                    var batch = b.Batch.Splits is null || channel.KeepsSplits ? b.Batch
                        : new Batch(b.Batch.Data, b.Batch.RowKinds) { KeyHashes = b.Batch.KeyHashes };
                    await head.OnBatchAsync(channel.InputIndex, batch, headOutput, cancellationToken).ConfigureAwait(false);
                    break;
                case Watermark w:
                    await AdvanceWatermarkAsync(gate.OnWatermark(channel, w.Timestamp), w, cancellationToken).ConfigureAwait(false);
                    break;
                case IdleStatus s:
                    await AdvanceWatermarkAsync(gate.OnIdleStatus(channel, s.Idle), null, cancellationToken).ConfigureAwait(false);
                    await AnnounceIdlenessAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case CheckpointBarrier barrier:
                    await OnBarrierReceivedAsync(channel, barrier, cancellationToken).ConfigureAwait(false);
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
        await EmitIdleStatusAsync(idle, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Announces the subtask's idleness downstream and to its own operators that act on it.</summary>
    private ValueTask EmitIdleStatusAsync(bool idle, CancellationToken cancellationToken)
    {
        foreach (var op in _idleAware) op.OnIdleStatus(idle);
        return _output.EmitIdleStatusAsync(idle, cancellationToken);
    }

    /// <summary>
    /// A barrier arrived on <paramref name="channel"/>. Exactly-once (and every savepoint): the channel is blocked until
    /// the barrier has arrived on every live channel (alignment), so no record after the barrier is processed before the
    /// snapshot. At-least-once: channels go on; the barrier is forwarded when the last one delivered it.
    /// A newer barrier abandons an unfinished alignment (that checkpoint was aborted); an older one is ignored.
    /// </summary>
    private async ValueTask OnBarrierReceivedAsync(InputChannel channel, CheckpointBarrier barrier, CancellationToken cancellationToken)
    {
        if (barrier.CheckpointId <= _lastBarrierForwarded) return;
        if (_pendingBarrier is { } pending)
        {
            if (barrier.CheckpointId < pending.CheckpointId) return;
            if (barrier.CheckpointId > pending.CheckpointId)
            {
                UnblockAll();
                _pendingBarrier = null;
            }
        }
        channel.LastBarrierId = barrier.CheckpointId;
        _pendingBarrier = barrier;
        if (_exactlyOnce || barrier.Kind != CheckpointKind.Checkpoint) channel.Blocked = true;
        await ForwardBarrierWhenCompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forwards the pending barrier (and snapshots) once every live channel has delivered it.</summary>
    private async ValueTask ForwardBarrierWhenCompleteAsync(CancellationToken cancellationToken)
    {
        if (_pendingBarrier is not { } barrier) return;
        foreach (var ch in _gate!.Channels)
            if (!ch.Ended && ch.LastBarrierId < barrier.CheckpointId) return;
        UnblockAll();
        _pendingBarrier = null;
        _lastBarrierForwarded = barrier.CheckpointId;
        await PerformCheckpointAsync(barrier, cancellationToken).ConfigureAwait(false);
    }

    private void UnblockAll()
    {
        foreach (var ch in _gate!.Channels) ch.Blocked = false;
    }

    private async ValueTask MarkActiveAsync(CancellationToken cancellationToken)
    {
        _lastDataMillis = _clock.MonotonicMillis();
        if (!_sourceIdle) return;
        _sourceIdle = false;
        await EmitIdleStatusAsync(false, cancellationToken).ConfigureAwait(false);
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
            await EmitIdleStatusAsync(true, cancellationToken).ConfigureAwait(false);
        }
    }
}
