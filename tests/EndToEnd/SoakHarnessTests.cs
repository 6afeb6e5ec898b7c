using StreamSql.Soak;
using StreamSql.Soak.Output;
using StreamSql.Soak.Pipelines;
using StreamSql.Soak.Scenarios;

namespace StreamSql.EndToEnd;

/// <summary>The soak's own judgement, without running the engine: how rows are counted as lost, duplicated or unexpected,
/// when a bounded input counts as ended, which kill moments a run covers, and its command line.</summary>
public sealed class SoakHarnessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("streamsql-soak-self-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Rows_are_lost_duplicated_or_unexpected_by_their_counts()
    {
        var comparison = OutputComparison.Of(["1", "2", "3", "3"], ["1", "1", "1", "3", "4"]);

        Assert.Equal(2, comparison.Lost);        // 2, and the second 3
        Assert.Equal(2, comparison.Duplicated);  // 1 three times where once was expected
        Assert.Equal(1, comparison.Unexpected);  // 4
        Assert.False(comparison.IsExactlyOnce);
        Assert.Contains("1 (x3)", comparison.Describe(), StringComparison.Ordinal);
        Assert.True(OutputComparison.Of(["2", "1"], ["1", "2"]).IsExactlyOnce);
    }

    [Fact]
    public void A_bounded_input_has_ended_when_its_rows_are_committed_or_pending_from_this_run()
    {
        var sink = Path.Combine(_dir, "out");
        Directory.CreateDirectory(sink);
        var pipeline = new DatagenSequencePipeline("seq", sink, rows: 6, rowsPerSecond: 1);
        File.WriteAllText(Path.Combine(sink, "part-a-0-0"), "1\n2\n3\n");
        var oldPending = Path.Combine(sink, ".part-b-0-0.pending");
        File.WriteAllText(oldPending, "4\n5\n6\n");
        File.SetLastWriteTimeUtc(oldPending, DateTime.UtcNow.AddMinutes(-1));
        var runStart = DateTime.UtcNow.AddSeconds(-1);

        // A pending file of an earlier run (never committed: its rows will be replayed) does not count.
        Assert.False(pipeline.HasReachedEndOfInput(runStart));

        File.WriteAllText(Path.Combine(sink, ".part-c-0-0.inprogress"), "4\n5\n6\n");
        Assert.False(pipeline.HasReachedEndOfInput(runStart));

        File.WriteAllText(Path.Combine(sink, ".part-c-0-0.pending"), "4\n5\n6\n");
        Assert.True(pipeline.HasReachedEndOfInput(runStart));
    }

    [Fact]
    public void Fifteen_kills_cover_every_kill_moment_and_the_statement_set_gets_an_end_of_input_kill()
    {
        var covered = new HashSet<KillMoment>();
        foreach (var scenario in SoakScenarios.All)
        {
            var round = new KillRotation(scenario, SoakScenarios.RotationOffset(scenario)).NextRound(3);
            covered.UnionWith(round);
            if (round.Contains(KillMoment.AfterEndOfInput))
                Assert.Equal(scenario.HasUnboundedPipeline ? 0 : round.Count - 1, round.IndexOf(KillMoment.AfterEndOfInput));
            if (scenario.Name == "statement-set-bounded-unbounded") Assert.Contains(KillMoment.AfterEndOfInput, round);
        }
        Assert.Equal(KillMoments.All.ToHashSet(), covered);
    }

    [Fact]
    public void A_source_without_a_bounded_input_is_never_killed_at_its_end()
    {
        var csv = SoakScenarios.Find("csv-monitored-p2-rocksdb-incremental")!;
        var moments = new KillRotation(csv, 0).NextRound(40);
        Assert.DoesNotContain(KillMoment.AfterEndOfInput, moments);
        Assert.Equal(4, moments.Distinct().Count());
    }

    [Fact]
    public void The_command_line_names_what_is_wrong()
    {
        var parsed = SoakCommandLine.Parse(["--kills", "7", "--seed", "-3", "--scenario", "datagen-p1-hashmap", "--scenario", "datagen-p1-hashmap"]);
        Assert.Equal(7, parsed.Kills);
        Assert.Equal(-3, parsed.Seed);
        Assert.Equal(["datagen-p1-hashmap"], parsed.Scenarios.Select(s => s.Name));
        Assert.Equal(SoakScenarios.All.Count, SoakCommandLine.Parse([]).Scenarios.Count);

        var unknown = Assert.Throws<FormatException>(() => SoakCommandLine.Parse(["--scenario", "nope"]));
        Assert.Contains("statement-set-bounded-unbounded", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("positive", Assert.Throws<FormatException>(() => SoakCommandLine.Parse(["--kills", "0"])).Message, StringComparison.Ordinal);
        Assert.Contains("needs a value", Assert.Throws<FormatException>(() => SoakCommandLine.Parse(["--seed"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_scenario_draws_its_moments_from_the_run_seed_and_its_name()
    {
        Assert.Equal(SoakRunner.ScenarioSeed(42, "datagen-p1-hashmap"), SoakRunner.ScenarioSeed(42, "datagen-p1-hashmap"));
        Assert.NotEqual(SoakRunner.ScenarioSeed(42, "datagen-p1-hashmap"), SoakRunner.ScenarioSeed(43, "datagen-p1-hashmap"));
        Assert.NotEqual(SoakRunner.ScenarioSeed(42, "datagen-p1-hashmap"), SoakRunner.ScenarioSeed(42, "datagen-rescale-2-3-1"));
    }
}
