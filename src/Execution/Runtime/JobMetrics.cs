namespace StreamSql.Execution.Runtime;

/// <summary>
/// A job's counters, summed over its subtasks (Flink's metric names): written by operators on their own threads,
/// read by SHOW JOBS and the REST API's job details.
/// </summary>
public sealed class JobMetrics
{
    private long _lateRecordsDropped;

    /// <summary>Rows a window operator dropped because their window had already fired (Flink's <c>numLateRecordsDropped</c>).</summary>
    public long NumLateRecordsDropped => Interlocked.Read(ref _lateRecordsDropped);

    public void AddLateRecordsDropped(long count) => Interlocked.Add(ref _lateRecordsDropped, count);
}
