using System.Globalization;
using System.Text.RegularExpressions;
using StreamSql.Bench.Queries;
using StreamSql.Bench.Sinks;
using StreamSql.Bench.Sources;
using StreamSql.Connectors;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Connectors;

namespace StreamSql.Bench.Engine;

/// <summary>
/// Runs one Nexmark query through the engine as a user would: the DDL and the query file as SQL text in a
/// <see cref="StreamSqlEnvironment"/>, the INSERT as a job at the asked parallelism with exactly-once checkpoints into a
/// scratch directory. The sink connectors are observed (<see cref="ObservedSinkConnector"/>): counted in a timed run,
/// fingerprinted in a check run.
/// </summary>
internal sealed partial class EngineRunner(NexmarkQueries queries, NexmarkBenchOptions options, NexmarkEvents? memory)
{
    /// <summary>The source tables' DDL with this run's values.</summary>
    public string Ddl => Substitute(queries.Ddl, new Dictionary<string, string>
    {
        ["EVENTS_NUM"] = options.Events.ToString(CultureInfo.InvariantCulture),
        ["TPS"] = options.EventRate.ToString(CultureInfo.InvariantCulture),
        ["BASE_TIME"] = options.BaseTime,
    });

    /// <summary>Runs <paramref name="query"/> once.</summary>
    /// <param name="check">Fingerprint the committed result (else only count it, as cheaply as a blackhole).</param>
    /// <param name="progress">Rows the sources read so far and time since the start, at every sample.</param>
    /// <param name="profile">Where to write a CPU profile of the run (from the INSERT to the job's end), or null.</param>
    public async Task<EngineRunResult> RunAsync(NexmarkQuery query, bool check, Action<long, TimeSpan>? progress, CancellationToken cancellationToken,
        string? profile = null)
    {
        var scratch = Directory.CreateTempSubdirectory("streamsql-nexmark-");
        try
        {
            var dataDir = Directory.CreateDirectory(Path.Combine(scratch.FullName, "data"));
            await WriteSideInputAsync(Path.Combine(dataDir.FullName, "side_input.txt"), cancellationToken).ConfigureAwait(false);
            var sourceProgress = new SourceProgress();
            var observation = new SinkObservation();
            var settings = new StreamSqlOptions { Output = TextWriter.Null };
            settings.Settings["parallelism.default"] = options.Parallelism.ToString(CultureInfo.InvariantCulture);
            settings.Settings["pipeline.name"] = "nexmark-" + query.Name;
            if (options.CheckpointInterval is { } interval)
            {
                settings.Settings["execution.checkpointing.interval"] = ((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
                settings.Settings["execution.checkpointing.mode"] = "EXACTLY_ONCE";
                settings.Settings["execution.checkpointing.dir"] = Path.Combine(scratch.FullName, "checkpoints");
            }
            settings.Connectors.Add(memory is not null && options.Source == SourceMode.Memory
                ? new MemoryNexmarkConnector(memory, sourceProgress)
                : new CountingNexmarkConnector(sourceProgress));
            var builtIn = BuiltInConnectors.CreateRegistry();
            settings.Connectors.Add(new ObservedSinkConnector(Required(builtIn, "blackhole"), observation, check));
            // A check replaces every sink of the suite (q10 writes files); a timed run keeps the real file sink.
            if (check) settings.Connectors.Add(new ObservedSinkConnector(Required(builtIn, "filesystem"), observation, fingerprint: true));

            await using var env = StreamSqlEnvironment.Create(settings);
            await env.ExecuteScriptAsync(Ddl, "ddl.sql", cancellationToken: cancellationToken).ConfigureAwait(false);
            var sql = Substitute(query.Sql, new Dictionary<string, string> { ["NEXMARK_DIR"] = scratch.FullName });

            var checkpoints = new Dictionary<long, CheckpointStats>();
            await using var profiler = profile is null ? null : CpuProfile.Start(profile);
            await using var monitor = new RunMonitor(elapsed =>
            {
                Collect(env, checkpoints);
                progress?.Invoke(sourceProgress.Rows, elapsed);
            });
            var submitted = DateTimeOffset.UtcNow;
            try
            {
                await env.ExecuteScriptAsync(sql, query.Name + ".sql", cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (StreamSqlException e)
            {
                return EngineRunResult.Unsupported(ReasonOf(e.Message));
            }
            var failed = await env.WaitForJobsAsync(cancellationToken).ConfigureAwait(false);
            monitor.End();
            Collect(env, checkpoints);
            if (env.Jobs.Count == 0) return EngineRunResult.Failed("the query file started no job");
            if (failed.Count > 0) return EngineRunResult.Failed(failed[0].FailureMessage ?? "the job failed");
            var taken = checkpoints.Values.Where(c => !c.IsSavepoint).OrderBy(c => c.CheckpointId).ToArray();
            // A timed run writes q10's files for real: its committed rows are the lines of the finished files.
            long rows = observation.Rows + (check ? 0 : CommittedFileLines(Path.Combine(dataDir.FullName, "output")));
            var (startUpWall, startUpCpu) = sourceProgress.FirstReadTimestamp == 0
                ? (TimeSpan.Zero, TimeSpan.Zero)
                : monitor.Until(sourceProgress.FirstReadTimestamp, sourceProgress.CpuAtFirstRead);
            return new EngineRunResult(RunStatus.Ok, null, monitor.Wall, monitor.Cpu, monitor.PeakWorkingSet, taken,
                rows, observation.Fingerprint, startUpWall, startUpCpu, monitor.Collections, env.Jobs[0].StartTime - submitted);
        }
        finally
        {
            try { scratch.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Lines in the committed files under <paramref name="directory"/>: not the in-progress or pending files (hidden,
    /// names starting with '.') nor the partition commit's '_SUCCESS' markers.</summary>
    private static long CommittedFileLines(string directory)
    {
        if (!Directory.Exists(directory)) return 0;
        long lines = 0;
        var buffer = new byte[1 << 16];
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') || name.StartsWith('_')) continue;
            using var stream = File.OpenRead(file);
            int read;
            while ((read = stream.Read(buffer)) > 0) lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        return lines;
    }

    private static ITableConnector Required(Execution.Connectors.ConnectorRegistry registry, string identifier) =>
        registry.FindConnector(identifier) ?? throw new InvalidOperationException($"connector '{identifier}' is not built in");

    private static void Collect(StreamSqlEnvironment env, Dictionary<long, CheckpointStats> seen)
    {
        foreach (var job in env.Jobs)
            foreach (var c in job.Checkpoints)
                lock (seen) seen[c.CheckpointId] = c;
    }

    /// <summary>The side input of q13: 10,000 lines <c>i,i</c>, as Flink Nexmark's SideInputGenerator writes it.</summary>
    private static async Task WriteSideInputAsync(string path, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path);
        for (int i = 0; i < 10_000; i++)
            await writer.WriteLineAsync($"{i},{i}".AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces <c>${NAME}</c> placeholders.</summary>
    internal static string Substitute(string text, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values) text = text.Replace("${" + name + "}", value, StringComparison.Ordinal);
        return text;
    }

    /// <summary>The engine's reason for refusing a query: the first line of its error, without the position prefix.</summary>
    internal static string ReasonOf(string message)
    {
        var line = message.Split('\n')[0].Trim();
        line = ErrorPosition().Replace(line, "");
        if (line.StartsWith("Not supported yet:", StringComparison.OrdinalIgnoreCase)) line = line["Not supported yet:".Length..].Trim();
        // A long message (an option error lists every supported option) is cut to its first sentence.
        int sentence = line.IndexOf(". ", StringComparison.Ordinal);
        if (line.Length > 120 && sentence > 0) line = line[..sentence];
        return line;
    }

    [GeneratedRegex(@"^Error at [^:]*:\d+:\d+:\s*")]
    private static partial Regex ErrorPosition();
}
