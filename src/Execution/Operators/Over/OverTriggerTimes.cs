using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Over;

/// <summary>
/// Per partition of a bounded event-time OVER window, Flink's <c>lastTriggeringTsState</c> and <c>cleanupTsState</c> (µs):
/// the latest time whose timer fired (0 before the first, as Flink reads a missing value), below or at which a row is late;
/// and, for a RANGE frame, the time of the partition's pending cleanup (0: none). Kept beside the partition's accumulators,
/// so it is snapshot, spilled and rescaled with them.
/// </summary>
internal sealed class OverTriggerTimes : IGroupColumn
{
    private readonly Int64Vector _lastTriggered;
    private readonly Int64Vector _cleanupAt;

    public OverTriggerTimes(SnapshotEpoch epoch)
    {
        _lastTriggered = new Int64Vector(epoch);
        _cleanupAt = new Int64Vector(epoch);
    }

    /// <summary>The latest fired time of a group (its pages must be writable to assign).</summary>
    public ref long LastTriggered(int group) => ref _lastTriggered[group];

    /// <summary>The time of a group's pending cleanup, 0 when none.</summary>
    public ref long CleanupAt(int group) => ref _cleanupAt[group];

    public void EnsureCapacity(int groups)
    {
        _lastTriggered.EnsureCapacity(groups);
        _cleanupAt.EnsureCapacity(groups);
    }

    public void PrepareWrite(ReadOnlySpan<int> groups)
    {
        _lastTriggered.PrepareWrite(groups);
        _cleanupAt.PrepareWrite(groups);
    }

    public void Reset(int group)
    {
        _lastTriggered.Reset(group);
        _cleanupAt.Reset(group);
    }

    public void WriteState(int group, StateRowWriter writer)
    {
        _lastTriggered.Write(group, writer);
        _cleanupAt.Write(group, writer);
    }

    public void ReadState(int group, ref StateRowReader reader)
    {
        _lastTriggered.Read(group, ref reader);
        _cleanupAt.Read(group, ref reader);
    }

    public IGroupColumnSnapshot Capture() => new Snapshot(_lastTriggered.Capture(), _cleanupAt.Capture());

    public long AllocatedBytes => _lastTriggered.AllocatedBytes + _cleanupAt.AllocatedBytes;

    private sealed class Snapshot(IStateVectorView lastTriggered, IStateVectorView cleanupAt) : IGroupColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer)
        {
            lastTriggered.Write(group, writer);
            cleanupAt.Write(group, writer);
        }
    }
}
