using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.Checkpointing;

/// <summary>
/// A live job's exclusive hold on the name its state is kept under (<c>{checkpoints dir}/{name}/</c>, and the name its
/// savepoints record). Jobs often share a name (two INSERTs into one table, one <c>pipeline.name</c> for several
/// statements); two live jobs must never write one checkpoint directory, so the first claims the job name, the next
/// <c>{name}-2</c>, and so on. A claim is an exclusive lock on <c>.{name}.lock</c> beside the directory, held by the open
/// file: it ends with the job or with its process (also when the process is killed), so a script run again claims the
/// same names in the same order and each job resumes from its own checkpoints.
/// </summary>
public sealed class JobStateClaim : IDisposable
{
    private const int MaxCandidates = 10_000;
    private FileStream? _lock;
    private readonly object _gate = new();
    private bool _heldBySession;
    private bool _jobEnded;

    private JobStateClaim(string stateName, FileStream? heldLock)
    {
        StateName = stateName;
        _lock = heldLock;
    }

    /// <summary>The name the job's checkpoints and savepoints are kept under.</summary>
    public string StateName { get; }

    /// <summary>Whether the name is held exclusively (state on disk). Without a claim nothing the job keeps is shared.</summary>
    public bool IsExclusive => _lock is not null;

    /// <summary>A name for a job whose state never reaches a shared directory (in-memory checkpoints, no savepoint directory).</summary>
    public static JobStateClaim Unshared(string jobName) => new(jobName, null);

    /// <summary>Claims the first free name of <paramref name="jobName"/>, <c>-2</c>, <c>-3</c>, ... in the directory the
    /// configuration keeps state in: the checkpoint directory (filesystem storage), else the savepoint directory.</summary>
    /// <remarks>A directory that cannot be written gives an unshared claim: nothing can be written there by this job
    /// either, and its checkpoints fail (counted against <c>execution.checkpointing.tolerable-failed-checkpoints</c>) as
    /// they would have without claims.</remarks>
    public static JobStateClaim Acquire(Configuration configuration, string jobName)
    {
        var root = StateRoot(configuration);
        if (root is null) return Unshared(jobName);
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unshared(jobName);
        }
        for (int k = 1; k <= MaxCandidates; k++)
        {
            var candidate = k == 1 ? jobName : $"{jobName}-{k}";
            var path = Path.Combine(root, "." + CheckpointStorage.SafeName(candidate) + ".lock");
            try
            {
                // FileShare.None is an exclusive advisory lock (flock) on Unix: refused while another open file holds it,
                // in this process or any other; released when the holder closes it or dies.
                var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                return new JobStateClaim(candidate, held);
            }
            catch (IOException e) when (IsHeldElsewhere(e))
            {
                // Held by a live job: try the next name.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Unshared(jobName);
            }
        }
        throw new IOException($"more than {MaxCandidates} live jobs are named '{jobName}' in {root}");
    }

    /// <summary>The lock is held: EWOULDBLOCK from flock on Unix, a sharing violation on Windows.</summary>
    private static bool IsHeldElsewhere(IOException e) => e.HResult is 11 or unchecked((int)0x80070020);

    /// <summary>Where claims are made: the filesystem checkpoint directory, else the savepoint directory, else nowhere.</summary>
    private static string? StateRoot(Configuration configuration)
    {
        var directory = configuration.Get(CheckpointingOptions.CheckpointsDirectory);
        var type = configuration.Get(CheckpointingOptions.Storage) ?? (directory is null ? "jobmanager" : "filesystem");
        if (type == "filesystem" && !string.IsNullOrWhiteSpace(directory)) return LocalPath.Full(directory);
        var savepoints = configuration.Get(CheckpointingOptions.SavepointDirectory);
        return string.IsNullOrWhiteSpace(savepoints) ? null : LocalPath.Full(savepoints);
    }

    /// <summary>Keeps the name claimed after the job ends, until its session ends (<see cref="SessionEnded"/>): a session's
    /// statements then claim names in the order they run, whether or not an earlier job finished before a later one
    /// started, so a script run again gives every job the name (and the checkpoints) it had.</summary>
    public JobStateClaim HeldBySession()
    {
        lock (_gate) _heldBySession = true;
        return this;
    }

    /// <summary>The job ended: the name is released unless its session holds it (<see cref="HeldBySession"/>).</summary>
    public void JobEnded()
    {
        lock (_gate)
        {
            _jobEnded = true;
            if (_heldBySession) return;
        }
        Dispose();
    }

    /// <summary>Hands the name of an ended job its session still holds to the next job of that session which asks to go on
    /// from that job's checkpoints (<c>EXECUTE ... FROM LATEST CHECKPOINT</c> after a stop or a cancel); null when the job
    /// has not ended, the name was released, or another job took it over already.</summary>
    public JobStateClaim? TakeOver()
    {
        lock (_gate)
        {
            if (!_jobEnded || !_heldBySession || _lock is null) return null;
            _jobEnded = false;
            return this;
        }
    }

    /// <summary>The session ends: the name is released now if the job has ended, else when it ends.</summary>
    public void SessionEnded()
    {
        lock (_gate)
        {
            _heldBySession = false;
            if (!_jobEnded) return;
        }
        Dispose();
    }

    public void Dispose()
    {
        // The lock file stays: deleting it would let a job that opened it a moment ago hold a lock nobody else can see.
        Interlocked.Exchange(ref _lock, null)?.Dispose();
    }
}
