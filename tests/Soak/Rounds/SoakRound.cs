using System.Diagnostics;
using System.Globalization;
using StreamSql.Soak.Output;
using StreamSql.Soak.Pipelines;
using StreamSql.Soak.Processes;
using StreamSql.Soak.Scenarios;

namespace StreamSql.Soak.Rounds;

/// <summary>
/// One round of a scenario, in a scratch directory of its own: the job's script runs as <c>streamsql -f job.sql
/// --from-latest-checkpoint</c> again and again, each run killed with SIGKILL at the next planned moment, until the
/// planned kills are done; then a last run finishes the job (bounded) or is stopped with SIGTERM once every expected row
/// is committed (unbounded); then the committed rows of every sink are compared with the expected ones.
/// A run that ends by itself before its kill ends the round when the job finished, and a kill that lands after the job
/// had finished (every row committed, its checkpoints deleted) does too: a finished job is not run again.
/// </summary>
/// <param name="live">Where the round's log goes as it happens (null: kept for the result only).</param>
/// <param name="host">What the round's pipelines share with the whole run (the mock Kafka cluster).</param>
public sealed class SoakRound(SoakScenario scenario, int round, IReadOnlyList<KillMoment> planned, Random random, string shellDll, string scratch,
    TextWriter? live, PipelineHost host)
{
    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MomentTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);
    private const int RandomKillWindowMs = 1200;
    private const string RestoredNotice = "Restoring job '";

    /// <summary>The round's log, written into its scratch directory when it ends.</summary>
    public const string LogFileName = "round.log";

    private readonly SoakLog _log = new(live);
    private readonly List<ISoakPipeline> _pipelines = CreatePipelines(scenario, scratch, planned.Count, host);
    private readonly JobSnapshotFolders _folders =
        new(Path.Combine(scratch, "checkpoints"), Path.Combine(scratch, "savepoints"), "soak-" + scenario.Name);
    // Its own discovery directory: `streamsql savepoint <job>` finds this round's engine and no other on the machine.
    private readonly string _runtimeDirectory = CreatePrivateDirectory(Path.Combine(scratch, "runtime"));
    private readonly Dictionary<KillMoment, int> _kills = KillMoments.All.ToDictionary(m => m, _ => 0);
    private readonly List<string> _errors = new();
    private int _runs;
    private int _restores;

    private Dictionary<string, string> ChildEnvironment
    {
        get
        {
            var environment = new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = _runtimeDirectory };
            foreach (var pipeline in _pipelines)
                foreach (var (name, value) in pipeline.ShellEnvironment) environment[name] = value;
            return environment;
        }
    }

    private string EngineDiscovery => Path.Combine(_runtimeDirectory, "streamsql", "engines");

    private static List<ISoakPipeline> CreatePipelines(SoakScenario scenario, string scratch, int plannedKills, PipelineHost host)
    {
        Directory.CreateDirectory(scratch);
        return scenario.Pipelines
            .Select((spec, i) => spec.Create(spec.TablePrefix + i.ToString(CultureInfo.InvariantCulture), scratch, plannedKills, host))
            .ToList();
    }

    private static string CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public async Task<RoundResult> RunAsync(CancellationToken cancel)
    {
        _log.Write($"{scenario.Name} round {round}: {scenario.Describe()}");
        _log.Write($"planned kills: {string.Join(", ", planned.Select(m => m.Name()))}; scratch {scratch}");
        foreach (var pipeline in _pipelines) pipeline.StartFeeding();
        try
        {
            if (!await KillRunsAsync(cancel)) await FinalRunAsync(cancel);
        }
        finally
        {
            foreach (var pipeline in _pipelines) await pipeline.StopFeedingAsync();
        }

        var outputs = new List<OutputComparison>();
        foreach (var pipeline in _pipelines)
        {
            var comparison = OutputComparison.Of(pipeline.ExpectedRows(), pipeline.CommittedRows());
            outputs.Add(comparison);
            _log.Write($"{pipeline.SinkName}: {comparison.Describe().TrimEnd()}"
                + (comparison.IsExactlyOnce ? "" : $"\n  {Tail(pipeline.SinkListing(), 2000)}"));
        }
        foreach (var error in _errors) _log.Write("ERROR: " + error);
        // Next to what it explains (the directory is deleted when the round passed).
        File.WriteAllText(Path.Combine(scratch, LogFileName), _log.ToString());
        return new RoundResult(scenario.Name, round, new Dictionary<KillMoment, int>(_kills), _runs, _restores, outputs, _errors.ToList(),
            scratch, _log.ToString());
    }

    /// <summary>The killed runs; true when the job ended (finished) on the way, so no last run is needed.</summary>
    private async Task<bool> KillRunsAsync(CancellationToken cancel)
    {
        int failuresInARow = 0;
        int maxRuns = planned.Count * 2 + 4;
        for (int k = 0; k < planned.Count && _runs < maxRuns; k++)
        {
            var outcome = await KillRunAsync(planned[k], cancel);
            failuresInARow = outcome == RunOutcome.Failed ? failuresInARow + 1 : 0;
            switch (outcome)
            {
                case RunOutcome.Killed:
                    _kills[planned[k]]++;
                    if (JobHadFinished())
                    {
                        _log.Write("the job had finished when it was killed (every row committed, its checkpoints deleted): the round ends");
                        return true;
                    }
                    break;
                case RunOutcome.Finished:
                    if (_pipelines.Any(p => !p.IsBounded)) _errors.Add($"run {_runs} ended by itself although a source is unbounded");
                    return true;
                case RunOutcome.Failed when failuresInARow >= 2:
                    _errors.Add($"two runs in a row failed; the round gives up after run {_runs}");
                    return true;
            }
        }
        return false;
    }

    private async Task<RunOutcome> KillRunAsync(KillMoment moment, CancellationToken cancel)
    {
        var fault = moment == KillMoment.InSinkCommit ? SinkFault() : null;
        var start = StartRun(fault);
        using var run = start.Process;
        if (!await run.WaitForSubmissionAsync(SubmitTimeout))
            return await EndWithoutSubmissionAsync(start);

        ShellJobProcess? client = null;
        try
        {
            var how = moment switch
            {
                KillMoment.Random => await KillAtRandomAsync(cancel),
                KillMoment.AfterCheckpoint => await WaitForCheckpointAsync(start, cancel),
                KillMoment.AfterEndOfInput => await WaitForEndOfInputAsync(start, cancel),
                KillMoment.DuringSavepoint => await TriggerSavepointAsync(start, c => client = c, cancel),
                KillMoment.DuringStopWithSavepoint => await TerminateAsync(start, cancel),
                KillMoment.InSinkCommit => await WaitForSinkFaultAsync(start, fault!),
                _ => throw new ArgumentOutOfRangeException(nameof(moment), moment, null),
            };
            var state = $"at the kill: {_folders.Describe()}";
            int? exit;
            using (await HoldKillAsync())
            {
                if (!run.HasExited) run.Kill();
                exit = await run.WaitForExitAsync(ExitTimeout);
            }
            var outcome = Classify(exit);
            if (client is not null)
            {
                await client.WaitForExitAsync(ExitTimeout);
                how += $"; `streamsql savepoint` said: {OneLine(client.Stdout + client.Stderr)}";
            }
            LogRun(start, $"{moment.Name()}: {how}; {state}", outcome, exit);
            if (outcome == RunOutcome.Failed) _errors.Add($"run {start.Number} ended with exit code {ExitText(exit)}: {Problem(run)}");
            return outcome;
        }
        finally
        {
            client?.Dispose();
        }
    }

    private async Task<string> KillAtRandomAsync(CancellationToken cancel)
    {
        int delay = random.Next(0, RandomKillWindowMs + 1);
        await Task.Delay(delay, cancel);
        return $"SIGKILL {delay} ms after the job was submitted";
    }

    private async Task<string> WaitForCheckpointAsync(RunStart start, CancellationToken cancel)
    {
        var sw = Stopwatch.StartNew();
        long seen = 0;
        bool completed = await WaitUntilAsync(() => (seen = _folders.NewestCompletedCheckpoint()) > start.CheckpointBefore, start.Process, cancel, pollMs: 2);
        if (!completed)
        {
            if (!start.Process.HasExited) _errors.Add($"run {start.Number} completed no checkpoint within {MomentTimeout.TotalSeconds:0} s");
            return "no new checkpoint completed";
        }
        int delay = await ShortPauseAsync(4, cancel);
        return $"SIGKILL {delay} ms after checkpoint {seen} completed ({sw.ElapsedMilliseconds} ms after submission)";
    }

    private async Task<string> WaitForEndOfInputAsync(RunStart start, CancellationToken cancel)
    {
        var sw = Stopwatch.StartNew();
        var bounded = _pipelines.Where(p => p.IsBounded).ToList();
        bool reached = await WaitUntilAsync(() => bounded.All(p => p.HasReachedEndOfInput(start.SinceUtc)), start.Process, cancel, pollMs: 5);
        if (!reached)
        {
            if (!start.Process.HasExited) _errors.Add($"run {start.Number}: the bounded input did not reach the sink within {MomentTimeout.TotalSeconds:0} s");
            return "the bounded input did not reach its end";
        }
        int delay = await ShortPauseAsync(6, cancel);
        return $"SIGKILL {delay} ms after every row of the bounded input reached the sink ({sw.ElapsedMilliseconds} ms after submission)";
    }

    private async Task<string> TriggerSavepointAsync(RunStart start, Action<ShellJobProcess> started, CancellationToken cancel)
    {
        // The control endpoint opens a few hundred milliseconds after the job starts and then registers the engine as
        // {pid}.json (a killed run's file stays behind: only this process's own file says the endpoint is up).
        var registration = Path.Combine(EngineDiscovery, start.Process.Id.ToString(CultureInfo.InvariantCulture) + ".json");
        bool up = await WaitUntilAsync(() => File.Exists(registration), start.Process, cancel, pollMs: 10);
        if (!up) return "the control endpoint did not come up";
        int wait = random.Next(0, 400);
        await Task.Delay(wait, cancel);
        var client = ShellJobProcess.Start(shellDll, scratch, ["savepoint", start.Process.JobId!], ChildEnvironment);
        started(client);
        var sw = Stopwatch.StartNew();
        bool began = await WaitUntilAsync(() => NewSavepoints(start).Count > 0 || client.HasExited, start.Process, cancel, pollMs: 2);
        int delay = await ShortPauseAsync(11, cancel);
        var what = !began ? "nothing happened"
            : NewSavepoints(start).Count > 0 ? "the savepoint directory appeared"
            : "the savepoint command ended";
        return $"`streamsql savepoint` started {wait} ms after the endpoint came up; SIGKILL {delay} ms after {what} ({sw.ElapsedMilliseconds} ms after the command started); "
            + $"new savepoints complete at the kill: {NewSavepoints(start).Count(d => File.Exists(Path.Combine(d, "_metadata")))}";
    }

    /// <summary>A point inside the kafka sink's commit and which commit of the run's sink subtasks meets it first (the 1st to
    /// the 3rd: the job goes on long enough for those).</summary>
    private string SinkFault() =>
        (random.Next(2) == 0 ? "before-commit" : "after-data") + "@" + random.Next(1, 4).ToString(CultureInfo.InvariantCulture);

    private async Task<string> WaitForSinkFaultAsync(RunStart start, string fault)
    {
        var exit = await start.Process.WaitForExitAsync(MomentTimeout);
        return exit switch
        {
            ShellJobProcess.KilledExitCode => $"the process killed itself at {fault} ({KafkaSinkFaultVariable})",
            null => $"the process did not reach {fault} within {MomentTimeout.TotalSeconds:0} s; SIGKILL",
            _ => $"the process ended before {fault}",
        };
    }

    private async Task<string> TerminateAsync(RunStart start, CancellationToken cancel)
    {
        int wait = random.Next(100, 900);
        await Task.Delay(wait, cancel);
        start.Process.Terminate();
        var sw = Stopwatch.StartNew();
        bool began = await WaitUntilAsync(() => NewSavepoints(start).Count > 0, start.Process, cancel, pollMs: 2);
        int delay = await ShortPauseAsync(11, cancel);
        return $"SIGTERM {wait} ms after submission; SIGKILL {delay} ms after "
            + (began ? $"the savepoint directory appeared ({sw.ElapsedMilliseconds} ms after SIGTERM)" : "the shell ended");
    }

    /// <summary>The last run: to the end of a bounded job, or until every expected row of an unbounded one is committed
    /// (the input is complete first), two checkpoint intervals more for late duplicates, then SIGTERM.</summary>
    private async Task FinalRunAsync(CancellationToken cancel)
    {
        foreach (var pipeline in _pipelines) await pipeline.StopFeedingAsync();
        var start = StartRun();
        using var run = start.Process;
        if (!await run.WaitForSubmissionAsync(SubmitTimeout))
        {
            await EndWithoutSubmissionAsync(start);
            return;
        }
        int? exit;
        string how;
        if (_pipelines.All(p => p.IsBounded))
        {
            exit = await run.WaitForExitAsync(FinishTimeout);
            how = "last run, to the end";
            if (exit != 0) _errors.Add($"the last run did not finish cleanly: exit code {ExitText(exit)}: {Problem(run)}");
        }
        else
        {
            bool complete = await WaitUntilAsync(AllExpectedCommitted, run, cancel, pollMs: 100, FinishTimeout);
            if (complete) await Task.Delay(scenario.CheckpointInterval * 2 + TimeSpan.FromMilliseconds(200), cancel);
            how = complete ? "last run, stopped with SIGTERM once every expected row was committed"
                : $"last run, stopped with SIGTERM: not every expected row was committed within {FinishTimeout.TotalSeconds:0} s";
            bool endedByItself = run.HasExited;
            run.Terminate();
            exit = await run.WaitForExitAsync(ExitTimeout);
            if (endedByItself)
                _errors.Add($"the last run of an unbounded job ended by itself: exit code {ExitText(exit)}: {Problem(run)}");
            else if (exit is not (ShellJobProcess.TerminatedExitCode or 0))
                _errors.Add($"the last run did not stop cleanly on SIGTERM: exit code {ExitText(exit)}: {Problem(run)}");
        }
        LogRun(start, how, exit == 0 ? RunOutcome.Finished : RunOutcome.Stopped, exit);
    }

    private const string KafkaSinkFaultVariable = "STREAMSQL_KAFKA_SINK_FAULT";

    /// <param name="sinkFault">The run's <c>STREAMSQL_KAFKA_SINK_FAULT</c>, or null.</param>
    private RunStart StartRun(string? sinkFault = null)
    {
        int number = ++_runs;
        int parallelism = scenario.Parallelism[(number - 1) % scenario.Parallelism.Count];
        var script = SoakScript.Build(scenario, _folders, parallelism, _pipelines);
        File.WriteAllText(Path.Combine(scratch, SoakScript.FileName), script);
        if (number == 1) _log.Write("job.sql of run 1:\n" + script.TrimEnd());
        var since = DateTime.UtcNow;
        var foldersBefore = _folders.Describe();
        var checkpointBefore = _folders.NewestCompletedCheckpoint();
        var savepointsBefore = _folders.Savepoints().ToHashSet(StringComparer.Ordinal);
        var environment = ChildEnvironment;
        if (sinkFault is not null) environment[KafkaSinkFaultVariable] = sinkFault;
        var process = ShellJobProcess.Start(shellDll, scratch, ["-f", SoakScript.FileName, "--from-latest-checkpoint"], environment);
        return new RunStart(number, parallelism, process, since, foldersBefore, checkpointBefore, savepointsBefore);
    }

    private async Task<RunOutcome> EndWithoutSubmissionAsync(RunStart start)
    {
        var exit = start.Process.HasExited ? await start.Process.WaitForExitAsync(ExitTimeout) : null;
        start.Process.Kill();
        _errors.Add($"run {start.Number} submitted no job (exit code {ExitText(exit)}): {Problem(start.Process)}");
        LogRun(start, "submitted no job", RunOutcome.Failed, exit);
        return RunOutcome.Failed;
    }

    private void LogRun(RunStart start, string what, RunOutcome outcome, int? exit)
    {
        var said = start.Process.Stdout + start.Process.Stderr;
        if (said.Contains(RestoredNotice, StringComparison.Ordinal)) _restores++;
        var committed = string.Join(", ", _pipelines.Select(p => $"{p.SinkName} {p.CommittedRows().Count}"));
        _log.Write($"run {start.Number} (p={start.Parallelism}, {start.FoldersBefore} at its start): {what}; "
            + $"{outcome.ToString().ToLowerInvariant()} (exit code {ExitText(exit)}) after {start.Process.Elapsed.TotalMilliseconds:0} ms; "
            + $"committed rows: {committed}{RestoreNote(said)}");
    }

    /// <summary>Every pipeline's consent to a SIGKILL now, held until the process is gone.</summary>
    private async Task<IDisposable> HoldKillAsync()
    {
        var holds = new List<IDisposable>();
        foreach (var pipeline in _pipelines) holds.Add(await pipeline.HoldKillAsync());
        return new Holds(holds);
    }

    private sealed class Holds(List<IDisposable> holds) : IDisposable
    {
        public void Dispose()
        {
            foreach (var hold in holds) hold.Dispose();
        }
    }

    private static RunOutcome Classify(int? exit) => exit switch
    {
        ShellJobProcess.KilledExitCode => RunOutcome.Killed,
        ShellJobProcess.TerminatedExitCode => RunOutcome.Stopped,
        0 => RunOutcome.Finished,
        _ => RunOutcome.Failed,
    };

    /// <summary>Every row committed and no checkpoint left: the job had finished (a finished job deletes its checkpoints).</summary>
    private bool JobHadFinished() =>
        _pipelines.All(p => p.IsBounded) && _folders.NewestCompletedCheckpoint() == 0 && AllExpectedCommitted();

    private bool AllExpectedCommitted() =>
        _pipelines.All(p => OutputComparison.Of(p.ExpectedRows(), p.CommittedRows()).Lost == 0);

    private List<string> NewSavepoints(RunStart start) => _folders.Savepoints().Where(d => !start.SavepointsBefore.Contains(d)).ToList();

    private Task<bool> WaitUntilAsync(Func<bool> condition, ShellJobProcess run, CancellationToken cancel, int pollMs) =>
        WaitUntilAsync(condition, run, cancel, pollMs, MomentTimeout);

    /// <summary>Polls <paramref name="condition"/> until it holds (true), or the run exits or the time is up (then the
    /// condition's last value).</summary>
    private static async Task<bool> WaitUntilAsync(Func<bool> condition, ShellJobProcess run, CancellationToken cancel, int pollMs, TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            if (run.HasExited || sw.Elapsed > timeout) return condition();
            await Task.Delay(pollMs, cancel);
        }
        return true;
    }

    /// <summary>A pause of 0..<paramref name="maxExclusiveMs"/> - 1 ms ("right after").</summary>
    private async Task<int> ShortPauseAsync(int maxExclusiveMs, CancellationToken cancel)
    {
        int delay = random.Next(0, maxExclusiveMs);
        if (delay > 0) await Task.Delay(delay, cancel);
        return delay;
    }

    /// <summary>The shell's lines about what it restored from (or why it did not), and its warnings and errors.</summary>
    private static string RestoreNote(string said)
    {
        var all = said.Split('\n');
        var lines = all
            .Where((l, i) => l.Contains("Restoring", StringComparison.Ordinal) || l.Contains("[WARNING]", StringComparison.Ordinal)
                || l.Contains("[ERROR]", StringComparison.Ordinal) || l.Contains("Savepoint", StringComparison.Ordinal)
                || l.Contains("savepoint", StringComparison.Ordinal) || l.Contains("Kafka sink", StringComparison.Ordinal)
                || (i > 0 && all[i - 1].Contains("[ERROR]", StringComparison.Ordinal)))
            .Select(l => l.TrimEnd())
            .Take(16)
            .ToList();
        return lines.Count == 0 ? "" : "\n      said: " + string.Join("\n      said: ", lines);
    }

    /// <summary>Why a run failed: the shell's [ERROR] blocks (with the reason on the lines after them) and warnings, else the
    /// end of what it printed.</summary>
    private static string Problem(ShellJobProcess run)
    {
        var lines = (run.Stdout + run.Stderr).Split('\n').Select(l => l.TrimEnd()).ToList();
        var picked = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Contains("[ERROR]", StringComparison.Ordinal))
                picked.AddRange(lines.Skip(i).Take(3).Where(l => l.Length > 0));
            else if (lines[i].Contains("[WARNING]", StringComparison.Ordinal) && !lines[i].Contains("Skipping a checkpoint", StringComparison.Ordinal))
                picked.Add(lines[i]);
        }
        return picked.Count > 0 ? Tail(string.Join(" / ", picked.Distinct()), 1500) : Tail(run.Stderr + run.Stdout, 600);
    }

    /// <summary>A short output on one line, for the log.</summary>
    private static string OneLine(string text) => Tail(string.Join(" / ", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)), 500);

    private static string ExitText(int? exit) => exit?.ToString(CultureInfo.InvariantCulture) ?? "none: timed out and killed";

    private static string Tail(string text, int max)
    {
        text = text.Trim();
        if (text.Length == 0) return "(no output)";
        return text.Length <= max ? text : "..." + text[^max..];
    }

    private sealed record RunStart(int Number, int Parallelism, ShellJobProcess Process, DateTime SinceUtc, string FoldersBefore, long CheckpointBefore,
        HashSet<string> SavepointsBefore);
}
