namespace StreamSql.Execution.State.Groups;

/// <summary>
/// A multiset of values per group: each distinct value of a group (encoded bytes, e.g. <see cref="SortableEncoding"/>)
/// with how many times it is present — Flink's <c>MapView&lt;value, count&gt;</c> of MIN/MAX with retraction and of
/// DISTINCT aggregates, as columns: entries in paged columns, chained per group, found by a hash index over (group, value),
/// their bytes in a <see cref="ByteArena"/>. Copy-on-write through the owner's <see cref="SnapshotEpoch"/> like every
/// group column; in a state row a group is its entry count, then each value's bytes and count.
/// </summary>
public sealed class GroupValueCounts
{
    private readonly PagedColumn<int> _head;
    private readonly PagedColumn<int> _entryGroup;
    private readonly PagedColumn<long> _entryValue;
    private readonly PagedColumn<long> _entryCount;
    private readonly PagedColumn<int> _entryNext;
    private readonly PagedColumn<int> _entryPrev;
    private readonly PagedColumn<uint> _entryHash;
    private ByteArena _arena = new();
    private long _liveBytes;
    private uint[] _slots = new uint[64];
    private int _mask = 63;
    private int _entryHigh;
    private int[] _free = new int[16];
    private int _freeCount;
    private int _count;

    public GroupValueCounts(SnapshotEpoch epoch)
    {
        _head = new PagedColumn<int>(epoch, -1);
        _entryGroup = new PagedColumn<int>(epoch, -1);
        _entryValue = new PagedColumn<long>(epoch, ByteArena.None);
        _entryCount = new PagedColumn<long>(epoch);
        _entryNext = new PagedColumn<int>(epoch, -1);
        _entryPrev = new PagedColumn<int>(epoch, -1);
        _entryHash = new PagedColumn<uint>(epoch);
    }

    public long AllocatedBytes => _head.AllocatedBytes + _entryGroup.AllocatedBytes + _entryValue.AllocatedBytes + _entryCount.AllocatedBytes
        + _entryNext.AllocatedBytes + _entryPrev.AllocatedBytes + _entryHash.AllocatedBytes + _arena.AllocatedBytes + _slots.Length * 4L;

    public void EnsureCapacity(int groups) => _head.EnsureCapacity(groups);

    public void PrepareWrite(ReadOnlySpan<int> groups) => _head.PrepareWrite(groups);

    /// <summary>The group's first entry (-1 when it has none); walk on with <see cref="Next"/>.</summary>
    public int First(int group) => _head.Get(group);

    public int Next(int entry) => _entryNext.Get(entry);

    public ReadOnlySpan<byte> Value(int entry) => _arena.Get(_entryValue.Get(entry));

    public long Count(int entry) => _entryCount.Get(entry);

    /// <summary>The hash of a value alone; an entry's hash is it mixed with the group (<see cref="HashOf"/>), so a caller
    /// that stores one value in several groups, or probes several tables with it, hashes its bytes once.</summary>
    public static uint ValueHash(ReadOnlySpan<byte> value) => KeyHash.Of(value, 0);

    private static uint HashOf(uint valueHash, int group)
    {
        ulong h = (valueHash | (ulong)(uint)group << 32) * 0x9E3779B97F4A7C15UL;
        h ^= h >> 29;
        return (uint)(h ^ h >> 32);
    }

    /// <summary>The entry of (group, value), or -1.</summary>
    public int Find(int group, ReadOnlySpan<byte> value) => Find(group, value, ValueHash(value));

    /// <summary>The entry of (group, value), or -1; <paramref name="valueHash"/> is <see cref="ValueHash"/> of the value.</summary>
    public int Find(int group, ReadOnlySpan<byte> value, uint valueHash) => FindHashed(group, value, HashOf(valueHash, group));

    private int FindHashed(int group, ReadOnlySpan<byte> value, uint hash)
    {
        int i = (int)hash & _mask;
        while (true)
        {
            uint slot = _slots[i];
            if (slot == 0) return -1;
            int e = (int)slot - 1;
            if (_entryHash.Get(e) == hash && _entryGroup.Get(e) == group && _arena.Get(_entryValue.Get(e)).SequenceEqual(value)) return e;
            i = (i + 1) & _mask;
        }
    }

    /// <summary>Adds <paramref name="delta"/> occurrences of a value (negative: removes them) and returns its new count; at 0
    /// the entry is removed (<paramref name="entry"/> is still the index it had).</summary>
    public long Add(int group, ReadOnlySpan<byte> value, long delta, out int entry) => Add(group, value, ValueHash(value), delta, out entry);

    /// <inheritdoc cref="Add(int, ReadOnlySpan{byte}, long, out int)"/>
    public long Add(int group, ReadOnlySpan<byte> value, uint valueHash, long delta, out int entry)
    {
        uint hash = HashOf(valueHash, group);
        entry = FindHashed(group, value, hash);
        if (entry < 0)
        {
            if (delta == 0) return 0;
            entry = NewEntry(group, value, hash);
        }
        long count = _entryCount.Get(entry) + delta;
        if (count == 0)
        {
            RemoveEntry(entry);
            return 0;
        }
        _entryCount.Set(entry, count);
        return count;
    }

    private int NewEntry(int group, ReadOnlySpan<byte> value, uint hash)
    {
        int e = _freeCount > 0 ? _free[--_freeCount] : _entryHigh++;
        _entryGroup.EnsureCapacity(_entryHigh);
        _entryValue.EnsureCapacity(_entryHigh);
        _entryCount.EnsureCapacity(_entryHigh);
        _entryNext.EnsureCapacity(_entryHigh);
        _entryPrev.EnsureCapacity(_entryHigh);
        _entryHash.EnsureCapacity(_entryHigh);
        _entryGroup.Set(e, group);
        _entryValue.Set(e, _arena.Append(value));
        _liveBytes += value.Length;
        _entryCount.Set(e, 0);
        _entryHash.Set(e, hash);
        int head = _head.Get(group);
        _entryNext.Set(e, head);
        _entryPrev.Set(e, -1);
        if (head >= 0) _entryPrev.Set(head, e);
        _head.Set(group, e);
        int i = (int)hash & _mask;
        while (_slots[i] != 0) i = (i + 1) & _mask;
        _slots[i] = (uint)e + 1;
        if (++_count > _slots.Length / 4 * 3) Rehash(_slots.Length * 2);
        return e;
    }

    private void RemoveEntry(int e)
    {
        int group = _entryGroup.Get(e);
        int next = _entryNext.Get(e), prev = _entryPrev.Get(e);
        if (prev >= 0) _entryNext.Set(prev, next); else _head.Set(group, next);
        if (next >= 0) _entryPrev.Set(next, prev);
        RemoveSlot(e);
        _liveBytes -= ByteArena.LengthOf(_entryValue.Get(e));
        _entryGroup.Set(e, -1);
        _entryValue.Set(e, ByteArena.None);
        _entryCount.Set(e, 0);
        if (_freeCount == _free.Length) Array.Resize(ref _free, _free.Length * 2);
        _free[_freeCount++] = e;
        _count--;
        if (_arena.ShouldCompact(_liveBytes)) CompactArena();
    }

    private void RemoveSlot(int e)
    {
        int i = (int)_entryHash.Get(e) & _mask;
        while (_slots[i] != (uint)e + 1) i = (i + 1) & _mask;
        int j = i;
        while (true)
        {
            j = (j + 1) & _mask;
            uint slot = _slots[j];
            if (slot == 0) break;
            int home = (int)_entryHash.Get((int)slot - 1) & _mask;
            bool movable = i <= j ? home <= i || home > j : home <= i && home > j;
            if (!movable) continue;
            _slots[i] = slot;
            i = j;
        }
        _slots[i] = 0;
    }

    private void Rehash(int capacity)
    {
        var slots = new uint[capacity];
        int mask = capacity - 1;
        for (int e = 0; e < _entryHigh; e++)
        {
            if (_entryGroup.Get(e) < 0) continue;
            int i = (int)_entryHash.Get(e) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = (uint)e + 1;
        }
        _slots = slots;
        _mask = mask;
    }

    private void CompactArena()
    {
        var old = _arena;
        _arena = new ByteArena();
        for (int e = 0; e < _entryHigh; e++)
            if (_entryGroup.Get(e) >= 0) _entryValue.Set(e, _arena.Append(old.Get(_entryValue.Get(e))));
    }

    /// <summary>Removes every value of a group.</summary>
    public void Clear(int group)
    {
        for (int e = _head.Get(group); e >= 0;)
        {
            int next = _entryNext.Get(e);
            RemoveEntry(e);
            e = next;
        }
    }

    /// <summary>Adds every value of <paramref name="from"/> (with its count) to <paramref name="into"/>.</summary>
    public void AddAll(int from, int into, Action<int, long>? added = null)
    {
        for (int e = _head.Get(from); e >= 0; e = _entryNext.Get(e))
        {
            long count = Add(into, Value(e), _entryCount.Get(e), out int target);
            added?.Invoke(target, count);
        }
    }

    public void Write(int group, StateRowWriter writer)
    {
        int n = 0;
        for (int e = _head.Get(group); e >= 0; e = _entryNext.Get(e)) n++;
        writer.WriteVarULong((ulong)n);
        for (int e = _head.Get(group); e >= 0; e = _entryNext.Get(e))
        {
            writer.WriteBytes(Value(e));
            writer.WriteVarLong(_entryCount.Get(e));
        }
    }

    /// <summary>Replaces the group's values by those <see cref="Write"/> wrote.</summary>
    public void Read(int group, ref StateRowReader reader)
    {
        Clear(group);
        int n = checked((int)reader.ReadVarULong());
        for (int i = 0; i < n; i++)
        {
            var value = reader.ReadBytes();
            Add(group, value, reader.ReadVarLong(), out _);
        }
    }

    public GroupValueCountsView Capture() =>
        new(_head.Capture(), _entryNext.Capture(), _entryValue.Capture(), _entryCount.Capture(), _arena.Capture());
}

/// <summary>A <see cref="GroupValueCounts"/> (or member <c>member</c> of a <see cref="GroupValueCounters"/>, whose counts of
/// entry e are at e * members, and whose values with a count of 0 it skips) as a snapshot captured it.</summary>
public sealed class GroupValueCountsView(PagedColumnView<int> head, PagedColumnView<int> next, PagedColumnView<long> values,
    PagedColumnView<long> counts, byte[][] chunks, int members = 0, int member = 0, CapturedGroupWalk? walk = null)
{
    /// <summary>The group's first entry as captured (-1 when none); walk on with <see cref="Next"/>.</summary>
    public int First(int group) => head[group];

    public int Next(int entry) => next[entry];

    public ReadOnlySpan<byte> Value(int entry) => ByteArena.Get(chunks, values[entry]);

    public long Count(int entry) => counts[members == 0 ? entry : entry * members + member];

    public void Write(int group, StateRowWriter writer)
    {
        if (walk is not null)
        {
            WriteWalked(walk.Entries(group, head, next), writer);
            return;
        }
        int n = 0;
        for (int e = head[group]; e >= 0; e = next[e])
            if (members == 0 || Count(e) != 0) n++;
        writer.WriteVarULong((ulong)n);
        for (int e = head[group]; e >= 0; e = next[e])
        {
            long count = Count(e);
            if (members != 0 && count == 0) continue;
            writer.WriteBytes(ByteArena.Get(chunks, values[e]));
            writer.WriteVarLong(count);
        }
    }

    /// <summary>As <see cref="Write"/> over the group's entries listed in chain order (a member's entries without a count
    /// are skipped).</summary>
    private void WriteWalked(ReadOnlySpan<int> entries, StateRowWriter writer)
    {
        int n = 0;
        foreach (int e in entries)
            if (members == 0 || Count(e) != 0) n++;
        writer.WriteVarULong((ulong)n);
        foreach (int e in entries)
        {
            long count = Count(e);
            if (members != 0 && count == 0) continue;
            writer.WriteBytes(ByteArena.Get(chunks, values[e]));
            writer.WriteVarLong(count);
        }
    }
}

/// <summary>
/// The entries of the group last written, shared by the member views of one capture of a <see cref="GroupValueCounters"/>:
/// a snapshot writes a group's columns one after the other, so its DISTINCT aggregates over the same arguments (q16's eight)
/// walk the group's chain once instead of twice each. Used by the one thread that writes the snapshot.
/// </summary>
public sealed class CapturedGroupWalk
{
    private readonly HashSet<int> _members = new();
    private int _group = -1;
    private int[] _entries = new int[16];
    private int _count;

    /// <summary>Whether <paramref name="member"/> joins this capture (false: it was captured already, a new capture begins).</summary>
    internal bool Join(int member) => _members.Add(member);

    /// <summary>The group's entries in chain order (walked when the group is not the last one asked for).</summary>
    public ReadOnlySpan<int> Entries(int group, PagedColumnView<int> head, PagedColumnView<int> next)
    {
        if (group != _group)
        {
            _count = 0;
            for (int e = head[group]; e >= 0; e = next[e])
            {
                if (_count == _entries.Length) Array.Resize(ref _entries, _entries.Length * 2);
                _entries[_count++] = e;
            }
            _group = group;
        }
        return _entries.AsSpan(0, _count);
    }
}
