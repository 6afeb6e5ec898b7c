using Apache.Arrow;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// The distinct argument tuples of every group, shared by the DISTINCT aggregates of one operator over the same arguments
/// (q15's <c>COUNT(DISTINCT bidder)</c> with four FILTERs): one <see cref="GroupValueCounters"/> entry per (group, tuple)
/// with a count per aggregate, as Flink's DistinctAggCodeGen keeps one MapView per distinct key with a counter per filter.
/// A batch's tuples are encoded once (<see cref="DistinctArgumentRows"/>) and every row's entry is looked up once, before
/// the first aggregate counts (prefetching ahead); the next aggregates over the same batch and groups reuse the entries. A
/// batch is recognised by its argument arrays (held until the next batch, so an array cannot be a new one at a recycled
/// address) and its groups.
/// </summary>
public sealed class DistinctValues
{
    // A row's entry in _entries while the batch is resolved: not looked up yet, or none (no group, or a NULL argument).
    private const int Unresolved = -1;
    private const int Absent = -2;
    private readonly GroupValueCounters _counters;
    private readonly DistinctArgumentRows _rows = new();
    private readonly bool _nullIsValue;
    private IArrowArray[] _arguments = [];
    private int[] _groups = [];
    private int _rowCount = -1;
    private int[] _entries = new int[256];
    private uint[] _hashes = new uint[256];

    public DistinctValues(SnapshotEpoch epoch, bool nullIsValue)
    {
        _counters = new GroupValueCounters(epoch);
        _nullIsValue = nullIsValue;
    }

    public GroupValueCounters Counters => _counters;

    public bool NullIsValue => _nullIsValue;

    /// <summary>A new aggregate's member index (before the first value).</summary>
    public int AddMember() => _counters.AddMember();

    /// <summary>Adds <paramref name="delta"/> to member <paramref name="member"/>'s count of each selected row's tuple; a row is
    /// forwarded when its tuple became present (delta 1) or absent (delta -1) in its group for that member.</summary>
    public void Count(int member, IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter, long delta,
        Span<bool> forward)
    {
        Prepare(arguments, groups);
        var entries = _entries.AsSpan(0, groups.Length);
        bool all = filter.IsEmpty;
        for (int i = 0; i < entries.Length; i++)
        {
            forward[i] = false;
            int entry = entries[i];
            if (entry == Absent || !all && !filter[i]) continue;
            long count = _counters.Add(member, entry, delta);
            forward[i] = delta > 0 ? count == 1 : count == 0;
        }
    }

    /// <summary>Keeps the rows' entries when the batch and its groups are the ones of the last call, else starts over: every
    /// row with a group and a tuple gets its entry (created when new; one nobody counts goes at the next batch), the probes
    /// running a few rows behind prefetches of their slots and entries so that a batch's cache misses overlap.</summary>
    private void Prepare(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups)
    {
        const int SlotsAhead = 16, EntriesAhead = 8;
        if (_rowCount == groups.Length && SameArguments(arguments) && groups.SequenceEqual(_groups.AsSpan(0, groups.Length))) return;
        _counters.RemoveEmpty();
        _arguments = arguments.ToArray();
        int n = groups.Length;
        if (_groups.Length < n)
        {
            _groups = new int[Math.Max(n, _groups.Length * 2)];
            _entries = new int[_groups.Length];
            _hashes = new uint[_groups.Length];
        }
        groups.CopyTo(_groups);
        _rowCount = n;
        var rows = _rows;
        rows.Encode(arguments, _nullIsValue);
        var hashes = _hashes.AsSpan(0, n);
        var entries = _entries.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            bool present = groups[i] >= 0 && rows.Present(i);
            entries[i] = present ? Unresolved : Absent;
            hashes[i] = present ? GroupValueCounters.HashOf(rows.Hash(i), groups[i]) : 0;
        }
        var counters = _counters;
        for (int i = 0; i < Math.Min(SlotsAhead, n); i++) counters.PrefetchSlot(hashes[i]);
        for (int i = 0; i < n; i++)
        {
            if (i + SlotsAhead < n) counters.PrefetchSlot(hashes[i + SlotsAhead]);
            if (i + EntriesAhead < n) counters.PrefetchEntry(hashes[i + EntriesAhead]);
            if (entries[i] == Absent) continue;
            entries[i] = counters.FindOrAddPending(groups[i], rows.Key(i), hashes[i]);
        }
    }

    private bool SameArguments(IReadOnlyList<IArrowArray> arguments)
    {
        if (arguments.Count != _arguments.Length) return false;
        for (int k = 0; k < _arguments.Length; k++)
            if (!ReferenceEquals(arguments[k], _arguments[k])) return false;
        return true;
    }

    /// <summary>Forgets the last batch's entries (before entries are removed other than by a new batch).</summary>
    public void Invalidate()
    {
        _rowCount = -1;
        _arguments = [];
    }
}
