namespace StreamSql.Execution.Operators.Join;

/// <summary>Candidate pairs of a batch: input row and the other side's stored entry; <see cref="Start"/>[r] is row r's first.</summary>
internal sealed class JoinCandidates(int rows)
{
    public readonly int[] Start = new int[rows + 1];
    public int[] Rows = new int[Math.Max(16, rows)];
    public int[] Entries = new int[Math.Max(16, rows)];
    public int Count;

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
