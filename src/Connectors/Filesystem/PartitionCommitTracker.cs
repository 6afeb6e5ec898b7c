using StreamSql.Execution.Operators;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// One sink subtask's side of Flink's partition commit: which partitions it wrote into since their last commit (with the
/// processing time of their first row), its watermark at each checkpoint's barrier, and, when its files up to a checkpoint
/// are committed, the report of all that to the sink's one <see cref="PartitionCommitter"/>, which decides. Whichever
/// subtask's report makes a partition due writes its empty success file (<c>sink.partition-commit.success-file.name</c>)
/// into the partition directory (the <c>success-file</c> policy); a partition that receives rows again is committed again.
/// </summary>
internal sealed class PartitionCommitTracker
{
    private readonly PartitionCommitter _committer;
    private readonly int _subtask;
    private readonly string _successFile;
    private readonly IClock _clock;
    private readonly Action<string> _syncDirectory;
    /// <summary>Partitions written since their last commit, with the processing time (µs) of their first row.</summary>
    private readonly Dictionary<string, long> _created = new(StringComparer.Ordinal);
    /// <summary>Partitions this subtask reported whose commit may still be pending in the committer.</summary>
    private readonly Dictionary<string, long> _reported = new(StringComparer.Ordinal);
    /// <summary>Partitions whose files were committed since the last report.</summary>
    private readonly Dictionary<string, long> _committed = new(StringComparer.Ordinal);
    /// <summary>The watermark at each barrier whose files are not committed yet, and whether the input was idle then.</summary>
    private readonly SortedDictionary<long, (long Watermark, bool Idle)> _barrierWatermarks = new();
    private long _watermark = long.MinValue;
    private bool _idle;

    public PartitionCommitTracker(PartitionCommitter committer, int subtask, string successFile, IClock clock, Action<string> syncDirectory)
    {
        _committer = committer;
        _subtask = subtask;
        _successFile = successFile;
        _clock = clock;
        _syncDirectory = syncDirectory;
    }

    public void OnWrite(string partition) => _created.TryAdd(partition, _clock.NowMicros());

    public void OnWatermark(long micros) => _watermark = Math.Max(_watermark, micros);

    /// <summary>The subtask's input became idle or active again: while idle its watermark holds no partition back.</summary>
    public void OnIdleStatus(bool idle) => _idle = idle;

    /// <summary>A barrier of <paramref name="checkpointId"/>: the files up to it will be committed with this watermark.</summary>
    public void OnPrepare(long checkpointId) => _barrierWatermarks[checkpointId] = (_watermark, _idle);

    /// <summary>Partitions written or waiting for their commit, with their creation times (kept in the sink's handles).</summary>
    public IReadOnlyList<(string Partition, long Created)> Uncommitted()
    {
        var all = new Dictionary<string, long>(_created, StringComparer.Ordinal);
        foreach (var (p, t) in _committed) all.TryAdd(p, t);
        foreach (var (p, t) in _reported)
            if (_committer.IsWaiting(p)) all.TryAdd(p, t);
        return all.Select(kv => (kv.Key, kv.Value)).ToList();
    }

    /// <summary>The files of <paramref name="partition"/> written up to a checkpoint are committed.</summary>
    public void OnFilesCommitted(string partition, long created)
    {
        if (created < 0) created = _created.TryGetValue(partition, out var known) ? known : _clock.NowMicros();
        _committed[partition] = _committed.TryGetValue(partition, out var earlier) ? Math.Min(earlier, created) : created;
    }

    /// <summary>Reports the files committed up to <paramref name="checkpointId"/> to the committer and commits the
    /// partitions it says are due.</summary>
    public void CommitDue(string root, long checkpointId, TextWriter diagnostics)
    {
        // A restored handle's barrier belonged to an earlier attempt: its watermark is unknown (no partition-time commit on it).
        var (watermark, idle) = _barrierWatermarks.TryGetValue(checkpointId, out var w) ? w : (long.MinValue, false);
        foreach (var id in _barrierWatermarks.Keys.Where(id => id <= checkpointId).ToList()) _barrierWatermarks.Remove(id);
        var partitions = _committed.Select(kv => (kv.Key, kv.Value)).ToList();
        foreach (var (p, t) in partitions) _reported[p] = t;
        _committed.Clear();
        foreach (var partition in _committer.Report(_subtask, checkpointId, watermark, idle, partitions, _clock.NowMicros(), diagnostics))
        {
            var directory = Path.Combine(root, partition);
            Directory.CreateDirectory(directory);
            var success = Path.Combine(directory, _successFile);
            if (!File.Exists(success)) File.WriteAllBytes(success, System.Array.Empty<byte>());
            _syncDirectory(directory);
        }
        foreach (var p in _reported.Keys.Where(p => !_committer.IsWaiting(p)).ToList())
        {
            _reported.Remove(p);
            _created.Remove(p);
        }
    }
}
