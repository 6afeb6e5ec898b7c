namespace StreamSql.Execution.Operators.Join;

/// <summary>
/// The distinct stored entries among a batch's candidate pairs, in first-seen order, and each pair's position among them:
/// a stored row that many arriving rows of a batch match (Nexmark q4: half the bids go to one hot auction) is decoded
/// once, then gathered per pair. Reused batch after batch; the entry → position map grows to the largest entry seen and
/// is cleared entry by entry after each batch.
/// </summary>
internal sealed class DistinctEntries
{
    private int[] _positionOf = [];

    /// <summary>The distinct entries, [0..count) as <see cref="Collect"/> returned.</summary>
    public int[] Entries { get; private set; } = new int[16];

    /// <summary>Per candidate pair, the position of its entry in <see cref="Entries"/>.</summary>
    public int[] Positions { get; private set; } = new int[16];

    /// <summary>Finds the distinct entries of <paramref name="entries"/>; returns how many there are.</summary>
    public int Collect(ReadOnlySpan<int> entries)
    {
        int n = entries.Length;
        if (Positions.Length < n)
        {
            Positions = new int[Math.Max(n, Positions.Length * 2)];
            Entries = new int[Positions.Length];
        }
        int max = -1;
        foreach (int e in entries) max = Math.Max(max, e);
        if (_positionOf.Length <= max)
        {
            int old = _positionOf.Length;
            System.Array.Resize(ref _positionOf, Math.Max(max + 1, old * 2));
            _positionOf.AsSpan(old).Fill(-1);
        }
        var positionOf = _positionOf;
        var distinct = Entries;
        var positions = Positions;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            int e = entries[i];
            int p = positionOf[e];
            if (p < 0)
            {
                p = count++;
                positionOf[e] = p;
                distinct[p] = e;
            }
            positions[i] = p;
        }
        for (int i = 0; i < count; i++) positionOf[distinct[i]] = -1;
        return count;
    }
}
