using StreamSql.Execution.Checkpointing;

namespace StreamSql.Execution.Runtime;

/// <summary>A job's checkpoint statistics and id counter, kept across restarts of the job.</summary>
internal sealed class CheckpointHistory(long nextCheckpointId)
{
    private const int Kept = 20;
    private readonly object _lock = new();
    private readonly List<CheckpointStats> _completed = new();
    private long _nextId = nextCheckpointId;
    private int _failed;

    public long NextId()
    {
        lock (_lock) return _nextId++;
    }

    public CheckpointStats? Latest
    {
        get { lock (_lock) return _completed.Count == 0 ? null : _completed[0]; }
    }

    /// <summary>The newest completed checkpoint that is not a savepoint (what a restart restores).</summary>
    public CheckpointStats? LatestCheckpoint
    {
        get
        {
            lock (_lock)
                foreach (var c in _completed)
                    if (!c.IsSavepoint) return c;
            return null;
        }
    }

    public IReadOnlyList<CheckpointStats> Completed
    {
        get { lock (_lock) return _completed.ToArray(); }
    }

    public int FailedCount => Volatile.Read(ref _failed);

    public void Record(CheckpointStats stats)
    {
        lock (_lock)
        {
            _completed.Insert(0, stats);
            if (_completed.Count > Kept) _completed.RemoveAt(_completed.Count - 1);
        }
    }

    public void RecordFailure() => Interlocked.Increment(ref _failed);
}
