using StreamSql.Execution.Checkpointing;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.Runtime;

/// <summary>
/// Decides whether a failed job restarts from its latest completed checkpoint, and after which pause
/// (<c>restart-strategy.type</c> and its options, with Flink's names and defaults).
/// </summary>
internal abstract class RestartStrategy
{
    /// <summary>The pause before the next restart, or null when the job must fail now.</summary>
    public abstract TimeSpan? NextDelay(long nowMillis);

    public abstract string Describe();

    public static RestartStrategy FromConfiguration(Configuration configuration)
    {
        var type = configuration.Get(CheckpointingOptions.RestartStrategy)
            ?? (configuration.Get(CheckpointingOptions.Interval) is { } i && i > TimeSpan.Zero ? "exponential-delay" : "none");
        return type switch
        {
            "fixed-delay" => new FixedDelay(configuration.Get(CheckpointingOptions.FixedDelayAttempts), configuration.Get(CheckpointingOptions.FixedDelay)),
            "exponential-delay" => new ExponentialDelay(
                configuration.Get(CheckpointingOptions.ExponentialInitialBackoff), configuration.Get(CheckpointingOptions.ExponentialMaxBackoff),
                configuration.Get(CheckpointingOptions.ExponentialMultiplier), configuration.Get(CheckpointingOptions.ExponentialJitter),
                configuration.Get(CheckpointingOptions.ExponentialResetThreshold), configuration.Get(CheckpointingOptions.ExponentialAttempts)),
            "failure-rate" => new FailureRate(configuration.Get(CheckpointingOptions.FailureRateMaxFailures),
                configuration.Get(CheckpointingOptions.FailureRateInterval), configuration.Get(CheckpointingOptions.FailureRateDelay)),
            _ => new NoRestart(),
        };
    }

    private sealed class NoRestart : RestartStrategy
    {
        public override TimeSpan? NextDelay(long nowMillis) => null;
        public override string Describe() => "restart-strategy.type is 'none'";
    }

    private sealed class FixedDelay(int attempts, TimeSpan delay) : RestartStrategy
    {
        private int _restarts;

        public override TimeSpan? NextDelay(long nowMillis) => _restarts++ < attempts ? delay : null;

        public override string Describe() => $"fixed-delay restart strategy: {attempts} attempt(s) used up";
    }

    private sealed class ExponentialDelay(TimeSpan initial, TimeSpan max, double multiplier, double jitter, TimeSpan resetThreshold, int attempts)
        : RestartStrategy
    {
        private double _currentMillis;
        private long _lastFailureMillis = long.MinValue;
        private int _attempts;

        public override TimeSpan? NextDelay(long nowMillis)
        {
            if (_lastFailureMillis != long.MinValue && nowMillis - _lastFailureMillis >= resetThreshold.TotalMilliseconds)
            {
                _currentMillis = 0;
                _attempts = 0;
            }
            _lastFailureMillis = nowMillis;
            if (_attempts++ >= attempts) return null;
            _currentMillis = _currentMillis == 0 ? initial.TotalMilliseconds : Math.Min(_currentMillis * multiplier, max.TotalMilliseconds);
            double spread = _currentMillis * jitter;
            double delay = _currentMillis + (spread == 0 ? 0 : (Random.Shared.NextDouble() * 2 - 1) * spread);
            return TimeSpan.FromMilliseconds(Math.Max(0, delay));
        }

        public override string Describe() => $"exponential-delay restart strategy: {attempts} attempt(s) used up";
    }

    /// <summary>Flink's FailureRateRestartBackoffTimeStrategy: restarts after a fixed pause unless this failure is the
    /// (max + 1)-th within the interval (the oldest of the last max + 1 failures is not older than the interval).</summary>
    internal sealed class FailureRate : RestartStrategy
    {
        private readonly int _maxFailures;
        private readonly TimeSpan _interval;
        private readonly TimeSpan _delay;
        private readonly Queue<long> _failures;

        public FailureRate(int maxFailuresPerInterval, TimeSpan interval, TimeSpan delay)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxFailuresPerInterval, 1);
            _maxFailures = maxFailuresPerInterval;
            _interval = interval;
            _delay = delay;
            _failures = new Queue<long>(maxFailuresPerInterval + 1);
        }

        public override TimeSpan? NextDelay(long nowMillis)
        {
            if (_failures.Count > _maxFailures) _failures.Dequeue();
            _failures.Enqueue(nowMillis);
            if (_failures.Count <= _maxFailures) return _delay;
            return nowMillis - _failures.Peek() > _interval.TotalMilliseconds ? _delay : null;
        }

        public override string Describe() => $"failure-rate restart strategy: {_maxFailures + 1} failures within {ConfigParsers.FormatDuration(_interval)}";
    }
}
