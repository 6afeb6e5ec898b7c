namespace StreamSql.Control;

/// <summary>A job another engine on this machine runs, and the client that reaches it.</summary>
internal sealed record OtherEngineJob(ControlClient Client, JobOverview Job, int ProcessId) : IDisposable
{
    public bool IsRunning => Job.State == "RUNNING";

    public void Dispose() => Client.Dispose();
}

/// <summary>
/// The jobs of the other StreamSql engines on this machine (found through their discovery files), for a STOP JOB or
/// SAVEPOINT that names a job this session did not start: Flink's SQL client reaches every job of its cluster, so a
/// second <c>sql-client.sh -f stop.sql</c> can stop the job the first one submitted.
/// </summary>
internal sealed class OtherEngineJobs
{
    private readonly EngineDiscovery _discovery;

    public OtherEngineJobs(EngineDiscovery discovery) => _discovery = discovery;

    /// <summary>The job whose id is <paramref name="idOrName"/>, else the one running job of that name, in an engine other
    /// than this process; null when none has it.</summary>
    /// <exception cref="StreamSqlException">Several running jobs of other engines have that name.</exception>
    public async Task<OtherEngineJob?> FindAsync(string idOrName, CancellationToken cancellationToken)
    {
        var engines = _discovery.FindLiveEngines().Where(e => e.ProcessId != Environment.ProcessId).ToList();
        if (engines.Count == 0) return null;
        var answers = await Task.WhenAll(engines.Select(e => AskAsync(e, cancellationToken))).ConfigureAwait(false);
        OtherEngineJob? byId = null;
        var byName = new List<OtherEngineJob>();
        foreach (var (engine, client, jobs) in answers)
        {
            if (client is null) continue;
            foreach (var job in jobs)
            {
                if (byId is null && string.Equals(job.Id, idOrName, StringComparison.OrdinalIgnoreCase))
                    byId = new OtherEngineJob(client, job, engine.ProcessId);
                else if (string.Equals(job.Name, idOrName, StringComparison.Ordinal) && job.State == "RUNNING")
                    byName.Add(new OtherEngineJob(client, job, engine.ProcessId));
            }
        }
        var chosen = byId ?? (byName.Count == 1 ? byName[0] : null);
        foreach (var (_, client, _) in answers)
            if (client is not null && !ReferenceEquals(client, chosen?.Client)) client.Dispose();
        if (chosen is null && byName.Count > 1)
            throw new StreamSqlException($"Several running jobs are named '{idOrName}': " +
                string.Join(", ", byName.Select(j => $"{j.Job.Id} (pid {j.ProcessId})")) + ". Give the job id instead.");
        return chosen;
    }

    /// <summary>The running jobs of the other engines, in the order of the engines' start.</summary>
    public async Task<IReadOnlyList<JobOverview>> RunningJobsAsync(CancellationToken cancellationToken)
    {
        var engines = _discovery.FindLiveEngines().Where(e => e.ProcessId != Environment.ProcessId).ToList();
        var answers = await Task.WhenAll(engines.Select(e => AskAsync(e, cancellationToken))).ConfigureAwait(false);
        var running = new List<JobOverview>();
        foreach (var (_, client, jobs) in answers)
        {
            client?.Dispose();
            running.AddRange(jobs.Where(j => j.State is "RUNNING" or "CREATED" or "RESTARTING"));
        }
        return running;
    }

    /// <summary>Polls the job until it has ended or <paramref name="timeout"/> passed; returns its last state (null when
    /// its engine went away, which an engine does once the last job of its script ended).</summary>
    public static async Task<string?> WaitForEndAsync(OtherEngineJob target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        string state = target.Job.State;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                state = (await target.Client.GetJobAsync(target.Job.Id, cancellationToken).ConfigureAwait(false)).State;
            }
            catch (ControlClientException e) when (e.Unreachable)
            {
                return null;
            }
            if (state is "FINISHED" or "FAILED" or "CANCELED") return state;
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
        return state;
    }

    private static async Task<(EngineRecord Engine, ControlClient? Client, IReadOnlyList<JobOverview> Jobs)> AskAsync(EngineRecord engine,
        CancellationToken cancellationToken)
    {
        var client = new ControlClient(new Uri(engine.Url));
        try
        {
            var jobs = await client.GetJobsAsync(cancellationToken).ConfigureAwait(false);
            return (engine, client, jobs.Jobs);
        }
        catch (ControlClientException)
        {
            // An engine that does not answer (it is ending, or its endpoint is not up yet) holds no job we can stop.
            client.Dispose();
            return (engine, null, Array.Empty<JobOverview>());
        }
    }
}
