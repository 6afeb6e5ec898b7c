namespace StreamSql.Execution.Operators.Join;

/// <summary>Candidate pairs of a batch: input row and the other side's stored entry; <see cref="Start"/>[r] is row r's first.
/// An operator may keep one and <see cref="Reset"/> it for each batch: its arrays then grow once, not every batch.</summary>
internal sealed class JoinCandidates(int rows)
{
    public int[] Start = new int[rows + 1];
    public int[] Rows = new int[Math.Max(16, rows)];
    public int[] Entries = new int[Math.Max(16, rows)];
    public int Count;

    /// <summary>Empties the pairs for a batch of <paramref name="rows"/> rows.</summary>
    public void Reset(int rows)
    {
        if (Start.Length < rows + 1) Start = new int[Math.Max(rows + 1, Start.Length * 2)];
        Count = 0;
    }

    public void Add(int row, int entry)
    {
        if (Count == Rows.Length)
        {
            Array.Resize(ref Rows, Count * 2);
            Array.Resize(ref Entries, Count * 2);
        }
        Rows[Count] = row;
        Entries[Count++] = entry;
    }
}
