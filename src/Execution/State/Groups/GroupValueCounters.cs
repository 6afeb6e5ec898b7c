using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// Distinct values per group, each with one count per member — the map Flink's DistinctAggCodeGen shares between the
/// DISTINCT aggregates of one argument (a MapView per distinct key, one counter per FILTER): an entry per (group, value)
/// however many aggregates count it, in paged columns chained per group, found by a hash index, bytes in a
/// <see cref="ByteArena"/>; copy-on-write through the owner's <see cref="SnapshotEpoch"/>. An entry whose counts are all 0
/// is removed only by <see cref="RemoveEmpty"/>, so entry indexes a caller holds stay valid until it calls that.
/// A member's state row is that of <see cref="GroupValueCounts"/>: its entry count, then each value's bytes and count.
/// </summary>
public sealed class GroupValueCounters
{
    private readonly PagedColumn<int> _head;
    private readonly PagedColumn<int> _entryGroup;
    private readonly PagedColumn<long> _entryValue;
    private readonly PagedColumn<int> _entryNext;
    private readonly PagedColumn<int> _entryPrev;
    private readonly PagedColumn<uint> _entryHash;
    // The counts of entry e are _counts[e * _members ..]: an entry's counts share a cache line.
    private readonly PagedColumn<long> _counts;
    private int _members;
    private ByteArena _arena = new();
    private long _liveBytes;
    // A slot is (hash << 32 | entry + 1), 0 when empty: a probe compares hashes without reading the entry.
    private ulong[] _slots = new ulong[64];
    private int _mask = 63;
    private int _entryHigh;
    private int[] _free = new int[16];
    private int _freeCount;
    private int _count;
    private readonly List<int> _maybeEmpty = new();
    private CapturedGroupWalk? _walk;

    public GroupValueCounters(SnapshotEpoch epoch)
    {
        _head = new PagedColumn<int>(epoch, -1);
        _entryGroup = new PagedColumn<int>(epoch, -1);
        _entryValue = new PagedColumn<long>(epoch, ByteArena.None);
        _entryNext = new PagedColumn<int>(epoch, -1);
        _entryPrev = new PagedColumn<int>(epoch, -1);
        _entryHash = new PagedColumn<uint>(epoch);
        _counts = new PagedColumn<long>(epoch);
    }

    /// <summary>Adds a member (a count per entry); before the first value.</summary>
    public int AddMember()
    {
        if (_entryHigh > 0) throw new InvalidOperationException("members are added before the first value");
        return _members++;
    }

    public int Members => _members;

    public long AllocatedBytes
    {
        get
        {
            long bytes = _head.AllocatedBytes + _entryGroup.AllocatedBytes + _entryValue.AllocatedBytes + _entryNext.AllocatedBytes
                + _entryPrev.AllocatedBytes + _entryHash.AllocatedBytes + _arena.AllocatedBytes + _slots.Length * 8L + _counts.AllocatedBytes;
            return bytes;
        }
    }

    public void EnsureCapacity(int groups) => _head.EnsureCapacity(groups);

    public void PrepareWrite(ReadOnlySpan<int> groups) => _head.PrepareWrite(groups);

    public int First(int group) => _head.Get(group);

    public int Next(int entry) => _entryNext.Get(entry);

    public ReadOnlySpan<byte> Value(int entry) => _arena.Get(_entryValue.Get(entry));

    public long Count(int member, int entry) => _counts.Get(entry * _members + member);

    /// <summary>The hash an entry of (group, value) is filed under, from the value's <see cref="GroupValueCounts.ValueHash"/>.</summary>
    public static uint HashOf(uint valueHash, int group)
    {
        ulong h = (valueHash | (ulong)(uint)group << 32) * 0x9E3779B97F4A7C15UL;
        h ^= h >> 29;
        return (uint)(h ^ h >> 32);
    }

    /// <summary>The entry of (group, value), created with every count 0 when absent; <paramref name="valueHash"/> is
    /// <see cref="GroupValueCounts.ValueHash"/> of the value.</summary>
    public int FindOrAdd(int group, ReadOnlySpan<byte> value, uint valueHash) => FindOrAddHashed(group, value, HashOf(valueHash, group), out _);

    /// <summary>As <see cref="FindOrAdd"/> with the entry's <see cref="HashOf"/> given; an entry it creates is also left for
    /// <see cref="RemoveEmpty"/> (a caller resolving rows ahead of counting them may create entries nobody counts).</summary>
    public int FindOrAddPending(int group, ReadOnlySpan<byte> value, uint hash)
    {
        int e = FindOrAddHashed(group, value, hash, out bool added);
        if (added) _maybeEmpty.Add(e);
        return e;
    }

    /// <summary>Asks the CPU to fetch the home slot of an entry hash (a probe of it a few rows later then hits the cache).</summary>
    public unsafe void PrefetchSlot(uint hash)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref _slots[(int)hash & _mask]));
    }

    /// <summary>Asks the CPU to fetch the group and value reference of the entry in the home slot of <paramref name="hash"/>.</summary>
    public unsafe void PrefetchEntry(uint hash)
    {
        ulong slot = _slots[(int)hash & _mask];
        if (slot == 0 || !Sse.IsSupported) return;
        int e = (int)(uint)slot - 1;
        Sse.Prefetch0(Unsafe.AsPointer(ref _entryGroup[e]));
        Sse.Prefetch0(Unsafe.AsPointer(ref _entryValue[e]));
    }

    private int FindOrAddHashed(int group, ReadOnlySpan<byte> value, uint hash, out bool added)
    {
        added = false;
        int i = (int)hash & _mask;
        while (true)
        {
            ulong slot = _slots[i];
            if (slot == 0) break;
            if ((uint)(slot >> 32) == hash)
            {
                int e = (int)(uint)slot - 1;
                if (_entryGroup.Get(e) == group && _arena.Get(_entryValue.Get(e)).SequenceEqual(value)) return e;
            }
            i = (i + 1) & _mask;
        }
        added = true;
        return NewEntry(group, value, hash, i);
    }

    /// <summary>Adds <paramref name="delta"/> to a member's count of an entry and returns the new count. An entry whose
    /// counts all reach 0 stays until <see cref="RemoveEmpty"/>.</summary>
    public long Add(int member, int entry, long delta)
    {
        ref long count = ref _counts.Writable(entry * _members + member);
        count += delta;
        if (count == 0) _maybeEmpty.Add(entry);
        return count;
    }

    /// <summary>Removes the entries whose counts are all 0 (entry indexes held from before are void after).</summary>
    public void RemoveEmpty()
    {
        foreach (int e in _maybeEmpty)
            if (_entryGroup.Get(e) >= 0 && AllZero(e)) RemoveEntry(e);
        _maybeEmpty.Clear();
    }

    private bool AllZero(int e)
    {
        for (int m = 0, at = e * _members; m < _members; m++)
            if (_counts.Get(at + m) != 0) return false;
        return true;
    }

    private int NewEntry(int group, ReadOnlySpan<byte> value, uint hash, int slot)
    {
        int e = _freeCount > 0 ? _free[--_freeCount] : _entryHigh++;
        if (_entryHigh > _entryGroup.Capacity)
        {
            _entryGroup.EnsureCapacity(_entryHigh);
            _entryValue.EnsureCapacity(_entryHigh);
            _entryNext.EnsureCapacity(_entryHigh);
            _entryPrev.EnsureCapacity(_entryHigh);
            _entryHash.EnsureCapacity(_entryHigh);
        }
        if (_entryHigh * _members > _counts.Capacity) _counts.EnsureCapacity(_entryHigh * _members);
        for (int m = 0; m < _members; m++) _counts.Set(e * _members + m, 0);
        _entryGroup.Set(e, group);
        _entryValue.Set(e, _arena.Append(value));
        _liveBytes += value.Length;
        _entryHash.Set(e, hash);
        int head = _head.Get(group);
        _entryNext.Set(e, head);
        _entryPrev.Set(e, -1);
        if (head >= 0) _entryPrev.Set(head, e);
        _head.Set(group, e);
        _slots[slot] = (ulong)hash << 32 | (uint)(e + 1);
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
        if (_freeCount == _free.Length) Array.Resize(ref _free, _free.Length * 2);
        _free[_freeCount++] = e;
        _count--;
        if (_arena.ShouldCompact(_liveBytes)) CompactArena();
    }

    private void RemoveSlot(int e)
    {
        int i = (int)_entryHash.Get(e) & _mask;
        while ((uint)_slots[i] != (uint)(e + 1)) i = (i + 1) & _mask;
        int j = i;
        while (true)
        {
            j = (j + 1) & _mask;
            ulong slot = _slots[j];
            if (slot == 0) break;
            int home = (int)(slot >> 32) & _mask;
            bool movable = i <= j ? home <= i || home > j : home <= i && home > j;
            if (!movable) continue;
            _slots[i] = slot;
            i = j;
        }
        _slots[i] = 0;
    }

    /// <summary>Moves the slots into a table of <paramref name="capacity"/>: a slot holds its entry's hash, so no entry is read.</summary>
    private void Rehash(int capacity)
    {
        var slots = SlotArrayPool.Rent(capacity);
        int mask = capacity - 1;
        foreach (ulong slot in _slots)
        {
            if (slot == 0) continue;
            int i = (int)(slot >> 32) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = slot;
        }
        SlotArrayPool.Return(_slots);
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

    /// <summary>Sets a member's count of every value of a group to 0 (entries left with no count are removed).</summary>
    public void Clear(int member, int group)
    {
        for (int e = _head.Get(group); e >= 0;)
        {
            int next = _entryNext.Get(e);
            if (Count(member, e) != 0) _counts.Set(e * _members + member, 0);
            if (AllZero(e)) RemoveEntry(e);
            e = next;
        }
    }

    /// <summary>Adds a member's counts of the values of group <paramref name="from"/> to group <paramref name="into"/>.</summary>
    public void AddAll(int member, int from, int into)
    {
        for (int e = _head.Get(from); e >= 0; e = _entryNext.Get(e))
        {
            long count = Count(member, e);
            if (count == 0) continue;
            var value = Value(e);
            Add(member, FindOrAdd(into, value, GroupValueCounts.ValueHash(value)), count);
        }
    }

    public void Write(int member, int group, StateRowWriter writer)
    {
        int n = 0;
        for (int e = _head.Get(group); e >= 0; e = _entryNext.Get(e))
            if (Count(member, e) != 0) n++;
        writer.WriteVarULong((ulong)n);
        for (int e = _head.Get(group); e >= 0; e = _entryNext.Get(e))
        {
            long count = Count(member, e);
            if (count == 0) continue;
            writer.WriteBytes(Value(e));
            writer.WriteVarLong(count);
        }
    }

    /// <summary>Replaces a member's counts of the group's values by those <see cref="Write"/> wrote.</summary>
    public void Read(int member, int group, ref StateRowReader reader)
    {
        Clear(member, group);
        int n = checked((int)reader.ReadVarULong());
        for (int i = 0; i < n; i++)
        {
            var value = reader.ReadBytes();
            Add(member, FindOrAdd(group, value, GroupValueCounts.ValueHash(value)), reader.ReadVarLong());
        }
        RemoveEmpty();
    }

    /// <summary>Member <paramref name="member"/>'s state as it is now; the members captured together (each once, in the
    /// synchronous part of one snapshot) share the walks of the groups' chains.</summary>
    public GroupValueCountsView Capture(int member)
    {
        if (_walk is null || !_walk.Join(member))
        {
            _walk = new CapturedGroupWalk();
            _walk.Join(member);
        }
        return new(_head.Capture(), _entryNext.Capture(), _entryValue.Capture(), _counts.Capture(), _arena.Capture(), _members, member, _walk);
    }
}
