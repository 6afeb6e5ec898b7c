namespace StreamSql.Execution.Batches;

/// <summary>Collects the runs of a batch a source reader is building: call <see cref="Add"/> as rows of a split are
/// appended (consecutive rows of one split extend its run), then <see cref="Build"/> once per batch.</summary>
public sealed class SourceSplitsBuilder
{
    private string[] _splits = new string[4];
    private int[] _ends = new int[4];
    private int _runs;
    private int _rows;

    /// <summary>The next <paramref name="rows"/> rows of the batch come from split <paramref name="splitId"/>.</summary>
    public void Add(string splitId, int rows)
    {
        if (rows <= 0) return;
        _rows += rows;
        if (_runs > 0 && string.Equals(_splits[_runs - 1], splitId, StringComparison.Ordinal))
        {
            _ends[_runs - 1] = _rows;
            return;
        }
        if (_runs == _splits.Length)
        {
            Array.Resize(ref _splits, _runs * 2);
            Array.Resize(ref _ends, _runs * 2);
        }
        _splits[_runs] = splitId;
        _ends[_runs++] = _rows;
    }

    /// <summary>The runs added since the last call (null when there were no rows), and starts over.</summary>
    public SourceSplits? Build(SourceSplitSet assigned)
    {
        if (_runs == 0) return null;
        var result = new SourceSplits(assigned, _splits[.._runs], _ends[.._runs], _runs);
        Clear();
        return result;
    }

    public void Clear()
    {
        _runs = 0;
        _rows = 0;
    }
}
