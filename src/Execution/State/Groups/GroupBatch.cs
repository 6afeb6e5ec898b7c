namespace StreamSql.Execution.State.Groups;

/// <summary>
/// The groups of one batch's rows, from <see cref="GroupTable.Resolve(Apache.Arrow.RecordBatch, IReadOnlyList{int}, ReadOnlySpan{int}, ReadOnlySpan{bool})"/>:
/// a group index per row (-1 for rows the selection left out), and the distinct groups the batch touched in order of
/// their first row, each flagged when the batch created it (a key the table had not seen, in memory or spilled).
/// Reused by the table: valid until its next Resolve.
/// </summary>
public sealed class GroupBatch
{
    private int[] _groups = new int[256];
    private int[] _touched = new int[256];
    private bool[] _isNew = new bool[256];
    private int[] _firstRows = new int[256];

    public int RowCount { get; private set; }

    /// <summary>Per row, its group (or -1 when not selected).</summary>
    public ReadOnlySpan<int> Groups => _groups.AsSpan(0, RowCount);

    public int TouchedCount { get; private set; }

    /// <summary>The distinct groups of the batch, in order of their first row.</summary>
    public ReadOnlySpan<int> Touched => _touched.AsSpan(0, TouchedCount);

    /// <summary>Aligned with <see cref="Touched"/>: whether the batch created the group (it had no state before).</summary>
    public ReadOnlySpan<bool> TouchedIsNew => _isNew.AsSpan(0, TouchedCount);

    /// <summary>Aligned with <see cref="Touched"/>: the group's first row in the batch (its key can be read there without
    /// touching the table).</summary>
    public ReadOnlySpan<int> TouchedFirstRows => _firstRows.AsSpan(0, TouchedCount);

    /// <summary>Group indexes are below this (the size per-group arrays need).</summary>
    public int TotalGroups { get; internal set; }

    internal Span<int> GroupsForWrite => _groups.AsSpan(0, RowCount);

    private int[]? _rowKeys;
    private int[]? _keyGroups;
    private int _keyCount;

    /// <summary>When the table resolved the batch through its distinct keys (a batch of integer keys that repeat): per row,
    /// its key's index in <see cref="KeyGroups"/> (-1 when not selected). Empty otherwise. Lets a caller do per-key work
    /// (a join listing a key's stored rows) once per distinct key.</summary>
    public ReadOnlySpan<int> RowKeys => _rowKeys is null ? default : _rowKeys.AsSpan(0, RowCount);

    /// <summary>With <see cref="RowKeys"/>: per distinct key, in order of its first row, its group (-1: a probe found none).</summary>
    public ReadOnlySpan<int> KeyGroups => _keyGroups is null ? default : _keyGroups.AsSpan(0, _keyCount);

    internal void SetDistinctKeys(int[] rowKeys, int[] keyGroups, int keyCount)
    {
        _rowKeys = rowKeys;
        _keyGroups = keyGroups;
        _keyCount = keyCount;
    }

    internal void Reset(int rows)
    {
        if (_groups.Length < rows) _groups = new int[Math.Max(rows, _groups.Length * 2)];
        if (_touched.Length < rows)
        {
            _touched = new int[Math.Max(rows, _touched.Length * 2)];
            _isNew = new bool[_touched.Length];
            _firstRows = new int[_touched.Length];
        }
        RowCount = rows;
        TouchedCount = 0;
        _rowKeys = null;
        _keyGroups = null;
        _keyCount = 0;
    }

    internal void SetGroup(int row, int group)
    {
        _groups[row] = group;
        // A row moved to another group no longer has its key's group.
        _rowKeys = null;
        _keyGroups = null;
    }

    internal void AddTouched(int group, bool isNew, int firstRow)
    {
        _firstRows[TouchedCount] = firstRow;
        _touched[TouchedCount] = group;
        _isNew[TouchedCount++] = isNew;
    }

    internal void MarkLoaded(int touchedIndex) => _isNew[touchedIndex] = false;
}
