using StreamSql.Shell.Control;

namespace StreamSql.Shell.Tests;

public sealed class ControlCommandLineTests
{
    [Fact]
    public void Only_a_command_word_in_first_place_is_a_control_command()
    {
        Assert.True(ControlCommandLine.IsControlCommand(new[] { "jobs" }));
        Assert.True(ControlCommandLine.IsControlCommand(new[] { "stop", "x" }));
        Assert.False(ControlCommandLine.IsControlCommand(new[] { "-f", "jobs" }));
        Assert.False(ControlCommandLine.IsControlCommand(Array.Empty<string>()));
        Assert.True(CommandLineOptions.Parse(new[] { "-f", "jobs" }).ScriptFile == "jobs");
    }

    [Theory]
    [InlineData(new[] { "stop", "myjob" }, "myjob", false, null, false)]
    [InlineData(new[] { "stop", "myjob", "--savepoint" }, "myjob", true, null, false)]
    [InlineData(new[] { "stop", "myjob", "--savepoint", "/sp" }, "myjob", true, "/sp", false)]
    [InlineData(new[] { "stop", "--savepoint", "/sp", "myjob", "--drain" }, "myjob", true, "/sp", true)]
    [InlineData(new[] { "stop", "--savepoint", "myjob" }, "myjob", true, null, false)]
    [InlineData(new[] { "stop", "--savepoint=/sp", "myjob" }, "myjob", true, "/sp", false)]
    [InlineData(new[] { "savepoint", "myjob", "/sp" }, "myjob", true, "/sp", false)]
    [InlineData(new[] { "savepoint", "myjob" }, "myjob", true, null, false)]
    public void Stop_and_savepoint_take_an_optional_directory(string[] args, string job, bool withSavepoint, string? dir, bool drain)
    {
        var command = ControlCommandLine.Parse(args);
        Assert.Equal(job, command.Job);
        Assert.Equal(withSavepoint, command.WithSavepoint);
        Assert.Equal(dir, command.SavepointDirectory);
        Assert.Equal(drain, command.Drain);
    }

    [Fact]
    public void Endpoint_accepts_a_url_or_host_and_port()
    {
        Assert.Equal(new Uri("http://127.0.0.1:8082"), ControlCommandLine.Parse(new[] { "jobs", "--endpoint", "http://127.0.0.1:8082" }).Endpoint);
        Assert.Equal(new Uri("http://localhost:8083"), ControlCommandLine.Parse(new[] { "jobs", "--endpoint=localhost:8083" }).Endpoint);
    }

    [Theory]
    [InlineData(new[] { "cancel" }, "needs a job id or name")]
    [InlineData(new[] { "jobs", "extra" }, "Unexpected argument 'extra'")]
    [InlineData(new[] { "cancel", "a", "b" }, "Unexpected argument 'b'")]
    [InlineData(new[] { "cancel", "a", "--savepoint" }, "Unknown option '--savepoint'")]
    [InlineData(new[] { "stop", "a", "--drain" }, "--drain needs --savepoint")]
    [InlineData(new[] { "jobs", "--endpoint" }, "needs a URL")]
    [InlineData(new[] { "jobs", "--endpoint", "ftp://x" }, "is not an endpoint URL")]
    public void Wrong_arguments_say_what_is_wrong(string[] args, string message)
    {
        var e = Assert.Throws<CommandLineException>(() => ControlCommandLine.Parse(args));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task The_help_lists_the_commands()
    {
        var output = new StringWriter();
        Assert.Equal(0, await ShellApp.RunAsync(new[] { "--help" }, TextReader.Null, output, TextWriter.Null, terminal: false));
        Assert.Contains("streamsql stop <job> [--savepoint [<dir>]] [--drain]", output.ToString());
        Assert.Contains("streamsql jobs", output.ToString());
    }
}
