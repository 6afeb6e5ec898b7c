using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>
/// The rows a batch-mode sort keeps until end of input (<see cref="BatchSortOperator"/>,
/// <see cref="Over.BatchOverAggregateOperator"/>): each entry's sort key parts (<see cref="SortKeyEncoder"/> bytes, so
/// comparisons are byte comparisons) and then the row (<see cref="KeySerializer"/> bytes), appended to one byte arena;
/// <see cref="SortedOrder"/> sorts the entries by their key parts in order, then by arrival.
/// </summary>
internal sealed class SortedRowArena
{
    private readonly int _segments;
    private readonly StateRowWriter _arena = new();
    // Segment s of entry e starts at _starts[e * _segments + s]; the next entry's first start ends the row.
    private int[] _starts;

    public SortedRowArena(int keyParts)
    {
        _segments = keyParts + 1;
        _starts = new int[1024 * _segments + 1];
    }

    public int Count { get; private set; }

    /// <summary>Makes room for <paramref name="more"/> entries (once per batch, not per row).</summary>
    public void Reserve(int more)
    {
        int needed = (Count + more) * _segments + 1;
        if (_starts.Length < needed) System.Array.Resize(ref _starts, Math.Max(_starts.Length * 2, needed));
    }

    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> row)
    {
        int at = Count * _segments;
        _starts[at] = _arena.Length;
        _arena.WriteRaw(key);
        _starts[at + 1] = _arena.Length;
        _arena.WriteRaw(row);
        End(at + 2);
    }

    public void Add(ReadOnlySpan<byte> key0, ReadOnlySpan<byte> key1, ReadOnlySpan<byte> row)
    {
        int at = Count * _segments;
        _starts[at] = _arena.Length;
        _arena.WriteRaw(key0);
        _starts[at + 1] = _arena.Length;
        _arena.WriteRaw(key1);
        _starts[at + 2] = _arena.Length;
        _arena.WriteRaw(row);
        End(at + 3);
    }

    private void End(int next)
    {
        _starts[next] = _arena.Length;
        Count++;
    }

    public ReadOnlySpan<byte> Key(int entry, int part) =>
        _arena.Written[_starts[entry * _segments + part].._starts[entry * _segments + part + 1]];

    public ReadOnlySpan<byte> Row(int entry) => _arena.Written[_starts[entry * _segments + _segments - 1].._starts[(entry + 1) * _segments]];

    /// <summary>The entries' indexes in sort order: by key parts, then arrival.</summary>
    public int[] SortedOrder()
    {
        var order = new int[Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        System.Array.Sort(order, Compare);
        return order;
    }

    private int Compare(int a, int b)
    {
        for (int part = 0; part < _segments - 1; part++)
        {
            int byPart = Key(a, part).SequenceCompareTo(Key(b, part));
            if (byPart != 0) return byPart;
        }
        return a.CompareTo(b);
    }

    public void Clear()
    {
        Count = 0;
        _arena.Clear();
    }
}
