using System.Globalization;
using System.Text;
using System.Text.Json;
using StreamSql.EndToEnd.Runner;
using StreamSql.Soak.Output;
using StreamSql.Soak.Processes;
using StreamSql.Soak.Rounds;
using Xunit.Abstractions;

namespace StreamSql.EndToEnd;

/// <summary>
/// What the kill-and-restore tests share: a scratch directory per test, the seeded kill moments, the shell processes and
/// the kill/restart/finish loop with its checks and failure reports. The tests are split over two classes
/// (<see cref="KillAndRestoreTests"/>, <see cref="KillAndRestoreMoreTests"/>) only so that xunit runs the halves side by side.
/// </summary>
public abstract class KillAndRestoreHarness : IDisposable
{
    /// <summary>Environment variable fixing the seed of the kill moments (to replay a failure).</summary>
    public const string SeedVariable = "STREAMSQL_KILL_SEED";

    protected const string JobName = "killjob";
    protected const int SigTermExitCode = ShellJobProcess.TerminatedExitCode;
    protected static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(30);
    protected static readonly TimeSpan FinishTimeout = TimeSpan.FromSeconds(60);

    protected readonly ITestOutputHelper _output;
    protected readonly string _scratch;
    protected readonly string _shellDll;
    protected readonly int _seed;
    protected readonly Random _random;
    protected readonly StringBuilder _log = new();
    protected bool _passed;
    protected string? _recoveryPath;

    protected KillAndRestoreHarness(ITestOutputHelper output)
    {
        _output = output;
        _shellDll = ShellProcess.Locate(out var why) ?? throw new InvalidOperationException(why);
        _seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : Random.Shared.Next();
        _random = new Random(_seed);
        _scratch = Path.Combine(Path.GetTempPath(), "streamsql-e2e", "kill-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_scratch);
        Log($"seed {_seed} (replay: {SeedVariable}={_seed}), scratch {_scratch}");
    }

    public void Dispose()
    {
        if (!_passed) return; // kept for inspection
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    protected string Out => Path.Combine(_scratch, "out");
    protected string Checkpoints => Path.Combine(_scratch, "checkpoints");
    protected string Savepoints => Path.Combine(_scratch, "savepoints");
    protected JobSnapshotFolders Snapshots => new(Checkpoints, Savepoints, JobName);

    /// <summary>Runs job.sql with <c>--from-latest-checkpoint</c> <paramref name="kills"/> times, each killed with SIGKILL
    /// a random 0..<paramref name="maxDelayMs"/> ms after the first checkpoint it completed (so runs get somewhere and the
    /// kill lands anywhere in the checkpoint cycle: mid-batch, mid-snapshot, between _metadata and the commit) or, for one
    /// run in four after the first, that long after its job was submitted (a restored run dying before its first checkpoint),
    /// then once more to the end (<paramref name="beforeRun"/>, given the run's number from 1, may rewrite job.sql first);
    /// the committed output must be <paramref name="expected"/>, each row exactly once.
    /// With <paramref name="feeding"/> (an unbounded job whose input is still arriving) the last run is stopped with SIGTERM
    /// once the input is complete and every expected row is committed; <paramref name="finalRunStarted"/> is set when the
    /// last run has started.
    /// With <paramref name="savepointStopRun"/> (a run number from 1) that run is not killed but stopped with
    /// <c>STOP JOB '&lt;id&gt;' WITH SAVEPOINT</c> from a second script (<see cref="StopWithSavepointAsync"/>), and the scripts
    /// of the later runs name the savepoint with <c>SET 'execution.savepoint.path'</c> (<see cref="Settings"/>).</summary>
    protected async Task KillRestartAndFinishAsync(int kills, IReadOnlyList<string> expected, int maxDelayMs, Task? feeding = null,
        TaskCompletionSource? finalRunStarted = null, Action<int>? beforeRun = null, bool lastKillAfterOutput = false,
        Func<string, List<string>>? readOutput = null, int savepointStopRun = 0)
    {
        var committedOutput = readOutput ?? CommittedOutput.Read;
        int restoredRuns = 0;
        for (int k = 1; k <= kills; k++)
        {
            var before = CompletedCheckpoints();
            if (before.Count > 0) restoredRuns++;
            beforeRun?.Invoke(k);
            using var run = StartShell("--from-latest-checkpoint");
            if (!await run.WaitForSubmissionAsync(SubmitTimeout))
                Fail($"run {k} did not submit its job (exit code {(run.HasExited ? (await run.WaitForExitAsync(FinishTimeout))?.ToString(CultureInfo.InvariantCulture) : "none, still running")})", run);
            var submitted = run.Elapsed;
            long newest = before.Count > 0 ? before[0] : 0;
            // Mostly after the run's first checkpoint; sometimes (not the first run) at once, before it could take one.
            // With lastKillAfterOutput the last kill also waits for committed output (a window job commits rows only once its
            // windows fire): on a slow machine the first checkpoints may come before any, and the test would prove nothing.
            bool awaitOutput = lastKillAfterOutput && k == kills;
            bool early = k > 1 && !awaitOutput && _random.Next(4) == 0;
            while (!early && !run.HasExited && (CompletedCheckpoints() is var now && (now.Count == 0 || now[0] <= newest)
                       || awaitOutput && committedOutput(Out).Count == 0))
            {
                if (run.Elapsed - submitted > SubmitTimeout) Fail($"run {k} completed no checkpoint within {SubmitTimeout.TotalSeconds:0} s", run);
                await Task.Delay(10);
            }
            var checkpointed = run.Elapsed;
            int delay = _random.Next(0, maxDelayMs + 1);
            await Task.Delay(delay);
            if (run.HasExited)
                Fail($"run {k} ended by itself before the kill: the job is too short for this test", run);
            if (k == savepointStopRun)
            {
                await StopWithSavepointAsync(run);
                restoredRuns++; // the next run starts from the savepoint
            }
            else
            {
                run.Kill();
                if (await run.WaitForExitAsync(TimeSpan.FromSeconds(10)) is null) Fail($"run {k} did not die after SIGKILL", run);
            }
            Log($"run {k}: checkpoints on disk at start [{string.Join(", ", before)}], job submitted after {Ms(submitted)}, "
                + (early ? "no wait for a checkpoint, " : $"first new checkpoint {Ms(checkpointed - submitted)} later, ")
                + (k == savepointStopRun ? $"STOP JOB WITH SAVEPOINT {delay} ms after that ({_recoveryPath}); " : $"SIGKILL {delay} ms after that; ")
                + $"then committed rows: {committedOutput(Out).Count}, checkpoints [{string.Join(", ", CompletedCheckpoints())}]"
                + RestoreNote(run.Stdout + run.Stderr));
        }

        var final = CompletedCheckpoints();
        if (final.Count > 0) restoredRuns++;
        int committedBefore = committedOutput(Out).Count;
        beforeRun?.Invoke(kills + 1);
        using (var last = StartShell("--from-latest-checkpoint"))
        {
            finalRunStarted?.TrySetResult();
            int? exit;
            if (feeding is null)
            {
                exit = await last.WaitForExitAsync(FinishTimeout);
            }
            else
            {
                // Unbounded: wait for the input to be complete and committed, give late duplicates two checkpoint
                // intervals to show up, then stop the job.
                await feeding;
                while (!last.HasExited && committedOutput(Out).Count < expected.Count && last.Elapsed < FinishTimeout)
                    await Task.Delay(50);
                await Task.Delay(700);
                if (last.HasExited) Fail("the final run of an unbounded job ended by itself", last);
                last.Terminate();
                exit = await last.WaitForExitAsync(TimeSpan.FromSeconds(30));
                if (exit == SigTermExitCode) exit = 0;
            }
            Log($"final run: checkpoints on disk at start [{string.Join(", ", final)}], exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "(timed out)"} after {Ms(last.Elapsed)}"
                + RestoreNote(last.Stdout + last.Stderr));
            if (exit != 0) Fail($"the final run did not finish cleanly (exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "none: timed out"})", last);
        }

        var diff = CommittedOutput.CompareExactlyOnce(expected, committedOutput(Out));
        if (diff is not null) Fail(diff + $"  sink files: {CommittedOutput.Listing(Out)}", null);
        // The kills must have landed mid-job: some runs restored from a checkpoint and output was committed before the last run.
        Assert.True(restoredRuns >= kills - 1, Report($"only {restoredRuns} of {kills + 1} runs found a completed checkpoint to restore from"));
        Assert.True(committedBefore > 0, Report("nothing was committed before the final run: the killed runs did not get far enough"));
        Assert.True(committedBefore < expected.Count, Report("everything was committed before the final run"));
        Pass();
    }

    /// <summary>Stops <paramref name="run"/>'s job with <c>STOP JOB '&lt;id&gt;' WITH SAVEPOINT</c> from a second script (the
    /// savepoint directory set there only, so a later <c>--from-latest-checkpoint</c> does not find the savepoint by itself);
    /// the job's engine must then end normally. Later <see cref="Settings"/> name the savepoint.</summary>
    protected async Task StopWithSavepointAsync(ShellJobProcess run)
    {
        var stop = await SavepointStop.StopAsync(_shellDll, _scratch, run.JobId!, Savepoints, SubmitTimeout);
        Log($"STOP JOB '{run.JobId}' WITH SAVEPOINT ({stop.Attempts} attempts, {Ms(stop.Took)}): exit code {stop.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "(timed out)"}, said:\n    "
            + stop.Said.TrimEnd().Replace("\n", "\n    ", StringComparison.Ordinal));
        if (stop.ExitCode != 0 || stop.SavepointPath is null) Fail("STOP JOB ... WITH SAVEPOINT did not print a savepoint path", run);
        var exit = await run.WaitForExitAsync(FinishTimeout);
        if (exit != 0) Fail($"the job's engine did not end normally after STOP JOB ... WITH SAVEPOINT (exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "none: timed out"})", run);
        if (!File.Exists(Path.Combine(stop.SavepointPath!, "_metadata"))) Fail($"the savepoint {stop.SavepointPath} has no _metadata", run);
        _recoveryPath = stop.SavepointPath;
    }

    protected ShellJobProcess StartShell(params string[] extra) =>
        ShellJobProcess.Start(_shellDll, _scratch, new[] { "-f", ScenarioRunner.ScriptName }.Concat(extra));

    protected string Settings(string backend, int parallelism, int retained = 1, bool savepoints = false)
    {
        var sb = new StringBuilder();
        sb.AppendLine("SET 'execution.checkpointing.interval' = '300ms';");
        sb.AppendLine($"SET 'state.checkpoints.dir' = '{Checkpoints}';");
        if (savepoints) sb.AppendLine($"SET 'state.savepoints.dir' = '{Savepoints}';");
        sb.AppendLine($"SET 'execution.checkpointing.num-retained' = '{retained}';");
        sb.AppendLine($"SET 'state.backend.type' = '{backend}';");
        sb.AppendLine($"SET 'pipeline.name' = '{JobName}';");
        sb.AppendLine($"SET 'parallelism.default' = '{parallelism}';");
        if (_recoveryPath is not null) sb.AppendLine($"SET 'execution.savepoint.path' = '{_recoveryPath}';");
        return sb.ToString();
    }

    protected static string Datagen(int rows, int rowsPerSecond) =>
        $"CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '{rowsPerSecond}', "
        + $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{rows}');";

    protected static List<string> Sequence(int rows) =>
        Enumerable.Range(1, rows).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();

    protected void WriteScript(params string[] statements)
    {
        var text = string.Join("\n", statements) + "\n";
        File.WriteAllText(Path.Combine(_scratch, ScenarioRunner.ScriptName), text);
        Log("job.sql:\n" + text.TrimEnd());
    }

    /// <summary>Ids of the completed checkpoints of the job on disk (directories with a <c>_metadata</c>), newest first.</summary>
    protected List<long> CompletedCheckpoints() => Snapshots.CompletedCheckpoints();

    protected string CheckpointDirectory(long id) => Snapshots.CheckpointDirectory(id);

    /// <summary>The shell's lines about what it restored from (or why it did not), for the log.</summary>
    protected static string RestoreNote(string said)
    {
        var lines = LineMatcher.SplitLines(said)
            .Where(l => l.Contains("checkpoint", StringComparison.OrdinalIgnoreCase) || l.Contains("savepoint", StringComparison.OrdinalIgnoreCase)
                || l.Contains("restor", StringComparison.OrdinalIgnoreCase))
            .Take(6).ToList();
        return lines.Count == 0 ? "" : "\n    said: " + string.Join("\n    said: ", lines);
    }

    protected static string Ms(TimeSpan? t) => t is null ? "(never)" : $"{t.Value.TotalMilliseconds:0} ms";

    protected void Log(string line)
    {
        _log.AppendLine(line);
        try
        {
            _output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // No test is running (constructor output before the test starts is still accepted by xunit).
        }
    }

    protected void Pass() => _passed = true;

    protected string Report(string failure, ShellJobProcess? run = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine(failure.TrimEnd());
        sb.AppendLine($"--- log (seed {_seed}; replay with {SeedVariable}={_seed}; scratch kept: {_scratch}):");
        sb.Append(_log);
        if (run is not null)
        {
            sb.AppendLine("--- stdout of that run:");
            sb.AppendLine(Tail(run.Stdout));
            sb.AppendLine("--- stderr of that run:");
            sb.AppendLine(Tail(run.Stderr));
        }
        return sb.ToString();
    }

    protected void Fail(string failure, ShellJobProcess? run) => Assert.Fail(Report(failure, run));

    protected static string Tail(string text)
    {
        const int Max = 6000;
        text = text.TrimEnd();
        if (text.Length == 0) return "(empty)";
        return text.Length <= Max ? text : $"... ({text.Length - Max} characters before)\n{text[^Max..]}";
    }

    /// <summary>The parallelism of each run, from a theory's "1,2,1".</summary>
    protected static int[] ParallelismsOf(string parallelisms) =>
        parallelisms.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The parallelism of run <paramref name="run"/> (1-based); runs past the list keep its last one.</summary>
    protected static int ParallelismOfRun(int[] perRun, int run) => perRun[Math.Min(run, perRun.Length) - 1];

    /// <summary>A time as the csv format writes it: fractional seconds without trailing zeros.</summary>
    protected static string SessionTime(long ms)
    {
        var t = DateTime.UnixEpoch.AddMilliseconds(ms);
        return CsvTimestamp(t.Millisecond == 0 ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture).TrimEnd('0'));
    }

    /// <summary>The csv format quotes a timestamp, as Flink's Jackson generator does with text holding a space.</summary>
    protected static string CsvTimestamp(string text) => "\"" + text + "\"";

    /// <summary>The session rows of <see cref="Session_window_aggregation_killed_and_restored_at_other_parallelisms_commits_every_session_exactly_once"/>
    /// computed here: per key id % 7 and block of 500 rows, one session from its first row to its last row + 1 s.</summary>
    protected static List<string> ExpectedSessions(int rows)
    {
        var sessions = new SortedDictionary<(long Key, long Block), (long Start, long End, long N, long Sum, long Min)>();
        for (long id = 1; id <= rows; id++)
        {
            long block = (id - 1) / 500, ts = id * 10 + block * 2000;
            var (start, end, n, sum, min) = sessions.GetValueOrDefault((id % 7, block), (long.MaxValue, long.MinValue, 0, 0, long.MaxValue));
            sessions[(id % 7, block)] = (Math.Min(start, ts), Math.Max(end, ts + 1000), n + 1, sum + id, Math.Min(min, id));
        }
        static string Time(long ms)
        {
            var t = DateTime.UnixEpoch.AddMilliseconds(ms);
            // The csv format writes fractional seconds without trailing zeros.
            return CsvTimestamp(t.Millisecond == 0 ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                : t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture).TrimEnd('0'));
        }
        return sessions.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Key.Key},{Time(s.Value.Start)},{Time(s.Value.End)},{s.Value.N},{s.Value.Sum},{s.Value.Min}")).ToList();
    }

    /// <summary>The window rows of <see cref="Window_aggregation_killed_and_restored_at_other_parallelisms_commits_every_window_exactly_once"/>
    /// computed here: row id at id * 10 ms, windows of <paramref name="sizeSeconds"/> s sliding by 1 s, key id % 7; with
    /// <paramref name="withTotals"/> also each window's row over all keys, its key NULL (an empty csv field).</summary>
    protected static List<string> ExpectedWindows(int rows, int sizeSeconds, bool withTotals = false)
    {
        const long AllKeys = -1;
        var windows = new SortedDictionary<(long Key, long End), (long N, long Sum, long Min)>();
        for (long id = 1; id <= rows; id++)
        {
            long firstEnd = id * 10 / 1000 + 1;
            for (long end = firstEnd; end < firstEnd + sizeSeconds; end++)
            {
                foreach (long key in withTotals ? [id % 7, AllKeys] : new[] { id % 7 })
                {
                    var (n, sum, min) = windows.GetValueOrDefault((key, end), (0, 0, long.MaxValue));
                    windows[(key, end)] = (n + 1, sum + id, Math.Min(min, id));
                }
            }
        }
        static string Time(long seconds) => CsvTimestamp(DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        return windows.Select(w => string.Create(CultureInfo.InvariantCulture,
            $"{(w.Key.Key == AllKeys ? "" : w.Key.Key.ToString(CultureInfo.InvariantCulture))},{Time(w.Key.End - sizeSeconds)},{Time(w.Key.End)},{w.Value.N},{w.Value.Sum},{w.Value.Min}")).ToList();
    }

    /// <summary>What an upsert print sink keyed by its first column ends with over all runs (the last +I/+U of each key,
    /// none after a -D) must be <paramref name="expected"/>, the rest of each row as printed.</summary>
    protected void AssertLatestPerKey(string printed, Dictionary<long, string> expected)
    {
        var latest = new Dictionary<long, string>();
        foreach (var line in LineMatcher.SplitLines(printed))
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, @"^(?:\d+> )?([+-][IUD])\[(-?\d+), (.*)\]$");
            if (!match.Success) continue;
            long key = long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            switch (match.Groups[1].Value)
            {
                case "+I" or "+U": latest[key] = match.Groups[3].Value; break;
                case "-D": latest.Remove(key); break;
            }
        }
        var wrong = expected.Where(e => !latest.TryGetValue(e.Key, out var v) || v != e.Value)
            .Select(e => $"{e.Key}: expected {e.Value}, last printed {(latest.TryGetValue(e.Key, out var v) ? v : "nothing")}").ToList();
        if (wrong.Count > 0 || latest.Count != expected.Count)
            Fail($"{wrong.Count} keys end wrong: {string.Join("; ", wrong.Take(10))} ({latest.Count} keys printed, {expected.Count} expected)", null);
    }

    /// <summary>Runs the job of <paramref name="script"/>, kills it three times (each after a new checkpoint) restoring from
    /// the latest checkpoint, then lets the job of <paramref name="finalScript"/> finish from it; returns what all runs printed.</summary>
    protected async Task<string> KillThreeTimesThenFinishAsync(string[] script, string[] finalScript)
    {
        WriteScript(script);
        var printed = new StringBuilder();
        for (int k = 1; k <= 3; k++)
        {
            var before = CompletedCheckpoints();
            using var run = StartShell("--from-latest-checkpoint");
            if (!await run.WaitForSubmissionAsync(SubmitTimeout)) Fail($"run {k} did not submit its job", run);
            long newest = before.Count > 0 ? before[0] : 0;
            while (!run.HasExited && (CompletedCheckpoints() is var now && (now.Count == 0 || now[0] <= newest)))
            {
                if (run.Elapsed > SubmitTimeout) Fail($"run {k} completed no checkpoint", run);
                await Task.Delay(10);
            }
            await Task.Delay(_random.Next(0, 400));
            if (run.HasExited) Fail($"run {k} ended by itself before the kill: the job is too short for this test", run);
            run.Kill();
            if (await run.WaitForExitAsync(TimeSpan.FromSeconds(10)) is null) Fail($"run {k} did not die after SIGKILL", run);
            printed.Append(run.Stdout);
            Log($"run {k}: checkpoints at start [{string.Join(", ", before)}], after [{string.Join(", ", CompletedCheckpoints())}]" + RestoreNote(run.Stdout + run.Stderr));
        }
        WriteScript(finalScript);
        using (var last = StartShell("--from-latest-checkpoint"))
        {
            var exit = await last.WaitForExitAsync(FinishTimeout);
            if (exit != 0) Fail($"the final run did not finish cleanly (exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "none: timed out"})", last);
            if (!last.Stdout.Contains("restor", StringComparison.OrdinalIgnoreCase) && !last.Stderr.Contains("restor", StringComparison.OrdinalIgnoreCase))
                Log("final run: no restore note");
            printed.Append(last.Stdout);
        }

        return printed.ToString();
    }

    /// <summary>Row id at id * 10 ms (in order), key id % 5, paced so that the runs are killed mid-stream.</summary>
    protected static string EventSource(int rows, int rowsPerSecond) =>
        "CREATE TABLE src (id BIGINT, k AS CAST(id % 5 AS INT), ts AS TO_TIMESTAMP_LTZ(id * 10, 3), WATERMARK FOR ts AS ts - INTERVAL '0.2' SECOND) "
        + $"WITH ('connector' = 'datagen', 'rows-per-second' = '{rowsPerSecond}', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{rows}');";

    /// <summary>Replays the committed messages in file order per sink key (the first <paramref name="keyWidth"/> columns):
    /// every delete must retract the key's current row and every insert find the key empty, every message must be written
    /// as Flink's serializer writes it, and what remains must be DuckDB's answer to <paramref name="batchSql"/> (rows as
    /// comma-joined values).</summary>
    protected void AssertReplayEndsInBatchAnswer(string format, int keyWidth, string batchSql)
    {
        _passed = false;
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        var faults = new List<string>();
        foreach (var line in CommittedInFileOrder(Out))
        {
            var (isInsert, row, names) = ParseChangeMessage(format, line);
            var key = string.Join(",", row.Split(',').Take(keyWidth));
            if (isInsert && !current.TryAdd(key, row)) faults.Add($"insert {row} while {current[key]} is current (a replayed change)");
            else if (!isInsert && !(current.TryGetValue(key, out var now) && now == row && current.Remove(key)))
                faults.Add($"delete {row} while {(current.TryGetValue(key, out var other) ? other : "nothing")} is current");
            var rewritten = ChangeMessage(format, isInsert, names, row.Split(','));
            if (rewritten != line) faults.Add($"message {line} is not written as Flink writes it ({rewritten})");
        }
        var end = CommittedOutput.CompareExactlyOnce(ParquetOutput.Read(batchSql), current.Values.ToList());
        if (faults.Count > 0 || end is not null)
            Fail($"replayed in file order: {faults.Count} faults ({string.Join("; ", faults.Take(10))}); end state against DuckDB's batch answer: {end ?? "equal"}", null);
        Pass();
    }

    /// <summary>A change as Flink's serialization schema of the format writes it (DebeziumJsonSerializationSchema: before,
    /// after, op "c"/"d"; CanalJsonSerializationSchema: a one-element data array and type INSERT/DELETE;
    /// MaxwellJsonSerializationSchema: data and type insert/delete).</summary>
    protected static string ChangeMessage(string format, bool insert, string[] columns, IReadOnlyList<string> values)
    {
        var image = "{" + string.Join(",", columns.Select((c, i) => $"\"{c}\":{values[i]}")) + "}";
        return format switch
        {
            "debezium-json" => insert ? $"{{\"before\":null,\"after\":{image},\"op\":\"c\"}}" : $"{{\"before\":{image},\"after\":null,\"op\":\"d\"}}",
            "canal-json" => $"{{\"data\":[{image}],\"type\":\"{(insert ? "INSERT" : "DELETE")}\"}}",
            _ => $"{{\"data\":{image},\"type\":\"{(insert ? "insert" : "delete")}\"}}",
        };
    }

    /// <summary>Whether a committed message inserts or deletes, its row's values (JSON texts) joined by commas, and its
    /// field names.</summary>
    protected static (bool Insert, string Row, string[] Names) ParseChangeMessage(string format, string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var (insert, image) = format switch
        {
            "debezium-json" => root.GetProperty("op").GetString() == "c" ? (true, root.GetProperty("after")) : (false, root.GetProperty("before")),
            "canal-json" => (root.GetProperty("type").GetString() == "INSERT", root.GetProperty("data")[0]),
            _ => (root.GetProperty("type").GetString() == "insert", root.GetProperty("data")),
        };
        return (insert, string.Join(",", image.EnumerateObject().Select(p => p.Value.GetRawText())), image.EnumerateObject().Select(p => p.Name).ToArray());
    }

    /// <summary>The committed lines of a sink directory, files in the order they were written (last write time; a part
    /// file is closed at a checkpoint barrier or when it rolls, and its commit keeps the time), so the messages of one key,
    /// which one subtask writes at a time, come in the order they were emitted; with <paramref name="withPartition"/> each
    /// line prefixed with its file's partition path and '|'.</summary>
    protected static List<string> CommittedInFileOrder(string directory, bool withPartition)
    {
        var lines = new List<string>();
        if (!Directory.Exists(directory)) return lines;
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f))
            .Where(f => !CommittedOutput.IsHidden(f))
            .Select(f => (Relative: f, Written: File.GetLastWriteTimeUtc(Path.Combine(directory, f))))
            .OrderBy(f => f.Written).ThenBy(f => PartNumber(f.Relative)).ThenBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (relative, _) in files)
        {
            var prefix = withPartition ? Path.GetDirectoryName(relative) + "|" : "";
            try
            {
                lines.AddRange(File.ReadAllLines(Path.Combine(directory, relative)).Where(l => l.Length > 0).Select(l => prefix + l));
            }
            catch (FileNotFoundException)
            {
                // Removed between the listing and the read (a restore cleaning up): what is committed is read by the next look.
            }
        }
        return lines;
    }

    protected static List<string> CommittedInFileOrder(string directory) => CommittedInFileOrder(directory, withPartition: false);

    /// <summary>The n of a part file <c>part-&lt;uuid&gt;-&lt;subtask&gt;-&lt;n&gt;</c> (a subtask's files in the order it opened them).</summary>
    protected static long PartNumber(string path) =>
        long.TryParse(path.AsSpan(path.LastIndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
