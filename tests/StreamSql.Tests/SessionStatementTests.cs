using StreamSql.Sql.Planner.Config;

namespace StreamSql.Tests;

public sealed class SessionStatementTests
{
    [Fact]
    public async Task Set_changes_the_session_configuration_and_answers_in_flink_words()
    {
        await using var env = Sessions.Create();
        var before = env.Configuration;

        var result = Assert.IsType<MessageResult>(env.ExecuteSql("SET 'parallelism.default' = '4';"));

        Assert.Equal("Execute statement succeeded.", result.Message);
        Assert.Equal(4, env.Configuration.Get(CoreOptions.DefaultParallelism));
        Assert.Equal(1, before.Get(CoreOptions.DefaultParallelism)); // the old configuration is untouched
    }

    [Fact]
    public async Task Set_without_arguments_lists_only_what_was_set_sorted()
    {
        await using var env = Sessions.Create(settings: ("my.custom.key", "x"));
        env.ExecuteSql("SET 'table.dml-sync' = 'true'");

        var table = Sessions.SettingsTable(env);

        Assert.Equal("true", table["table.dml-sync"]);
        Assert.Equal("x", table["my.custom.key"]);
        Assert.False(table.ContainsKey("sql-client.execution.result-mode")); // a default nobody set is not listed, as in Flink
        Assert.Equal(table.Keys.OrderBy(k => k, StringComparer.Ordinal), table.Keys);
    }

    [Fact]
    public async Task Set_refuses_an_invalid_value_of_a_declared_option_and_keeps_the_old_one()
    {
        await using var env = Sessions.Create();

        var error = Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql("SET 'parallelism.default' = 'many'"));

        Assert.Contains("parallelism.default", error.Message);
        Assert.Contains("many", error.Message);
        Assert.Null(env.Configuration.GetRaw("parallelism.default"));
    }

    [Fact]
    public async Task Set_refuses_an_unknown_time_zone_and_an_unknown_result_mode()
    {
        await using var env = Sessions.Create();
        Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql("SET 'table.local-time-zone' = 'Mars/Olympus'"));
        Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql("SET 'sql-client.execution.result-mode' = 'fancy'"));
        env.ExecuteSql("SET 'table.local-time-zone' = 'UTC'");
        Assert.Equal("UTC", env.Configuration.Get(CoreOptions.LocalTimeZone));
    }

    [Fact]
    public async Task Checkpointing_settings_are_validated_and_both_key_generations_name_one_setting()
    {
        await using var env = Sessions.Create();
        Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql("SET 'execution.checkpointing.mode' = 'SOMETIMES'"));
        Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql("SET 'execution.checkpointing.interval' = 'often'"));
        env.ExecuteSql("SET 'execution.checkpointing.interval' = '10s'");
        env.ExecuteSql("SET 'state.backend.type' = 'rocksdb'");
        env.ExecuteSql("SET 'state.backend' = 'hashmap'");
        Assert.Equal(TimeSpan.FromSeconds(10), env.Configuration.Get(StreamSql.Execution.Checkpointing.CheckpointingOptions.Interval));
        Assert.Equal("hashmap", env.Configuration.Get(StreamSql.Execution.Checkpointing.CheckpointingOptions.StateBackend));
    }

    [Fact]
    public async Task Unknown_keys_are_accepted_as_flink_accepts_them()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql("SET 'some.future.option' = 'anything'");
        Assert.Equal("anything", env.Configuration.GetRaw("some.future.option"));
    }

    [Fact]
    public async Task Reset_key_returns_to_the_initial_value_and_reset_all_to_the_initial_settings()
    {
        await using var env = Sessions.Create(settings: ("parallelism.default", "2"));
        env.ExecuteSql("SET 'parallelism.default' = '8'");
        env.ExecuteSql("SET 'table.dml-sync' = 'true'");

        var one = Assert.IsType<MessageResult>(env.ExecuteSql("RESET 'parallelism.default'"));
        Assert.Equal("Execute statement succeeded.", one.Message);
        Assert.Equal(2, env.Configuration.Get(CoreOptions.DefaultParallelism));
        Assert.True(env.Configuration.Get(CoreOptions.DmlSync));

        var all = Assert.IsType<MessageResult>(env.ExecuteSql("RESET"));
        Assert.Equal("Execute statement succeeded.", all.Message);
        Assert.False(env.Configuration.Get(CoreOptions.DmlSync));
        Assert.Equal(2, env.Configuration.Get(CoreOptions.DefaultParallelism));
    }

    [Fact]
    public async Task Show_jobs_of_a_fresh_session_is_an_empty_table_with_flink_columns_first()
    {
        await using var env = Sessions.Create();
        var table = Assert.IsType<TableTextResult>(env.ExecuteSql("SHOW JOBS"));
        Assert.Equal(new[] { "job id", "job name", "status", "start time" }, table.ColumnNames.Take(4));
        Assert.Empty(table.Rows);
    }

    [Fact]
    public async Task Stop_job_of_an_unknown_job_says_so()
    {
        await using var env = Sessions.Create();
        var error = Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql("STOP JOB 'deadbeef'"));
        Assert.Contains("deadbeef", error.Message);
    }

    [Fact]
    public async Task Client_commands_are_returned_to_the_caller()
    {
        await using var env = Sessions.Create();
        Assert.True(Assert.IsType<ClientCommandResult>(env.ExecuteSql("quit;")).IsQuit);
        Assert.Equal("HELP", Assert.IsType<ClientCommandResult>(env.ExecuteSql("HELP")).Command);
    }

    [Fact]
    public void An_invalid_initial_setting_is_refused_at_creation()
    {
        var options = new StreamSqlOptions().Set("pipeline.max-parallelism", "lots");
        Assert.ThrowsAny<StreamSqlException>(() => StreamSqlEnvironment.Create(options));
    }
}
