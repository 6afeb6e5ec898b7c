using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.ChangelogFormats;

/// <summary>The row kinds of a batch being read, one per appended row (grown as needed, reused across batches).</summary>
internal sealed class RowKindList
{
    private RowKind[] _kinds = new RowKind[256];

    public int Count { get; private set; }

    /// <summary>Whether a row other than <c>+I</c> was added since <see cref="Clear"/>.</summary>
    public bool AnyChange { get; private set; }

    public void Add(RowKind kind)
    {
        if (Count == _kinds.Length) Array.Resize(ref _kinds, _kinds.Length * 2);
        _kinds[Count++] = kind;
        AnyChange |= kind != RowKind.Insert;
    }

    public void Truncate(int count) => Count = Math.Min(Count, count);

    public void Clear()
    {
        Count = 0;
        AnyChange = false;
    }

    /// <summary>The kinds as a batch takes them: a copy, or null when every row is <c>+I</c>.</summary>
    public RowKind[]? ToBatchKinds() => AnyChange ? _kinds.AsSpan(0, Count).ToArray() : null;
}
