using System.Collections.Concurrent;

namespace StreamSql.Control;

/// <summary>When each of a session's jobs ended (the runtime keeps only start times), recorded from attach on.</summary>
internal sealed class JobEndTimes
{
    private readonly ConcurrentDictionary<string, long> _ends = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public JobEndTimes(TimeProvider time) => _time = time;

    public void Track(JobClient job) =>
        job.Handle.Completion.ContinueWith(_ => _ends.TryAdd(job.Id, _time.GetUtcNow().ToUnixTimeMilliseconds()), TaskScheduler.Default);

    /// <summary>The job's end in epoch milliseconds, or -1 while it runs.</summary>
    public long EndOf(JobClient job) => job.IsTerminal && _ends.TryGetValue(job.Id, out var end) ? end : -1;
}
