using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.Tests.Checkpointing;

/// <summary>Flink's failure-rate restart strategy (FailureRateRestartBackoffTimeStrategy): a failure restarts the job
/// after the delay unless it is the (max + 1)-th failure within the interval.</summary>
public sealed class HuntDFailureRateRestartTests
{
    private static Configuration Config(params (string Key, string Value)[] settings)
    {
        var configuration = Configuration.Empty;
        foreach (var (key, value) in settings) configuration = configuration.With(key, value);
        return configuration;
    }

    [Fact]
    public void Max_failures_within_the_interval_restart_and_one_more_fails_the_job()
    {
        var strategy = new RestartStrategy.FailureRate(maxFailuresPerInterval: 2, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(250));
        Assert.Equal(TimeSpan.FromMilliseconds(250), strategy.NextDelay(1_000));
        Assert.Equal(TimeSpan.FromMilliseconds(250), strategy.NextDelay(2_000));
        Assert.Null(strategy.NextDelay(3_000));
    }

    [Fact]
    public void Failures_spread_wider_than_the_interval_always_restart()
    {
        var strategy = new RestartStrategy.FailureRate(maxFailuresPerInterval: 1, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));
        long now = 0;
        for (int i = 0; i < 20; i++, now += 10_001) Assert.Equal(TimeSpan.FromSeconds(1), strategy.NextDelay(now));
        // Two failures 5 s apart: the second within one interval of the first.
        Assert.Null(strategy.NextDelay(now - 10_001 + 5_000));
    }

    [Fact]
    public void The_oldest_failure_leaving_the_interval_allows_a_restart_again()
    {
        var strategy = new RestartStrategy.FailureRate(maxFailuresPerInterval: 2, TimeSpan.FromSeconds(10), TimeSpan.Zero);
        Assert.NotNull(strategy.NextDelay(0));
        Assert.NotNull(strategy.NextDelay(5_000));
        Assert.Null(strategy.NextDelay(10_000));      // 0, 5 000, 10 000: three within 10 s (the bound is exclusive)
        Assert.NotNull(strategy.NextDelay(15_001));   // 5 000, 10 000, 15 001: the oldest is 10 001 ms old
    }

    [Fact]
    public void The_session_options_choose_failure_rate_with_flink_names_and_defaults()
    {
        Assert.Equal("failure-rate", Config(("restart-strategy.type", "failure-rate")).Get(CheckpointingOptions.RestartStrategy));
        Assert.Equal("failure-rate", Config(("restart-strategy", "failurerate")).Get(CheckpointingOptions.RestartStrategy));
        var defaults = Configuration.Empty;
        Assert.Equal(1, defaults.Get(CheckpointingOptions.FailureRateMaxFailures));
        Assert.Equal(TimeSpan.FromMinutes(1), defaults.Get(CheckpointingOptions.FailureRateInterval));
        Assert.Equal(TimeSpan.FromSeconds(1), defaults.Get(CheckpointingOptions.FailureRateDelay));

        var configured = Config(("restart-strategy.type", "failure-rate"), ("restart-strategy.failure-rate.max-failures-per-interval", "3"),
            ("restart-strategy.failure-rate.failure-rate-interval", "5 min"), ("restart-strategy.failure-rate.delay", "10 s"));
        var strategy = RestartStrategy.FromConfiguration(configured);
        Assert.IsType<RestartStrategy.FailureRate>(strategy);
        for (int i = 0; i < 3; i++) Assert.Equal(TimeSpan.FromSeconds(10), strategy.NextDelay(i * 1_000));
        Assert.Null(strategy.NextDelay(4_000));
    }

    [Fact]
    public void Zero_failures_per_interval_is_refused_when_set()
    {
        var error = Assert.ThrowsAny<Exception>(() => Config(("restart-strategy.failure-rate.max-failures-per-interval", "0")).Get(CheckpointingOptions.FailureRateMaxFailures));
        Assert.Contains("'0'", error.Message);
    }
}
