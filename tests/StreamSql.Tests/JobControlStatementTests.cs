using StreamSql.Execution.Runtime;

namespace StreamSql.Tests;

/// <summary>SHOW JOBS, SHOW CHECKPOINTS, STOP JOB ... WITH SAVEPOINT, SAVEPOINT and DESCRIBE SAVEPOINT: shapes and errors
/// that do not need a checkpoint to run.</summary>
public sealed class JobControlStatementTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static JobSubmittedResult StartEndless(StreamSqlEnvironment env, string name)
    {
        env.ExecuteSql("CREATE TABLE IF NOT EXISTS endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '10')");
        env.ExecuteSql("CREATE TABLE IF NOT EXISTS sink (id BIGINT) WITH ('connector' = 'blackhole')");
        env.ExecuteSql($"SET 'pipeline.name' = '{name}'");
        return Assert.IsType<JobSubmittedResult>(env.ExecuteSql("INSERT INTO sink SELECT id FROM endless"));
    }

    [Fact]
    public async Task Show_jobs_keeps_flinks_four_columns_first_and_appends_the_latest_checkpoint()
    {
        await using var env = Sessions.Create();
        var job = StartEndless(env, "listed");

        var table = Assert.IsType<TableTextResult>(env.ExecuteSql("SHOW JOBS"));

        Assert.Equal(new[] { "job id", "job name", "status", "start time", "checkpoint id", "checkpoint time", "checkpoint duration", "checkpoint size" },
            table.ColumnNames);
        var row = Assert.Single(table.Rows);
        Assert.Equal(new[] { job.Job.Id, "listed", "RUNNING" }, row.Take(3));
        Assert.Equal(new string?[] { null, null, null, null }, row.Skip(4)); // no checkpoint yet
    }

    [Fact]
    public async Task Show_checkpoints_lists_none_for_a_job_without_checkpoints_and_refuses_unknown_jobs()
    {
        await using var env = Sessions.Create();
        StartEndless(env, "quiet");

        var table = Assert.IsType<TableTextResult>(env.ExecuteSql("SHOW CHECKPOINTS 'quiet'"));
        Assert.Equal(new[] { "checkpoint id", "type", "trigger time", "duration", "size", "path" }, table.ColumnNames);
        Assert.Empty(table.Rows);

        var unknown = Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql("SHOW CHECKPOINTS 'nope'"));
        Assert.Contains("Could not find a job with id or name 'nope'", unknown.Message);
    }

    [Theory]
    [InlineData("STOP JOB 'needs-dir' WITH SAVEPOINT")]
    [InlineData("STOP JOB 'needs-dir' WITH SAVEPOINT WITH DRAIN")]
    [InlineData("SAVEPOINT 'needs-dir'")]
    public async Task A_savepoint_without_a_savepoint_directory_is_refused_naming_both_keys_and_the_job_keeps_running(string statement)
    {
        await using var env = Sessions.Create();
        var job = StartEndless(env, "needs-dir");

        var error = Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql(statement));

        Assert.Contains("'execution.checkpointing.savepoint-dir'", error.Message);
        Assert.Contains("'state.savepoints.dir'", error.Message);
        Assert.Equal(JobStatus.Running, job.Job.Status);
    }

    [Fact]
    public async Task A_savepoint_of_an_ended_job_is_refused()
    {
        await using var env = Sessions.Create(settings: ("execution.checkpointing.savepoint-dir", "/tmp/unused"));
        var job = StartEndless(env, "ended");
        await env.ExecuteSqlAsync("STOP JOB 'ended'").WaitAsync(TimeSpan.FromSeconds(30));

        var stop = Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql($"STOP JOB '{job.Job.Id}' WITH SAVEPOINT"));
        var trigger = Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql($"SAVEPOINT '{job.Job.Id}'"));
        var api = await Assert.ThrowsAnyAsync<StreamSqlException>(() => job.Job.TriggerSavepointAsync());

        Assert.Contains("has already ended (CANCELED)", stop.Message);
        Assert.Contains("has already ended (CANCELED)", trigger.Message);
        Assert.Contains("has already ended (CANCELED)", api.Message);
    }

    [Fact]
    public async Task The_job_client_knows_the_savepoint_directory_it_started_with()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql($"SET 'state.savepoints.dir' = '{_dir}'");
        var with = StartEndless(env, "with-dir");
        env.ExecuteSql("RESET 'state.savepoints.dir'");
        var without = StartEndless(env, "without-dir");

        Assert.Equal(_dir, with.Job.DefaultSavepointDirectory);
        Assert.Null(without.Job.DefaultSavepointDirectory);
        var error = await Assert.ThrowsAnyAsync<StreamSqlException>(() => without.Job.StopWithSavepointAsync());
        Assert.Contains("'execution.checkpointing.savepoint-dir'", error.Message);
        Assert.Equal(JobStatus.Running, without.Job.Status);
    }

    [Fact]
    public async Task Describe_savepoint_shows_the_job_and_each_operators_parallelism_and_state_sizes()
    {
        var savepoint = StateFixtures.TwoOperatorSavepoint(_dir);
        await using var env = Sessions.Create(settings: ("table.local-time-zone", "UTC"));

        var table = Assert.IsType<TableTextResult>(env.ExecuteSql($"DESCRIBE SAVEPOINT '{savepoint}'"));

        Assert.Equal(new[] { "operator id", "operator", "parallelism", "max parallelism", "keyed state size", "operator state size" }, table.ColumnNames);
        Assert.Equal(new[] { "agg", "GroupAggregate(groupBy=[id])", "2", "128", "100 B", "20 B" }, table.Rows[0]);
        Assert.Equal(new[] { "src", "", "1", "128", "0 B", "0 B" }, table.Rows[1]);
        Assert.Equal(new[]
        {
            "Savepoint " + savepoint,
            "job name: shop",
            "checkpoint id: 7",
            "type: SAVEPOINT",
            "taken: 2023-11-14T22:13:20",
            "state: 2 state files, 120 B, all present",
        }, table.Preamble);

        // The _metadata file names the same savepoint.
        var viaMetadata = Assert.IsType<TableTextResult>(env.ExecuteSql($"DESCRIBE SAVEPOINT '{Path.Combine(savepoint, "_metadata")}'"));
        Assert.Equal(table.Rows, viaMetadata.Rows);
    }

    [Fact]
    public async Task Describe_savepoint_reports_missing_files_and_refuses_what_is_not_a_savepoint()
    {
        var savepoint = StateFixtures.TwoOperatorSavepoint(_dir);
        File.Delete(Path.Combine(savepoint, "op-agg-1.operator"));
        await using var env = Sessions.Create();

        var table = Assert.IsType<TableTextResult>(env.ExecuteSql($"DESCRIBE SAVEPOINT '{savepoint}'"));
        Assert.Contains(table.Preamble, line => line.StartsWith("state: 2 state files, 120 B; NOT RESTORABLE: ", StringComparison.Ordinal)
            && line.Contains("op-agg-1.operator") && line.Contains("missing"));

        var missing = Path.Combine(_dir, "no-such-savepoint");
        var error = Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql($"DESCRIBE SAVEPOINT '{missing}'"));
        Assert.Contains($"Cannot read savepoint '{missing}'", error.Message);
        Assert.Contains("does not exist", error.Message);

        File.WriteAllText(Path.Combine(savepoint, "_metadata"), "not a savepoint at all");
        var corrupt = Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql($"DESCRIBE SAVEPOINT '{savepoint}'"));
        Assert.Contains("not a checkpoint metadata file", corrupt.Message);
    }

    [Fact]
    public void Sizes_and_durations_are_shown_for_people()
    {
        Assert.Equal("0 B", CheckpointTexts.Size(0));
        Assert.Equal("1023 B", CheckpointTexts.Size(1023));
        Assert.Equal("1.0 KB", CheckpointTexts.Size(1024));
        Assert.Equal("43.9 MB", CheckpointTexts.Size(46_033_715));
        Assert.Equal("2.0 GB", CheckpointTexts.Size(2L << 30));
        Assert.Equal("153 ms", CheckpointTexts.Duration(TimeSpan.FromMilliseconds(152.6)));
    }
}
