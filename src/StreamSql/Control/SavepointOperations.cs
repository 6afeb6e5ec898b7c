using System.Collections.Concurrent;
using StreamSql.Execution.Checkpointing;

namespace StreamSql.Control;

/// <summary>
/// Savepoints triggered through the control endpoint, by trigger id, as Flink's asynchronous operations: the trigger
/// returns an id at once and the client polls for the result. An engine that is about to exit (its last job was just
/// stopped with a savepoint) waits briefly until the client has read the result, so the path is not lost.
/// </summary>
internal sealed class SavepointOperations
{
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts <paramref name="run"/> and returns its trigger id. A synchronous throw becomes a failed operation.</summary>
    public string Start(string jobId, Func<Task<CheckpointStats>> run)
    {
        Task<CheckpointStats> task;
        try
        {
            task = run();
        }
        catch (Exception e)
        {
            task = Task.FromException<CheckpointStats>(e);
        }
        var id = Guid.NewGuid().ToString("N");
        _operations[id] = new Operation(jobId, task);
        return id;
    }

    /// <summary>The operation with this trigger id for this job, or null.</summary>
    public Operation? Find(string jobId, string triggerId) =>
        _operations.TryGetValue(triggerId, out var op) && string.Equals(op.JobId, jobId, StringComparison.OrdinalIgnoreCase) ? op : null;

    /// <summary>Waits until every operation that ended has been read by a client (or was never going to be), at most <paramref name="timeout"/>.</summary>
    public async Task WaitUntilResultsReadAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            bool pending = false;
            foreach (var op in _operations.Values)
                if (!op.ResultRead) { pending = true; break; }
            if (!pending) return;
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>One triggered savepoint.</summary>
    internal sealed class Operation
    {
        private int _read;

        public Operation(string jobId, Task<CheckpointStats> task)
        {
            JobId = jobId;
            Task = task;
        }

        public string JobId { get; }
        public Task<CheckpointStats> Task { get; }
        public bool ResultRead => Volatile.Read(ref _read) != 0;
        public void MarkRead() => Volatile.Write(ref _read, 1);
    }
}
