namespace StreamSql.Bench.Sources;

/// <summary>Rows the sources of a run have read so far (for the progress line); shared by all their subtasks.</summary>
public sealed class SourceProgress
{
    private long _rows;

    public long Rows => Interlocked.Read(ref _rows);

    public void Add(long rows) => Interlocked.Add(ref _rows, rows);

    public void Reset() => Interlocked.Exchange(ref _rows, 0);
}
