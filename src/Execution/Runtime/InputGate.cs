using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;

namespace StreamSql.Execution.Runtime;

/// <summary>
/// The input channels of one subtask: reads them round-robin without locks (each channel has one reader, this subtask),
/// waits for any of them when all are empty, and merges their watermarks: the combined watermark is the minimum over the
/// channels that are neither idle nor ended (when all remaining channels are idle, the maximum among them), and it only
/// moves forward.
/// </summary>
internal sealed class InputGate
{
    private readonly InputChannel[] _channels;
    private readonly List<Task> _waits = new();
    private int _next;
    private int _ended;
    private long _combined = long.MinValue;
    private Task? _delay;
    private long _delayDeadline;

    public InputGate(InputChannel[] channels) => _channels = channels;

    public IReadOnlyList<InputChannel> Channels => _channels;
    public bool AllEnded => _ended == _channels.Length;
    public long CombinedWatermark => _combined;

    /// <summary>Takes the next available element from a readable channel; a channel closed without EndOfInput reads as ended.</summary>
    public bool TryRead(out InputChannel channel, out StreamElement element)
    {
        var channels = _channels;
        int n = channels.Length;
        for (int k = 0; k < n; k++)
        {
            int i = _next + k;
            if (i >= n) i -= n;
            var ch = channels[i];
            if (ch.Ended || ch.Blocked) continue;
            if (ch.Reader.TryRead(out element!) || (ch.Reader.Completion.IsCompleted && Closed(out element)))
            {
                _next = i + 1 == n ? 0 : i + 1;
                channel = ch;
                return true;
            }
        }
        channel = null!;
        element = null!;
        return false;
    }

    private static bool Closed(out StreamElement element)
    {
        element = EndOfInput.Instance;
        return true;
    }

    /// <summary>Waits until a readable channel may have data, or until <paramref name="deadlineMillis"/> (monotonic) passes.</summary>
    /// <param name="wake">Also stop waiting when this completes (the subtask's mailbox), or null.</param>
    /// <param name="operatorWake">Also stop waiting when this completes (an operator's <see cref="Operators.OperatorWakeup"/>), or null.</param>
    public async ValueTask WaitAsync(long deadlineMillis, IClock clock, Task? wake, CancellationToken cancellationToken, Task? operatorWake = null)
    {
        InputChannel? single = null;
        int readable = 0;
        foreach (var ch in _channels)
        {
            if (ch.Ended || ch.Blocked) continue;
            single = ch;
            readable++;
        }
        if (readable == 0)
        {
            // Every live channel is blocked: impossible while aligning (the last channel's barrier unblocks them).
            return;
        }
        if (readable == 1 && deadlineMillis == long.MaxValue && wake is null && operatorWake is null && single!.PendingWait is null)
        {
            await single.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        _waits.Clear();
        foreach (var ch in _channels)
        {
            if (ch.Ended || ch.Blocked) continue;
            var wait = ch.PendingWait ??= ch.Reader.WaitToReadAsync(cancellationToken).AsTask();
            if (wait.IsCompleted)
            {
                ch.PendingWait = null;
                await wait.ConfigureAwait(false); // surfaces cancellation
                return;
            }
            _waits.Add(wait);
        }
        if (deadlineMillis != long.MaxValue)
        {
            long delay = deadlineMillis - clock.MonotonicMillis();
            if (delay <= 0) return;
            if (_delay is null || _delay.IsCompleted || _delayDeadline != deadlineMillis)
            {
                _delay = Task.Delay(TimeSpan.FromMilliseconds(delay), cancellationToken);
                _delayDeadline = deadlineMillis;
            }
            _waits.Add(_delay);
        }
        if (wake is not null)
        {
            if (wake.IsCompleted) return;
            _waits.Add(wake);
        }
        if (operatorWake is not null)
        {
            if (operatorWake.IsCompleted) return;
            _waits.Add(operatorWake);
        }
        var done = await Task.WhenAny(_waits).ConfigureAwait(false);
        foreach (var ch in _channels)
            if (ch.PendingWait is { IsCompleted: true }) ch.PendingWait = null;
        cancellationToken.ThrowIfCancellationRequested();
        if (done.IsFaulted) await done.ConfigureAwait(false);
    }

    /// <summary>A watermark arrived on <paramref name="channel"/>; returns the new combined watermark if it advanced, else null.</summary>
    public long? OnWatermark(InputChannel channel, long timestamp)
    {
        if (timestamp > channel.Watermark) channel.Watermark = timestamp;
        return channel.Idle ? null : Advance();
    }

    /// <summary>The channel became idle or active again; returns the new combined watermark if it advanced, else null.</summary>
    public long? OnIdleStatus(InputChannel channel, bool idle)
    {
        channel.Idle = idle;
        return Advance();
    }

    /// <summary>The channel ended (it no longer holds the watermark back); returns the new combined watermark if it advanced.</summary>
    public long? OnEnded(InputChannel channel)
    {
        if (channel.Ended) return null;
        channel.Ended = true;
        channel.PendingWait = null;
        _ended++;
        return Advance();
    }

    /// <summary>Every channel that has not ended is idle (and at least one has not ended).</summary>
    public bool AllIdle
    {
        get
        {
            bool any = false;
            foreach (var ch in _channels)
            {
                if (ch.Ended) continue;
                if (!ch.Idle) return false;
                any = true;
            }
            return any;
        }
    }

    private long? Advance()
    {
        long min = long.MaxValue;
        bool any = false;
        foreach (var ch in _channels)
        {
            if (ch.Ended || ch.Idle) continue;
            any = true;
            if (ch.Watermark < min) min = ch.Watermark;
        }
        if (!any)
        {
            // Every remaining channel is idle: like Flink's StatusWatermarkValve, move to the highest watermark among them.
            long max = long.MinValue;
            foreach (var ch in _channels)
                if (!ch.Ended && ch.Watermark > max) max = ch.Watermark;
            min = max;
        }
        if (min <= _combined) return null;
        _combined = min;
        return min;
    }
}
