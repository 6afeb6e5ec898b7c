namespace StreamSql.Execution.Operators.Join;

/// <summary>Candidate pairs of a batch: input row and the other side's stored entry; <see cref="Start"/>[r] is row r's first.
/// An operator may keep one and <see cref="Reset"/> it for each batch: its arrays then grow once, not every batch.
/// When the pairs were listed per distinct key of the batch (<see cref="ListByKeys"/>), the distinct stored entries among
/// them are known as well (<see cref="DistinctCount"/>, <see cref="Distinct"/>, <see cref="Positions"/>).</summary>
internal sealed class JoinCandidates(int rows)
{
    public int[] Start = new int[rows + 1];
    public int[] Rows = new int[Math.Max(16, rows)];
    public int[] Entries = new int[Math.Max(16, rows)];
    public int Count;

    /// <summary>The distinct entries among the pairs in order of their first pair, or -1 when not known.</summary>
    public int DistinctCount = -1;
    /// <summary>The distinct entries, [0..<see cref="DistinctCount"/>).</summary>
    public int[] Distinct = new int[16];
    /// <summary>Per pair, its entry's position in <see cref="Distinct"/> (when <see cref="DistinctCount"/> is known).</summary>
    public int[] Positions = new int[Math.Max(16, rows)];
    private int[] _keyStart = new int[16];

    /// <summary>Empties the pairs for a batch of <paramref name="rows"/> rows.</summary>
    public void Reset(int rows)
    {
        if (Start.Length < rows + 1) Start = new int[Math.Max(rows + 1, Start.Length * 2)];
        Count = 0;
        DistinctCount = -1;
    }

    public void Add(int row, int entry)
    {
        if (Count == Rows.Length) Grow();
        Rows[Count] = row;
        Entries[Count++] = entry;
    }

    /// <summary>
    /// Lists every row's pairs (after <see cref="Reset"/>) from the batch's distinct keys: <paramref name="rowKeys"/>[r] is
    /// row r's key (-1: none), <paramref name="keyGroups"/>[k] key k's group in <paramref name="records"/> (-1: none). Each
    /// key's entries are walked once, not once per row; as they are distinct across keys (distinct groups) and keys come in
    /// order of their first rows, their concatenation is the pairs' distinct entries in order of first pair.
    /// </summary>
    public void ListByKeys(ReadOnlySpan<int> rowKeys, ReadOnlySpan<int> keyGroups, JoinRecords records)
    {
        int keys = keyGroups.Length;
        if (_keyStart.Length < keys + 1) _keyStart = new int[Math.Max(keys + 1, _keyStart.Length * 2)];
        var keyStart = _keyStart;
        int distinct = 0, longest = 0;
        for (int k = 0; k < keys; k++)
        {
            keyStart[k] = distinct;
            int g = keyGroups[k];
            if (g < 0) continue;
            for (int e = records.First(g); e >= 0; e = records.Next(e))
            {
                if (distinct == Distinct.Length) Array.Resize(ref Distinct, distinct * 2);
                Distinct[distinct++] = e;
            }
            longest = Math.Max(longest, distinct - keyStart[k]);
        }
        keyStart[keys] = distinct;
        DistinctCount = distinct;
        var entries = Distinct;
        if (longest <= 1)
        {
            // At most one entry per key (a key unique on the other side: q4's auction ids): at most one pair per row, so the
            // arrays are sized once and the loop keeps its count in a register.
            int n = rowKeys.Length;
            if (Rows.Length < n)
            {
                Rows = new int[n];
                Entries = new int[n];
                Positions = new int[n];
            }
            var start = Start;
            var pairRows = Rows;
            var pairEntries = Entries;
            var positions = Positions;
            int count = 0;
            for (int r = 0; r < n; r++)
            {
                start[r] = count;
                int k = rowKeys[r];
                if (k < 0) continue;
                int p = keyStart[k];
                if (p == keyStart[k + 1]) continue;
                pairRows[count] = r;
                pairEntries[count] = entries[p];
                positions[count++] = p;
            }
            start[n] = count;
            Count = count;
            return;
        }
        for (int r = 0; r < rowKeys.Length; r++)
        {
            Start[r] = Count;
            int k = rowKeys[r];
            if (k < 0) continue;
            for (int p = keyStart[k]; p < keyStart[k + 1]; p++)
            {
                if (Count == Rows.Length) Grow();
                Rows[Count] = r;
                Entries[Count] = entries[p];
                Positions[Count++] = p;
            }
        }
        Start[rowKeys.Length] = Count;
    }

    private void Grow()
    {
        Array.Resize(ref Rows, Count * 2);
        Array.Resize(ref Entries, Count * 2);
        Array.Resize(ref Positions, Count * 2);
    }
}
