namespace StreamSql.Execution.State.Groups;

/// <summary>
/// A list of values per group in arrival order, with removal of a value's earliest occurrence — the state of
/// FIRST_VALUE/LAST_VALUE and LISTAGG over an updating input (Flink keeps value → orders maps and a ListView; removal
/// scans a group's list, as Flink's <c>List.remove</c> does). Each group also has a list of retractions that found no
/// value yet (Flink's LISTAGG <c>retractList</c>): a later equal value cancels one instead of being added.
/// Copy-on-write through the owner's <see cref="SnapshotEpoch"/>; in a state row a group is its value count and values,
/// then its pending-retraction count and values.
/// <para>Entries link forward only: every removal walks its list from the head, so it knows the entry before the one it
/// unlinks (an insert-only list, a join side, never removes and so never paid for a back link).</para>
/// </summary>
public sealed class GroupValueLists
{
    private readonly PagedColumn<int> _head;
    private readonly PagedColumn<int> _tail;
    private readonly PagedColumn<int> _pending;
    private readonly PagedColumn<long> _entryValue;
    private readonly PagedColumn<int> _entryNext;
    private ByteArena _arena = new();
    private long _liveBytes;
    private int _entryHigh;
    private int[] _free = new int[16];
    private int _freeCount;
    private long[] _handles = [];

    public GroupValueLists(SnapshotEpoch epoch)
    {
        _head = new PagedColumn<int>(epoch, -1);
        _tail = new PagedColumn<int>(epoch, -1);
        _pending = new PagedColumn<int>(epoch, -1);
        // Entry pages are not filled: an entry is written whole when it is taken (below the high mark, all are).
        _entryValue = new PagedColumn<long>(epoch, ByteArena.None, fillNewPages: false);
        _entryNext = new PagedColumn<int>(epoch, -1, fillNewPages: false);
    }

    public long AllocatedBytes => _head.AllocatedBytes * 3 + _entryValue.AllocatedBytes + _entryNext.AllocatedBytes + _arena.AllocatedBytes;

    public void EnsureCapacity(int groups)
    {
        _head.EnsureCapacity(groups);
        _tail.EnsureCapacity(groups);
        _pending.EnsureCapacity(groups);
    }

    public void PrepareWrite(ReadOnlySpan<int> groups)
    {
        _head.PrepareWrite(groups);
        _tail.PrepareWrite(groups);
        _pending.PrepareWrite(groups);
    }

    public int First(int group) => _head.Get(group);

    public int Last(int group) => _tail.Get(group);

    public int Next(int entry) => _entryNext.Get(entry);

    public ReadOnlySpan<byte> Value(int entry) => _arena.Get(_entryValue.Get(entry));

    /// <summary>Appends a value, unless a pending retraction of an equal value cancels it (when <paramref name="cancelPending"/>).</summary>
    public void Append(int group, ReadOnlySpan<byte> value, bool cancelPending)
    {
        if (cancelPending)
        {
            for (int e = _pending.Get(group), prev = -1; e >= 0; prev = e, e = _entryNext.Get(e))
                if (Value(e).SequenceEqual(value))
                {
                    Unlink(e, prev, group, pendingList: true);
                    return;
                }
        }
        int entry = NewEntry(value);
        int tail = _tail.Get(group);
        if (tail >= 0) _entryNext.Set(tail, entry); else _head.Set(group, entry);
        _tail.Set(group, entry);
    }

    /// <summary>Appends row i's value (<paramref name="bytes"/>[<paramref name="offsets"/>[i]..<paramref name="offsets"/>[i + 1]])
    /// to the list of group <paramref name="groups"/>[i], in row order, for every row with a group (not negative) — as
    /// <see cref="Append"/> without pending retractions, for a whole batch: the entry columns grow once and the new
    /// entries are written in place. Returns how many values it appended.</summary>
    public int AppendBatch(ReadOnlySpan<int> groups, ReadOnlySpan<byte> bytes, ReadOnlySpan<int> offsets)
    {
        int count = 0;
        foreach (int g in groups) if (g >= 0) count++;
        if (count == 0) return 0;
        if (_freeCount > 0)
        {
            for (int i = 0; i < groups.Length; i++)
                if (groups[i] >= 0) Append(groups[i], bytes[offsets[i]..offsets[i + 1]], cancelPending: false);
            return count;
        }
        int first = _entryHigh;
        _entryHigh += count;
        _entryValue.EnsureCapacity(_entryHigh);
        _entryNext.EnsureCapacity(_entryHigh);
        _entryValue.PrepareWrite(first, _entryHigh);
        _entryNext.PrepareWrite(first, _entryHigh);
        // Every row has a group (the usual case): the values go into the arena with one move per chunk.
        long[]? handles = null;
        if (count == groups.Length)
        {
            handles = _handles.Length >= count ? _handles : _handles = new long[Math.Max(count, _handles.Length * 2)];
            _arena.AppendAll(bytes, offsets, handles.AsSpan(0, count));
            _liveBytes += offsets[count] - offsets[0];
        }
        int e = first;
        for (int i = 0; i < groups.Length; i++)
        {
            int g = groups[i];
            if (g < 0) continue;
            if (handles is not null) _entryValue[e] = handles[i];
            else
            {
                var value = bytes[offsets[i]..offsets[i + 1]];
                _entryValue[e] = _arena.Append(value);
                _liveBytes += value.Length;
            }
            _entryNext[e] = -1;
            // The previous tail may be an older entry on a page a pending snapshot holds: Set copies it first.
            int tail = _tail.Get(g);
            if (tail >= 0) _entryNext.Set(tail, e); else _head.Set(g, e);
            _tail.Set(g, e);
            e++;
        }
        return count;
    }

    /// <summary>Removes the earliest occurrence of a value; when there is none, remembers the retraction (when
    /// <paramref name="keepPending"/>) and returns false.</summary>
    public bool RemoveFirst(int group, ReadOnlySpan<byte> value, bool keepPending)
    {
        for (int e = _head.Get(group), prev = -1; e >= 0; prev = e, e = _entryNext.Get(e))
            if (Value(e).SequenceEqual(value))
            {
                Unlink(e, prev, group, pendingList: false);
                return true;
            }
        if (keepPending)
        {
            int entry = NewEntry(value);
            _entryNext.Set(entry, _pending.Get(group));
            _pending.Set(group, entry);
        }
        return false;
    }

    /// <summary>Removes the group's earliest value (a window of the last n values); false when it has none.</summary>
    public bool RemoveHead(int group)
    {
        int head = _head.Get(group);
        if (head < 0) return false;
        Unlink(head, -1, group, pendingList: false);
        return true;
    }

    private int NewEntry(ReadOnlySpan<byte> value)
    {
        int e = _freeCount > 0 ? _free[--_freeCount] : _entryHigh++;
        _entryValue.EnsureCapacity(_entryHigh);
        _entryNext.EnsureCapacity(_entryHigh);
        _entryValue.Set(e, _arena.Append(value));
        _liveBytes += value.Length;
        _entryNext.Set(e, -1);
        return e;
    }

    /// <summary>Takes entry <paramref name="e"/> out of the group's list (or pending list); <paramref name="prev"/> is the
    /// entry before it there (-1: it is the first).</summary>
    private void Unlink(int e, int prev, int group, bool pendingList)
    {
        int next = _entryNext.Get(e);
        if (prev >= 0) _entryNext.Set(prev, next);
        else if (pendingList) _pending.Set(group, next);
        else _head.Set(group, next);
        if (next < 0 && !pendingList) _tail.Set(group, prev);
        Free(e);
    }

    private void Free(int e)
    {
        _liveBytes -= ByteArena.LengthOf(_entryValue.Get(e));
        _entryValue.Set(e, ByteArena.None);
        if (_freeCount == _free.Length) Array.Resize(ref _free, _free.Length * 2);
        _free[_freeCount++] = e;
        if (!_arena.ShouldCompact(_liveBytes)) return;
        var old = _arena;
        _arena = new ByteArena();
        for (int x = 0; x < _entryHigh; x++)
        {
            long h = _entryValue.Get(x);
            if (h != ByteArena.None) _entryValue.Set(x, _arena.Append(old.Get(h)));
        }
    }

    public void Clear(int group)
    {
        for (int e = _head.Get(group); e >= 0;)
        {
            int next = _entryNext.Get(e);
            Free(e);
            e = next;
        }
        for (int e = _pending.Get(group); e >= 0;)
        {
            int next = _entryNext.Get(e);
            Free(e);
            e = next;
        }
        _head.Set(group, -1);
        _tail.Set(group, -1);
        _pending.Set(group, -1);
    }

    /// <summary>Appends <paramref name="from"/>'s values to <paramref name="into"/>'s (its pending retractions too).</summary>
    public void AppendAll(int from, int into, bool cancelPending)
    {
        for (int e = _head.Get(from); e >= 0; e = _entryNext.Get(e)) Append(into, Value(e), cancelPending);
        for (int e = _pending.Get(from); e >= 0; e = _entryNext.Get(e)) RemoveFirst(into, Value(e), keepPending: true);
    }

    public void Write(int group, StateRowWriter writer) => WriteLists(writer, _head.Get(group), _pending.Get(group), _entryNext.Get, e => _arena.Get(_entryValue.Get(e)));

    internal static void WriteLists(StateRowWriter writer, int head, int pending, Func<int, int> next, ReadOnlySpanFunc value)
    {
        WriteList(writer, head, next, value);
        WriteList(writer, pending, next, value);
    }

    private static void WriteList(StateRowWriter writer, int start, Func<int, int> next, ReadOnlySpanFunc value)
    {
        int n = 0;
        for (int e = start; e >= 0; e = next(e)) n++;
        writer.WriteVarULong((ulong)n);
        for (int e = start; e >= 0; e = next(e)) writer.WriteBytes(value(e));
    }

    public void Read(int group, ref StateRowReader reader)
    {
        Clear(group);
        int n = checked((int)reader.ReadVarULong());
        for (int i = 0; i < n; i++) Append(group, reader.ReadBytes(), cancelPending: false);
        int p = checked((int)reader.ReadVarULong());
        // The order of pending retractions does not matter: each cancels one equal value.
        for (int i = 0; i < p; i++) RemoveFirst(group, reader.ReadBytes(), keepPending: true);
    }

    public GroupValueListsView Capture() => new(_head.Capture(), _pending.Capture(), _entryNext.Capture(), _entryValue.Capture(), _arena.Capture());
}

internal delegate ReadOnlySpan<byte> ReadOnlySpanFunc(int entry);

/// <summary>A <see cref="GroupValueLists"/> as a snapshot captured it.</summary>
public sealed class GroupValueListsView(PagedColumnView<int> head, PagedColumnView<int> pending, PagedColumnView<int> next,
    PagedColumnView<long> values, byte[][] chunks) : IGroupColumnSnapshot
{
    /// <summary>The group's first value entry as captured (-1 when none); walk on with <see cref="Next"/>.</summary>
    public int First(int group) => head[group];

    public int Next(int entry) => next[entry];

    public ReadOnlySpan<byte> Value(int entry) => ByteArena.Get(chunks, values[entry]);

    public void WriteState(int group, StateRowWriter writer) =>
        GroupValueLists.WriteLists(writer, head[group], pending[group], e => next[e], e => ByteArena.Get(chunks, values[e]));
}
