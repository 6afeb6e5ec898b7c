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

    /// <summary>The row of the n-th last (<paramref name="fromEnd"/>) or n-th first entry mapped to a variable of
    /// <paramref name="variables"/> (indexed by variable; null: any), or -1 when there are not that many.</summary>
    public int Find(bool[]? variables, int n, bool fromEnd)
    {
        if (fromEnd)
        {
            for (int i = Count - 1; i >= 0; i--)
                if ((variables is null || variables[_variables[i]]) && n-- == 0) return _rows[i];
        }
        else
        {
            for (int i = 0; i < Count; i++)
                if ((variables is null || variables[_variables[i]]) && n-- == 0) return _rows[i];
        }
        return -1;
    }

    /// <summary>The rows mapped to a variable of <paramref name="variables"/> (null: all), in order.</summary>
    public int RowsOf(bool[]? variables, List<int> into)
    {
        into.Clear();
        for (int i = 0; i < Count; i++)
            if (variables is null || variables[_variables[i]]) into.Add(_rows[i]);
        return into.Count;
    }

    /// <summary>Which pattern variables a slot's variable stands for: -1 all (null), a variable itself, or (indexes from
    /// the number of variables on) a SUBSET's members.</summary>
    public static bool[]? Members(int variable, int variableCount, IReadOnlyList<IReadOnlyList<int>> subsets)
    {
        if (variable < 0) return null;
        var mask = new bool[variableCount];
        if (variable < variableCount) mask[variable] = true;
        else foreach (int member in subsets[variable - variableCount]) mask[member] = true;
        return mask;
    }

    public (int[] Rows, int[] Variables) ToArrays() => (_rows[..Count], _variables[..Count]);

    public void Load(int[] rows, int[] variables)
    {
        Clear();
        for (int i = 0; i < rows.Length; i++) Push(rows[i], variables[i]);
    }
}
