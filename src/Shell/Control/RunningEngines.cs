using StreamSql.Control;

namespace StreamSql.Shell.Control;

/// <summary>An engine a command reached: its endpoint, its pid (when found through its discovery file) and its jobs.</summary>
internal sealed record ReachedEngine(Uri Endpoint, int? ProcessId, IReadOnlyList<JobOverview> Jobs)
{
    public string Describe() => ProcessId is { } pid ? $"{Endpoint.Authority} (pid {pid})" : Endpoint.Authority;
}

/// <summary>A job and the engine that runs it.</summary>
internal sealed record EngineJob(ReachedEngine Engine, JobOverview Job);

/// <summary>The engines running on this machine (or the one <c>--endpoint</c> names) and their jobs, asked in parallel.</summary>
internal sealed class RunningEngines
{
    private RunningEngines(IReadOnlyList<ReachedEngine> engines, IReadOnlyList<string> unreachable, string? discoveryDirectory)
    {
        Engines = engines;
        Unreachable = unreachable;
        DiscoveryDirectory = discoveryDirectory;
    }

    public IReadOnlyList<ReachedEngine> Engines { get; }

    /// <summary>Engines that are registered and alive but did not answer, as messages.</summary>
    public IReadOnlyList<string> Unreachable { get; }

    public string? DiscoveryDirectory { get; }

    /// <exception cref="ControlCommandException"><paramref name="endpoint"/> was given and does not answer.</exception>
    public static async Task<RunningEngines> FindAsync(Uri? endpoint, EngineDiscovery discovery, HttpClient http, CancellationToken cancellationToken)
    {
        if (endpoint is not null)
        {
            using var client = new ControlClient(endpoint, http);
            try
            {
                var jobs = await client.GetJobsAsync(cancellationToken).ConfigureAwait(false);
                return new RunningEngines(new[] { new ReachedEngine(client.BaseAddress, null, jobs.Jobs) }, Array.Empty<string>(), null);
            }
            catch (ControlClientException e)
            {
                throw new ControlCommandException(e.Message);
            }
        }
        var records = discovery.FindLiveEngines();
        var asks = new Task<(ReachedEngine? Engine, string? Problem)>[records.Count];
        for (int i = 0; i < records.Count; i++) asks[i] = AskAsync(records[i], http, cancellationToken);
        var answers = await Task.WhenAll(asks).ConfigureAwait(false);
        var engines = new List<ReachedEngine>();
        var problems = new List<string>();
        foreach (var (engine, problem) in answers)
        {
            if (engine is not null) engines.Add(engine);
            if (problem is not null) problems.Add(problem);
        }
        return new RunningEngines(engines, problems, discovery.Directory);
    }

    private static async Task<(ReachedEngine?, string?)> AskAsync(EngineRecord record, HttpClient http, CancellationToken cancellationToken)
    {
        using var client = new ControlClient(new Uri(record.Url), http);
        try
        {
            var jobs = await client.GetJobsAsync(cancellationToken).ConfigureAwait(false);
            return (new ReachedEngine(client.BaseAddress, record.ProcessId, jobs.Jobs), null);
        }
        catch (ControlClientException e)
        {
            return (null, $"engine pid {record.ProcessId} at {record.Url}: {e.Message}");
        }
    }

    /// <summary>The job whose id is <paramref name="idOrName"/>, else the one job with that name (a running one is
    /// preferred over ended runs of the same name).</summary>
    /// <exception cref="ControlCommandException">No engine runs, no job matches, or several running jobs have that name.</exception>
    public EngineJob Resolve(string idOrName)
    {
        if (Engines.Count == 0) throw new ControlCommandException(NoEngineMessage());
        foreach (var engine in Engines)
            foreach (var job in engine.Jobs)
                if (string.Equals(job.Id, idOrName, StringComparison.OrdinalIgnoreCase)) return new EngineJob(engine, job);
        var running = new List<EngineJob>();
        EngineJob? ended = null;
        foreach (var engine in Engines)
            foreach (var job in engine.Jobs)
            {
                if (!string.Equals(job.Name, idOrName, StringComparison.Ordinal)) continue;
                if (IsTerminal(job.State)) ended ??= new EngineJob(engine, job);
                else running.Add(new EngineJob(engine, job));
            }
        if (running.Count == 1) return running[0];
        if (running.Count > 1)
            throw new ControlCommandException($"Several running jobs are named '{idOrName}': " +
                string.Join(", ", running.Select(m => $"{m.Job.Id} (engine {m.Engine.Describe()})")) + ". Give the job id instead.");
        if (ended is not null) return ended;
        int jobs = Engines.Sum(e => e.Jobs.Count);
        throw new ControlCommandException(
            $"No job with id or name '{idOrName}' in the running engines ({Engines.Count} engine{(Engines.Count == 1 ? "" : "s")}, {jobs} job{(jobs == 1 ? "" : "s")}). 'streamsql jobs' lists them.");
    }

    public string NoEngineMessage() =>
        DiscoveryDirectory is null
            ? "No StreamSql engine answered."
            : $"No StreamSql engine is running (none is registered in {DiscoveryDirectory}). Start one with 'streamsql -f job.sql', or reach one directly with --endpoint <url>.";

    public static bool IsTerminal(string state) => state is "FINISHED" or "FAILED" or "CANCELED";
}

/// <summary>A control command cannot do what it was asked; the message says why.</summary>
internal sealed class ControlCommandException : Exception
{
    public ControlCommandException(string message) : base(message) { }
}
