namespace StreamSql.Execution.State.Groups;

/// <summary>
/// The copy-on-write clock shared by every column of one <see cref="GroupTable"/>: a snapshot's synchronous part starts a
/// new epoch and counts itself pending until its asynchronous part has written (or dropped) what it captured. A page last
/// written in an older epoch is copied before its next write only while some snapshot is pending; otherwise it is written
/// in place. One thread (the subtask's) writes; snapshot writers only read pages they captured.
/// </summary>
public sealed class SnapshotEpoch
{
    private long _current = 1;
    private int _pending;

    /// <summary>The epoch writes belong to now.</summary>
    public long Current => _current;

    /// <summary>Every snapshot begun before a write of this epoch or an earlier one has ended: a page that copy-on-write
    /// replaced in such an epoch is no longer read by anyone and may be reused (<see cref="PagedColumn{T}"/> keeps them).
    /// Moves when a snapshot begins with none pending (on the writing thread, so no lock).</summary>
    public long ReleasedThrough { get; private set; }

    /// <summary>Whether a captured snapshot may still read pages (a write must copy a page of an older epoch first).</summary>
    public bool HasPending => Volatile.Read(ref _pending) > 0;

    /// <summary>The synchronous part of a snapshot: pages written from now on belong to a new epoch.</summary>
    public void BeginSnapshot()
    {
        if (Interlocked.Increment(ref _pending) == 1) ReleasedThrough = _current;
        _current++;
    }

    /// <summary>A snapshot begun by <see cref="BeginSnapshot"/> was written or dropped (any thread).</summary>
    public void EndSnapshot() => Interlocked.Decrement(ref _pending);
}
