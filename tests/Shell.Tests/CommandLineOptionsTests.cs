namespace StreamSql.Shell.Tests;

public sealed class CommandLineOptionsTests
{
    [Fact]
    public void Parses_script_init_files_and_settings_in_order()
    {
        var options = CommandLineOptions.Parse(new[] { "-i", "a.sql", "--init", "b.sql", "-f", "job.sql", "-D", "parallelism.default=2", "-Dtable.dml-sync=true", "--set", "x = y" });

        Assert.Equal("job.sql", options.ScriptFile);
        Assert.Equal(new[] { "a.sql", "b.sql" }, options.InitFiles);
        Assert.Equal(new[] { ("parallelism.default", "2"), ("table.dml-sync", "true"), ("x", "y") },
            options.Settings.Select(kv => (kv.Key, kv.Value)));
    }

    [Fact]
    public void From_savepoint_maps_to_the_savepoint_path_setting()
    {
        var options = CommandLineOptions.Parse(new[] { "-f", "job.sql", "--from-savepoint", "/tmp/sp" });
        Assert.Contains(new KeyValuePair<string, string>("execution.savepoint.path", "/tmp/sp"), options.Settings);
        Assert.True(CommandLineOptions.Parse(new[] { "--from-latest-checkpoint" }).FromLatestCheckpoint);
    }

    [Theory]
    [InlineData("-f")]
    [InlineData("-D", "novalue")]
    [InlineData("--bogus")]
    [InlineData("job.sql")]
    [InlineData("-f", "a.sql", "-f", "b.sql")]
    public void Refuses_wrong_command_lines_with_a_message(params string[] args)
    {
        var error = Assert.Throws<CommandLineException>(() => CommandLineOptions.Parse(args));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void No_arguments_is_the_interactive_shell()
    {
        var options = CommandLineOptions.Parse(Array.Empty<string>());
        Assert.Null(options.ScriptFile);
        Assert.False(options.ShowHelp);
        Assert.True(CommandLineOptions.Parse(new[] { "--help" }).ShowHelp);
    }
}
