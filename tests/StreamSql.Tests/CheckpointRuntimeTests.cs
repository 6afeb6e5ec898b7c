using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner;

namespace StreamSql.Tests;

/// <summary>
/// The checkpoint runtime driven through the planner and the real connectors, in process: periodic checkpoints with
/// two-phase commit, stop-with-savepoint and resume, restore after a run that ended without committing, refused restores.
/// (The separate-process SIGKILL test is in tests/EndToEnd.)
/// </summary>
public sealed class CheckpointRuntimeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-ckpt-" + Guid.NewGuid().ToString("N"));

    public CheckpointRuntimeTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Out => Path.Combine(_dir, "out");

    private StreamSqlEnvironment Session(long rows, int rate, string parallelism = "1", string extraOptions = "", params (string, string)[] settings)
    {
        var all = new List<(string, string)>
        {
            ("execution.checkpointing.interval", "200ms"),
            ("state.checkpoints.dir", Path.Combine(_dir, "checkpoints")),
            ("state.savepoints.dir", Path.Combine(_dir, "savepoints")),
            ("pipeline.name", "seq"),
            ("parallelism.default", parallelism),
        };
        all.AddRange(settings);
        var env = Sessions.Create(null, all.ToArray());
        env.ExecuteSql($"CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '{rate}', 'fields.id.kind' = 'sequence', "
            + $"'fields.id.start' = '1', 'fields.id.end' = '{rows}'{extraOptions})");
        env.ExecuteSql($"CREATE TABLE out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Out}', 'format' = 'csv')");
        return env;
    }

    private static JobHandle Start(StreamSqlEnvironment env, string sql, JobStartOptions? options = null)
    {
        var insert = Assert.IsType<InsertPlan>(env.Planner.Plan(new ParsedStatement(SqlParser.ParseStatement(sql), sql), env.Configuration));
        return env.Runner.Start(insert.Job, Guid.NewGuid().ToString("N"), options ?? JobStartOptions.Fresh);
    }

    /// <summary>Rows in visible (committed) part files.</summary>
    private List<long> Committed() => SinkFiles.Rows(Out);

    private static Task WaitUntil(Func<bool> condition, string what) => SinkFiles.WaitUntil(condition, what, seconds: 30);

    [Fact]
    public async Task Periodic_checkpoints_commit_output_and_a_finished_job_leaves_every_row_once()
    {
        await using var env = Session(rows: 10000, rate: 5000);
        var job = Start(env, "INSERT INTO out SELECT id FROM src");
        await WaitUntil(() => job.LatestCompletedCheckpoint is not null, "a checkpoint completed");
        var first = job.LatestCompletedCheckpoint!;
        Assert.False(first.IsSavepoint);
        Assert.StartsWith(Path.Combine(_dir, "checkpoints", "seq", "chk-"), first.Path);
        await WaitUntil(() => Committed().Count > 0, "output was committed");
        await job.Completion;
        Assert.Equal(JobStatus.Finished, job.Status);
        Assert.Equal(Enumerable.Range(1, 10000).Select(i => (long)i), Committed());
        // A finished job keeps only its final checkpoint: resuming it from there publishes nothing again.
        var storage = new CheckpointStorage(LocalStateFileSystem.Instance, Path.Combine(_dir, "checkpoints"), "seq", null);
        var final = Assert.Single(storage.CompletedCheckpointIds());
        await using (var again = Session(rows: 10000, rate: 5000))
        {
            var resumed = Start(again, "INSERT INTO out SELECT id FROM src", new JobStartOptions { RestoreFromLatestCheckpoint = true });
            Assert.Equal(storage.CheckpointDirectory(final), resumed.RestoredFrom);
            await resumed.Completion;
            Assert.Equal(JobStatus.Finished, resumed.Status);
        }
        Assert.Equal(Enumerable.Range(1, 10000).Select(i => (long)i), Committed());
    }

    [Fact]
    public async Task The_final_checkpoint_leaves_out_the_keyed_state_of_finished_operators_and_resuming_it_publishes_nothing_again()
    {
        const string join = "INSERT INTO out SELECT a.id FROM src a JOIN src b ON a.id = b.id";
        await using (var env = Session(rows: 6000, rate: 6000))
        {
            var job = Start(env, join);
            await job.Completion;
            Assert.Equal(JobStatus.Finished, job.Status);
        }
        Assert.Equal(Enumerable.Range(1, 6000).Select(i => (long)i), Committed().Order());
        // The join's every row was keyed state until its inputs ended; as in Flink (FLIP-147), the final checkpoint
        // records the finished operators without it, and only the sources' ends and the sink's commit remain.
        var storage = new CheckpointStorage(LocalStateFileSystem.Instance, Path.Combine(_dir, "checkpoints"), "seq", null);
        var final = Assert.Single(storage.CompletedCheckpointIds());
        var files = Directory.GetFiles(storage.CheckpointDirectory(final), "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("_metadata", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.EndsWith(".keyed", StringComparison.Ordinal));
        await using (var again = Session(rows: 6000, rate: 6000))
        {
            var resumed = Start(again, join, new JobStartOptions { RestoreFromLatestCheckpoint = true });
            Assert.Equal(storage.CheckpointDirectory(final), resumed.RestoredFrom);
            await resumed.Completion;
            Assert.Equal(JobStatus.Finished, resumed.Status);
        }
        Assert.Equal(Enumerable.Range(1, 6000).Select(i => (long)i), Committed().Order());
    }

    [Fact]
    public async Task Stop_with_savepoint_then_resume_writes_every_row_exactly_once()
    {
        await using (var env = Session(rows: 20000, rate: 4000))
        {
            var job = Start(env, "INSERT INTO out SELECT id FROM src");
            await WaitUntil(() => Committed().Count > 200, "some output was committed");
            var savepoint = await job.StopWithSavepointAsync(null);
            await job.Completion;
            Assert.Equal(JobStatus.Finished, job.Status);
            Assert.True(savepoint.IsSavepoint);
            Assert.StartsWith(Path.Combine(_dir, "savepoints", "savepoint-"), savepoint.Path);
            // Everything before the savepoint is committed, nothing after it was read.
            var committed = Committed();
            Assert.True(committed.Count < 20000, $"the job was stopped early, yet {committed.Count} rows are out");
            Assert.Equal(Enumerable.Range(1, committed.Count).Select(i => (long)i), committed);

            await using var env2 = Session(rows: 20000, rate: 200000);
            var resumed = Start(env2, "INSERT INTO out SELECT id FROM src", new JobStartOptions { RestorePath = savepoint.Path });
            Assert.Equal(savepoint.Path, resumed.RestoredFrom);
            await resumed.Completion;
            Assert.Null(resumed.Failure);
        }
        Assert.Equal(Enumerable.Range(1, 20000).Select(i => (long)i), Committed());
    }

    [Fact]
    public async Task A_run_that_ends_without_committing_is_continued_from_its_retained_checkpoint()
    {
        long restoredFrom;
        string checkpointPath;
        await using (var env = Session(rows: 20000, rate: 4000, settings: ("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION")))
        {
            var job = Start(env, "INSERT INTO out SELECT id FROM src");
            await WaitUntil(() => job.CompletedCheckpoints.Count >= 2, "two checkpoints completed");
            job.Cancel();
            await job.Completion;
            Assert.Equal(JobStatus.Canceled, job.Status);
            var storage = CheckpointStorage.FromConfiguration(env.Configuration, "seq");
            var latest = storage.FindLatestCompleted();
            Assert.NotNull(latest);
            restoredFrom = latest!.CheckpointId;
            checkpointPath = latest.Directory;
        }
        // Rows after the checkpoint may be in hidden files; the restore replays them from the source position.
        await using (var env = Session(rows: 20000, rate: 200000))
        {
            var job = Start(env, "INSERT INTO out SELECT id FROM src", new JobStartOptions { RestorePath = checkpointPath });
            await job.Completion;
            Assert.Null(job.Failure);
            Assert.True(job.CompletedCheckpoints.Count == 0 || job.CompletedCheckpoints[^1].CheckpointId > restoredFrom,
                "a restored job numbers its checkpoints after the one it restored");
        }
        Assert.Equal(Enumerable.Range(1, 20000).Select(i => (long)i), Committed());
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData("2", "3")]
    [InlineData("3", "1")]
    public async Task Stop_with_savepoint_and_resume_at_another_parallelism_writes_every_row_once(string before, string after)
    {
        await using (var env = Session(rows: 30000, rate: 6000, parallelism: before))
        {
            var job = Start(env, "INSERT INTO out SELECT id FROM src");
            await WaitUntil(() => Committed().Count > 300, "some output was committed");
            var savepoint = await job.StopWithSavepointAsync(null);
            await job.Completion;
            await using var env2 = Session(rows: 30000, rate: 300000, parallelism: after);
            var resumed = Start(env2, "INSERT INTO out SELECT id FROM src", new JobStartOptions { RestorePath = savepoint.Path });
            await resumed.Completion;
            Assert.Null(resumed.Failure);
        }
        Assert.Equal(Enumerable.Range(1, 30000).Select(i => (long)i), Committed());
    }

    [Fact]
    public async Task A_savepoint_of_another_query_is_refused_with_a_report_unless_unmatched_state_is_allowed()
    {
        CheckpointStats savepoint;
        await using (var env = Session(rows: 100000, rate: 2000))
        {
            var job = Start(env, "INSERT INTO out SELECT id FROM src");
            await WaitUntil(() => job.LatestCompletedCheckpoint is not null, "a checkpoint completed");
            savepoint = await job.StopWithSavepointAsync(null);
            await job.Completion;
        }
        await using var env2 = Session(rows: 100000, rate: 2000);
        env2.ExecuteSql($"CREATE TABLE other (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Path.Combine(_dir, "other")}', 'format' = 'csv')");
        var e = Assert.Throws<StateRestoreException>(() =>
            Start(env2, "INSERT INTO other SELECT id FROM src", new JobStartOptions { RestorePath = savepoint.Path }));
        Assert.Contains("Cannot restore from savepoint " + savepoint.Path, e.Message);
        Assert.Contains("[NOT IN PLAN]", e.Message);
        Assert.Contains("[matched]", e.Message);
        Assert.Contains("ALLOW NON RESTORED STATE", e.Message);
        Assert.Matches("Cannot map checkpoint/savepoint state for operator [0-9a-f]+ to the new program, because the operator is not available in the new program", e.Message);

        var allowed = Start(env2, "INSERT INTO other SELECT id FROM src", new JobStartOptions { RestorePath = savepoint.Path, AllowNonRestoredState = true });
        await allowed.CancelAndWait();
    }

    [Theory]
    [InlineData("EXACTLY_ONCE")]
    [InlineData("AT_LEAST_ONCE")]
    public async Task A_union_of_a_finished_and_a_running_source_resumes_without_loss_or_duplicates(string mode)
    {
        const string Sql = "INSERT INTO out SELECT id FROM src UNION ALL SELECT id FROM small";
        static void AddSmall(StreamSqlEnvironment env) => env.ExecuteSql("CREATE TABLE small (id BIGINT) WITH ('connector' = 'datagen', "
            + "'rows-per-second' = '1000000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '100001', 'fields.id.end' = '100050')");
        await using (var env = Session(rows: 20000, rate: 4000, settings: ("execution.checkpointing.mode", mode)))
        {
            AddSmall(env);
            var job = Start(env, Sql);
            // The small source has finished long before this: its final position is part of every later checkpoint.
            await WaitUntil(() => Committed().Count > 1000, "output was committed");
            var savepoint = await job.StopWithSavepointAsync(null);
            await job.Completion;
            Assert.Equal(JobStatus.Finished, job.Status);

            await using var env2 = Session(rows: 20000, rate: 200000, settings: ("execution.checkpointing.mode", mode));
            AddSmall(env2);
            var resumed = Start(env2, Sql, new JobStartOptions { RestorePath = savepoint.Path });
            await resumed.Completion;
            Assert.Null(resumed.Failure);
        }
        var expected = Enumerable.Range(1, 20000).Select(i => (long)i).Concat(Enumerable.Range(100001, 50).Select(i => (long)i));
        Assert.Equal(expected, Committed());
    }

    [Fact]
    public async Task A_failed_run_restarts_by_the_strategy_and_the_output_still_has_every_row_once()
    {
        var input = Path.Combine(_dir, "in.csv");
        var lines = Enumerable.Range(1, 5000).Select(i => i.ToString()).ToArray();
        lines[3999] = "not-a-number";
        File.WriteAllLines(input, lines);
        await using var env = Session(rows: 1, rate: 1, settings: [("restart-strategy.type", "fixed-delay"),
            ("restart-strategy.fixed-delay.attempts", "3"), ("restart-strategy.fixed-delay.delay", "1s")]);
        env.ExecuteSql($"CREATE TABLE lines (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{input}', 'format' = 'csv')");
        var job = Start(env, "INSERT INTO out SELECT id FROM lines");
        await WaitUntil(() => job.Status == JobStatus.Restarting, "the job failed and waits to restart");
        lines[3999] = "4000";
        File.WriteAllLines(input, lines);
        await job.Completion;
        Assert.Null(job.Failure);
        Assert.Equal(JobStatus.Finished, job.Status);
        Assert.Equal(1, job.Restarts);
        Assert.Equal(Enumerable.Range(1, 5000).Select(i => (long)i), Committed());
    }

    [Fact]
    public async Task A_run_that_keeps_failing_fails_the_job_once_the_restart_attempts_are_used_up()
    {
        var input = Path.Combine(_dir, "in.csv");
        File.WriteAllLines(input, ["1", "2", "oops"]);
        await using var env = Session(rows: 1, rate: 1, settings: [("restart-strategy.type", "fixed-delay"),
            ("restart-strategy.fixed-delay.attempts", "2"), ("restart-strategy.fixed-delay.delay", "10ms")]);
        env.ExecuteSql($"CREATE TABLE lines (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{input}', 'format' = 'csv')");
        var job = Start(env, "INSERT INTO out SELECT id FROM lines");
        await job.Completion;
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(2, job.Restarts);
        Assert.Contains("oops", job.Failure!.Message);
    }

    [Fact]
    public async Task Failing_checkpoints_fail_the_job_only_past_the_tolerable_count()
    {
        // Checkpoint storage under a regular file: every checkpoint fails writing its state, deterministically.
        var blocker = Path.Combine(_dir, "not-a-directory");
        File.WriteAllText(blocker, "");
        await using var env = Session(rows: 1_000_000, rate: 4000, settings: [("state.checkpoints.dir", Path.Combine(blocker, "checkpoints")),
            ("execution.checkpointing.interval", "50ms"), ("execution.checkpointing.tolerable-failed-checkpoints", "3"), ("restart-strategy.type", "none")]);
        var job = Start(env, "INSERT INTO out SELECT id FROM src");
        await job.Completion.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(4, job.FailedCheckpoints);
        Assert.Contains("Exceeded checkpoint tolerable failure threshold", job.Failure!.Message);
        Assert.Contains("could not write its state", job.Failure.Message);
        Assert.Empty(Committed());
    }

    [Fact]
    public async Task Restoring_from_the_latest_checkpoint_falls_back_past_a_corrupt_one()
    {
        (string, string)[] retain = [("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION"),
            ("execution.checkpointing.num-retained", "2")];
        await using (var env = Session(rows: 20000, rate: 4000, settings: retain))
        {
            var job = Start(env, "INSERT INTO out SELECT id FROM src");
            await WaitUntil(() => job.CompletedCheckpoints.Count >= 3, "three checkpoints completed");
            await job.CancelAndWait();
        }
        var storage = new CheckpointStorage(LocalStateFileSystem.Instance, Path.Combine(_dir, "checkpoints"), "seq", null);
        var ids = storage.CompletedCheckpointIds();
        Assert.Equal(2, ids.Count);
        var newest = storage.CheckpointDirectory(ids[0]);
        var stateFile = Directory.GetFiles(newest, "*.operator")[0];
        var bytes = File.ReadAllBytes(stateFile);
        bytes[^1] ^= 0x5A;
        File.WriteAllBytes(stateFile, bytes);

        await using (var env = Session(rows: 20000, rate: 200000, settings: retain))
        {
            var job = Start(env, "INSERT INTO out SELECT id FROM src", new JobStartOptions { RestoreFromLatestCheckpoint = true });
            Assert.Equal(storage.CheckpointDirectory(ids[1]), job.RestoredFrom);
            var note = Assert.Single(job.RestoreNotes);
            Assert.Equal($"Skipping a checkpoint that cannot be restored: {newest}: checksum mismatch in {stateFile}", note);
            await job.Completion;
            Assert.Null(job.Failure);
        }
        // Nothing is lost. Output the newer (skipped) checkpoint had committed is written again: falling back to an older
        // checkpoint cannot be exactly-once for a sink that already committed (docs/checkpoints.md says so).
        Assert.Equal(Enumerable.Range(1, 20000).Select(i => (long)i), Committed().Distinct());
    }

    [Fact]
    public async Task Restoring_from_the_latest_checkpoint_refuses_to_start_empty_when_no_checkpoint_restores()
    {
        (string, string)[] retain = [("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION"),
            ("execution.checkpointing.num-retained", "2")];
        await using (var env = Session(rows: 20000, rate: 4000, settings: retain))
        {
            var job = Start(env, "INSERT INTO out SELECT id FROM src");
            await WaitUntil(() => job.CompletedCheckpoints.Count >= 3 && Committed().Count > 0, "checkpoints completed and output was committed");
            await job.CancelAndWait();
        }
        var committed = Committed();
        var storage = new CheckpointStorage(LocalStateFileSystem.Instance, Path.Combine(_dir, "checkpoints"), "seq", null);
        foreach (var id in storage.CompletedCheckpointIds())
            foreach (var stateFile in Directory.GetFiles(storage.CheckpointDirectory(id), "*.operator"))
            {
                var bytes = File.ReadAllBytes(stateFile);
                bytes[^1] ^= 0x5A;
                File.WriteAllBytes(stateFile, bytes);
            }

        await using (var env = Session(rows: 20000, rate: 200000, settings: retain))
        {
            var e = Assert.Throws<StateRestoreException>(() =>
                Start(env, "INSERT INTO out SELECT id FROM src", new JobStartOptions { RestoreFromLatestCheckpoint = true }));
            Assert.Contains("Cannot restore job 'seq' from any of its 2 checkpoints", e.Message);
            Assert.Contains("checksum mismatch", e.Message);
            // Through SQL the statement fails with the same reasons, and nothing runs.
            var sql = Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql("EXECUTE INSERT INTO out SELECT id FROM src FROM LATEST CHECKPOINT"));
            Assert.Contains("checksum mismatch", sql.Message);
            Assert.Empty(env.Jobs);
        }
        // Nothing was published again.
        Assert.Equal(committed, Committed());
    }

    [Fact]
    public async Task Restoring_from_the_latest_checkpoint_without_any_starts_fresh_and_says_so()
    {
        await using var env = Session(rows: 500, rate: 100000);
        var job = Start(env, "INSERT INTO out SELECT id FROM src", new JobStartOptions { RestoreFromLatestCheckpoint = true });
        Assert.Null(job.RestoredFrom);
        Assert.Equal($"No usable checkpoint of job 'seq' in {Path.Combine(_dir, "checkpoints", "seq")}: starting without state.", Assert.Single(job.RestoreNotes));
        await job.Completion;
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), Committed());
    }

    [Fact]
    public async Task Disposing_the_session_suspends_its_jobs_and_keeps_their_checkpoints_for_a_resume()
    {
        JobClient job;
        await using (var env = Session(rows: 20000, rate: 4000))
        {
            await env.ExecuteSqlAsync("INSERT INTO out SELECT id FROM src");
            job = env.Jobs[0];
            await WaitUntil(() => job.LatestCheckpoint is not null, "a checkpoint completed");
        }
        Assert.Equal(JobStatus.Suspended, job.Status);
        var storage = new CheckpointStorage(LocalStateFileSystem.Instance, Path.Combine(_dir, "checkpoints"), "seq", null);
        Assert.NotNull(storage.FindLatestCompleted());

        await using (var env = Session(rows: 20000, rate: 200000))
        {
            var resumed = Start(env, "INSERT INTO out SELECT id FROM src", new JobStartOptions { RestoreFromLatestCheckpoint = true });
            Assert.NotNull(resumed.RestoredFrom);
            await resumed.Completion;
        }
        Assert.Equal(Enumerable.Range(1, 20000).Select(i => (long)i), Committed());
    }

    [Fact]
    public void A_missing_savepoint_is_a_clear_error_naming_the_path()
    {
        using var env = Session(rows: 10, rate: 10).AsSync();
        var missing = Path.Combine(_dir, "nope");
        var e = Assert.Throws<CheckpointFormatException>(() => Start(env.Value, "INSERT INTO out SELECT id FROM src", new JobStartOptions { RestorePath = missing }));
        Assert.Equal($"checkpoint {missing} does not exist", e.Message);
    }
}

internal static class JobHandleTestExtensions
{
    public static async Task CancelAndWait(this JobHandle job)
    {
        job.Cancel();
        await job.Completion;
    }

    public static SyncDisposable<StreamSqlEnvironment> AsSync(this StreamSqlEnvironment env) => new(env);

    public sealed class SyncDisposable<T>(T value) : IDisposable where T : IAsyncDisposable
    {
        public T Value { get; } = value;
        public void Dispose() => Value.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
