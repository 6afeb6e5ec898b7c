namespace StreamSql.Execution.State.Groups;

/// <summary>
/// A state TTL over a group table (Flink's <c>table.exec.state.ttl</c>: processing time, refreshed on create and write,
/// expired state never returned): the time each group was last written, kept as a column of the table so it survives
/// checkpoints and rescaling. The operator asks <see cref="IsExpired"/> before it reads a group it touches (an expired
/// group starts again empty) and calls <see cref="Written"/> after it writes one; <see cref="RemoveExpired"/>, at each
/// checkpoint, drops the expired groups that are not touched again.
/// </summary>
public sealed class GroupStateTtl
{
    private readonly GroupTable _table;
    private readonly GroupAccessTimes _written;
    private readonly long _ttlMicros;
    private int _sweepKeyGroup = -1;

    private GroupStateTtl(GroupTable table, TimeSpan ttl)
    {
        _table = table;
        _ttlMicros = (long)(ttl.TotalMilliseconds * 1000);
        _written = table.AddColumn(epoch => new GroupAccessTimes(epoch));
    }

    /// <summary>The TTL of <paramref name="table"/> (adding its write-time column), or null when <paramref name="ttl"/> is 0: state is kept forever.</summary>
    public static GroupStateTtl? Create(GroupTable table, TimeSpan ttl) => ttl > TimeSpan.Zero ? new GroupStateTtl(table, ttl) : null;

    public bool IsExpired(int group, long nowMicros) => nowMicros - _written[group] > _ttlMicros;

    public void Written(int group, long nowMicros) => _written[group] = nowMicros;

    /// <summary>Drops the in-memory groups whose TTL passed (they would read as empty anyway); with rocksdb also those
    /// evicted to RocksDB, an eighth of the subtask's key groups per call (a full sweep every eight checkpoints).</summary>
    public void RemoveExpired(long nowMicros)
    {
        for (int g = 0; g < _table.Capacity; g++)
            if (_table.IsLive(g) && IsExpired(g, nowMicros)) _table.Remove(g);
        if (!_table.Spills) return;
        var range = _table.KeyGroupRange;
        int slice = Math.Max(1, (range.Count + 7) / 8);
        if (_sweepKeyGroup < range.Start || _sweepKeyGroup > range.End) _sweepKeyGroup = range.Start;
        _table.RemoveStoredWhere(_written, written => nowMicros - written > _ttlMicros, _sweepKeyGroup, slice);
        _sweepKeyGroup += slice;
    }
}
