namespace StreamSql;

/// <summary>The jobs this session started, in start order, found by id or by name.</summary>
internal sealed class JobRegistry
{
    private readonly List<JobClient> _jobs = new();
    private readonly object _lock = new();

    /// <summary>Raised after a job was added (on the thread that started it); the control endpoint starts on the first.</summary>
    public event Action<JobClient>? Added;

    public void Add(JobClient job)
    {
        lock (_lock) _jobs.Add(job);
        Added?.Invoke(job);
    }

    public IReadOnlyList<JobClient> Snapshot()
    {
        lock (_lock) return _jobs.ToArray();
    }

    /// <summary>Whether a job of this session has <paramref name="idOrName"/> as its id or name.</summary>
    public bool Has(string idOrName)
    {
        foreach (var job in Snapshot())
            if (string.Equals(job.Id, idOrName, StringComparison.OrdinalIgnoreCase) || string.Equals(job.Name, idOrName, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>The job whose id is <paramref name="idOrName"/>, else the one job with that name.</summary>
    /// <exception cref="StreamSqlException">No such job, or several jobs have that name.</exception>
    public JobClient Find(string idOrName)
    {
        var jobs = Snapshot();
        foreach (var job in jobs)
            if (string.Equals(job.Id, idOrName, StringComparison.OrdinalIgnoreCase)) return job;
        JobClient? found = null;
        int running = 0;
        foreach (var job in jobs)
        {
            if (!string.Equals(job.Name, idOrName, StringComparison.Ordinal)) continue;
            // Prefer the live job of that name: an old finished run of the same INSERT should not shadow it.
            if (!job.IsTerminal) { if (found is null || found.IsTerminal) found = job; running++; }
            else found ??= job;
        }
        if (running > 1)
            throw new StreamSqlException($"Several running jobs are named '{idOrName}'; use the job id (SHOW JOBS lists them).");
        return found ?? throw new StreamSqlException($"Could not find a job with id or name '{idOrName}'. SHOW JOBS lists the jobs of this session.");
    }

    /// <summary>A new job id: 32 lower-case hex characters, like Flink's JobID.</summary>
    public static string NewJobId() => Guid.NewGuid().ToString("N");
}
