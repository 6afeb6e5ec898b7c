using Apache.Arrow;

namespace StreamSql.Execution.Operators.Lookup;

/// <summary>The rows a lookup join emits for a batch, in order: each an input row and a row of a batch of the table's
/// rows (a fetched batch, or a one-row batch of NULLs for padding).</summary>
internal sealed class JoinedRows
{
    public readonly record struct Run(RecordBatch Source, int Start, int Count);

    private RecordBatch[] _sources;

    public JoinedRows(int capacity)
    {
        capacity = Math.Max(capacity, 4);
        InputRows = new int[capacity];
        DimRows = new int[capacity];
        _sources = new RecordBatch[capacity];
    }

    public int Count { get; private set; }
    public int[] InputRows { get; private set; }
    public int[] DimRows { get; private set; }

    public void Add(int inputRow, RecordBatch source, int dimRow)
    {
        if (Count == InputRows.Length)
        {
            int size = Count * 2;
            var inputRows = InputRows;
            var dimRows = DimRows;
            System.Array.Resize(ref inputRows, size);
            System.Array.Resize(ref dimRows, size);
            System.Array.Resize(ref _sources, size);
            InputRows = inputRows;
            DimRows = dimRows;
        }
        InputRows[Count] = inputRow;
        DimRows[Count] = dimRow;
        _sources[Count] = source;
        Count++;
    }

    /// <summary>Maximal runs of consecutive rows from one source batch (one gather segment each).</summary>
    public List<Run> SourceRuns()
    {
        var runs = new List<Run>();
        int start = 0;
        for (int i = 1; i <= Count; i++)
        {
            if (i < Count && ReferenceEquals(_sources[i], _sources[start])) continue;
            runs.Add(new Run(_sources[start], start, i - start));
            start = i;
        }
        return runs;
    }
}
