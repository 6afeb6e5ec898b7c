namespace StreamSql.Execution.Operators.Match;

/// <summary>
/// The rows of a (partial) match in order with the pattern variable each is mapped to: row indexes into the partition's
/// rows being matched. A stack: the matcher pushes a row before testing its condition and pops it when a branch fails.
/// </summary>
internal sealed class MatchAssignment
{
    private int[] _rows = new int[16];
    private int[] _variables = new int[16];

    public int Count { get; private set; }

    public int RowAt(int i) => _rows[i];

    public int VariableAt(int i) => _variables[i];

    public void Push(int row, int variable)
    {
        if (Count == _rows.Length)
        {
            System.Array.Resize(ref _rows, Count * 2);
            System.Array.Resize(ref _variables, Count * 2);
        }
        _rows[Count] = row;
        _variables[Count] = variable;
        Count++;
    }

    public void Pop() => Count--;

    public void Clear() => Count = 0;

    /// <summary>The row of the n-th last (<paramref name="fromEnd"/>) or n-th first entry mapped to <paramref name="variable"/>
    /// (-1: any), or -1 when there are not that many.</summary>
    public int Find(int variable, int n, bool fromEnd)
    {
        if (fromEnd)
        {
            for (int i = Count - 1; i >= 0; i--)
                if ((variable < 0 || _variables[i] == variable) && n-- == 0) return _rows[i];
        }
        else
        {
            for (int i = 0; i < Count; i++)
                if ((variable < 0 || _variables[i] == variable) && n-- == 0) return _rows[i];
        }
        return -1;
    }

    /// <summary>The rows mapped to <paramref name="variable"/> (-1: all), in order.</summary>
    public int RowsOf(int variable, List<int> into)
    {
        into.Clear();
        for (int i = 0; i < Count; i++)
            if (variable < 0 || _variables[i] == variable) into.Add(_rows[i]);
        return into.Count;
    }

    public (int[] Rows, int[] Variables) ToArrays() => (_rows[..Count], _variables[..Count]);

    public void Load(int[] rows, int[] variables)
    {
        Clear();
        for (int i = 0; i < rows.Length; i++) Push(rows[i], variables[i]);
    }
}
