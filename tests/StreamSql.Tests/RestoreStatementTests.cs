using StreamSql.Execution.Runtime;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Tests;

/// <summary>Where INSERT jobs restore their state from: EXECUTE ... FROM SAVEPOINT / FROM LATEST CHECKPOINT, the session's
/// recovery path (Flink's SQL client behaviour) and the latest-checkpoint default of resume scripts.</summary>
public sealed class RestoreStatementTests : IDisposable
{
    private const string Sink = "CREATE TABLE sink (id INT, name STRING) WITH ('connector' = 'blackhole')";
    private const string Insert = "INSERT INTO sink SELECT id, name FROM src";
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static StreamSqlEnvironment Session(bool latestByDefault = false, params (string Key, string Value)[] settings)
    {
        var options = new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10), RestoreFromLatestCheckpoint = latestByDefault };
        foreach (var (k, v) in settings) options.Settings[k] = v;
        var env = StreamSqlEnvironment.Create(options);
        env.ExecuteSql(Sessions.FiveRows);
        env.ExecuteSql(Sink);
        return env;
    }

    private static JobSubmittedResult Submit(StreamSqlEnvironment env, string sql) => Assert.IsType<JobSubmittedResult>(env.ExecuteSql(sql));

    [Fact]
    public async Task Execute_from_savepoint_starts_the_job_from_that_savepoint()
    {
        var savepoint = StateFixtures.EmptySavepoint(_dir);
        await using var env = Session();

        var submitted = Submit(env, $"EXECUTE {Insert} FROM SAVEPOINT '{savepoint}'");

        Assert.Equal(savepoint, submitted.Job.RestoredFrom);
        Assert.Empty(submitted.Notices);
        Assert.Null(Submit(env, Insert).Job.RestoredFrom); // the clause is for that statement only
    }

    [Fact]
    public async Task Execute_statement_set_from_savepoint_restores_the_one_job()
    {
        var savepoint = StateFixtures.EmptySavepoint(_dir);
        await using var env = Session();
        env.ExecuteSql("CREATE TABLE sink2 (id INT) WITH ('connector' = 'blackhole')");

        var submitted = Submit(env,
            $"EXECUTE STATEMENT SET BEGIN INSERT INTO sink SELECT id, name FROM src; INSERT INTO sink2 SELECT id FROM src; END FROM SAVEPOINT '{savepoint}'");

        Assert.Equal(savepoint, submitted.Job.RestoredFrom);
        Assert.Single(env.Jobs);
    }

    [Theory]
    [InlineData("execution.savepoint.path")]
    [InlineData("execution.state-recovery.path")]
    public async Task The_session_recovery_path_applies_to_every_following_insert_until_reset(string key)
    {
        var savepoint = StateFixtures.EmptySavepoint(_dir);
        await using var env = Session();

        env.ExecuteSql($"SET '{key}' = '{savepoint}'");
        var first = Submit(env, Insert);
        var second = Submit(env, "EXECUTE STATEMENT SET BEGIN INSERT INTO sink SELECT id, name FROM src; END");
        await using (var query = env.Query("SELECT id FROM src")) Assert.Null(query.Job.RestoredFrom); // queries start empty
        env.ExecuteSql($"RESET '{key}'");
        var afterReset = Submit(env, Insert);

        Assert.Equal(savepoint, first.Job.RestoredFrom);
        Assert.Equal(savepoint, second.Job.RestoredFrom);
        Assert.Null(afterReset.Job.RestoredFrom);
    }

    [Fact]
    public async Task The_from_savepoint_clause_wins_over_the_session_recovery_path()
    {
        var session = StateFixtures.EmptySavepoint(Path.Combine(_dir, "a"));
        var statement = StateFixtures.EmptySavepoint(Path.Combine(_dir, "b"));
        await using var env = Session();
        env.ExecuteSql($"SET 'execution.savepoint.path' = '{session}'");

        Assert.Equal(statement, Submit(env, $"EXECUTE {Insert} FROM SAVEPOINT '{statement}'").Job.RestoredFrom);
    }

    [Fact]
    public async Task Latest_checkpoint_without_checkpoints_warns_with_the_directory_searched_and_starts_empty()
    {
        await using var env = Session(settings: ("execution.checkpointing.dir", _dir));
        env.ExecuteSql("SET 'pipeline.name' = 'resume-empty'");
        env.ExecuteSql("SET 'table.dml-sync' = 'true'");
        var raised = new List<(StatementNotice Notice, int JobsStarted)>();
        env.NoticeRaised += n => raised.Add((n, env.Jobs.Count));

        var submitted = Submit(env, $"EXECUTE {Insert} FROM LATEST CHECKPOINT");

        Assert.Equal(submitted.Notices, raised.Select(r => r.Notice)); // raised before the job started, not after it finished
        Assert.All(raised, r => Assert.Equal(0, r.JobsStarted));
        Assert.Null(submitted.Job.RestoredFrom);
        var warning = Assert.Single(submitted.Notices);
        Assert.Equal(NoticeLevel.Warning, warning.Level);
        Assert.Contains("No completed checkpoint of job 'resume-empty' in " + Path.Combine(_dir, "resume-empty"), warning.Message);
        Assert.Contains("starts with empty state", warning.Message);
    }

    [Fact]
    public async Task Latest_checkpoint_takes_the_newest_complete_one_and_reports_the_skipped_ones()
    {
        var older = StateFixtures.EmptyCheckpoint(_dir, "resume-found", 4);
        var newest = StateFixtures.EmptyCheckpoint(_dir, "resume-found", 6);
        Directory.CreateDirectory(Path.Combine(_dir, "resume-found", "chk-9")); // in progress when the process died
        await using var env = Session(settings: ("execution.checkpointing.dir", _dir));
        env.ExecuteSql("SET 'pipeline.name' = 'resume-found'");

        var submitted = Submit(env, $"EXECUTE {Insert} FROM LATEST CHECKPOINT");

        Assert.Equal(newest, submitted.Job.RestoredFrom);
        Assert.NotEqual(older, newest);
        Assert.Collection(submitted.Notices,
            skipped =>
            {
                Assert.Equal(NoticeLevel.Warning, skipped.Level);
                Assert.Contains("chk-9", skipped.Message);
                Assert.Contains("incomplete", skipped.Message);
            },
            restoring =>
            {
                Assert.Equal(NoticeLevel.Info, restoring.Level);
                Assert.Contains("checkpoint 6", restoring.Message);
                Assert.Contains(newest, restoring.Message);
            });
    }

    [Fact]
    public async Task Latest_checkpoint_takes_a_newer_savepoint_of_the_same_job_from_the_savepoint_directory()
    {
        var checkpoints = Path.Combine(_dir, "checkpoints");
        var savepoints = Path.Combine(_dir, "savepoints");
        StateFixtures.EmptyCheckpoint(checkpoints, "orders", 4, timestampMillis: 1_700_000_000_000);
        var newer = StateFixtures.EmptySavepoint(savepoints, "orders", 5, timestampMillis: 1_700_000_060_000);
        StateFixtures.EmptySavepoint(savepoints, "someone-else", 9, timestampMillis: 1_700_000_120_000);
        StateFixtures.EmptySavepoint(savepoints, "orders", 2, timestampMillis: 1_600_000_000_000);
        Directory.CreateDirectory(Path.Combine(savepoints, "not-a-savepoint"));
        await using var env = Session(settings: new[] { ("execution.checkpointing.dir", checkpoints), ("execution.checkpointing.savepoint-dir", savepoints) });
        env.ExecuteSql("SET 'pipeline.name' = 'orders'");

        var submitted = Submit(env, $"EXECUTE {Insert} FROM LATEST CHECKPOINT");

        Assert.Equal(newer, submitted.Job.RestoredFrom);
        var info = Assert.Single(submitted.Notices);
        Assert.Contains("from its latest savepoint 5", info.Message);
    }

    [Fact]
    public async Task Latest_checkpoint_or_savepoint_is_the_one_with_the_higher_id_whatever_the_clock_said()
    {
        // The clock went back between the two (a VM restored, NTP stepped): the id sequence says which came later.
        var checkpoints = Path.Combine(_dir, "checkpoints");
        var savepoints = Path.Combine(_dir, "savepoints");
        var later = StateFixtures.EmptyCheckpoint(checkpoints, "orders", 8, timestampMillis: 1_600_000_000_000);
        StateFixtures.EmptySavepoint(savepoints, "orders", 7, timestampMillis: 1_700_000_000_000);
        await using var env = Session(settings: new[] { ("execution.checkpointing.dir", checkpoints), ("execution.checkpointing.savepoint-dir", savepoints) });
        env.ExecuteSql("SET 'pipeline.name' = 'orders'");

        var submitted = Submit(env, $"EXECUTE {Insert} FROM LATEST CHECKPOINT");

        Assert.Equal(later, submitted.Job.RestoredFrom);
    }

    [Fact]
    public async Task Latest_checkpoint_with_only_a_savepoint_directory_searches_it_and_says_so_when_empty()
    {
        var savepoints = Path.Combine(_dir, "savepoints");
        await using var env = Session(settings: ("execution.checkpointing.savepoint-dir", savepoints));
        env.ExecuteSql("SET 'pipeline.name' = 'orders'");

        var submitted = Submit(env, $"EXECUTE {Insert} FROM LATEST CHECKPOINT");

        Assert.Null(submitted.Job.RestoredFrom);
        Assert.Equal($"No savepoint of job 'orders' in {savepoints}; the job starts with empty state.", Assert.Single(submitted.Notices).Message);
    }

    [Fact]
    public async Task The_latest_checkpoint_default_restores_every_insert_and_falls_back_to_the_recovery_path()
    {
        var savepoint = StateFixtures.EmptySavepoint(Path.Combine(_dir, "savepoints"));
        var checkpoint = StateFixtures.EmptyCheckpoint(Path.Combine(_dir, "checkpoints"), "with-checkpoint", 2);
        await using var env = Session(latestByDefault: true, ("execution.checkpointing.dir", Path.Combine(_dir, "checkpoints")));

        env.ExecuteSql("SET 'pipeline.name' = 'with-checkpoint'");
        env.ExecuteSql($"SET 'execution.savepoint.path' = '{savepoint}'");
        var found = Submit(env, Insert);
        env.ExecuteSql("SET 'pipeline.name' = 'never-checkpointed'");
        var fallback = Submit(env, Insert);
        env.ExecuteSql("RESET 'execution.savepoint.path'");
        var empty = Submit(env, Insert);

        Assert.Equal(checkpoint, found.Job.RestoredFrom);
        Assert.Equal(savepoint, fallback.Job.RestoredFrom);
        Assert.Contains(fallback.Notices, n => n.Level == NoticeLevel.Warning && n.Message.Contains($"restoring from 'execution.state-recovery.path' = '{savepoint}' instead"));
        Assert.Null(empty.Job.RestoredFrom);
        Assert.Contains(empty.Notices, n => n.Level == NoticeLevel.Warning && n.Message.Contains("starts with empty state"));
    }

    [Fact]
    public async Task Latest_checkpoint_needs_a_checkpoint_directory_that_outlives_the_job()
    {
        await using var env = Session();

        var noDirectory = Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql($"EXECUTE {Insert} FROM LATEST CHECKPOINT"));
        Assert.Contains("'execution.checkpointing.dir'", noDirectory.Message);
        Assert.Contains("'state.checkpoints.dir'", noDirectory.Message);

        env.ExecuteSql($"SET 'state.checkpoints.dir' = '{_dir}'");
        env.ExecuteSql("SET 'execution.checkpointing.storage' = 'jobmanager'");
        var inMemory = Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql($"EXECUTE {Insert} FROM LATEST CHECKPOINT"));
        Assert.Contains("'jobmanager'", inMemory.Message);
        Assert.Empty(env.Jobs);
    }

    [Fact]
    public void Non_restored_state_is_allowed_by_the_clause_or_the_session_setting()
    {
        var withClause = JobRestoreResolver.Resolve(Configuration.Empty, "j", "j", new RestoreRequest(new SavepointRestore("/sp", default), true), false);
        var plain = JobRestoreResolver.Resolve(Configuration.Empty, "j", "j", new RestoreRequest(new SavepointRestore("/sp", default), false), false);
        var session = Configuration.Empty.With("execution.savepoint.ignore-unclaimed-state", "true").With("execution.savepoint.path", "/sp2");
        var fromSession = JobRestoreResolver.Resolve(session, "j", "j", RestoreRequest.None, false);

        Assert.Equal(new JobStartOptions { RestorePath = "/sp", AllowNonRestoredState = true }, withClause.Options);
        Assert.Equal(new JobStartOptions { RestorePath = "/sp", AllowNonRestoredState = false }, plain.Options);
        Assert.Equal(new JobStartOptions { RestorePath = "/sp2", AllowNonRestoredState = true }, fromSession.Options);
        Assert.Same(JobStartOptions.Fresh, JobRestoreResolver.Resolve(Configuration.Empty.With("execution.savepoint.path", "  "), "j", "j", RestoreRequest.None, false).Options);
    }

    [Fact]
    public void A_relative_savepoint_path_is_taken_from_the_working_directory()
    {
        var resolved = JobRestoreResolver.Resolve(Configuration.Empty, "j", "j", new RestoreRequest(new SavepointRestore("sp/savepoint-1", default), false), false);

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "sp", "savepoint-1"), resolved.Options.RestorePath);
    }
}
