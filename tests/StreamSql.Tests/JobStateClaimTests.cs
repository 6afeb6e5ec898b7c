using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Tests;

/// <summary>Two live jobs never share a checkpoint directory, even when their names collide, and each resumes from its own.</summary>
public sealed class JobStateClaimTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private string Out => Path.Combine(_dir, "out");

    private StreamSqlEnvironment Session(int rate, bool resume)
    {
        var options = new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10), RestoreFromLatestCheckpoint = resume };
        options.Settings["execution.checkpointing.interval"] = "100ms";
        options.Settings["state.checkpoints.dir"] = Path.Combine(_dir, "checkpoints");
        var env = StreamSqlEnvironment.Create(options);
        env.ExecuteSql($"CREATE TABLE low (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '{rate}', 'fields.id.kind' = 'sequence', "
            + "'fields.id.start' = '1', 'fields.id.end' = '6000')");
        env.ExecuteSql($"CREATE TABLE high (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '{rate}', 'fields.id.kind' = 'sequence', "
            + "'fields.id.start' = '100001', 'fields.id.end' = '106000')");
        env.ExecuteSql($"CREATE TABLE out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Out}', 'format' = 'csv')");
        return env;
    }

    private List<long> Committed() => SinkFiles.Rows(Out);

    private static Task WaitUntil(Func<bool> condition, string what) => SinkFiles.WaitUntil(condition, what);

    [Fact]
    public async Task Two_inserts_into_one_table_keep_separate_checkpoints_and_each_resumes_from_its_own()
    {
        await using (var env = Session(rate: 3000, resume: false))
        {
            env.ExecuteSql("INSERT INTO out SELECT id FROM low");
            env.ExecuteSql("INSERT INTO out SELECT id FROM high");
            Assert.Equal(2, env.Jobs.Count);
            Assert.Equal(env.Jobs[0].Name, env.Jobs[1].Name); // Flink's default name: insert-into_<table>, for both
            await WaitUntil(() => env.Jobs.All(j => j.Checkpoints.Count >= 3), "both jobs completed checkpoints");
            var paths = env.Jobs.Select(j => Path.GetDirectoryName(j.LatestCheckpoint!.Path)!).ToArray();
            Assert.NotEqual(paths[0], paths[1]);
            // Disposing the session suspends both jobs (a process shutting down); their checkpoints stay.
        }

        await using (var env = Session(rate: 100000, resume: true))
        {
            env.ExecuteSql("INSERT INTO out SELECT id FROM low");
            env.ExecuteSql("INSERT INTO out SELECT id FROM high");
            foreach (var job in env.Jobs) Assert.NotNull(job.RestoredFrom);
            foreach (var job in env.Jobs) await job.WaitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            foreach (var job in env.Jobs) Assert.Equal(JobStatus.Finished, job.Status);
        }
        var expected = Enumerable.Range(1, 6000).Concat(Enumerable.Range(100001, 6000)).Select(i => (long)i);
        Assert.Equal(expected, Committed());
    }

    [Fact]
    public async Task A_finished_job_keeps_its_name_until_the_session_ends_so_the_next_job_of_that_name_never_takes_its_checkpoints()
    {
        var configuration = Configuration.Empty.With("state.checkpoints.dir", Path.Combine(_dir, "checkpoints"));
        string name;
        await using (var env = Session(rate: 100000, resume: false))
        {
            env.ExecuteSql("INSERT INTO out SELECT id FROM low");
            name = env.Jobs[0].Name;
            await env.Jobs[0].WaitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(JobStatus.Finished, env.Jobs[0].Status);
            env.ExecuteSql("INSERT INTO out SELECT id FROM high");
            await env.Jobs[1].WaitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            // Both names stay claimed by the session, so an outsider gets the third; before, the first job's end released
            // its name and the second job (and a restore of it) took the first one's directory.
            using var outsider = JobStateClaim.Acquire(configuration, name);
            Assert.Equal(name + "-3", outsider.StateName);
        }
        using var after = JobStateClaim.Acquire(configuration, name);
        Assert.Equal(name, after.StateName);
    }

    [Fact]
    public void A_name_held_by_a_live_job_is_not_claimed_again_until_it_is_released()
    {
        var configuration = Configuration.Empty.With("state.checkpoints.dir", Path.Combine(_dir, "checkpoints"));
        using var first = JobStateClaim.Acquire(configuration, "job");
        var second = JobStateClaim.Acquire(configuration, "job");
        using (var third = JobStateClaim.Acquire(configuration, "job"))
            Assert.Equal(("job", "job-2", "job-3"), (first.StateName, second.StateName, third.StateName));
        second.Dispose();
        using var again = JobStateClaim.Acquire(configuration, "job");
        Assert.Equal("job-2", again.StateName);
        Assert.True(again.IsExclusive);
        Assert.False(JobStateClaim.Acquire(Configuration.Empty, "job").IsExclusive); // in-memory checkpoints: nothing shared
    }
}
