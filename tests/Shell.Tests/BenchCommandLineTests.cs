using StreamSql.Bench;
using StreamSql.Shell.Bench;

namespace StreamSql.Shell.Tests;

public sealed class BenchCommandLineTests
{
    [Fact]
    public void Defaults_are_the_published_setting()
    {
        var options = BenchCommandLine.Parse(new[] { "bench", "nexmark" }).Options;
        Assert.Equal(23, options.Queries.Count);
        Assert.Equal(10_000_000, options.Events);
        Assert.Equal(1, options.Parallelism);
        Assert.Equal(TimeSpan.FromSeconds(10), options.CheckpointInterval);
        Assert.Equal(SourceMode.Generator, options.Source);
        Assert.False(options.Json);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var options = BenchCommandLine.Parse(new[]
        {
            "bench", "nexmark", "--query", "q5,7, q0,q5", "--events", "2M", "--parallelism", "2", "--checkpoint-interval", "500ms",
            "--source", "memory", "--output", "json", "--chart", "c.svg", "--rounds", "3", "--profile", "p", "--no-baselines",
        }).Options;
        Assert.Equal(new[] { "q5", "q7", "q0" }, options.Queries);
        Assert.Equal(2_000_000, options.Events);
        Assert.Equal(2, options.Parallelism);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.CheckpointInterval);
        Assert.Equal(SourceMode.Memory, options.Source);
        Assert.True(options.Json);
        Assert.Equal("c.svg", options.ChartPath);
        Assert.Equal(3, options.Rounds);
        Assert.Equal("p", options.ProfileDirectory);
        Assert.True(options.NoBaselines);
        Assert.Null(BenchCommandLine.Parse(new[] { "bench", "nexmark", "--checkpoint-interval=off" }).Options.CheckpointInterval);
        Assert.Equal(1_500, BenchCommandLine.Parse(new[] { "bench", "nexmark", "--events=1_500" }).Options.Events);
    }

    [Fact]
    public void Several_sources_and_parallelisms_make_a_sweep_whose_first_combination_is_the_options()
    {
        var command = BenchCommandLine.Parse(new[] { "bench", "nexmark", "--source", "generator, memory", "--parallelism=1,2,1" });
        Assert.Equal(new[] { SourceMode.Generator, SourceMode.Memory }, command.Sources);
        Assert.Equal(new[] { 1, 2 }, command.Parallelisms);
        Assert.Equal(SourceMode.Generator, command.Options.Source);
        Assert.Equal(1, command.Options.Parallelism);

        var single = BenchCommandLine.Parse(new[] { "bench", "nexmark", "--source", "memory", "-p", "2" });
        Assert.Equal(new[] { SourceMode.Memory }, single.Sources);
        Assert.Equal(new[] { 2 }, single.Parallelisms);
        Assert.Equal(2, single.Options.Parallelism);
        Assert.Contains("--parallelism N[,M...]", BenchCommandLine.Usage);
    }

    [Theory]
    [InlineData(new[] { "bench", "nexmark", "--parallelism", "1,x" }, "got 'x'")]
    [InlineData(new[] { "bench", "nexmark", "--source", "generator,kafka" }, "got 'kafka'")]
    [InlineData(new[] { "bench", "nexmark", "--source", "," }, "needs a value")]
    [InlineData(new[] { "bench" }, "needs a benchmark name")]
    [InlineData(new[] { "bench", "tpch" }, "Unknown benchmark 'tpch'")]
    [InlineData(new[] { "bench", "nexmark", "--query", "q23" }, "no Nexmark query 'q23'")]
    [InlineData(new[] { "bench", "nexmark", "--events", "-5" }, "positive number of events")]
    [InlineData(new[] { "bench", "nexmark", "--parallelism", "0" }, "from 1 to 256")]
    [InlineData(new[] { "bench", "nexmark", "--checkpoint-interval", "soon" }, "duration such as 10s")]
    [InlineData(new[] { "bench", "nexmark", "--source", "kafka" }, "'generator' or 'memory'")]
    [InlineData(new[] { "bench", "nexmark", "--output", "xml" }, "'table' or 'json'")]
    [InlineData(new[] { "bench", "nexmark", "--events" }, "needs a value")]
    [InlineData(new[] { "bench", "nexmark", "--fast" }, "Unknown option '--fast'")]
    [InlineData(new[] { "bench", "nexmark", "q5" }, "--query q5")]
    public void Bad_arguments_say_what_is_wrong(string[] args, string message)
    {
        var e = Assert.Throws<CommandLineException>(() => BenchCommandLine.Parse(args));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void The_shell_help_lists_the_benchmark()
    {
        Assert.Contains("streamsql bench nexmark", CommandLineOptions.Usage);
        Assert.True(BenchCommandLine.IsBenchCommand(new[] { "bench", "nexmark" }));
        Assert.False(BenchCommandLine.IsBenchCommand(new[] { "-f", "bench" }));
    }
}
