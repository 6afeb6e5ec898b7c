using StreamSql.Execution.Operators;

namespace StreamSql.Connectors.Common;

/// <summary>
/// Paces a generator to a rate (rows per second) with the runtime's clock: rows may be emitted once the elapsed time
/// covers them. Waits asynchronously and never longer than <see cref="MaxWait"/> at a time, so an idle reader returns
/// to the runtime (empty batch) often enough for watermarks and checkpoints.
/// </summary>
internal sealed class EmitPacer
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(200);

    private readonly IClock _clock;
    private readonly double _rowsPerSecond;
    private long _startMillis = -1;
    private long _emitted;

    public EmitPacer(IClock clock, double rowsPerSecond)
    {
        _clock = clock;
        _rowsPerSecond = rowsPerSecond;
    }

    public bool Unlimited => _rowsPerSecond <= 0 || double.IsPositiveInfinity(_rowsPerSecond);

    /// <summary>How many rows (at most <paramref name="wanted"/>) may go now; 0 after a bounded wait when none may yet.</summary>
    public async ValueTask<int> AcquireAsync(int wanted, CancellationToken cancellationToken)
    {
        if (Unlimited) return wanted;
        long now = _clock.MonotonicMillis();
        if (_startMillis < 0) _startMillis = now;
        // Hand out rows in chunks of ~50 ms worth, so a slow rate does not turn into a stream of one-row batches.
        long chunk = Math.Max(1, Math.Min(wanted, (long)(_rowsPerSecond / 20)));
        long allowed = Allowed(now);
        if (allowed < chunk)
        {
            double dueMillis = _startMillis + (_emitted + chunk - 1) * 1000.0 / _rowsPerSecond;
            var wait = TimeSpan.FromMilliseconds(Math.Clamp(dueMillis - now, 1, MaxWait.TotalMilliseconds));
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            allowed = Allowed(_clock.MonotonicMillis());
            if (allowed <= 0) return 0;
        }
        int n = (int)Math.Min(wanted, allowed);
        _emitted += n;
        return n;
    }

    private long Allowed(long now) => (long)((now - _startMillis) / 1000.0 * _rowsPerSecond) + 1 - _emitted;
}
