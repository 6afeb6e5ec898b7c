namespace StreamSql.Execution.State.Groups;

/// <summary>A growable list of ints exposing its span (no per-add bounds juggling, no enumerator allocations).</summary>
internal sealed class IntList
{
    private int[] _items;

    public IntList(int capacity = 16) => _items = new int[Math.Max(1, capacity)];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Span => _items.AsSpan(0, Count);

    public Span<int> WritableSpan => _items.AsSpan(0, Count);

    public void Add(int value)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = value;
    }

    public void Clear() => Count = 0;

    public void Truncate(int count) => Count = count;
}
