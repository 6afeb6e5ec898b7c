using System.Diagnostics;
using System.Globalization;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Runtime;

namespace StreamSql.Benchmarks;

/// <summary>
/// What checkpointing costs a running job, measured in one run against the same job without it:
/// <list type="bullet">
/// <item><c>-- checkpoints [events] [loops] [rounds]</c>: throughput of the bid filter + projection (replayed in-memory bids
/// into a blackhole, parallelism 1) with a 1 s checkpoint interval (filesystem storage), as a ratio of the same job
/// without checkpoints; rounds alternate which goes first, medians are reported.</item>
/// <item><c>-- restart [rounds]</c>: time from start to the first row at the sink for a job restored from a savepoint,
/// against a fresh start of the same job (both include planning the SQL).</item>
/// </list>
/// </summary>
internal static class CheckpointBenchmark
{
    public static async Task<int> RunThroughputAsync(string[] args)
    {
        int events = IntArg(args, 1, 2_000_000);
        int loops = IntArg(args, 2, 200);
        int rounds = IntArg(args, 3, 5);
        var root = TempRoot("ckpt-throughput");
        try
        {
            Console.WriteLine($"Generating {events:N0} Nexmark events (bids only are kept), replayed {loops} times per run...");
            var batches = await NexmarkBids.GenerateAsync(events);
            long bids = 0;
            foreach (var b in batches) bids += b.Length;
            long total = bids * loops;
            Console.WriteLine($"{total:N0} bids per run; checkpoints: interval 1 s, filesystem storage in {root}");
            var job = new BenchmarkJob(batches, loops);
            var without = new Dictionary<string, string>();
            var with = new Dictionary<string, string>
            {
                ["execution.checkpointing.interval"] = "1s",
                ["state.checkpoints.dir"] = Path.Combine(root, "checkpoints"),
            };

            var offRates = new List<double>();
            var onRates = new List<double>();
            var durations = new List<double>();
            long expectedRows = -1;
            for (int round = 0; round < rounds; round++)
            {
                // Alternate the order so drift in the machine's load does not favour one side.
                bool onFirst = round % 2 == 1;
                for (int side = 0; side < 2; side++)
                {
                    bool on = (side == 0) == onFirst;
                    var (rate, rows, checkpoints) = await TimeRunAsync(job, on ? with : without, total, $"throughput-{round}-{on}");
                    if (expectedRows < 0) expectedRows = rows;
                    else if (rows != expectedRows) throw new InvalidOperationException($"row count differs between runs: {rows} vs {expectedRows}");
                    (on ? onRates : offRates).Add(rate);
                    if (on)
                    {
                        foreach (var c in checkpoints) durations.Add(c.Duration.TotalMilliseconds);
                        if (checkpoints.Count == 0) throw new InvalidOperationException("the checkpointed run completed no checkpoint: make it longer (loops)");
                    }
                    string detail = on
                        ? $", {checkpoints.Count} checkpoints ({Summary(checkpoints.Select(c => c.Duration.TotalMilliseconds))} ms each, "
                          + $"{(checkpoints.Count > 0 ? checkpoints[^1].StateSize : 0)} bytes)"
                        : "";
                    Console.WriteLine($"round {round + 1}: checkpoints {(on ? "on " : "off")} {rate / 1e6,7:F2} M bids/s{detail}");
                }
            }
            double off = Median(offRates), onRate = Median(onRates);
            Console.WriteLine();
            Console.WriteLine($"rows kept by the filter per run: {expectedRows:N0}");
            Console.WriteLine($"without checkpoints : {off / 1e6,8:F2} M bids/s (median of {rounds})");
            Console.WriteLine($"checkpoint every 1 s: {onRate / 1e6,8:F2} M bids/s (median of {rounds})");
            Console.WriteLine($"ratio with/without: {onRate / off:F3} (target >= 0.9); checkpoint duration median {Median(durations):F0} ms");
            return 0;
        }
        finally
        {
            TryDelete(root);
        }
    }

    private static async Task<(double Rate, long Rows, IReadOnlyList<CheckpointStats> Checkpoints)> TimeRunAsync(
        BenchmarkJob job, IReadOnlyDictionary<string, string> settings, long bids, string name)
    {
        job.Sink.Reset();
        var watch = Stopwatch.StartNew();
        var handle = job.Start(settings, name);
        // The handle forgets its checkpoint history when the job ends: keep the last list seen while it runs.
        IReadOnlyList<CheckpointStats> checkpoints = Array.Empty<CheckpointStats>();
        while (!handle.Completion.IsCompleted)
        {
            var seen = handle.CompletedCheckpoints;
            if (seen.Count > 0) checkpoints = seen.ToList();
            await Task.WhenAny(handle.Completion, Task.Delay(50));
        }
        await BenchmarkJob.WaitAsync(handle);
        watch.Stop();
        return (bids / watch.Elapsed.TotalSeconds, job.Sink.Rows, checkpoints);
    }

    public static async Task<int> RunRestartAsync(string[] args)
    {
        int rounds = IntArg(args, 1, 7);
        var root = TempRoot("ckpt-restart");
        try
        {
            var batches = await NexmarkBids.GenerateAsync(500_000);
            var job = new BenchmarkJob(batches, loops: 100_000); // runs until stopped
            var settings = new Dictionary<string, string>
            {
                ["execution.checkpointing.interval"] = "1s",
                ["state.checkpoints.dir"] = Path.Combine(root, "checkpoints"),
                ["state.savepoints.dir"] = Path.Combine(root, "savepoints"),
            };
            Console.WriteLine("restart to first output: the bid filter + projection from replayed bids, parallelism 1; planning included");
            var fresh = new List<double>();
            var restored = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                // Fresh start: plan + start until the first row reaches the sink; then stop with a savepoint.
                job.Sink.Reset();
                long t0 = Stopwatch.GetTimestamp();
                var first = job.Start(settings, "restart");
                double freshMs = await FirstRowMsAsync(job.Sink, t0, first);
                var savepoint = await first.StopWithSavepointAsync(null);
                await BenchmarkJob.WaitAsync(first);

                // Restore from that savepoint: plan + load + verify + restore until the first row reaches the sink.
                job.Sink.Reset();
                t0 = Stopwatch.GetTimestamp();
                var second = job.Start(settings, "restart", new JobStartOptions { RestorePath = savepoint.Path });
                double restoredMs = await FirstRowMsAsync(job.Sink, t0, second);
                second.Cancel();
                await second.Completion;
                fresh.Add(freshMs);
                restored.Add(restoredMs);
                Console.WriteLine($"round {round + 1}: fresh start {freshMs,7:F1} ms, restored from savepoint {restoredMs,7:F1} ms ({savepoint.StateSize} bytes of state)");
            }
            Console.WriteLine();
            Console.WriteLine($"fresh start to first row       : {Median(fresh),7:F1} ms (median of {rounds})");
            Console.WriteLine($"restore from savepoint to first: {Median(restored),7:F1} ms (median of {rounds})");
            Console.WriteLine($"difference (restore overhead)  : {Median(restored) - Median(fresh),7:F1} ms");
            return 0;
        }
        finally
        {
            TryDelete(root);
        }
    }

    /// <summary>
    /// <c>-- restart-process [rounds]</c>: the user's view of a crash. <c>streamsql -f job.sql</c> (datagen → filesystem csv
    /// sink, 500 ms checkpoints) is started and timed until its first committed (visible) part file, killed with SIGKILL
    /// after two checkpoints, then started again with <c>--from-latest-checkpoint</c> and timed until the next new visible
    /// part file. Needs a Release build of the shell (<c>dotnet build -c Release src/Shell</c>) or <c>STREAMSQL_DLL</c>.
    /// </summary>
    public static async Task<int> RunProcessRestartAsync(string[] args)
    {
        int rounds = IntArg(args, 1, 5);
        var dll = Environment.GetEnvironmentVariable("STREAMSQL_DLL") is { Length: > 0 } given ? given : FindShellDll();
        if (dll is null || !File.Exists(dll))
        {
            Console.Error.WriteLine("streamsql.dll not found: build it with `dotnet build -c Release src/Shell` or set STREAMSQL_DLL");
            return 1;
        }
        Console.WriteLine($"restart of a killed `streamsql -f` process to its first committed output ({dll})");
        var fresh = new List<double>();
        var restored = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            var root = TempRoot("proc-restart");
            Directory.CreateDirectory(root);
            try
            {
                var output = Path.Combine(root, "out");
                var checkpoints = Path.Combine(root, "checkpoints");
                await File.WriteAllTextAsync(Path.Combine(root, "job.sql"), $"""
                    SET 'execution.checkpointing.interval' = '500ms';
                    SET 'state.checkpoints.dir' = '{checkpoints}';
                    SET 'pipeline.name' = 'restart';
                    CREATE TABLE src (id BIGINT, name STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '100000',
                      'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000000000');
                    CREATE TABLE out (id BIGINT, name STRING) WITH ('connector' = 'filesystem', 'path' = '{output}', 'format' = 'csv');
                    INSERT INTO out SELECT id, name FROM src;
                    """);
                using (var first = StartShell(dll, root))
                {
                    var watch = Stopwatch.StartNew();
                    await WaitForNewVisibleFileAsync(output, new HashSet<string>(), first);
                    fresh.Add(watch.Elapsed.TotalMilliseconds);
                    var job = Path.Combine(checkpoints, "restart");
                    while (!Directory.Exists(job) || Directory.GetDirectories(job, "chk-*").Count(d => File.Exists(Path.Combine(d, "_metadata"))) == 0
                        || VisibleFiles(output).Count < 2)
                        await Task.Delay(20);
                    first.Kill();
                    await first.WaitForExitAsync();
                }
                var before = VisibleFiles(output);
                using (var second = StartShell(dll, root, "--from-latest-checkpoint"))
                {
                    var watch = Stopwatch.StartNew();
                    await WaitForNewVisibleFileAsync(output, before, second);
                    restored.Add(watch.Elapsed.TotalMilliseconds);
                    second.Kill();
                    await second.WaitForExitAsync();
                }
                Console.WriteLine($"round {round + 1}: fresh process to first committed file {fresh[^1],7:F0} ms, "
                    + $"restarted with --from-latest-checkpoint {restored[^1],7:F0} ms");
            }
            finally
            {
                TryDelete(root);
            }
        }
        Console.WriteLine();
        Console.WriteLine($"fresh start to first committed output  : {Median(fresh),7:F0} ms (median of {rounds})");
        Console.WriteLine($"restart from the latest checkpoint     : {Median(restored),7:F0} ms (median of {rounds})");
        return 0;
    }

    private static Process StartShell(string dll, string directory, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("job.sql");
        foreach (var e in extra) start.ArgumentList.Add(e);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + dll);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return process;
    }

    private static async Task WaitForNewVisibleFileAsync(string directory, HashSet<string> before, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            foreach (var file in VisibleFiles(directory))
                if (!before.Contains(file) && new FileInfo(file).Length > 0) return;
            if (process.HasExited) throw new InvalidOperationException($"streamsql exited with {process.ExitCode} before committing output");
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("no committed output within 60 s");
            await Task.Delay(2);
        }
    }

    private static HashSet<string> VisibleFiles(string directory)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory)) return files;
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith('.') && !name.StartsWith('_')) files.Add(file);
        }
        return files;
    }

    private static string? FindShellDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var bin = Path.Combine(dir.FullName, "src", "Shell", "bin", "Release");
            if (Directory.Exists(bin))
                return Directory.EnumerateFiles(bin, "streamsql.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        }
        return null;
    }

    private static async Task<double> FirstRowMsAsync(CountingSinkConnector sink, long start, JobHandle job)
    {
        while (sink.FirstWriteTimestamp == 0)
        {
            if (job.Completion.IsCompleted) await BenchmarkJob.WaitAsync(job);
            await Task.Delay(1);
        }
        return Stopwatch.GetElapsedTime(start, sink.FirstWriteTimestamp).TotalMilliseconds;
    }

    private static string Summary(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0) return "-";
        list.Sort();
        return list.Count == 1 ? $"{list[0]:F0}" : $"{list[0]:F0}-{list[^1]:F0}";
    }

    internal static double Median(List<double> xs)
    {
        var copy = new List<double>(xs);
        copy.Sort();
        return copy.Count == 0 ? double.NaN : copy[copy.Count / 2];
    }

    private static int IntArg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static string TempRoot(string name) =>
        Path.Combine(Path.GetTempPath(), $"streamsql-{name}-{Guid.NewGuid().ToString("N")[..8]}");

    private static void TryDelete(string root)
    {
        try
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
