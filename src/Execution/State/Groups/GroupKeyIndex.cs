using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// The hash index of a <see cref="GroupTable"/>: (serialized key, namespace) → dense group index. Open addressing with
/// linear probing over <c>ulong</c> slots holding the key's hash and its entry's arena address (+1; 0 = empty), so a probe
/// reads an entry (group, key) only when the hashes agree: a new key (most rows of a join side whose keys are mostly
/// distinct) and a collision cost a slot read, not a cache miss on an entry, and growing rehashes from the slots alone.
/// Group indexes of removed groups are reused (a free list); removal shifts later slots back (no tombstones); the arena is
/// compacted when dead entries outweigh live ones.
/// </summary>
internal sealed class GroupKeyIndex
{
    public const uint Free = uint.MaxValue;
    private const int MinCapacity = 64;

    private readonly bool _namespaced;
    private GroupEntryArena _arena;
    private ulong[] _slots = new ulong[MinCapacity];
    private int _mask = MinCapacity - 1;
    private int _growAt = MinCapacity * 3 / 4;
    private int[] _free = new int[16];
    private int _freeCount;
    private long _liveBytes;

    public GroupKeyIndex(bool namespaced, SnapshotEpoch epoch)
    {
        _namespaced = namespaced;
        _arena = new GroupEntryArena(namespaced);
        EntryOf = new PagedColumn<uint>(epoch, Free);
    }

    /// <summary>Group → arena address of its entry (<see cref="Free"/> for an unused index).</summary>
    public PagedColumn<uint> EntryOf { get; }

    public GroupEntryArena Arena => _arena;

    public bool Namespaced => _namespaced;

    /// <summary>Group indexes ever handed out are below this.</summary>
    public int HighWater { get; private set; }

    public int Count { get; private set; }

    public long AllocatedBytes => _slots.Length * 8L + _arena.AllocatedBytes + EntryOf.AllocatedBytes + _free.Length * 4L;

    public bool IsLive(int group) => (uint)group < (uint)HighWater && EntryOf.Get(group) != Free;

    public GroupEntry EntryOfGroup(int group) => new(_arena.Entry(EntryOf.Get(group)), _namespaced);

    private static ulong Slot(uint hash, uint address) => ((ulong)hash << 32) | (address + 1);

    private static uint HashOf(ulong slot) => (uint)(slot >> 32);

    private static uint AddressOf(ulong slot) => (uint)slot - 1;

    /// <summary>The group of (key, namespace), or -1.</summary>
    public int Find(ReadOnlySpan<byte> key, uint hash, long @namespace)
    {
        var slots = _slots;
        int i = (int)hash & _mask;
        while (true)
        {
            ulong slot = slots[i];
            if (slot == 0) return -1;
            if (HashOf(slot) == hash)
            {
                var entry = new GroupEntry(_arena.Entry(AddressOf(slot)), _namespaced);
                if (entry.Namespace == @namespace && entry.Key.SequenceEqual(key)) return entry.Group;
            }
            i = (i + 1) & _mask;
        }
    }

    /// <summary>The group of an integer key (a table whose entries are filed under <see cref="IntegerKeys.Hash"/>), or -1.</summary>
    public int FindInteger(long value, bool isNull, uint hash, long @namespace)
    {
        var slots = _slots;
        int i = (int)hash & _mask;
        while (true)
        {
            ulong slot = slots[i];
            if (slot == 0) return -1;
            if (HashOf(slot) == hash)
            {
                var entry = new GroupEntry(_arena.Entry(AddressOf(slot)), _namespaced);
                if (entry.Namespace == @namespace && IntegerKeys.Matches(entry.Key, value, isNull)) return entry.Group;
            }
            i = (i + 1) & _mask;
        }
    }

    /// <summary>Asks the CPU to fetch the home slot of <paramref name="hash"/> (a later probe of it then hits the cache).</summary>
    public unsafe void PrefetchSlot(uint hash)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref _slots[(int)hash & _mask]));
    }

    /// <summary>Asks the CPU to fetch the entry in the home slot of <paramref name="hash"/> (after <see cref="PrefetchSlot"/>),
    /// when that slot holds the same hash (else the probe will not read it).</summary>
    public unsafe void PrefetchEntry(uint hash)
    {
        ulong slot = _slots[(int)hash & _mask];
        if (slot != 0 && HashOf(slot) == hash && Sse.IsSupported)
            Sse.Prefetch0(Unsafe.AsPointer(ref MemoryMarshal.GetReference(_arena.Entry(AddressOf(slot)))));
    }

    /// <summary>The group of (key, namespace), created (with <paramref name="keyGroup"/>) when absent.</summary>
    public int FindOrInsert(ReadOnlySpan<byte> key, uint hash, long @namespace, int keyGroup, out bool inserted)
    {
        var slots = _slots;
        int i = (int)hash & _mask;
        while (true)
        {
            ulong slot = slots[i];
            if (slot == 0) break;
            if (HashOf(slot) == hash)
            {
                var entry = new GroupEntry(_arena.Entry(AddressOf(slot)), _namespaced);
                if (entry.Namespace == @namespace && entry.Key.SequenceEqual(key))
                {
                    inserted = false;
                    return entry.Group;
                }
            }
            i = (i + 1) & _mask;
        }
        inserted = true;
        int group = _freeCount > 0 ? _free[--_freeCount] : HighWater++;
        EntryOf.EnsureCapacity(HighWater);
        uint address = _arena.Append(hash, group, keyGroup, @namespace, key);
        _liveBytes += EntrySize(key.Length);
        EntryOf.Set(group, address);
        slots[i] = Slot(hash, address);
        if (++Count > _growAt) Rehash(_slots.Length * 2);
        return group;
    }

    private int EntrySize(int keyLength) => (_arena.HeaderSize + VarInt.Size((ulong)keyLength) + keyLength + 3) & ~3;

    /// <summary>Removes a live group; its index may be handed out again.</summary>
    public void Remove(int group)
    {
        uint address = EntryOf.Get(group);
        if (address == Free) throw new InvalidOperationException($"group {group} is not in the table");
        var entry = new GroupEntry(_arena.Entry(address), _namespaced);
        _liveBytes -= EntrySize(entry.Key.Length);
        ulong removed = Slot(entry.Hash, address);
        int i = (int)entry.Hash & _mask;
        while (_slots[i] != removed) i = (i + 1) & _mask;
        // Backward-shift deletion: move each following entry of the run into the hole when its home slot allows.
        int j = i;
        while (true)
        {
            j = (j + 1) & _mask;
            ulong slot = _slots[j];
            if (slot == 0) break;
            int home = (int)HashOf(slot) & _mask;
            bool movable = i <= j ? home <= i || home > j : home <= i && home > j;
            if (!movable) continue;
            _slots[i] = slot;
            i = j;
        }
        _slots[i] = 0;
        EntryOf.Set(group, Free);
        if (_freeCount == _free.Length) Array.Resize(ref _free, _free.Length * 2);
        _free[_freeCount++] = group;
        Count--;
        if (_arena.UsedBytes > 2 * _liveBytes + (1 << 20)) Compact();
    }

    private void Rehash(int capacity)
    {
        var slots = SlotArrayPool.Rent(capacity);
        int mask = capacity - 1;
        foreach (ulong slot in _slots)
        {
            if (slot == 0) continue;
            int i = (int)HashOf(slot) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = slot;
        }
        SlotArrayPool.Return(_slots);
        _slots = slots;
        _mask = mask;
        _growAt = capacity / 4 * 3;
    }

    /// <summary>Copies the live entries into a fresh arena (a pending snapshot keeps reading the old chunks) and refiles
    /// the slots under their new addresses.</summary>
    private void Compact()
    {
        var old = _arena;
        _arena = new GroupEntryArena(_namespaced);
        Array.Clear(_slots);
        for (int g = 0; g < HighWater; g++)
        {
            uint address = EntryOf.Get(g);
            if (address == Free) continue;
            var entry = new GroupEntry(old.Entry(address), _namespaced);
            uint hash = entry.Hash;
            uint moved = _arena.Append(hash, g, entry.KeyGroup, entry.Namespace, entry.Key);
            EntryOf.Set(g, moved);
            int i = (int)hash & _mask;
            while (_slots[i] != 0) i = (i + 1) & _mask;
            _slots[i] = Slot(hash, moved);
        }
        _liveBytes = _arena.UsedBytes;
    }

    /// <summary>Hands the slots back to <see cref="SlotArrayPool"/> when the table's job is over; the index is unusable after
    /// (a lookup fails on the empty slot array rather than answering from slots another index now owns).</summary>
    public void Release()
    {
        SlotArrayPool.Return(_slots);
        _slots = [];
        Count = 0;
    }

    /// <summary>Forgets every group; group indexes are handed out from 0 again.</summary>
    public void Clear()
    {
        _arena = new GroupEntryArena(_namespaced);
        for (int g = 0; g < HighWater; g++)
            if (EntryOf.Get(g) != Free) EntryOf.Set(g, Free);
        _freeCount = 0;
        HighWater = 0;
        Array.Clear(_slots);
        Count = 0;
        _liveBytes = 0;
    }
}
